"""Turn raw document text into clean numbered lines: markup, page furniture and run-on lines."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import NamedTuple

from samverkan.language.lexicon import (
    ABSENT_LABELS,
    ATTACHMENT_ABBREVIATION,
    ATTACHMENT_WORDS,
    CITING_WORDS,
    CLAUSE_WORD,
    CLOCK_WORD,
    COMBINED_LABELS,
    CONNECTORS,
    CONTACT_WORDS,
    DATE_LABELS,
    DECIDING_VERBS,
    DECISION_LABEL,
    DOCUMENT_DATE_LABEL,
    PAGE_FURNITURE_TITLES,
    PAGE_WORDS,
    PAPERS_LABELS,
    PLACE_LABELS,
    PRESENT_LABELS,
    PRESENTER_LABELS,
    PRESENTER_PHRASES_BEFORE,
    PROPOSAL_HEADING,
    PROPOSAL_LABEL,
    PROPOSING_VERBS,
    REGISTRY_LABELS,
    SECTION_TYPES,
    SIGNATURE_CERTIFICATE,
    SIGNATURE_HOLDERS,
    SIGNATURE_WORD,
    TIME_LABELS,
)
from samverkan.language.patterns import alternation

_PRESENTER = PRESENTER_LABELS[0]  # "Föredragande", the label a run-on line is cut before
_BLOCK_VERBS = alternation((*DECIDING_VERBS, *PROPOSING_VERBS))
_ATTACHMENT = rf"(?:{alternation(ATTACHMENT_WORDS)}|{ATTACHMENT_ABBREVIATION}\.?)"


class Line(NamedTuple):
    """One cleaned line (a named tuple: cheap to create for every line of every document)."""

    number: int  # 1-based line number in the original text
    text: str
    item: bool = False  # opens with an item number found by the paragraph chain (see split_at_paragraph_chain)
    page: bool = False  # opens a page cut out of a longer line at its page mark (see split_at_page_marks)

    @property
    def blank(self) -> bool:
        return not self.text


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")
# A Markdown heading joined onto the line before it (PDF text): "… handlingarna. ### 4. Titel".
_MARKDOWN_INNER_HEADING = re.compile(r" #{1,6} +(?=\S)")
_MARKDOWN_EMPHASIS = re.compile(r"\*+|(?<!\w)__|__(?!\w)")
_MARKDOWN_ESCAPE = re.compile(r"\\([.\-*_#()\[\]])")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b]+")
_UNICODE_SPACE = re.compile(r"[\u00a0\u2007\u202f\u200b]")
# Page furniture inside a line: "Sida 2 av 5", "sida 3 (8)", "PROTOKOLL 2 (6)".
_PAGE_MARKS = re.compile(
    r"\b[Ss][Ii][Dd][Aa]\s+\d+\s*(?:[Aa][Vv]|\()\s*\d+\)?"
    rf"|\b(?:{alternation(PAGE_FURNITURE_TITLES)})"
    r"\s+\d+\s*\(\d+\)"
)
_BARE_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^\d{1,3}\s*\(\d{1,3}\)$")
_PAGE_NUMBER_START = frozenset("0123456789-–")
# Signature boxes printed on every page of a protocol: "Justerandes sign", "Utdragsbestyrkande".
_SIGNATURE = (
    rf"(?:(?:{alternation(SIGNATURE_HOLDERS)})\s+{SIGNATURE_WORD}(?:atur(?:er)?)?\.?|{SIGNATURE_CERTIFICATE})"
)
_SIGNATURE_BOX = re.compile(rf"^{_SIGNATURE}(?:\s+{_SIGNATURE})*$", re.IGNORECASE)
# "4. Titel", "2:Titel", "§ 12 Titel" (after § the punctuation is optional).
_HEADING_START = re.compile(r"^(?:§\s*\d{1,3}\s*[.:)]?|\d{1,2}\s*[.:)])\s*[\"”“]?[A-ZÅÄÖ]")
_HEADING_FIRST = frozenset("§0123456789")
_FURNITURE_WORDS = alternation((DOCUMENT_DATE_LABEL, *REGISTRY_LABELS, *PAGE_WORDS, *CONTACT_WORDS))
_FURNITURE = re.compile(rf"^(?:{_FURNITURE_WORDS}|www\.|box\s+\d)|@|\b\d{{3}} ?\d{{2}}\b", re.IGNORECASE)
_STRUCTURAL_START = re.compile(
    rf"^(?:{CLAUSE_WORD}\s|{PROPOSAL_LABEL}|{_PRESENTER}|{DECISION_LABEL})|\b(?:{_BLOCK_VERBS})\s*:?\s*$",
    re.IGNORECASE,
)

RUN_ON_LENGTH = 100
_BULLETS = "•▪◦●■‣⁃"  # list bullets: each opens a line of its own
# Where a run-on line is cut. Cleaned text has single spaces, so every cut is at one " ": the
# pattern opens with that literal space (fast to scan for) and tests what follows and precedes it.
_LIST_AND_HEADER_LABELS = alternation((
    *PRESENT_LABELS, *ABSENT_LABELS, *DATE_LABELS, *COMBINED_LABELS, *PLACE_LABELS, *TIME_LABELS,
    *REGISTRY_LABELS,
))
_PRESENTER_PHRASE = alternation(PRESENTER_PHRASES_BEFORE)
_PAPERS = alternation(PAPERS_LABELS)
_RUN_ON_MARKERS = re.compile(
    rf" (?:(?={_PRESENTER}\s*:|{_PRESENTER}\s[A-ZÅÄÖ][a-zåäö]+\s[A-ZÅÄÖ])"
    rf"|(?<=[a-zåäö0-9)] )(?={_PRESENTER_PHRASE}\s[A-ZÅÄÖ][a-zåäö]+\s[A-ZÅÄÖ])"
    rf"|(?=(?:{_PAPERS})\s*:)"
    rf"|(?=(?i:{alternation(SECTION_TYPES)})(?:\s\d|$))"
    rf"|(?={alternation([PROPOSAL_HEADING])}\b)"
    rf"|(?:(?<={re.escape(PROPOSAL_HEADING)} )|(?<={re.escape(DECISION_LABEL)} ))(?=1\.\s[A-ZÅÄÖ])"
    rf"|(?<=[.!?:] )(?<!\d\. )(?<!\d: )(?=[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s[\wåäöÅÄÖ-]+){{0,3}}\s(?:{_BLOCK_VERBS})\s*:)"
    rf"|(?=[A-ZÅÄÖ][\wåäöÅÄÖ-]+\s(?:{_BLOCK_VERBS})\s*:)"
    rf"|(?<!\d\. )(?<!\d: )(?={DECISION_LABEL}\s*:)"
    rf"|(?<=[a-zåäö0-9.] )(?={DECISION_LABEL}\s[-–]\s)"
    rf"|(?=(?:{_LIST_AND_HEADER_LABELS})\s*:)"
    rf"|(?<=[^\d\s][.;:] )(?={CLAUSE_WORD}\s)"
    rf"|(?=[{_BULLETS}]\s)"
    # a bare label before a value of its kind (a web page's label column, flattened): "Klockan 18:00", "Plats Tensta"
    rf"|(?<=[\wåäö)] )(?=(?:{alternation(TIME_LABELS)})\s\d{{1,2}}[.:]\d{{2}}\b)"
    rf"|(?<=[\wåäö)] )(?=(?:{alternation(PLACE_LABELS)})\s[A-ZÅÄÖ][a-zåäö]))"
)
# Group 1 is a "§ 12" number, group 2 a plain "4." number.
# "§ 12/20": the paragraph numbered within the year.
_EMBEDDED_NUMBER = re.compile(r"(?<=\s)(?:§\s*(\d{1,3})(?:/\d{2,4})?\s*[.:]?|(\d{1,2})\s*[.:])\s*(?=[\"”“]?[A-ZÅÄÖ])")
_LEADING_NUMBER = re.compile(r"^(?:§\s*(\d{1,3})\s*[.:)]?|(\d{1,2})\s*[.:)])")


def clean_lines(text: str) -> list[Line]:
    """Split text into cleaned lines that keep their original line numbers."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    raw, numbers, pages = split_at_page_marks(raw)
    raw = _without_page_counter(raw)
    lines = [
        Line(n, clean_text(t) if t and not t.isspace() else "", page=page)
        for n, t, page in zip(numbers, raw, pages)
    ]
    lines = _rejoin_attachment_numbers(lines, raw)
    lines = drop_repeated_page_headers(lines)
    return split_at_letter_chain(split_at_paragraph_chain(split_run_on_lines(lines)))


