"""What the agenda and the minutes say, in reading order: wording shared by every output format."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import time
from itertools import zip_longest

from django.utils import formats

from samverkan.directory.models import Body, Organization
from samverkan.language.dates import swedish_date
from samverkan.language.items import item_type
from samverkan.meetings.models import AgendaItem, Attachment, Attendance, Meeting
from samverkan.meetings.selectors import Finished

AGENDA = "agenda"
MINUTES = "minutes"

TYPE_WORDS = {
    AgendaItem.Type.DECISION: "Beslut",
    AgendaItem.Type.REPORT: "Rapport",
    AgendaItem.Type.INFORMATION: "Information",
}
TYPE_WORD_STARTS = ("beslut", "rapport", "lägesrapport", "statusrapport", "information", "info ", "info:")


@dataclass
class ItemBlock:
    """One item (or sub-item) as it is printed: heading, presenters, text, attachments, clauses."""

    heading: str
    level: int
    presenters: str = ""
    paragraphs: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    outcome: str = ""
    openers: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    subitems: list[ItemBlock] = field(default_factory=list)
    anchor: str = ""


@dataclass
class MeetingFacts:
    """The lines above the items: body, date, time and place (and, on the agenda, Dnr and the digital link)."""

    body_title: str
    body_name: str
    body_aliases: str
    body_short: str
    date: str
    time: str
    location: str
    online_link: str = ""
    registry_number: str = ""


@dataclass
class AttendanceRow:
    """One row of the two-column attendance table: a municipality left, a region person right."""

    people: list[str] = field(default_factory=list)
    municipality: str = ""
    right_name: str = ""
    right_title: str = ""
    right_heading: str = ""


def body_aliases(body: Body) -> str:
    """'(Länschefsnätverket, LCHNV)', or '' when the body has no short forms."""
    aliases = [a for a in (body.short_name, body.abbreviation) if a and a != body.name]
    return f"({', '.join(aliases)})" if aliases else ""


def body_title(body: Body) -> str:
    """The body's full name with its short forms: 'Länsnätverket för … (Länschefsnätverket, LCHNV)'."""
    aliases = body_aliases(body)
    return f"{body.name} {aliases}" if aliases else body.name


def body_short(body: Body) -> str:
    """The name used in running text: 'Länschefsnätverket beslutade:'."""
    return body.short_name or body.name


def clock(value: time) -> str:
    """'9.30'."""
    return formats.time_format(value, "G.i")


def time_range(start: time | None, end: time | None) -> str:
    """'Kl. 9.30–11.00', or only the start time."""
    if start is None:
        return ""
    return f"Kl. {clock(start)}–{clock(end)}" if end else f"Kl. {clock(start)}"


def meeting_facts(meeting: Meeting) -> MeetingFacts:
    """The header facts of a meeting in document wording."""
    return MeetingFacts(
        body_title=body_title(meeting.body),
        body_name=meeting.body.name,
        body_aliases=body_aliases(meeting.body),
        body_short=body_short(meeting.body),
        date=swedish_date(meeting.date),
        time=time_range(meeting.start_time, meeting.end_time),
        location=meeting.location,
    )


def agenda_facts(meeting: Meeting) -> MeetingFacts:
    """The agenda's header facts: the meeting's facts, its registry number and its digital link."""
    return replace(meeting_facts(meeting), online_link=meeting.online_link, registry_number=meeting.registry_number)


def finished_lines(done: Finished) -> list[str]:
    """'Färdigställt 3 mars 2021' and 'Rättelse färdigställd 5 mars 2021 (version 2)', those that apply."""
    lines = [f"Färdigställt {swedish_date(done.finished_on)}"] if done.finished_on else []
    if done.correction is not None:
        lines.append(f"Rättelse färdigställd {swedish_date(done.correction.finished_on)} "
                     f"(version {done.correction.version})")
    return lines


def agenda_outline(meeting: Meeting) -> list[str]:
    """'Dagordning:' and one line per item, and indented per sub-item, as in the documents."""
    lines = ["Dagordning:"]
    for item in top_items(meeting):
        lines.append(heading_text(item))
        lines += [f"   {heading_text(sub)}" for sub in subitems_of(item)]
    return lines


def top_items(meeting: Meeting) -> list[AgendaItem]:
    """The meeting's top-level items in order, prefetched when the selector was used."""
    if hasattr(meeting, "top_items"):
        return list(meeting.top_items)
    return list(meeting.items.filter(parent=None).order_by("position", "pk"))


def subitems_of(item: AgendaItem) -> list[AgendaItem]:
    """An item's sub-items in order."""
    return sorted(item.subitems.all(), key=lambda sub: (sub.position, sub.pk))


def presenter_line(item: AgendaItem) -> str:
    """'Föredragande: Anna Berg, Utvecklingsledare; Per Ek' or ''."""
    people = []
    for presentation in sorted(item.presentations.all(), key=lambda p: p.position):
        title = presentation.title or presentation.person.title
        people.append(f"{presentation.person.name}, {title}" if title else presentation.person.name)
    return f"Föredragande: {'; '.join(people)}" if people else ""


def attachment_name(attachment: Attachment) -> str:
    """The file name shown for an attachment, '' when there is no file."""
    if attachment.original_name:
        return attachment.original_name
    return attachment.file.name.rsplit("/", 1)[-1] if attachment.file else ""


