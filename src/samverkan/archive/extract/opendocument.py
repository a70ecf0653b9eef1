"""OpenDocument text (.odt) via odfpy: headings, paragraphs and list items in document order."""

from __future__ import annotations

import io
from pathlib import Path

from odf import teletype
from odf.namespaces import TABLENS, TEXTNS
from odf.opendocument import load

from .errors import ExtractError

_BLOCKS = {(TEXTNS, "h"), (TEXTNS, "p")}
_ROW = (TABLENS, "table-row")


def odt_text(data: bytes, path: Path) -> str:
    try:
        document = load(io.BytesIO(data))
    except Exception as error:  # odfpy raises what its XML parser raises on a damaged file
        raise ExtractError(path, f"OpenDocument-filen är trasig och kan inte läsas ({type(error).__name__})") from None
    lines: list[str] = []
    _walk(document.text, lines)
    return "\n".join(lines)


def _walk(element, lines: list[str]) -> None:
    for child in element.childNodes:
        if child.qname == _ROW:
            cells = [" ".join(teletype.extractText(cell).split()) for cell in child.childNodes]
            lines.append("\t".join(cell for cell in cells if cell))
        elif child.qname in _BLOCKS:
            lines.append(teletype.extractText(child))
        elif child.nodeType == child.ELEMENT_NODE:
            _walk(child, lines)