def clean_text(text: str) -> str:
    """Remove Markdown markup, page numbers and surplus white space from one line."""
    text = text.strip()
    if not text:
        return ""
    if text[0] == "\ufeff":
        text = text.lstrip("\ufeff").strip()
        if not text:
            return ""
    if "#" in text:
        if text[0] == "#":
            text = _MARKDOWN_HEADING.sub("", text)
        if " #" in text:
            text = _MARKDOWN_INNER_HEADING.sub(" ", text)
    if "\\" in text:
        text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    if "*" in text or "__" in text:
        text = _MARKDOWN_EMPHASIS.sub("", text)
    if "(" in text or "ida" in text or "IDA" in text:
        text = _PAGE_MARKS.sub("", text)
    if "  " in text or "\t" in text or (not text.isascii() and _UNICODE_SPACE.search(text)):
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if text and text[0] in _PAGE_NUMBER_START and _BARE_PAGE_NUMBER.match(text):
        return ""
    if "sign" in text or "bestyrk" in text:
        return "" if _SIGNATURE_BOX.match(text) else text
    return text
# A page's mark in flattened text: "3 (8)", "2(19)", "Sida 3 av 24", with the title before it
# ("PROTOKOLL 2(6)", "Sammanträdesprotokoll Sida 3 (24)"). Group "page" is the page, "of" the count.
# A page counter before it ("3 Sammanträdesprotokoll Sida 3 (24)") belongs to the mark.
_PAGE_MARK = re.compile(
    r"(?:(?<!\S)(?P<counter>\d{1,3})\s+)?"
    rf"(?:\b\w*(?i:{alternation(PAGE_FURNITURE_TITLES)})\w*\s+)?(?:\b[Ss]ida\s+)?"
    r"(?<![\d(])(?P<page>\d{1,3})\s?(?:\(\s?(?P<of>\d{1,3})\s?\)|av\s(?P<of2>\d{1,3})\b"
    # the page, its running header of a few words, the count: "3 Kommunala Handikapprådet (19)"
    r"|\s(?:[A-ZÅÄÖ][\wåäöÅÄÖ-]+\s){1,3}\((?P<of3>\d{1,3})\))"
)


