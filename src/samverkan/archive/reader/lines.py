"""Turn raw document text into clean numbered lines: markup, page furniture and run-on lines."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple


class Line(NamedTuple):
    """One cleaned line (a named tuple: cheap to create for every line of every document)."""

    number: int  # 1-based line number in the original text
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")
_MARKDOWN_EMPHASIS = re.compile(r"\*+|(?<!\w)__|__(?!\w)")
_MARKDOWN_ESCAPE = re.compile(r"\\([.\-*_#()\[\]])")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b]+")
_UNICODE_SPACE = re.compile(r"[\u00a0\u2007\u202f\u200b]")
# Page furniture inside a line: "Sida 2 av 5", "sida 3 (8)", "PROTOKOLL 2 (6)".
_PAGE_MARKS = re.compile(
    r"\b[Ss][Ii][Dd][Aa]\s+\d+\s*(?:[Aa][Vv]|\()\s*\d+\)?"
    r"|\b(?:PROTOKOLL|MINNESANTECKNINGAR|KALLELSE|DAGORDNING|FÖREDRAGNINGSLISTA|Protokoll|Minnesanteckningar)"
    r"\s+\d+\s*\(\d+\)"
)
_BARE_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^\d{1,3}\s*\(\d{1,3}\)$")
_PAGE_NUMBER_START = frozenset("0123456789-–")
# Signature boxes printed on every page of a protocol: "Justerandes sign", "Utdragsbestyrkande".
_SIGNATURE_BOX = re.compile(
    r"^(?:(?:Justerandes?|Ordförandes|Sekreterarens?)\s+sign(?:atur(?:er)?)?\.?|Utdragsbestyrkande)"
    r"(?:\s+(?:(?:Justerandes?|Ordförandes|Sekreterarens?)\s+sign(?:atur(?:er)?)?\.?|Utdragsbestyrkande))*$",
    re.IGNORECASE,
)
# "4. Titel", "2:Titel", "§ 12 Titel" (after § the punctuation is optional).
_HEADING_START = re.compile(r"^(?:§\s*\d{1,3}\s*[.:)]?|\d{1,2}\s*[.:)])\s*[\"”“]?[A-ZÅÄÖ]")
_HEADING_FIRST = frozenset("§0123456789")
_FURNITURE = re.compile(
    r"^(?:datum|dnr|diarienummer|sida|page|telefon|tel|e-post|www\.|box\s+\d)|@|\b\d{3} ?\d{2}\b",
    re.IGNORECASE,
)
_STRUCTURAL_START = re.compile(
    r"^(?:att\s|förslag|föredragande|beslut)|\b(?:beslutar|beslutade|beslöt|föreslår|föreslog)\s*:?\s*$",
    re.IGNORECASE,
)

RUN_ON_LENGTH = 100
# Where a run-on line is cut. Cleaned text has single spaces, so every cut is at one " ": the
# pattern opens with that literal space (fast to scan for) and tests what follows and precedes it.
_RUN_ON_MARKERS = re.compile(
    r" (?:(?=Föredragande\s*:)"
    r"|(?=Förslag till beslut\b)"
    r"|(?<=[.!?:] )(?=[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s[\wåäöÅÄÖ-]+){0,3}\s(?:beslutar|beslutade|beslöt|föreslår|föreslog)\s*:)"
    r"|(?=[A-ZÅÄÖ][\wåäöÅÄÖ-]+\s(?:beslutar|beslutade|beslöt|föreslår|föreslog)\s*:)"
    r"|(?<!\d\. )(?<!\d: )(?=Beslut\s*:)"
    r"|(?=(?:Närvarande|Förhinder|Frånvarande|Anmält förhinder|Övriga närvarande|Övriga deltagare|Deltagare"
    r"|Beslutande|Ledamöter|Ersättare|Tjänstgörande ersättare|Datum|Sammanträdesdatum|Mötesdatum"
    r"|Plats och tid|Tid och plats|Plats|Lokal|Tid|Dnr)\s*:)"
    r"|(?<=[^\d\s][.;:] )(?=att\s))"
)
# Group 1 is a "§ 12" number, group 2 a plain "4." number.
_EMBEDDED_NUMBER = re.compile(r"(?<=\s)(?:§\s*(\d{1,3})\s*[.:]?|(\d{1,2})\s*[.:])\s*(?=[\"”“]?[A-ZÅÄÖ])")
_LEADING_NUMBER = re.compile(r"^(?:§\s*(\d{1,3})\s*[.:)]?|(\d{1,2})\s*[.:)])")


def clean_lines(text: str) -> list[Line]:
    """Split text into cleaned lines that keep their original line numbers."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [Line(i, clean_text(t) if t and not t.isspace() else "") for i, t in enumerate(raw, start=1)]
    lines = _rejoin_attachment_numbers(lines, raw)
    lines = drop_repeated_page_headers(lines)
    return split_run_on_lines(lines)