def attachment_line(attachment: Attachment) -> str:
    """'Bilaga 2: kalendarium.pdf' (a colon, so the file name is never read as more numbers)."""
    name = attachment_name(attachment)
    return f"{attachment.label}: {name}" if name else attachment.label


def heading_text(item: AgendaItem) -> str:
    """'6. Beslut: Kalendarium 2024' or 'a) Delrubrik'; the type word as the seeds write it."""
    number = f"{item.number})" if item.number.isalpha() else f"{item.number}."
    word = TYPE_WORDS.get(item.type)
    title = item.title
    if word and not title.lower().startswith(TYPE_WORD_STARTS) and not is_formality(title):
        title = f"{word}: {title}"
    return f"{number} {title}"


def is_formality(title: str) -> bool:
    """Opening, agenda, previous minutes, other business, closing: headings without a type word."""
    return item_type(title, []) in ("procedural", "other_business")


def outcome_text(item: AgendaItem) -> str:
    """The outcome in words when it is more than a plain decision."""
    if item.outcome == AgendaItem.Outcome.TABLED:
        return "Punkten bordlades."
    if item.outcome == AgendaItem.Outcome.TAKEN_BACK:
        return "Styrgruppen tar tillbaka ärendet för vidare beredning."
    if item.outcome == AgendaItem.Outcome.FORWARDED:
        target = body_short(item.forwarded_to) if item.forwarded_to_id else ""
        return f"Överlämnas till {target}." if target else "Överlämnas."
    return ""


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a stored text: blank lines separate, single line breaks join."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]


def item_block(item: AgendaItem, kind: str, short: str, level: int = 0) -> ItemBlock:
    """One item printed for the agenda (background, proposals) or the minutes (notes, decisions)."""
    if kind == AGENDA:
        text, clauses, openers = item.agenda_text, item.proposals, ["Förslag till beslut", f"{short} beslutar:"]
    else:
        text, clauses, openers = item.minutes_text, item.decisions, [f"{short} beslutade:"]
    return ItemBlock(
        heading=heading_text(item),
        level=level,
        presenters=presenter_line(item),
        paragraphs=paragraphs(text),
        attachments=[attachment_line(a) for a in sorted(item.attachments.all(), key=lambda a: a.position)],
        outcome=outcome_text(item) if kind == MINUTES else "",
        openers=openers if clauses else [],
        clauses=[clause.text for clause in clauses],
        subitems=[item_block(sub, kind, short, level + 1) for sub in subitems_of(item)],
        anchor=f"punkt-{item.pk}",
    )


def item_blocks(meeting: Meeting, kind: str) -> list[ItemBlock]:
    """Every top-level item of the meeting as printed in an agenda or minutes."""
    short = body_short(meeting.body)
    return [item_block(item, kind, short) for item in top_items(meeting)]


def attendee_label(attendance: Attendance) -> str:
    """'Patrik Prahl (tf)', 'Anna Berg (ersättare för Per Ek)'."""
    label = attendance.person.name
    if attendance.acting:
        label += " (tf)"
    if attendance.substitute_for_id:
        label += f" (ersättare för {attendance.substitute_for.name})"
    return label


def attendance_rows(meeting: Meeting) -> tuple[str, list[AttendanceRow]]:
    """The right column's heading and the table rows: municipalities left, region and others right."""
    left, right = [], []
    for attendance in meeting.attendances.all():
        organization = attendance.organization
        if organization and organization.kind == Organization.Kind.MUNICIPALITY:
            left.append(attendance)
        else:
            right.append(attendance)
    groups = _right_groups(right)
    heading = groups[0][0] if groups else "Region"
    right_lines: list[tuple[str, Attendance | None]] = []
    for index, (name, people) in enumerate(groups):
        if index:
            right_lines.append((name, None))
        right_lines += [("", person) for person in people]
    return heading, [
        _row(municipality, right_line)
        for municipality, right_line in zip_longest(_municipality_groups(left), right_lines)
    ]


def _municipality_groups(left: list[Attendance]) -> list[tuple[str, list[Attendance]]]:
    groups: dict[str, list[Attendance]] = {}
    for attendance in sorted(left, key=lambda a: (a.organization.name, a.position)):
        groups.setdefault(attendance.organization.name, []).append(attendance)
    return list(groups.items())


def _right_groups(right: list[Attendance]) -> list[tuple[str, list[Attendance]]]:
    order = {Organization.Kind.REGION: 0, Organization.Kind.OTHER: 1}
    groups: dict[str, list[Attendance]] = {}
    ranked = sorted(right, key=lambda a: (
        order.get(a.organization.kind, 1) if a.organization else 2,
        a.organization.name if a.organization else "", a.position,
    ))
    for attendance in ranked:
        name = attendance.organization.name if attendance.organization else "Övriga deltagare"
        groups.setdefault(name, []).append(attendance)
    return list(groups.items())


def _row(municipality, right_line) -> AttendanceRow:
    row = AttendanceRow()
    if municipality:
        row.municipality = municipality[0]
        row.people = [attendee_label(a) for a in municipality[1]]
    if right_line:
        heading, attendance = right_line
        if attendance is None:
            row.right_heading = heading
        else:
            row.right_name = attendee_label(attendance)
            row.right_title = attendance.title or attendance.person.title
    return row
