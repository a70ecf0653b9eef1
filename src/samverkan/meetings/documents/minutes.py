"""Minutes (minnesanteckningar) with a running header of registry number and date on every page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from docx.enum.text import WD_ALIGN_PARAGRAPH

from samverkan.core.rendering import docx_bytes, html_to_pdf, new_docx, render_html
from samverkan.meetings.models import Meeting
from samverkan.meetings.selectors import Finished, finished
from samverkan.meetings.verification import verified_by

from .layout import MINUTES, attendance_rows, body_short, finished_lines, item_blocks, meeting_facts
from .render import add_attendance_docx, add_facts_docx, add_items_docx, fact_lines, items_text


@dataclass
class RunningHeader:
    """The three header lines of every page: 'Minnesanteckningar …', 'Datum: 2023-11-15', 'Dnr: …'."""

    title: str
    date: str
    registry_number: str

    @property
    def lines(self) -> list[str]:
        registry = [f"Dnr: {self.registry_number}"] if self.registry_number else []
        return [self.title, f"Datum: {self.date}", *registry]

    @property
    def css_content(self) -> str:
        """The lines as a CSS content value for the @top-right margin box."""
        return ' "\\A" '.join(css_string(line) for line in self.lines)


def css_string(text: str) -> str:
    """A quoted CSS string that is safe inside a <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3C ")
    return f'"{escaped}"'


def document_date(meeting: Meeting) -> str:
    """ISO date the minutes carry: as recorded, else the day of publication, else today for a draft."""
    if meeting.minutes_date:
        return meeting.minutes_date.isoformat()
    published = meeting.published_at
    return (timezone.localtime(published).date() if published else timezone.localdate()).isoformat()


def running_header(meeting: Meeting) -> RunningHeader:
    """The page header of the minutes."""
    return RunningHeader(
        title=f"Minnesanteckningar {body_short(meeting.body)}",
        date=document_date(meeting),
        registry_number=meeting.registry_number,
    )


def minutes_context(meeting: Meeting, *, documents: bool = True) -> dict:
    """Template context for the minutes: header, facts, attendance table and item blocks; with `documents`,
    also the finished lines and the document properties (not in minutes_text: the published text of a
    version must not change with its own publication)."""
    right_heading, rows = attendance_rows(meeting)
    context = {
        "meeting": meeting,
        "header": running_header(meeting),
        "facts": meeting_facts(meeting),
        "right_heading": right_heading,
        "rows": rows,
        "blocks": item_blocks(meeting, MINUTES),
        "verified_by": verified_by(meeting),
    }
    if documents:
        done = finished(meeting)
        context["finished"] = finished_lines(done)
        context["metadata"] = document_metadata(meeting, f"Minnesanteckningar {body_short(meeting.body)}", done)
    return context


@dataclass
class DocumentMetadata:
    """What a PDF's and a Word document's properties say: title, author, created (the finished date,
    ISO), and a description naming the finished date."""

    title: str
    author: str
    created: str
    description: str


def document_metadata(meeting: Meeting, kind: str, done: Finished) -> DocumentMetadata:
    """Properties of a meeting's document: 'Minnesanteckningar Länschefsnätverket 9 november 2023', by the
    body, created the day the minutes were finished (färdigställt), if they are."""
    when = meeting_facts(meeting).date
    lines = finished_lines(done)
    return DocumentMetadata(
        title=f"{kind} {when}".strip(), author=meeting.body.name,
        created=done.finished_on.isoformat() if done.finished_on else "",
        description=". ".join(lines) if lines else "Ej färdigställt",
    )


def minutes_html(meeting: Meeting) -> str:
    """The minutes as a standalone HTML document (the body is documents/_minutes_body.html)."""
    return render_html("documents/minutes.html", minutes_context(meeting))


def minutes_pdf(meeting: Meeting) -> bytes:
    """The minutes as an A4 PDF/A-2u with the running header on every page."""
    return html_to_pdf(minutes_html(meeting), archival=True)


def minutes_docx(meeting: Meeting) -> bytes:
    """The minutes as a Word document; the section header carries title, date and Dnr."""
    context = minutes_context(meeting)
    document = new_docx()
    _add_running_header(document, context["header"])
    facts = context["facts"]
    add_facts_docx(document, facts, [facts.body_name, facts.body_aliases])
    if context["rows"]:
        add_attendance_docx(document, context["right_heading"], context["rows"])
    add_items_docx(document, context["blocks"])
    if context["verified_by"]:
        document.add_paragraph(context["verified_by"])
    for line in context["finished"]:
        document.add_paragraph(line)
    set_docx_metadata(document, context["metadata"])
    return docx_bytes(document)


def set_docx_metadata(document, metadata: DocumentMetadata) -> None:
    """The Word document's core properties: title, author, subject; created on the finished date."""
    properties = document.core_properties
    properties.title, properties.author, properties.subject = metadata.title, metadata.author, metadata.description
    properties.comments = metadata.description
    if metadata.created:
        properties.created = datetime.fromisoformat(metadata.created)


def _add_running_header(document, header: RunningHeader) -> None:
    section = document.sections[0]
    paragraph = section.header.paragraphs[0]
    paragraph.text = "\n".join(header.lines)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def minutes_text(meeting: Meeting) -> str:
    """The minutes as plain text in the same structure, for published versions and diffs."""
    context = minutes_context(meeting, documents=False)
    header, facts = context["header"], context["facts"]
    lines = [line for line in (facts.body_name, facts.body_aliases) if line] + ["", *header.lines]
    lines += ["", ""] + [line for fact in fact_lines(facts) for line in (fact, "")]
    lines += _attendance_text(context["right_heading"], context["rows"])
    lines += items_text(context["blocks"])
    if context["verified_by"]:
        lines += ["", context["verified_by"]]
    return "\n".join(lines).rstrip() + "\n"


def _attendance_text(right_heading: str, rows) -> list[str]:
    if not rows:
        return []
    lines = ["Närvarande:", f"Kommun {right_heading}"]
    for row in rows:
        right = row.right_heading or " ".join(p for p in (row.right_name, row.right_title) if p)
        lines.append(" ".join(p for p in (", ".join(row.people), row.municipality, right) if p))
    return lines + [""]