def split_at_page_marks(raw: list[str]) -> tuple[list[str], list[int], list[bool]]:
    """Text whose line breaks were lost holds its pages in one line: a line with page marks of one
    count whose pages run in order ("1 (8)" … "2 (8)" … "3 (8)") is cut before each mark after its
    first, so each page gets a line of its own (its line number stays the original one). Returns the
    lines, their original line numbers and whether each opens a page cut out of a longer line."""
    result: list[str] = []
    numbers: list[int] = []
    pages: list[bool] = []
    for number, text in enumerate(raw, start=1):
        cuts = _page_cuts(text) if len(text) > PAGE_LINE_LENGTH and ("(" in text or "av " in text) else []
        start = 0
        for cut in cuts:
            result.append(text[start:cut])
            numbers.append(number)
            pages.append(start > 0)
            start = cut
        result.append(text[start:])
        numbers.append(number)
        pages.append(start > 0)
    return result, numbers, pages


def _page_cuts(text: str) -> list[int]:
    """Where the pages of one line start: before each mark of the longest run of pages counted alike."""
    runs: dict[int, list[re.Match]] = {}
    for match in _PAGE_MARK.finditer(text):
        page, of = int(match.group("page")), int(match.group("of") or match.group("of2") or match.group("of3"))
        if not 0 < page <= of:
            continue
        counter = match.group("counter")
        start = match.start() if counter is None or int(counter) == page else match.start("counter") + len(counter) + 1
        run = runs.setdefault(of, [])
        if not run or page > run[-1][0]:
            run.append((page, start))
    best = max(runs.values(), key=len, default=[])
    if len(best) < 2:
        return []
    # the text before the first page's mark is that page's top
    return [start for position, (page, start) in enumerate(best) if start > 0 and (position or page > 1)]


_PAGE_COUNTER = re.compile(r"^\s*(\d{1,3})\s+(?=\S)")
PAGE_LINE_LENGTH = 300  # a line this long is a whole page of PDF text, not a heading


def _without_page_counter(raw: list[str]) -> list[str]:
    """PDF text with one page per line: when every line from the first numbered one on opens with the
    next page number (1, 2, 3 …) and a line is as long as a page, those numbers are page numbers and
    are removed (they are no item numbers)."""
    texts = [i for i, t in enumerate(raw) if t.strip()]
    start = next((position for position, i in enumerate(texts) if _PAGE_COUNTER.match(raw[i])), None)
    if start is None:
        return raw
    run = texts[start:]
    for expected, i in enumerate(run, start=1):
        match = _PAGE_COUNTER.match(raw[i])
        if not match or int(match.group(1)) != expected:
            return raw
    if not any(len(raw[i]) >= PAGE_LINE_LENGTH for i in run):
        return raw
    result = list(raw)
    for i in run:
        result[i] = raw[i][_PAGE_COUNTER.match(raw[i]).end():]
    return result


# A line ending in an attachment word waits for its number: "…, Bilaga" / "2", "Bilaga 1 och" / "2".
_AWAITS_ATTACHMENT_NUMBER = re.compile(
    rf"\b{_ATTACHMENT}(?:\s*\d{{1,3}}\s*(?:,|och|&|[-–]))*\s*$", re.IGNORECASE
)
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def _rejoin_attachment_numbers(lines: list[Line], raw: list[str]) -> list[Line]:
    """A bare number under a line that ends in "Bilaga" is the attachment's number, wrapped onto its
    own line, not a page number: it is joined back onto that line."""
    result: list[Line] = []
    for line, original in zip(lines, raw):
        if (
            not line.text
            and original
            and result
            and result[-1].text.endswith(("a", "r", "l", "l.", ",", "h", "&", "-", "–"))
            and _BARE_NUMBER.match(original)
            and _AWAITS_ATTACHMENT_NUMBER.search(result[-1].text)
        ):
            previous = result[-1]
            result[-1] = Line(previous.number, f"{previous.text} {original.strip()}")
            continue
        result.append(line)
    return result


def drop_repeated_page_headers(lines: list[Line]) -> list[Line]:
    """Blank out page headers/footers that repeat the document's first lines further down."""
    keys = [_key(line.text) for line in lines]
    counts = Counter(k for k in keys if k)
    header_zone = set()
    for line, key in zip(lines, keys):
        if line.text[:1] in _HEADING_FIRST and _HEADING_START.match(line.text):
            break
        if key and len(line.text) <= 80:
            header_zone.add(key)
    seen: set[str] = set()
    result = []
    for line, key in zip(lines, keys):
        repeated = key in seen and counts[key] > 1
        if (
            repeated
            and (key in header_zone or (counts[key] >= 3 and _FURNITURE.search(line.text)))
            and not _STRUCTURAL_START.match(line.text)
        ):
            result.append(Line(line.number, ""))
            continue
        seen.add(key)
        result.append(line)
    return result


