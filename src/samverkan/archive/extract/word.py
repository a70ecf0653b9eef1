"""Word .docx files via python-docx: paragraphs and tables in body order."""

from __future__ import annotations

import io
import lzma
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from samverkan.archive.reader.limits import Limits

from .errors import ExtractError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = range(9)  # Word's list levels, w:ilvl 0–8
MAX_ZIP_ENTRIES = 10_000
# lxml holds every element in memory: a few hundred bytes each, so their number is capped too.
ELEMENTS_PER_LINE = 10
_ELEMENT = re.compile(rb"<[A-Za-z_]")
_PARAGRAPH = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")
_CHUNK = 1 << 20
_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, struct.error, EOFError, OSError,
               RuntimeError, NotImplementedError, ValueError, KeyError, IndexError, OverflowError)
_BROKEN = "Word-/zipfilen är trasig och kan inte öppnas"


@dataclass(frozen=True)
class ZippedKind:
    """A document format that is a ZIP of XML parts: its main part and its name in messages."""

    main_part: str
    name: str
    suffix: str


DOCX = ZippedKind("word/document.xml", "Word", ".docx")
ODT = ZippedKind("content.xml", "OpenDocument", ".odt")


def zipped_kind(data: bytes) -> ZippedKind | None:
    """Which zipped document format the bytes are, by their parts; None when neither (or not a ZIP)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist()[:MAX_ZIP_ENTRIES])
    except _BROKEN_ZIP:
        return None
    return next((kind for kind in (DOCX, ODT) if kind.main_part in names), None)


def check_docx(data: bytes, path: Path, limits: Limits, kind: ZippedKind = DOCX) -> None:
    """A whole zipped document within the limits, checked before python-docx or odfpy unpacks it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_entries(archive, path, limits, kind)
            if archive.testzip() is not None:
                raise ExtractError(path, _BROKEN)
            _check_xml(archive, path, limits, kind)
    except _BROKEN_ZIP:
        raise ExtractError(path, _BROKEN) from None


def _check_entries(archive: zipfile.ZipFile, path: Path, limits: Limits, kind: ZippedKind) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ExtractError(path, f"zipfilen har fler än {_n(MAX_ZIP_ENTRIES)} delar")
    if kind.main_part not in archive.namelist():
        raise ExtractError(path, "filen är ett zip-arkiv men inte ett Word-dokument (.docx) eller "
                                 "OpenDocument-dokument (.odt)")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.max_unpacked_bytes:
        raise ExtractError(path, f"{kind.name}-filen blir {_n(unpacked)} byte uppackad, mer än gränsen "
                           f"{_n(limits.max_unpacked_bytes)} byte (SAMVERKAN_MAX_UNPACKED_BYTES)")


def _check_xml(archive: zipfile.ZipFile, path: Path, limits: Limits, kind: ZippedKind) -> None:
    """Count paragraphs and XML elements without parsing: a small file can unpack to millions."""
    elements = paragraphs = 0
    for entry in archive.infolist():
        if entry.filename.endswith((".xml", ".rels")):
            counted = _count_tags(archive, entry, entry.filename == kind.main_part)
            elements, paragraphs = elements + counted[0], paragraphs + counted[1]
    if paragraphs > limits.max_lines:
        raise ExtractError(path, f"{kind.name}-dokumentet har fler stycken ({_n(paragraphs)}) än gränsen "
                           f"{_n(limits.max_lines)} (SAMVERKAN_MAX_LINES)")
    if elements > limits.max_lines * ELEMENTS_PER_LINE:
        raise ExtractError(path, f"{kind.name}-dokumentet har för många XML-element ({_n(elements)}); gränsen är "
                           f"{_n(limits.max_lines * ELEMENTS_PER_LINE)} (SAMVERKAN_MAX_LINES × {ELEMENTS_PER_LINE})")


def _n(number: int) -> str:
    """A number the Swedish way: 3 000 000."""
    return f"{number:,}".replace(",", " ")


def _count_tags(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, paragraphs: bool) -> tuple[int, int]:
    elements = found = 0
    carry = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            buffer = carry + chunk
            cut = buffer.rfind(b"<")
            cut = len(buffer) if cut < len(buffer) - 64 else cut  # a tag cut at the chunk's end waits
            buffer, carry = buffer[:cut], buffer[cut:]
            elements += len(_ELEMENT.findall(buffer))
            found += len(_PARAGRAPH.findall(buffer)) if paragraphs else 0
    elements += len(_ELEMENT.findall(carry))
    found += len(_PARAGRAPH.findall(carry)) if paragraphs else 0
    return elements, found


