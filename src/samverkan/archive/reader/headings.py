"""Find numbered item headings ("4. Rapporter", "2:Val av justerare", "a) ...") and their extent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from samverkan.language.gazetteer import Gazetteer
from samverkan.language.lexicon import (
    ABSENT_LABELS,
    ATTACHMENT_ABBREVIATION,
    ATTACHMENT_WORDS,
    CASE_SECTIONS,
    CLAUSE_WORD,
    CONNECTORS,
    DATE_LABELS,
    MUNICIPALITY_COLUMN,
    NEGATABLE_PRESENT_LABELS,
    PAGE_WORDS,
    PAPERS_LABELS,
    PLACE_LABELS,
    PRESENT_LABELS,
    PRESENTER_LABELS,
    REGISTRY_LABELS,
    ROLE_LABELS,
    TIME_LABELS,
)
from samverkan.language.patterns import alternation

from .clauses import is_block_opener, is_clause_line
from .lines import Line
from .people import starts_with_name

_NOT_CLAUSE = f"(?![{CLAUSE_WORD[0].upper()}{CLAUSE_WORD[0]}]{CLAUSE_WORD[1:]}\\s)"  # "4. att …" is a clause
_TOP = re.compile(rf"^(?:§\s*)?(\d{{1,3}})\s*[.:)]\s*{_NOT_CLAUSE}([\"”“'(]?[A-ZÅÄÖÉ].*)$")
# "§ 12 Titel", "§ 12/21 Titel" (the paragraph numbered within the year).
_PARAGRAPH_SIGN = re.compile(r"^§\s*(\d{1,3})(?:/\d{2,4})?\s+([A-ZÅÄÖÉ].*)$")
# "4 Titel": a number, a space and no dot; a heading only when such numbers run in order.
_BARE = re.compile(r"^(\d{1,3})\s+([\"”“']?[A-ZÅÄÖÉ][a-zåäöéA-ZÅÄÖÉ].*)$")
_DOTTED_SUB = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+([\"”“'(]?[A-ZÅÄÖÉ].*)$")
_LETTER_SUB = re.compile(r"^([a-zåäö])\.?\s*\)\s*(\S.*)$")  # "a) Titel", "a.) Titel"
_PRESENTER_LABEL = re.compile(rf"^(?:{alternation(PRESENTER_LABELS)})\b", re.IGNORECASE)
_CONNECTOR_END = re.compile(rf"(?:\b(?:{alternation(CONNECTORS)})|[,–-])$")
MAX_TITLE_LENGTH = 220
MAX_HEADING_LINES = 5
# A heading line ending in one of these has ended: its title does not run on to a capitalised line.
_TITLE_END = (".", "!", "?", ":", ";", ")", "\"", "”", "»")
_SENTENCE_END = (".", "!", "?", ":", ",", ";")
_SENTENCE_END_CHARS = ".!?:,;"
# Lines that open something of their own rather than continue a title: "Datum: …", "Närvarande",
# "Bilaga 3", "Sida 2 av 4", section words of a case ("Bakgrund", "Ärendebeskrivning").
_LABEL_LINE = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ -]{0,30}:")
_OWN_LINE_WORDS = (
    *PRESENT_LABELS, *(label.split()[0] for label in NEGATABLE_PRESENT_LABELS), *ABSENT_LABELS,
    *DATE_LABELS, *TIME_LABELS, *PLACE_LABELS, *REGISTRY_LABELS, MUNICIPALITY_COLUMN,
    f"{MUNICIPALITY_COLUMN}er", *ATTACHMENT_WORDS, ATTACHMENT_ABBREVIATION,
    *(word.capitalize() for word in PAGE_WORDS), *CASE_SECTIONS, *ROLE_LABELS,
)
_OWN_LINE = re.compile(rf"^(?:{alternation(_OWN_LINE_WORDS)})\b")
# "Bilagor:" / "Handlingar:" opens a list of papers: its letters "a) …" are no subitems.
_PAPERS_LIST = re.compile(rf"^(?:{alternation(PAPERS_LABELS)})\s*:")
# A wrapped heading line fills most of the text width; a short heading line was not wrapped.
WRAPPED_SHARE = 0.7


@dataclass
class Heading:
    start: int  # index of the heading's first line
    end: int  # index after its last line
    number: str
    level: int  # 0 = item, 1 = subitem
    text: str  # heading text without its number, lines joined
    line_number: int


def find_headings(lines: list[Line], warnings: list[str], gazetteer: Gazetteer) -> list[Heading]:
    """Numbered headings in document order, told apart from numbered text by their sequence."""
    headings: list[Heading] = []
    width: list[int] = []  # the text width, measured when first needed
    last_top: int | None = None
    last_sub = 0
    index = 0
    bare = _bare_numbers(lines)
    papers = False  # inside a list of papers ("Bilagor: a) …")
    block = False  # under a proposal or decision opener: its numbered points are no subitems
    points = 0  # the last numbered point read under that opener
    while index < len(lines):
        text = lines[index].text
        found = _chained(lines[index]) or _numbered(text) or bare.get(index)
        if _PAPERS_LIST.match(text):
            papers = True
        elif not found or found[0] != "letter":
            papers = papers and not (lines[index].blank or found)
        if not found and is_block_opener(text):
            block = True
        if not found or (papers and found[0] == "letter"):
            index += 1
            continue
        kind, number, text = found
        level = 0 if kind == "chain" else _level(kind, number, last_top, last_sub)
        if block and kind == "number" and (level == 1 or _continues_points(points, number, text)):
            points = int(number)  # "Beslut 1. Eva Lund utses … 2. Per Ek …": points of the decision
            index += 1
            continue
        block, points = block and level != 0, 0
        if kind == "bare":
            level = 0 if _bare_runs_on(bare, index, int(number), last_top) else None
        if level is None:
            if kind == "number" and last_top is not None and int(number) > last_top + 3:
                warnings.append(
                    f"rad {lines[index].number}: numrerad rad {number} passar inte i punktföljden "
                    "och lästes som text"
                )
            index += 1
            continue
        if level == 0:
            last_top, last_sub = int(number), 0
        elif kind in ("number", "dotted"):
            last_sub = int(number)
        end, text = _join_continuation(lines, index + 1, text, width, gazetteer)
        headings.append(Heading(index, end, str(number), level, text, lines[index].number))
        index = end
    return headings


_NUMBER_FIRST = frozenset("§0123456789")
BARE_GAP = 3  # numbers in order may skip a few (an item withdrawn, a paragraph kept secret)


def _bare_numbers(lines: list[Line]) -> dict[int, tuple[str, str, str]]:
    """Lines that open with a bare number ("4 Titel"), each starting a line of the text (not a piece
    cut from inside a longer line), by index."""
    found = {}
    for index, line in enumerate(lines):
        text = line.text
        if text[:1].isdigit() and (index == 0 or lines[index - 1].number != line.number):
            match = _BARE.match(text)
            if match and len(match.group(2)) <= MAX_TITLE_LENGTH and not _numbered(text):
                found[index] = ("bare", match.group(1), match.group(2))
    return found


def _continues_points(points: int, number: str, text: str) -> bool:
    """The next point of a numbered decision is a sentence, not a heading."""
    return points > 0 and int(number) == points + 1 and text.rstrip().endswith((".", "!", "?"))


def _chained(line: Line) -> tuple[str, str, str] | None:
    """An item start the paragraph chain found ("12 Titel", its prefix and the "§" lost)."""
    if not line.item:
        return None
    number, _, title = line.text.partition(" ")
    return "chain", number, title


def _bare_runs_on(bare: dict[int, tuple[str, str, str]], index: int, number: int, last_top: int | None) -> bool:
    """A bare number continues the items (one to BARE_GAP after the last); the first one needs the
    next bare number after it to follow it."""
    if last_top is not None:
        return last_top < number <= last_top + BARE_GAP
    following = next((int(found[1]) for i, found in bare.items() if i > index), None)
    return following is not None and number < following <= number + BARE_GAP


def _numbered(text: str) -> tuple[str, str, str] | None:
    first = text[:1]
    if first not in _NUMBER_FIRST:
        if first.islower() and ")" in text[1:5]:
            letter = _LETTER_SUB.match(text)
            if letter and not is_clause_line(letter.group(2)) and len(letter.group(2)) <= MAX_TITLE_LENGTH:
                return "letter", letter.group(1), letter.group(2)
        return None
    for kind, pattern in (("dotted", _DOTTED_SUB), ("number", _TOP), ("number", _PARAGRAPH_SIGN)):
        match = pattern.match(text)
        if match and len(match.group(match.lastindex)) <= MAX_TITLE_LENGTH:
            if kind == "dotted":
                return kind, f"{match.group(1)}.{match.group(2)}", match.group(3)
            return kind, match.group(1), match.group(2)
    return None


def _level(kind: str, number: str, last_top: int | None, last_sub: int) -> int | None:
    if kind == "letter":
        return 1 if last_top is not None else None
    if kind == "dotted":
        top, _ = number.split(".")
        return 1 if last_top is not None and int(top) == last_top else None
    value = int(number)
    if last_top is None or value == last_top + 1:
        return 0
    if value == last_sub + 1:
        return 1
    if last_top + 1 < value <= last_top + 3:
        return 0
    return None


def _join_continuation(
    lines: list[Line], index: int, text: str, width: list[int], gazetteer: Gazetteer
) -> tuple[int, str]:
    """Join heading lines that continue the title; return the index after the heading and its text."""
    end = index
    for _ in range(MAX_HEADING_LINES - 1):
        following = _next_text_line(lines, end)
        if following is None:
            break
        candidate = lines[following].text
        if not _continues_heading(text, candidate, lines, following, following == end, width, gazetteer):
            break
        text = f"{text} {candidate}"
        end = following + 1
    return end, text


def _text_width(lines: list[Line]) -> int:
    """The width the text is wrapped at: the median length of lines that a sentence runs on from
    (the next line starts in lowercase), sampled over every third line; without such lines, the
    length most lines stay under."""
    for step in (3, 1):
        wrapped = []
        for index in range(0, len(lines) - 1, step):
            text = lines[index].text
            if text and lines[index + 1].text[:1].islower() and text[-1] not in _SENTENCE_END_CHARS:
                wrapped.append(len(text))
        if len(wrapped) >= 3:
            wrapped.sort()
            return wrapped[len(wrapped) // 2]
    lengths = sorted([len(line.text) for line in lines if line.text])
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _next_text_line(lines: list[Line], index: int, max_blanks: int = 2) -> int | None:
    blanks = 0
    while index < len(lines) and lines[index].blank:
        blanks += 1
        index += 1
    if index >= len(lines) or blanks > max_blanks:
        return None
    return index


def _continues_heading(
    text: str, candidate: str, lines: list[Line], index: int, adjacent: bool, measured: list[int],
    gazetteer: Gazetteer,
) -> bool:
    """A lowercase line or one after a connecting word; or the rest of a heading the layout wrapped."""
    if len(candidate) > 150 or _numbered(candidate) or _BARE.match(candidate) or _PRESENTER_LABEL.match(candidate):
        return False
    if is_clause_line(candidate) or is_block_opener(candidate):
        return False
    text = text.rstrip()
    if text.endswith((".", "!", "?")) and not text.endswith("s.k."):
        return False
    if candidate[0].islower() or _CONNECTOR_END.search(text):
        return True
    return adjacent and _wraps_onto(lines, index, text, measured, gazetteer)


def _wraps_onto(lines: list[Line], index: int, text: str, measured: list[int], gazetteer: Gazetteer) -> bool:
    """A capitalised or numeric line directly under a heading that was wrapped by the layout (PDF text).

    The heading's last line fills the text width and does not end its title, and the next line is a
    short, title-like remainder: no structural line (presenter, clause, list label, numbered heading,
    name), no sentence, and followed by a structural line, a blank or the end, or clearly shorter than
    a full line (the first line of a paragraph fills the width).
    """
    candidate = lines[index].text
    if text.endswith(_TITLE_END) or candidate.endswith(_SENTENCE_END):
        return False
    if not measured:
        measured.append(_text_width(lines))
    width = measured[0]
    if len(lines[index - 1].text) < width * WRAPPED_SHARE or len(candidate) > width:
        return False
    if len(text) + len(candidate) >= MAX_TITLE_LENGTH or _opens_own_line(candidate, gazetteer):
        return False
    after = lines[index + 1].text if index + 1 < len(lines) else ""
    return not after or _is_structural(after, gazetteer) or len(candidate) < width * WRAPPED_SHARE


def _opens_own_line(text: str, gazetteer: Gazetteer) -> bool:
    """A label ("Datum:", "Närvarande", "Bilaga 3"), a section word or a person's name opens the line."""
    return bool(_LABEL_LINE.match(text) or _OWN_LINE.match(text)) or starts_with_name(text, gazetteer)


def _is_structural(text: str, gazetteer: Gazetteer) -> bool:
    """Lines that begin something of their own: headings, presenters, clauses, labels, names."""
    if _numbered(text) or _PRESENTER_LABEL.match(text) or is_clause_line(text) or is_block_opener(text):
        return True
    return _opens_own_line(text, gazetteer)
