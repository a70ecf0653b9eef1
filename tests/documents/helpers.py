"""Reading rendered documents back: PDF and DOCX text, and the reader's view of a file."""

import io
from pathlib import Path

import docx
from pypdf import PdfReader

from samverkan.archive.parse import read_file


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def docx_paragraphs(data: bytes) -> list[str]:
    """Body paragraphs and table rows of a Word document."""
    document = docx.Document(io.BytesIO(data))
    rows = [" ".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
    return [p.text for p in document.paragraphs] + rows


def docx_header(data: bytes) -> str:
    """The text of the first section's page header."""
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.sections[0].header.paragraphs)


def read_back(data: bytes, tmp_path: Path, name: str):
    """Write the bytes to a file and read it with the archive reader."""
    path = tmp_path / name
    path.write_bytes(data)
    return read_file(path)


def flat_items(items):
    """Items and sub-items with their full numbers ('4', '4a')."""
    for item in items:
        yield item.number, item
        for sub in item.subitems:
            yield f"{item.number}{sub.number}", sub


def expected_items(meeting, clauses: str) -> dict:
    """{'4a': (title, [clause texts])} for every item and sub-item; clauses is 'proposals' or 'decisions'."""
    from samverkan.meetings.models import AgendaItem

    result = {}
    for item in AgendaItem.objects.filter(meeting=meeting).select_related("parent"):
        number = f"{item.parent.number}{item.number}" if item.parent_id else item.number
        result[number] = (item.title, [c.text for c in getattr(item, clauses)])
    return result
