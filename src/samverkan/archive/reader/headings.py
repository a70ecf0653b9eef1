"""Find numbered item headings ("4. Rapporter", "2:Val av justerare", "a) ...") and their extent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import is_block_opener, is_clause_line
from .lines import Line

_TOP = re.compile(r"^(?:§\s*)?(\d{1,3})\s*[.:)]\s*(?![Aa]tt\s)([\"”“'(]?[A-ZÅÄÖÉ].*)$")
_PARAGRAPH_SIGN = re.compile(r"^§\s*(\d{1,3})\s+([A-ZÅÄÖÉ].*)$")
_DOTTED_SUB = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+([\"”“'(]?[A-ZÅÄÖÉ].*)$")
_LETTER_SUB = re.compile(r"^([a-zåäö])\s*\)\s*(\S.*)$")
_PRESENTER_LABEL = re.compile(r"^(?:Föredragande|Föredragare|Presentatör)\b", re.IGNORECASE)
_CONNECTOR_END = re.compile(
    r"(?:\b(?:och|i|av|om|för|enligt|under|med|på|till|mellan|samt|från|mot|vid|eller|rörande|"
    r"avseende|kring|inom|den|det|de|en|ett|s\.k\.|inkl\.|t\.ex\.|angående|gällande|efter|hos|"
    r"som|när|ur|åt|genom|inför)|[,–-])$"
)
MAX_TITLE_LENGTH = 220
MAX_HEADING_LINES = 5


@dataclass
class Heading:
    start: int  # index of the heading's first line
    end: int  # index after its last line
    number: str
    level: int  # 0 = item, 1 = subitem
    text: str  # heading text without its number, lines joined
    line_number: int


def find_headings(lines: list[Line], warnings: list[str]) -> list[Heading]:
    """Numbered headings in document order, told apart from numbered text by their sequence."""
    headings: list[Heading] = []
    last_top: int | None = None
    last_sub = 0
    index = 0
    while index < len(lines):
        found = _numbered(lines[index].text)
        if not found:
            index += 1
            continue
        kind, number, text = found
        level = _level(kind, number, last_top, last_sub)
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
        end, text = _join_continuation(lines, index + 1, text)
        headings.append(Heading(index, end, str(number), level, text, lines[index].number))
        index = end
    return headings


_NUMBER_FIRST = frozenset("§0123456789")


def _numbered(text: str) -> tuple[str, str, str] | None:
    first = text[:1]
    if first not in _NUMBER_FIRST:
        if first.islower() and ")" in text[1:4]:
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


def _join_continuation(lines: list[Line], index: int, text: str) -> tuple[int, str]:
    """Join heading lines that continue the title; return the index after the heading and its text."""
    end = index
    for _ in range(MAX_HEADING_LINES - 1):
        following = _next_text_line(lines, end)
        if following is None:
            break
        candidate = lines[following].text
        if not _continues_heading(text, candidate):
            break
        text = f"{text} {candidate}"
        end = following + 1
    return end, text


def _next_text_line(lines: list[Line], index: int, max_blanks: int = 2) -> int | None:
    blanks = 0
    while index < len(lines) and lines[index].blank:
        blanks += 1
        index += 1
    if index >= len(lines) or blanks > max_blanks:
        return None
    return index


def _continues_heading(text: str, candidate: str) -> bool:
    if len(candidate) > 150 or _numbered(candidate) or _PRESENTER_LABEL.match(candidate):
        return False
    if is_clause_line(candidate) or is_block_opener(candidate):
        return False
    if text.rstrip().endswith((".", "!", "?")) and not text.rstrip().endswith("s.k."):
        return False
    return candidate[0].islower() or bool(_CONNECTOR_END.search(text.rstrip()))