def split_run_on_lines(lines: list[Line]) -> list[Line]:
    """Split lines whose line breaks were lost (PDF text) at headings and block markers.

    Long lines are split at every marker. Short lines (PDF text that joined a few short lines) go
    through the same splitter, but a clause ("att …") is only cut off after a block opener
    ("… beslutar:") or after a previous clause that ended in "."."""
    result: list[Line] = []
    last_item = 0
    last_letter = None  # None: no item yet; "": in an item, no subitem letter yet
    for line in lines:
        text = line.text
        long = len(text) > RUN_ON_LENGTH
        if not long and not (" " in text and (_may_run_on(text) or _HEADING_THEN_SENTENCE.match(text))):
            if text[:1] in _HEADING_FIRST:
                last_item = _next_item_number(text, last_item)
            last_letter = _next_letter(text, last_letter)
            result.append(line)
            continue
        previous = result[-1].text if result else ""
        pieces = _split_at_markers(text, None if long else previous)
        pieces, last_item = _split_at_item_numbers(pieces, last_item)
        pieces, last_letter = _split_at_letters(pieces, last_letter)
        if len(pieces) > 1 or not long or text[:1] in _HEADING_FIRST or text.startswith(_PRESENTER):
            pieces = [
                part for position, piece in enumerate(pieces)
                for part in _split_heading_from_sentence(piece, continued=long and position + 1 < len(pieces))
            ]
        for position, piece in enumerate(pieces):
            last_item = _next_item_number(piece, last_item)
            result.append(Line(line.number, piece, page=line.page and position == 0))
    return result


# "a) Titel" inside a line: a subitem when its letter continues the item's letters.
_EMBEDDED_LETTER = re.compile(r"(?<=\s)([a-h])\.?\s?\)\s?(?=[\"”“]?[A-ZÅÄÖ])")
_PAPERS_LABEL = re.compile(rf"\b(?:{_PAPERS})\s*:")
_LEADING_LETTER = re.compile(r"^([a-h])\.?\s?\)\s?[\"”“]?[A-ZÅÄÖ]")


def _next_letter(text: str, last_letter: str | None) -> str | None:
    """The last subitem letter after a line: "" after a heading, the letter after "b) Titel"."""
    if text[:1] in _HEADING_FIRST and _HEADING_START.match(text):
        return ""
    if text[1:3] in (")", ") ", ".)") or text[1:2] == " ":
        match = _LEADING_LETTER.match(text)
        if match:
            return match.group(1)
    return last_letter


def _split_at_letters(pieces: list[str], last_letter: str | None) -> tuple[list[str], str | None]:
    """Cut before "a) …" after an item's heading and before the letter after the last one."""
    result = []
    for piece in pieces:
        last_letter = _next_letter(piece, last_letter)
        cuts = []
        if last_letter is not None and ")" in piece:
            papers = _PAPERS_LABEL.search(piece)
            for match in _EMBEDDED_LETTER.finditer(piece):
                if papers and papers.start() < match.start():
                    break
                letter = match.group(1)
                if (letter == "a" and last_letter == "") or (last_letter and ord(letter) == ord(last_letter) + 1):
                    cuts.append(match.start())
                    last_letter = letter
        result.extend(_cut(piece, cuts) if cuts else [piece])
    return result, last_letter


# A short heading line with a sentence after its title ("13. Övriga frågor Nästa möte sker i mars.").
_HEADING_THEN_SENTENCE = re.compile(r"^(?:§\s*)?\d{1,3}\s*[.:)]?\s*\S.*[a-zåäö0-9)] [A-ZÅÄÖ][a-zåäö]+ [a-zåäö].*[.!?]$")
# A short line that may hold more than one line (a cheap test; the splitter decides): a block
# marker after other text, a clause after a sentence or an opener, an embedded heading number or
# subitem letter.
_EMBEDDED_CANDIDATE = re.compile(r" (?:§ ?\d|\d{1,2} ?[.:] ?[\"”“]?[A-ZÅÄÖ]|[a-zåäö]\.? ?\) ?[A-ZÅÄÖ])")


_CLAUSE_INSIDE = f" {CLAUSE_WORD} "
_CLAUSE_AFTER_SENTENCE = tuple(f"{mark} {CLAUSE_WORD} " for mark in ".:;")
_MARKERS_INSIDE = (f" {PROPOSAL_HEADING}", f" {_PRESENTER}", f" {DECISION_LABEL}")


def _may_run_on(text: str) -> bool:
    colon = text.rfind(":")
    if colon > 0 and text.count(" ", 0, colon) >= 2:
        return True
    if _CLAUSE_INSIDE in text and any(clause in text for clause in _CLAUSE_AFTER_SENTENCE):
        return True
    if any(marker in text for marker in _MARKERS_INSIDE):
        return True
    if any(f" {bullet} " in text for bullet in _BULLETS):
        return True
    return ("." in text or ":" in text or ")" in text or "§" in text) and _EMBEDDED_CANDIDATE.search(text) is not None


