"""An extract (utdrag, protokollsutdrag) of one item's decision from the published minutes, in the house
style of the minutes: the body, the meeting's date, time and place, the item, its decision, who verified
the minutes ("Justerat") and who certifies the extract ("Rätt utdraget intygar")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from samverkan.core.errors import UserError
from samverkan.core.rendering import docx_bytes, html_to_pdf, new_docx, render_html
from samverkan.language.dates import swedish_date
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.meetings.published import public_meeting
from samverkan.meetings.selectors import all_items
from samverkan.meetings.selectors import finished as finished_dates

from .layout import MINUTES, ItemBlock, MeetingFacts, body_short, finished_lines, item_block, meeting_facts
from .minutes import DocumentMetadata, RunningHeader, _add_running_header, document_date, set_docx_metadata
from .render import add_facts_docx, add_items_docx, fact_lines, items_text

KIND_LINE = "Utdrag ur minnesanteckningar"
VERIFIED_HEADING = "Justerat"
CERTIFIED_HEADING = "Rätt utdraget intygar"


@dataclass
class Extract:
    """One item's extract as it is printed, in every format."""

    meeting: Meeting  # as published
    item: AgendaItem  # as published
    facts: MeetingFacts
    header: RunningHeader
    block: ItemBlock
    verified: list[str] = field(default_factory=list)  # "Karin Fjällström 5 december 2026"
    certified: str = ""  # "Anna Berg 6 december 2026", or "" when the body does not certify extracts
    finished: list[str] = field(default_factory=list)
    metadata: DocumentMetadata | None = None

    @property
    def item_label(self) -> str:
        """'punkt 6', 'punkt 4 a'."""
        return f"punkt {self.item.full_number}"

    @property
    def file_stem(self) -> str:
        """'utdrag-lchnv-2023-11-09-punkt-6'."""
        body = self.meeting.body
        when = self.meeting.date.isoformat() if self.meeting.date else str(self.meeting.pk)
        return f"utdrag-{body.abbreviation or body.slug}-{when}-punkt-{self.item.full_number}".lower()


def certifier_name(user) -> str:
    """Who certifies: the user's person in the directory, else the account's full name or user name."""
    person = getattr(user, "person", None)
    if person is not None:
        return person.name
    return user.get_full_name() or user.get_username()


def item_extract(item: AgendaItem, *, certified_by: str, on: date | None = None) -> Extract:
    """The extract of `item` as the latest publication of its minutes reads it; a UserError when the minutes
    are not published or the item is not in them. `certified_by` names the secretary, `on` the day."""
    meeting = item.meeting
    if meeting.published_at is None:
        raise UserError("Minnesanteckningarna är inte publicerade. Utdrag kan göras först när de är publicerade.",
                        code="not_published")
    reading = public_meeting(meeting.pk, drafts=False)
    published = next((found for found in all_items(reading) if found.pk == item.pk), None)
    if published is None:
        raise UserError("Punkten finns inte i de publicerade minnesanteckningarna.", code="not_in_minutes")
    verified = [f"{v.person.name} {swedish_date(timezone.localtime(v.verified_at).date())}"
                for v in meeting.verifiers.select_related("person").order_by("pk") if v.is_verified]
    certified = ""
    if verified and meeting.body.certify_extracts:
        certified = f"{certified_by} {swedish_date(on or timezone.localdate())}"
    facts = meeting_facts(reading)
    finished = finished_lines(finished_dates(reading))
    header = RunningHeader(title=f"{KIND_LINE} {body_short(meeting.body)}", date=document_date(reading),
                           registry_number=reading.registry_number)
    extract = Extract(meeting=reading, item=published, facts=facts, header=header,
                      block=item_block(published, MINUTES, body_short(meeting.body)),
                      verified=verified, certified=certified, finished=finished)
    extract.metadata = DocumentMetadata(
        title=f"{KIND_LINE} {body_short(meeting.body)} {facts.date}, {extract.item_label}",
        author=meeting.body.name, created=timezone.localdate().isoformat() if on is None else on.isoformat(),
        description=f"{published.title}. " + (". ".join(finished) if finished else "Ej färdigställt"))
    return extract


def item_line(extract: Extract) -> str:
    """'Punkt: 6'."""
    return f"Punkt: {extract.item.full_number}"


def signature_lines(extract: Extract) -> list[str]:
    """'Justerat' with the justerare, 'Rätt utdraget intygar' with the secretary, those that apply."""
    lines = [VERIFIED_HEADING, *extract.verified] if extract.verified else []
    if extract.certified:
        lines += [CERTIFIED_HEADING, extract.certified]
    return lines


def extract_html(extract: Extract) -> str:
    return render_html("documents/extract.html", {
        "extract": extract, "facts": extract.facts, "header": extract.header, "metadata": extract.metadata,
        "block": extract.block, "item_line": item_line(extract), "kind_line": KIND_LINE,
        "verified_heading": VERIFIED_HEADING, "certified_heading": CERTIFIED_HEADING,
    })


def extract_pdf(extract: Extract) -> bytes:
    """The extract as an A4 PDF/A-2u."""
    return html_to_pdf(extract_html(extract), archival=True)


def extract_docx(extract: Extract) -> bytes:
    """The extract as a Word document: the minutes' header and styles, one item."""
    document = new_docx()
    _add_running_header(document, extract.header)
    facts = extract.facts
    add_facts_docx(document, facts, [facts.body_name, facts.body_aliases, KIND_LINE])
    document.add_paragraph(item_line(extract))
    add_items_docx(document, [extract.block])
    for line in signature_lines(extract):
        paragraph = document.add_paragraph(line)
        if line in (VERIFIED_HEADING, CERTIFIED_HEADING):
            paragraph.runs[0].bold = True
    for line in extract.finished:
        document.add_paragraph(line)
    set_docx_metadata(document, extract.metadata)
    return docx_bytes(document)


def extract_text(extract: Extract) -> str:
    """The extract as plain text in the same order, for the e-mail and for tests."""
    facts = extract.facts
    lines = [line for line in (facts.body_name, facts.body_aliases) if line] + [KIND_LINE, ""]
    lines += [*fact_lines(facts), item_line(extract), ""]
    lines += items_text([extract.block])
    lines += signature_lines(extract)
    if extract.finished:
        while lines and not lines[-1]:
            lines.pop()
        lines += ["", *extract.finished]
    return "\n".join(lines).rstrip() + "\n"
