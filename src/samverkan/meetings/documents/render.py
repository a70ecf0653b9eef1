"""Writers shared by the agenda and the minutes: Word paragraphs and plain text from the layout."""

from __future__ import annotations

from docx import Document

from .layout import AttendanceRow, ItemBlock, MeetingFacts


def add_facts_docx(document: Document, facts: MeetingFacts, title_lines: list[str]) -> None:
    """The title (a heading, then bold lines such as the short names), then Dnr (the agenda's), Datum, Tid
    and Plats."""
    document.add_heading(title_lines[0], level=1)
    for line in filter(None, title_lines[1:]):
        document.add_paragraph(line).runs[0].bold = True
    if facts.registry_number:
        document.add_paragraph(f"Dnr: {facts.registry_number}")
    for line in fact_lines(facts):
        document.add_paragraph(line)


def add_items_docx(document: Document, blocks: list[ItemBlock]) -> None:
    """Every item with its sub-items as headings and paragraphs."""
    for block in blocks:
        document.add_heading(block.heading, level=2 + block.level)
        for line in block_lines(block, with_heading=False):
            paragraph = document.add_paragraph(line)
            if line in block.openers:
                paragraph.runs[0].bold = True
        add_items_docx(document, block.subitems)
        for line in clause_lines(block):
            paragraph = document.add_paragraph(line)
            if line in block.openers:
                paragraph.runs[0].bold = True


def add_attendance_docx(document: Document, heading: str, rows: list[AttendanceRow]) -> None:
    """'Närvarande:' and the two-column table (names and municipality | name and title)."""
    document.add_paragraph("Närvarande:")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].merge(header[1]).text = "Kommun"
    header[2].merge(header[3]).text = heading
    for row in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = ", ".join(row.people), row.municipality
        if row.right_heading:
            cells[2].merge(cells[3]).text = row.right_heading
        else:
            cells[2].text, cells[3].text = row.right_name, row.right_title


# --- Plain text ---------------------------------------------------------------------------

def fact_lines(facts: MeetingFacts) -> list[str]:
    """'Datum: 9 november 2023', 'Tid: Kl. 15.00–16.30', 'Plats: Teams', 'Digital länk: …' (those known)."""
    pairs = (("Datum", facts.date), ("Tid", facts.time), ("Plats", facts.location),
             ("Digital länk", facts.online_link))
    return [f"{label}: {value}" for label, value in pairs if value]


def block_lines(block: ItemBlock, with_heading: bool = True) -> list[str]:
    """The item's own lines before its sub-items: heading, presenters, text, attachments, outcome."""
    lines = [block.heading] if with_heading else []
    if block.presenters:
        lines.append(block.presenters)
    lines += block.paragraphs + block.attachments
    if block.outcome:
        lines.append(block.outcome)
    return lines


def clause_lines(block: ItemBlock) -> list[str]:
    """The proposal or decision block: openers, then each att-clause on its own line."""
    return block.openers + block.clauses if block.clauses else []


def items_text(blocks: list[ItemBlock]) -> list[str]:
    """Items as text lines with blank lines between parts, as a typed document would have them."""
    lines: list[str] = []
    for block in blocks:
        lines += _spaced(block_lines(block))
        lines += items_text(block.subitems)
        if block.clauses:
            lines += _spaced(clause_lines(block)[:-len(block.clauses)]) + block.clauses + [""]
    return lines


def _spaced(lines: list[str]) -> list[str]:
    result = []
    for line in lines:
        result += [line, ""]
    return result
