"""Recording a meeting: attendance, notes, decisions and what became of each item."""

from dataclasses import dataclass

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.core.locking import claim_version
from samverkan.directory.models import Body, Organization, Person
from samverkan.directory.services import get_or_create_organization, get_or_create_person

from .forwarding import follow_outcome
from .models import AgendaItem, Attendance, Clause, Meeting
from .services import reindex, replace_clauses


@dataclass
class Presence:
    person: Person
    organization: Organization | None = None
    title: str = ""
    acting: bool = False
    substitute_for: Person | None = None


@dataclass
class MemberMark:
    """What the attendance form says of one member: present (perhaps acting) or replaced by a substitute."""

    member: Person
    present: bool = False
    acting: bool = False
    substitute_name: str = ""


@dataclass
class OtherAttendee:
    """Someone present who is not a member, as typed: name, and perhaps organisation and title."""

    name: str
    organization: str = ""
    title: str = ""


@action
def record_attendance_form(meeting: Meeting, marks: list[MemberMark], others: list[OtherAttendee],
                           expected_version: int | None, *, acting_user=None) -> int:
    """Save the attendance form: substitutes and other people are found or created in the directory
    in the same transaction as the list; returns how many were present."""
    present = [_presence_of(mark) for mark in marks if mark.present or mark.substitute_name]
    for other in others:
        organization = get_or_create_organization(other.organization) if other.organization else None
        person = get_or_create_person(other.name, organization, other.title)
        present.append(Presence(person, organization, other.title))
    record_attendance(meeting, present, expected_version)
    return len(present)


def _presence_of(mark: MemberMark) -> Presence:
    member = mark.member
    if mark.substitute_name:
        substitute = get_or_create_person(mark.substitute_name, member.organization)
        return Presence(substitute, member.organization, substitute_for=member)
    return Presence(member, member.organization, acting=mark.acting)


@action
def record_attendance(meeting: Meeting, present: list[Presence], expected_version: int | None) -> None:
    """Make the attendance list exactly those present, in the order given."""
    claim_version(meeting, expected_version)
    keep = {entry.person.pk for entry in present}
    meeting.attendances.exclude(person_id__in=keep).delete()
    for position, entry in enumerate(present):
        Attendance.objects.update_or_create(
            meeting=meeting, person=entry.person,
            defaults={"organization": entry.organization or entry.person.organization,
                      "title": entry.title or entry.person.title, "acting": entry.acting,
                      "substitute_for": entry.substitute_for, "position": position},
        )
    if meeting.status in (Meeting.Status.PLANNED, Meeting.Status.NOTIFIED):
        meeting.status = Meeting.Status.RECORDED
        meeting.save(update_fields=["status", "modified"])


@action
def record_item(item: AgendaItem, expected_version: int | None, *, minutes_text: str,
                decisions: list[str], outcome: str, forwarded_to: Body | None = None) -> AgendaItem:
    """Save the notes, decisions and outcome of one item."""
    if outcome == AgendaItem.Outcome.FORWARDED and forwarded_to is None:
        raise UserError("Ange vilket organ ärendet överlämnas till.")
    claim_version(item, expected_version)
    item.minutes_text = minutes_text
    item.outcome = outcome
    item.forwarded_to = forwarded_to if outcome == AgendaItem.Outcome.FORWARDED else None
    item.save(update_fields=["minutes_text", "outcome", "forwarded_to", "modified"])
    replace_clauses(item, Clause.Kind.DECISION, decisions)
    follow_outcome(item)
    reindex(item.meeting)
    return item


@action
def adopt_proposals(item: AgendaItem, expected_version: int | None = None) -> AgendaItem:
    """The meeting decided as proposed: every proposal becomes a decision, unchanged."""
    claim_version(item, expected_version)
    proposals = [clause.text for clause in item.clauses.filter(kind=Clause.Kind.PROPOSAL)]
    replace_clauses(item, Clause.Kind.DECISION, proposals)
    item.outcome = AgendaItem.Outcome.DECIDED
    item.save(update_fields=["outcome", "modified"])
    follow_outcome(item)
    reindex(item.meeting)
    return item


def can_adopt_as_proposed(item: AgendaItem) -> bool:
    """An item the meeting can decide "enligt förslaget": it has proposals, or it is procedural (opening)."""
    return bool(item.proposals) or item.type == AgendaItem.Type.PROCEDURAL


@action
def adopt_remaining_proposals(meeting: Meeting) -> list[AgendaItem]:
    """Every item nothing is recorded of yet is decided as proposed; the rest stay as recorded."""
    adopted = []
    for item in meeting.items.filter(outcome=AgendaItem.Outcome.OPEN).prefetch_related("clauses"):
        if can_adopt_as_proposed(item) and not item.decisions:
            adopted.append(adopt_proposals(item))
    return adopted


@action
def table_item(item: AgendaItem, expected_version: int | None = None) -> AgendaItem:
    """The meeting tabled the item: it is offered on the next agenda."""
    decision = f"att bordlägga {item.title[:1].lower()}{item.title[1:]}.".replace("..", ".")
    return record_item(item, expected_version, minutes_text=item.minutes_text, decisions=[decision],
                       outcome=AgendaItem.Outcome.TABLED)
