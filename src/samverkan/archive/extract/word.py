"""Word .docx files via python-docx: paragraphs and tables in body order."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from .errors import ExtractError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, path: Path) -> str:
    """Body text in order; a table row reads left cell then right cell on one line."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for damaged packages
        raise ExtractError(path, f"Word-filen är trasig och kan inte läsas ({error})") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            paragraph = Paragraph(element, document)
            lines.append(numbering.label(paragraph) + paragraph.text)
        elif element.tag == f"{_W}tbl":
            lines.extend(_table_rows(Table(element, document)))
    return "\n".join(lines)


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
        if fmt not in ("decimal", "lowerLetter"):
            return ""
        depth = int(level)
        counters = self.counters.setdefault(num, [0] * 9)
        counters[depth] += 1
        for deeper in range(depth + 1, 9):
            counters[deeper] = 0
        value = counters[depth]
        return f"{value}. " if fmt == "decimal" else f"{chr(96 + value)}) "


def _number_format(level) -> str:
    """The numbering format of a level ("decimal", "lowerLetter" …), or "" when it names none."""
    number_format = level.find(f"{_W}numFmt")
    return number_format.get(f"{_W}val") if number_format is not None else ""
