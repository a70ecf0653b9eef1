"""The notice with agenda (kallelse med dagordning), laid out like the network's own notices."""

from __future__ import annotations

from samverkan.core.rendering import docx_bytes, html_to_pdf, new_docx, render_html
from samverkan.meetings.models import Meeting
from samverkan.meetings.selectors import invited_members

from .layout import AGENDA, agenda_facts, item_blocks
from .render import add_facts_docx, add_items_docx

KIND_LINE = "Kallelse"


INVITED_HEADING = "Kallade"


def invited_lines(meeting: Meeting) -> list[str]:
    """'Maria Jonsson, Falun' for each member the notice goes to (the body's members, by name)."""
    return [f"{m.name}, {m.organization}" if m.organization else m.name for m in invited_members(meeting)]


def agenda_context(meeting: Meeting) -> dict:
    """Template context for the agenda: header facts, item blocks and who is invited."""
    return {"meeting": meeting, "facts": agenda_facts(meeting), "blocks": item_blocks(meeting, AGENDA),
            "invited": invited_lines(meeting)}


def agenda_html(meeting: Meeting) -> str:
    """The agenda as a standalone HTML document (the body is documents/_agenda_body.html)."""
    return render_html("documents/agenda.html", agenda_context(meeting))


def agenda_pdf(meeting: Meeting) -> bytes:
    """The agenda as an A4 PDF."""
    return html_to_pdf(agenda_html(meeting))


def agenda_docx(meeting: Meeting) -> bytes:
    """The agenda as a Word document with real headings and paragraphs."""
    document = new_docx()
    facts = agenda_facts(meeting)
    add_facts_docx(document, facts, [facts.body_title, KIND_LINE])
    add_items_docx(document, item_blocks(meeting, AGENDA))
    invited = invited_lines(meeting)
    if invited:
        document.add_heading(INVITED_HEADING, level=2)
        for line in invited:
            document.add_paragraph(line, style="List Bullet")
    return docx_bytes(document)