# What a clause may follow in a short line: a block opener or a clause of its own.
_BLOCK_OPENER = re.compile(
    rf"\b(?:{DECISION_LABEL}|{_BLOCK_VERBS}|{alternation([PROPOSAL_HEADING])})\s*:$", re.IGNORECASE
)


_CLAUSE_STARTS = (f"{CLAUSE_WORD} ", f"{CLAUSE_WORD.capitalize()} ")


def _opens_clause(text: str) -> bool:
    """A clause may start after this text: it opens a decision/proposal block or is a clause."""
    return text.startswith(_CLAUSE_STARTS) or (text.endswith(":") and _BLOCK_OPENER.search(text) is not None)


# Where a title or presenter ends and a sentence starts: a space before a capitalised word
# followed by whole sentences to the end of the piece (the last one may run on into the next line).
# The candidates are found by pattern; whether whole sentences follow is decided by _Sentences,
# once for the piece, so the search stays linear in the length of the piece.
# (A sentence may open with a person's name: "3. Val av justerare Ulla Jakobsson valdes till justerare.")
# (Not after a bare paragraph number, "… målning. 6 Svar på …": that number opens the next paragraph.)
_SENTENCE_AFTER_TITLE = re.compile(
    r"(?<=[a-zåäö0-9)])(?<!\s\d)(?<!\s\d\d)(?<!\s\d\d\d)\s+(?=[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?\s(?:[A-ZÅÄÖ][a-zåäö]+\s)?[a-zåäö])"
)
_PRESENTER_START = re.compile(rf"^{_PRESENTER}\b")
_SENTENCE_AFTER_PRESENTER = re.compile(r"\s+(?=[A-ZÅÄÖ][a-zåäö]+(?:\s[a-zåäö]+){2,})")
# A sentence end followed by something other than a new sentence ("… 3.5", "slut.och").
_BROKEN_END = re.compile(r"[.!?](?!\s[A-ZÅÄÖ(]|$)")
_END = re.compile(r"[.!?]")


class _Sentences:
    """Which positions of a piece are followed by whole sentences only, up to its end."""

    def __init__(self, piece: str) -> None:
        self.ends = [m.start() for m in _END.finditer(piece)]
        self.commas = [i for i, c in enumerate(piece) if c == ","] if "," in piece else []
        broken = [m.start() for m in _BROKEN_END.finditer(piece)]
        self.after = broken[-1] if broken else -1

    def follow(self, position: int, comma_free: bool = False) -> bool:
        """Sentences follow `position`; with comma_free, the first has no comma."""
        if position <= self.after:
            return False
        end = bisect_left(self.ends, position)
        if end == len(self.ends):
            return False
        comma = bisect_left(self.commas, position)
        return not comma_free or comma == len(self.commas) or self.commas[comma] > self.ends[end]


def _sentence_start(pattern: re.Pattern, piece: str, comma_free: bool = False) -> int | None:
    """The first candidate of `pattern` in `piece` that whole sentences follow."""
    sentences = _Sentences(piece)
    for match in pattern.finditer(piece, sentences.after + 1):
        if sentences.follow(match.start(), comma_free):
            return match.start()
    return None


def _split_heading_from_sentence(piece: str, bare: bool = False, continued: bool = False) -> list[str]:
    """In run-on text, a heading's title ends where a full sentence starts.

    "1. Mötets öppnande Ordföranden öppnade mötet." → the title is "Mötets öppnande". With `bare`, the
    piece opens with a paragraph number without a dot ("1 Mötets öppnande …").
    """
    if _PRESENTER_START.match(piece):
        start = _sentence_start(_SENTENCE_AFTER_PRESENTER, piece, comma_free=True)
        return _cut(piece, [start]) if start is not None else [piece]
    if bare:
        offset = piece.index(" ") + 1
    elif piece[:1] not in _HEADING_FIRST or not _HEADING_START.match(piece):
        return [piece]
    else:
        offset = _LEADING_NUMBER.match(piece).end()  # the title keeps at least its first word
    title = piece[offset:].lstrip()
    start = _sentence_start(_SENTENCE_AFTER_TITLE, title)
    if start is None and continued and not title.endswith((".", "!", "?", ":")):
        # cut from a longer line before the next heading: its last sentence may have lost its full stop
        start = _sentence_start(_SENTENCE_AFTER_TITLE, f"{title}.")
        if start is not None and not (_reads_as_sentence(title[start:]) and _repeats_title(title, start)):
            start = None
    if start is None:
        return [piece]
    return _cut(piece, [len(piece) - len(title) + start])


def _split_at_markers(text: str, previous: str | None = None) -> list[str]:
    """Cut text at the run-on markers. For a short line, `previous` is the line before it: a cut
    before "att" is kept only when the text before it opens a clause (see _opens_clause)."""
    cuts = [m.end() for m in _RUN_ON_MARKERS.finditer(text)]
    if previous is not None and cuts:
        kept, start = [], 0
        for cut in cuts:
            before = text[start:cut].strip()
            if text.startswith(CLAUSE_WORD, cut) and not (
                _opens_clause(before) or (start == 0 and not before.endswith(":") and _opens_clause(previous))
            ):
                continue
            kept.append(cut)
            start = cut
        cuts = kept
    return _cut(text, cuts)