def docx_text(data: bytes, path: Path) -> str:
    """Body text in order; a table row reads left cell then right cell on one line."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for damaged packages
        raise ExtractError(path, f"Word-filen är trasig och kan inte läsas ({error})") from None
    body = document.element.body
    if body is None:
        raise ExtractError(path, "Word-filen har inget dokumentinnehåll (w:body saknas)")
    numbering = _Numbering(document)
    lines = _page_furniture_lines(document)
    if lines:
        lines.append("")  # the letterhead ends before the body text starts
    lines.extend(_block_lines(body, document, numbering))
    return "\n".join(lines)


def _block_lines(container, parent, numbering: _Numbering | None) -> list[str]:
    """The paragraphs and table rows of a body, header or footer in their order."""
    lines: list[str] = []
    for element in container.iterchildren():
        if element.tag == f"{_W}p":
            paragraph = Paragraph(element, parent)
            lines.append((numbering.label(paragraph) if numbering else "") + paragraph.text)
        elif element.tag == f"{_W}tbl":
            lines.extend(_table_rows(Table(element, parent)))
    return lines


def _page_furniture_lines(document) -> list[str]:
    """The page headers and footers of every section (the first page's own header first, where the
    section has one), as lines before the body text: a letterhead's date and Dnr sit there. A header
    repeated by later sections (linked to the previous one, or written again) is read once."""
    lines: list[str] = []
    seen: set[str] = set()
    for section in document.sections:
        parts = []
        if section.different_first_page_header_footer:
            parts += [section.first_page_header, section.first_page_footer]
        parts += [section.header, section.footer]
        for part in parts:
            if part.is_linked_to_previous:  # no content of its own (python-docx would read the previous one's)
                continue
            for line in _block_lines(part._element, part, None):
                key = " ".join(line.split())
                if key and key not in seen:
                    seen.add(key)
                    lines.append(line)
    return lines



def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat
                continue
            seen.add(id(cell._tc))
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            if text:
                cells.append(text)
        rows.append(" ".join(cells))
    return rows


class _Numbering:
    """Automatic list numbers ("1.", "a)") that Word keeps out of the paragraph text."""

    def __init__(self, document) -> None:
        self.formats: dict[tuple[str, str], str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {
            a.get(f"{_W}abstractNumId"): {
                lvl.get(f"{_W}ilvl"): _number_format(lvl) for lvl in a.findall(f"{_W}lvl")
            }
            for a in root.findall(f"{_W}abstractNum")
        }
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = abstract.get(ref.get(f"{_W}val") if ref is not None else None, {})
            for level, fmt in levels.items():
                self.formats[(num.get(f"{_W}numId"), level)] = fmt

    def label(self, paragraph) -> str:
        num_pr = paragraph._p.find(f"{_W}pPr/{_W}numPr")
        if num_pr is None and paragraph.style is not None:
            num_pr = paragraph.style.element.find(f"{_W}pPr/{_W}numPr")
        if num_pr is None or not paragraph.text.strip():
            return ""
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        num = num_id.get(f"{_W}val") if num_id is not None else None
        level = ilvl.get(f"{_W}val") if ilvl is not None else "0"
        fmt = self.formats.get((num, level), "")
        depth = _level(level)
        if fmt not in ("decimal", "lowerLetter") or depth is None:
            return ""
        counters = self.counters.setdefault(num, [0] * 9)
        counters[depth] += 1
        for deeper in range(depth + 1, 9):
            counters[deeper] = 0
        value = counters[depth]
        return f"{value}. " if fmt == "decimal" or value > 26 else f"{chr(96 + value)}) "


def _level(value: str | None) -> int | None:
    """A list level 0–8 from w:ilvl; None for what Word would not write ("9", "-1", "x")."""
    try:
        level = int(value or "")
    except ValueError:
        return None
    return level if level in _LEVELS else None


def _number_format(level) -> str:
    """The numbering format of a level ("decimal", "lowerLetter" …), or "" when it names none."""
    number_format = level.find(f"{_W}numFmt")
    return number_format.get(f"{_W}val") if number_format is not None else ""
