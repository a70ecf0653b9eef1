"""Planning a meeting and building its agenda: the secretariat's writes before the meeting."""

from datetime import date, time

from django.utils import timezone

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.core.locking import claim_version
from samverkan.directory.models import Body
from samverkan.directory.services import get_or_create_person
from samverkan.language.outcomes import mode_from_location

from .models import AgendaItem, Clause, Meeting, Presentation
from .signals import announce_change
from .validation import check_meeting, check_title

PENDING_OUTCOMES = (AgendaItem.Outcome.TABLED, AgendaItem.Outcome.TAKEN_BACK)


def previous_meeting(body: Body, before: date) -> Meeting | None:
    """The body's latest meeting before a date."""
    return Meeting.objects.filter(body=body, date__lt=before).order_by("-date").first()


def standard_items(body: Body, previous: Meeting | None) -> list[dict]:
    """The items every agenda of the network starts and ends with, with their usual proposals."""
    previous_title = "Föregående minnesanteckningar"
    if previous and previous.date:
        previous_title += f" {previous.date:%y%m%d}"
    return [
        {"title": "Mötets öppnande", "type": AgendaItem.Type.PROCEDURAL, "proposals": []},
        {"title": "Godkännande av dagordning", "type": AgendaItem.Type.PROCEDURAL,
         "proposals": ["att godkänna dagordningen."]},
        {"title": previous_title, "type": AgendaItem.Type.PROCEDURAL,
         "proposals": ["att lägga minnesanteckningarna till handlingarna."]},
        {"title": "Rapporter", "type": AgendaItem.Type.REPORT,
         "proposals": ["att lägga informationen till handlingarna."]},
        {"title": "Övriga frågor", "type": AgendaItem.Type.OTHER_BUSINESS, "proposals": []},
    ]


@action
def plan_meeting(body: Body, meeting_date: date, start_time: time | None = None,
                 end_time: time | None = None, location: str = "", mode: str | None = None,
                 registry_number: str = "", online_link: str = "") -> Meeting:
    """Create a meeting of a body with the standard agenda items."""
    check_meeting(meeting_date, start_time, end_time, timezone.localdate())
    previous = previous_meeting(body, meeting_date)
    meeting = Meeting.objects.create(
        body=body, date=meeting_date, start_time=start_time, end_time=end_time,
        location=location, online_link=online_link,
        mode=mode if mode and mode != Meeting.Mode.UNKNOWN else mode_from_location(location),
        registry_number=registry_number, status=Meeting.Status.PLANNED,
        previous_minutes_date=previous.date if previous else None,
    )
    for position, spec in enumerate(standard_items(body, previous)):
        item = AgendaItem.objects.create(meeting=meeting, number=str(position + 1), position=position,
                                         title=spec["title"], type=spec["type"])
        replace_clauses(item, Clause.Kind.PROPOSAL, spec["proposals"])
    reindex(meeting)
    return meeting


@action
def update_meeting(meeting: Meeting, expected_version: int | None = None) -> Meeting:
    """Save edited meeting details; search follows a change of body or date."""
    check_meeting(meeting.date, meeting.start_time, meeting.end_time, timezone.localdate())
    claim_version(meeting, expected_version)
    if meeting.mode == Meeting.Mode.UNKNOWN:
        meeting.mode = mode_from_location(meeting.location)
    meeting.save()
    reindex(meeting)
    return meeting


def pending_items(body: Body, before: Meeting | None = None):
    """Items tabled or taken back at earlier meetings and not yet on a later agenda."""
    items = (AgendaItem.objects.filter(meeting__body=body, outcome__in=PENDING_OUTCOMES,
                                       continuations__isnull=True)
             .select_related("meeting").order_by("-meeting__date", "position"))
    if before is not None and before.date:
        items = items.filter(meeting__date__lt=before.date)
    return items


@action
def add_item(meeting: Meeting, title: str, type: str = AgendaItem.Type.INFORMATION,
             agenda_text: str = "", proposals: list[str] | None = None,
             continues: AgendaItem | None = None) -> AgendaItem:
    """Add an item before 'Övriga frågor' (or last) and renumber the agenda.

    An item carried over keeps its title, however long it was in the archive."""
    if continues is None:
        check_title(title)
    claim_version(meeting, None)
    top = list(meeting.items.filter(parent=None).order_by("position"))
    at = next((i for i, item in enumerate(top) if item.type == AgendaItem.Type.OTHER_BUSINESS), len(top))
    item = AgendaItem.objects.create(meeting=meeting, number="0", position=at, title=title, type=type,
                                     agenda_text=agenda_text, continues=continues)
    top.insert(at, item)
    _renumber(top)
    replace_clauses(item, Clause.Kind.PROPOSAL, proposals or [])
    reindex(meeting)
    return item