# "enligt § 3 …", "i § 3": a paragraph cited in a sentence, not a heading.
_CITES_PARAGRAPH = re.compile(rf"(?:^|\s)(?:{alternation(CITING_WORDS)})\s$", re.IGNORECASE)


def _split_at_items_in(piece: str, last_item: int) -> tuple[list[str], int]:
    cuts = []
    for match in _EMBEDDED_NUMBER.finditer(piece):
        if _follows(match, last_item) and not (match.group(1) and _CITES_PARAGRAPH.search(piece, 0, match.start())):
            number = int(match.group(1) or match.group(2))
            cuts.append(match.start())
            last_item = number
    return _cut(piece, cuts), last_item


def _split_at_item_numbers(pieces: list[str], last_item: int) -> tuple[list[str], int]:
    result = []
    for piece in pieces:
        leading = _LEADING_NUMBER.match(piece)
        if leading and _HEADING_START.match(piece) and _follows(leading, last_item):
            last_item = int(leading.group(1) or leading.group(2))
        split, last_item = _split_at_items_in(piece, last_item)
        result.extend(split)
    return result, last_item


def _cut(text: str, cuts: list[int]) -> list[str]:
    pieces, start = [], 0
    for cut in cuts:
        if cut > start:
            pieces.append(text[start:cut].strip())
            start = cut
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _next_item_number(text: str, last_item: int) -> int:
    """The running item number after a line that may start with a heading number."""
    match = _LEADING_NUMBER.match(text)
    if match and _HEADING_START.match(text):
        number = int(match.group(1) or match.group(2))
        if number == last_item + 1 or last_item == 0:
            return number
    return last_item


def _follows(match: re.Match, last_item: int) -> bool:
    """A number continues the item sequence; the first "§ 12" of a protocol may start anywhere."""
    if match.group(1):
        return int(match.group(1)) == last_item + 1 or last_item == 0
    # one number may be missing: an item withdrawn, its number lost in extraction ("år 2011 7."), or item 1
    # left unnumbered ("Mötet öppnas. … 2. Föregående möte")
    number = int(match.group(2))
    return number in (last_item + 1, last_item + 2)


def _key(text: str) -> str:
    # Cleaned lines have single spaces only.
    return text.replace(" ", "").lower()


# Paragraph numbers in text whose line breaks are lost: "… 2 Fastställande av dagordning …",
# "KHR 3 Godkännande …" (a body's prefix before the number, the "§" lost), "7 112 Val av justerare"
# (a page number before it). Group "code" is the prefix, "number" the paragraph number.
_CHAIN_CANDIDATE = re.compile(
    r"(?:^|(?<=\s))(?<!§\s)(?:(?P<code>[A-ZÅÄÖ][A-Za-zåäöÅÄÖ]{1,3})\s)?(?P<number>\d{1,3})\s(?=[\"”“]?[A-ZÅÄÖ][a-zåäöA-ZÅÄÖ])"
)
_NOT_CODES = frozenset(
    word.lower() for word in (
        CLOCK_WORD, *PAGE_WORDS, ATTACHMENT_ABBREVIATION, *ATTACHMENT_WORDS, *REGISTRY_LABELS, *TIME_LABELS,
        "nr", "den", "kap", "punkt", "år", "och", "till", "av", "från", "med", "vid", "om",
    )
)
MIN_CHAIN = 3  # three paragraph numbers in a row are no accident
# "15 Anna Berg, kansliet", "3 Per Ek (S)": a count or a column before a listed person.
_NAME_WORD = r"[A-ZÅÄÖÉ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäö]+)?"
_NAME_AFTER = re.compile(rf"{_NAME_WORD}\s{_NAME_WORD}\s?[,(]")


_LABEL_START = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ]*(?: [\wåäöÅÄÖ]+){0,2}\s?:")


class _Candidate(NamedTuple):
    line: int  # index into the lines
    start: int  # where the piece starts (the prefix, else the number)
    title: int  # where the title starts
    number: int
    code: str