def clean_text(text: str) -> str:
    """Remove Markdown markup, page numbers and surplus white space from one line."""
    text = text.strip()
    if not text:
        return ""
    if text[0] == "\ufeff":
        text = text.lstrip("\ufeff").strip()
        if not text:
            return ""
    if text[0] == "#":
        text = _MARKDOWN_HEADING.sub("", text)
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
# A line ending in an attachment word waits for its number: "…, Bilaga" / "2", "Bilaga 1 och" / "2".
_AWAITS_ATTACHMENT_NUMBER = re.compile(
    r"\b(?:Bilagor|Bilaga|Bil\.?)(?:\s*\d{1,3}\s*(?:,|och|&|[-–]))*\s*$", re.IGNORECASE
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
    """Split long lines whose line breaks were lost (PDF text) at headings and block markers."""
    result: list[Line] = []
    last_item = 0
    for line in lines:
        if len(line.text) <= RUN_ON_LENGTH:
            if line.text[:1] in _HEADING_FIRST:
                last_item = _next_item_number(line.text, last_item)
            result.append(line)
            continue
        pieces = [line.text]
        if len(line.text) > RUN_ON_LENGTH:
            pieces = _split_at_markers(line.text)
            pieces, last_item = _split_at_item_numbers(pieces, last_item)
            if len(pieces) > 1:
                pieces = [part for piece in pieces for part in _split_heading_from_sentence(piece)]
        for piece in pieces:
            last_item = _next_item_number(piece, last_item)
            result.append(Line(line.number, piece))
    return result


_SENTENCE_AFTER_TITLE = re.compile(r"(?<=[a-zåäö0-9)])\s+(?=[A-ZÅÄÖ][a-zåäö]+\s[a-zåäö][^.!?]*[.!?]$)")


_PRESENTER_START = re.compile(r"^Föredragande\b")
_SENTENCE_AFTER_PRESENTER = re.compile(r"\s+(?=[A-ZÅÄÖ][a-zåäö]+(?:\s[a-zåäö]+){2,}[^.!?,]*[.!?]$)")


def _split_heading_from_sentence(piece: str) -> list[str]:
    """In run-on text, a heading's title ends where a full sentence starts ("1. Mötets öppnande Ordföranden öppnade mötet.")."""
    if _PRESENTER_START.match(piece):
        match = _SENTENCE_AFTER_PRESENTER.search(piece)
        return _cut(piece, [match.start()]) if match else [piece]
    if piece[:1] not in _HEADING_FIRST or not _HEADING_START.match(piece):
        return [piece]
    offset = _LEADING_NUMBER.match(piece).end()  # the title keeps at least its first word
    match = _SENTENCE_AFTER_TITLE.search(piece[offset:].lstrip())
    if not match:
        return [piece]
    offset = len(piece) - len(piece[offset:].lstrip())
    return _cut(piece, [offset + match.start()])


def _split_at_markers(text: str) -> list[str]:
    cuts = [m.end() for m in _RUN_ON_MARKERS.finditer(text)]
    return _cut(text, cuts)


def _split_at_items_in(piece: str, last_item: int) -> tuple[list[str], int]:
    cuts = []
    for match in _EMBEDDED_NUMBER.finditer(piece):
        if _follows(match, last_item):
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
    return int(match.group(2)) == last_item + 1


def _key(text: str) -> str:
    # Cleaned lines have single spaces only.
    return text.replace(" ", "").lower()