@action
def add_subitem(parent: AgendaItem, title: str, type: str = AgendaItem.Type.INFORMATION) -> AgendaItem:
    """Add a lettered sub-item ('a)', 'b)', …) last under an item."""
    check_title(title)
    meeting = parent.meeting
    claim_version(meeting, None)
    siblings = list(parent.subitems.order_by("position"))
    item = AgendaItem.objects.create(meeting=meeting, parent=parent, number=f"~new{parent.pk}",
                                     position=len(siblings), title=title, type=type)
    _renumber(siblings + [item])
    reindex(meeting)
    item.refresh_from_db()
    return item


@action
def carry_over(meeting: Meeting, earlier: AgendaItem) -> AgendaItem:
    """Put an item tabled or taken back at an earlier meeting on this agenda."""
    proposals = [c.text for c in earlier.clauses.filter(kind=Clause.Kind.PROPOSAL)]
    return add_item(meeting, earlier.title, earlier.type, earlier.agenda_text, proposals, continues=earlier)


@action
def update_item(item: AgendaItem, expected_version: int | None, *, title: str, type: str,
                agenda_text: str, proposals: list[str], presenters: list[tuple[str, str]]) -> AgendaItem:
    """Save the secretariat's edit of an agenda item; a long title read from the archive may stay."""
    if title != item.title:
        check_title(title)
    claim_version(item, expected_version)
    item.title, item.type, item.agenda_text = title, type, agenda_text
    item.save(update_fields=["title", "type", "agenda_text", "modified"])
    replace_clauses(item, Clause.Kind.PROPOSAL, proposals)
    _replace_presenters(item, presenters)
    reindex(item.meeting)
    return item


@action
def remove_item(item: AgendaItem) -> None:
    """Take an item off the agenda and renumber the rest."""
    meeting = item.meeting
    claim_version(meeting, None)
    item.delete()
    _renumber(list(meeting.items.filter(parent=item.parent_id).order_by("position")))
    renumber_attachments(meeting)
    reindex(meeting)


@action
def reorder_items(meeting: Meeting, ordered_ids: list[int], expected_version: int | None) -> None:
    """Put the top-level items in the given order; numbers and attachment labels follow."""
    claim_version(meeting, expected_version)
    items = {item.pk: item for item in meeting.items.filter(parent=None)}
    if sorted(ordered_ids) != sorted(items):
        raise UserError("Ordningen måste innehålla varje punkt på dagordningen precis en gång.")
    _renumber([items[pk] for pk in ordered_ids])
    renumber_attachments(meeting)


@action
def move_item(item: AgendaItem, step: int, expected_version: int | None) -> None:
    """Move an item one place up (step -1) or down (+1)."""
    siblings = list(item.meeting.items.filter(parent=None).order_by("position").values_list("pk", flat=True))
    at = siblings.index(item.pk)
    to = min(max(at + step, 0), len(siblings) - 1)
    siblings.insert(to, siblings.pop(at))
    reorder_items(item.meeting, siblings, expected_version)


def reindex(meeting: Meeting) -> None:
    """Keep search in step with an edited meeting."""
    announce_change(meeting)


def renumber_attachments(meeting: Meeting) -> None:
    """Label uploaded attachments 'Bilaga 1, 2, …' in agenda order."""
    number = 0
    for item in _items_in_agenda_order(meeting):
        for attachment in item.attachments.exclude(file="").order_by("position", "pk"):
            number += 1
            label = f"Bilaga {number}"
            if attachment.label != label:
                attachment.label = label
                attachment.save(update_fields=["label"])


def _items_in_agenda_order(meeting: Meeting):
    for item in meeting.items.filter(parent=None).order_by("position"):
        yield item
        yield from item.subitems.order_by("position")


def subitem_letter(position: int) -> str:
    """'a', 'b', … 'z', then 'aa', 'ab', …, as sub-items are lettered in the documents."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _renumber(items: list[AgendaItem]) -> None:
    # Sub-items keep the style they were written in: "1." as in some minutes, else "a)".
    numbered = bool(items) and (items[0].parent_id is None or items[0].number.isdigit())
    for position, item in enumerate(items):
        number = str(position + 1) if numbered else subitem_letter(position)
        if (item.position, item.number) != (position, number):
            item.position, item.number = position, number
            # A temporary number keeps (meeting, parent, number) unique while items swap places.
            AgendaItem.objects.filter(pk=item.pk).update(number=f"~{item.pk}")
    for item in items:
        AgendaItem.objects.filter(pk=item.pk).update(position=item.position, number=item.number)


def replace_clauses(item: AgendaItem, kind: str, texts: list[str]) -> None:
    item.clauses.filter(kind=kind).delete()
    for position, text in enumerate(t for t in texts if t.strip()):
        Clause.objects.create(item=item, kind=kind, position=position, text=text.strip())


def _replace_presenters(item: AgendaItem, presenters: list[tuple[str, str]]) -> None:
    item.presentations.all().delete()
    for position, (name, title) in enumerate(presenters):
        Presentation.objects.create(item=item, person=get_or_create_person(name), title=title,
                                    position=position)