def split_at_paragraph_chain(lines: list[Line]) -> list[Line]:
    """Cut lines at paragraph numbers that run in order through the document (one general stage for text
    whose line breaks were lost): the longest run of candidates numbered n, n+1, n+2 … in document order
    (at least MIN_CHAIN, each with the same prefix) marks item starts. A date, a page number or a count
    is no item, because it does not continue such a run; a number before a person's name is no item."""
    candidates = []
    for index, line in enumerate(lines):
        text = line.text
        if not text or not any(c.isdigit() for c in text):
            continue
        for match in _CHAIN_CANDIDATE.finditer(text):
            code = match.group("code") or ""
            if code.lower() in _NOT_CODES:
                code = ""  # "Dnr 2 Titel": a column's label, then a bare number
            rest = text[match.end():]
            if _NAME_AFTER.match(rest):
                continue
            start = match.start("code") if code else match.start("number")
            if candidates and candidates[-1].line == index and candidates[-1].title == start:
                candidates.pop()  # "3 Sn 49 Titel": the page number, then the paragraph
            candidates.append(_Candidate(index, start, match.end(), int(match.group("number")), code.upper()))
    chain = _longest_chain(candidates)
    if len(chain) < MIN_CHAIN:
        chain = _page_starts(lines, candidates)
        if not chain:
            return lines
    by_line: dict[int, list[_Candidate]] = {}
    for candidate in chain:
        by_line.setdefault(candidate.line, []).append(candidate)
    result: list[Line] = []
    for index, line in enumerate(lines):
        cuts = by_line.get(index)
        if not cuts:
            result.append(line)
            continue
        text = line.text
        before = text[: cuts[0].start].strip()
        if before:
            result.append(Line(line.number, before))
        for position, cut in enumerate(cuts):
            end = cuts[position + 1].start if position + 1 < len(cuts) else len(text)
            piece = f"{cut.number} {text[cut.title:end].strip()}"
            inside = cut.start > 0 or position + 1 < len(cuts) or len(text) > RUN_ON_LENGTH  # not a line of its own
            # the piece ends at the next paragraph or at a cut of the original line (it continues)
            # (a piece cut off before a label, "… Sköndal" / "Dnr: 311-234", ends with its heading whole)
            continued = position + 1 < len(cuts) or (
                index + 1 < len(lines) and lines[index + 1].number == line.number
                and not _LABEL_START.match(lines[index + 1].text)
            )
            parts = _split_bare_title(piece, continued) if inside else [piece]
            for part in parts:
                result.append(Line(line.number, part, item=part.startswith(f"{cut.number} ")))
    return result


# Where the title of a paragraph in flattened text ends: before a capitalised word that starts the
# sentences running to the end of the piece, or before a clause ("att …").
_TITLE_END_CANDIDATE = re.compile(r"(?<=[\wåäöÅÄÖ)?!\"”]) (?=[A-ZÅÄÖ]|att\s)")
_CONNECTOR_WORDS = frozenset(CONNECTORS)


_TRAILING_DECISION_LABEL = re.compile(rf"\s{DECISION_LABEL}\s*:?$")


def _split_bare_title(piece: str, ends_at_cut: bool) -> list[str]:
    """"1 Val av justerare Anna Berg utses att justera protokollet." → the heading and its sentence;
    "1 Val av justerare Beslut" → the heading and the opener of its decision."""
    label = _TRAILING_DECISION_LABEL.search(piece)
    if label and piece.count(" ") > 2:
        return [piece[: label.start()], piece[label.start():].strip()]
    first = piece.find(" ", piece.index(" ") + 1)  # the title keeps at least its first word
    if first < 0:
        return [piece]
    # A piece that ends where the next paragraph starts may have lost its last full stop.
    unended = ends_at_cut and not piece.endswith((".", "!", "?"))
    probe = piece.rstrip(":") + "." if unended or piece.endswith(":") else piece
    sentences = _Sentences(probe)
    for match in _TITLE_END_CANDIDATE.finditer(piece, first):
        position = match.start()
        word_before = piece[piece.rfind(" ", 0, position) + 1 : position].lower()
        if word_before in _CONNECTOR_WORDS:
            continue
        if piece.startswith(f"{CLAUSE_WORD} ", position + 1):
            return _cut(piece, [position])
        if sentences.follow(position) and (not unended or _reads_as_sentence(piece[position:])):
            return _cut(piece, [position])
    return [piece]


_LOWER_WORD = re.compile(r" [a-zåäö]{2,}")
STEM = 6  # "Dagordningen" repeats "dagordning"


def _repeats_title(title: str, start: int) -> bool:
    """A minute's sentence without its full stop often opens with its heading's word: "Fastställande av
    dagordning Dagordningen fastställdes …", "Föregående protokoll Föregående protokoll gicks igenom"."""
    first = title[start:].split()[0].lower()[:STEM]
    return len(first) >= 4 and any(word.lower().startswith(first) for word in title[:start].split())


def _reads_as_sentence(text: str) -> bool:
    """A sentence without its full stop: three words or more, some of them in lower case."""
    return text.count(" ") >= 3 and _LOWER_WORD.search(text) is not None


# What a page of PDF text opens with before its first paragraph: its number ("3", "3 (8)", "2(19"), a
# title word of the page header ("PROTOKOLL 3"), an underscore.
_PAGE_FURNITURE_START = re.compile(
    rf"(?:(?:{alternation(PAGE_FURNITURE_TITLES)}|[Ss]ida)\s*)?(?:\d{{1,3}}\s*(?:\(\s*\d{{1,3}}\s*\)?)?\s*|_\s*)*"
)
# A page number then a short running header of its own ("2(19 Styrelsen 1 Delgivningar"): the body's
# name printed under the number on every page after the first.
_NUMBERED_PAGE_HEADER = re.compile(
    r"\d{1,3}\s*\(\s*\d{1,3}\s*\)?\s*(?:[A-ZÅÄÖ][\wåäöÅÄÖ-]+\s*){1,2}"
)
HEADER_WORDS = 5  # a page's running header is at most this many words
PAGE_START_REACH = 40  # the first paragraph starts this close to the page's start


