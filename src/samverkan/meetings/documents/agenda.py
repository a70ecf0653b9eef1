"""The notice with agenda (kallelse med dagordning), laid out like the network's own notices."""

from __future__ import annotations

from samverkan.core.rendering import docx_bytes, html_to_pdf, new_docx, render_html
from samverkan.meetings.models import Meeting

from .layout import AGENDA, agenda_facts, item_blocks
from .render import add_facts_docx, add_items_docx

KIND_LINE = "Kallelse"


def agenda_context(meeting: Meeting) -> dict:
    """Template context for the agenda: header facts and item blocks."""
    return {"meeting": meeting, "facts": agenda_facts(meeting), "blocks": item_blocks(meeting, AGENDA)}


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
    return docx_bytes(document)