def _page_starts(lines: list[Line], candidates: list[_Candidate]) -> list[_Candidate]:
    """In flattened PDF text (a page per line), a paragraph number right at the start of a page, after its
    running header (the words every page opens with) and page number, opens an item even when the
    document has too few paragraphs to make a run ("Sammanträdesprotokoll 25 Ändring av dagordningen")."""
    if not any(len(line.text) >= PAGE_LINE_LENGTH for line in lines):
        return []
    firsts = [
        i for i, line in enumerate(lines)
        if line.text and (i == 0 or lines[i - 1].number != line.number or line.page)
    ]
    header = _running_header([lines[i].text for i in firsts])
    by_line: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        by_line.setdefault(candidate.line, []).append(candidate)
    found: list[_Candidate] = []
    for index in firsts:
        text = lines[index].text
        offset = len(header) if header and text.startswith(header) else 0
        for candidate in by_line.get(index, []):
            if candidate.start - offset > PAGE_START_REACH:
                break
            furniture = text[offset:candidate.start].strip()
            if _PAGE_FURNITURE_START.fullmatch(furniture) or _NUMBERED_PAGE_HEADER.fullmatch(furniture):
                if not found or candidate.number > found[-1].number:
                    found.append(candidate)
                break
    return _extended(found, candidates)


def _extended(anchors: list[_Candidate], candidates: list[_Candidate]) -> list[_Candidate]:
    """Paragraphs at page starts with the paragraphs numbered just before and after them in between
    ("… nämndsekreterare 106 Val av protokollsjusterare …" ending the page before "107 …")."""
    if not anchors:
        return []
    chosen = dict.fromkeys(anchors)
    order = {candidate: position for position, candidate in enumerate(candidates)}
    for anchor in anchors:
        for step in (-1, 1):
            current = anchor
            while True:
                span = candidates[: order[current]][::-1] if step < 0 else candidates[order[current] + 1:]
                following = next((c for c in span if c.number == current.number + step), None)
                if following is None or following in chosen or any(
                    (c.number - following.number) * step <= 0 and (order[c] - order[following]) * step > 0
                    for c in chosen
                ):
                    break
                chosen[following] = None
                current = following
    return sorted(chosen, key=order.__getitem__)


def _running_header(texts: list[str]) -> str:
    """The longest run of words (up to HEADER_WORDS) that at least two pages and most pages open with."""
    best = ""
    for size in range(1, HEADER_WORDS + 1):
        prefixes = Counter(" ".join(text.split()[:size]) for text in texts if len(text.split()) > size)
        if not prefixes:
            break
        prefix, count = prefixes.most_common(1)[0]
        if count < 2 or count * 2 < len(texts):
            break
        best = prefix
    return best


def _longest_chain(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest run of candidates in document order whose numbers go up by one (or two, past a missing
    number), with one prefix."""
    best_length = [1] * len(candidates)
    previous = [-1] * len(candidates)
    last_with: dict[tuple[str, int], int] = {}  # (prefix, number) -> index of the best candidate so far
    for index, candidate in enumerate(candidates):
        before = last_with.get((candidate.code, candidate.number - 1))
        if before is None:  # one number may be missing: an item withdrawn (as in _follows)
            before = last_with.get((candidate.code, candidate.number - 2))
        if before is not None:
            best_length[index] = best_length[before] + 1
            previous[index] = before
        key = (candidate.code, candidate.number)
        if key not in last_with or best_length[last_with[key]] <= best_length[index]:
            last_with[key] = index
    if not candidates:
        return []
    end = max(range(len(candidates)), key=lambda i: (best_length[i], -i))
    chain = []
    while end != -1:
        chain.append(candidates[end])
        end = previous[end]
    return chain[::-1]


# A subitem letter without its bracket in text whose line breaks were lost: "1 Delgivningar a Yttrande
# … b Protokoll … c Protokoll …".
_BARE_LETTER = re.compile(r"(?<=\s)([a-h])\s(?=[\"”“]?[A-ZÅÄÖ][a-zåäö])")
MIN_LETTERS = 3  # three letters a, b, c in a row are no accident


def split_at_letter_chain(lines: list[Line]) -> list[Line]:
    """Cut a line before bare letters that run a, b, c … (at least MIN_LETTERS) and give each its
    bracket ("b) Protokoll …"), so they read as subitems like letters that kept theirs."""
    result: list[Line] = []
    for line in lines:
        text = line.text
        if len(text) < 20 or " a " not in text:
            result.append(line)
            continue
        chain: list[re.Match] = []
        for match in _BARE_LETTER.finditer(text):
            letter = match.group(1)
            if letter == "a" and len(chain) < MIN_LETTERS:
                chain = [match]
            elif chain and ord(letter) == ord(chain[-1].group(1)) + 1:
                chain.append(match)
        if len(chain) < MIN_LETTERS:
            result.append(line)
            continue
        before = text[: chain[0].start()].strip()
        if before:
            result.append(line._replace(text=before))
        for position, match in enumerate(chain):
            end = chain[position + 1].start() if position + 1 < len(chain) else len(text)
            result.append(Line(line.number, f"{match.group(1)}) {text[match.end():end].strip()}"))
    return result
