"""Reads of matters and assignments for pages, filtered by what the user may see.

Who sees what (the rules are written down in samverkan.directory.access):
- A matter is seen when at least one of its confirmed items belongs to a meeting the user may
  see (published, or of a body they are a member of or serve); its timeline then shows only those
  items. A secretariat also sees the matters of the bodies it serves, and matters of no body
  that no meeting is tied to yet. Suggestions are never shown outside the secretariat.
- An assignment is seen when the meeting of its decision may be seen, or when the user is a
  member of (or serves) the body that carries it or that it reports to. A secretariat also sees
  the assignments of its bodies' matters, and those of no body and no meeting.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch, Q

from samverkan.directory.access import (
    is_any_secretary,
    is_secretary,
    member_body_ids,
    secretariat_assignments_filter,
    secretariat_matters_filter,
    served_body_ids,
    visible_meetings_filter,
)
from samverkan.directory.models import Body
from samverkan.meetings.models import AgendaItem, Attachment, Clause, Meeting
from samverkan.meetings.published import items_as_published
from samverkan.meetings.services import pending_items

from .models import Assignment, Deadline, Matter, MatterItem
from .services import FORWARDED_WORDS, WAITING_WORDS


def visible_meetings(user):
    return Meeting.objects.filter(visible_meetings_filter(user))


def visible_items(user):
    return AgendaItem.objects.filter(meeting__in=visible_meetings(user))


def visible_matters(user):
    linked = MatterItem.objects.filter(state=MatterItem.State.CONFIRMED, item__meeting__in=visible_meetings(user))
    return Matter.objects.filter(Q(pk__in=linked.values("matter_id")) | secretariat_matters_filter(user))


def visible_assignments(user):
    assignments = Assignment.objects.select_related(
        "owner_body", "owner_organization", "owner_person", "reports_to", "matter", "item__meeting__body")
    bodies = member_body_ids(user)
    return assignments.filter(
        Q(item__meeting__in=visible_meetings(user)) | Q(owner_body_id__in=bodies) | Q(reports_to_id__in=bodies)
        | secretariat_assignments_filter(user))


def matter_list(user, status: str | None = None):
    matters = visible_matters(user).select_related("body")
    if status:
        matters = matters.filter(status=status)
    return matters.order_by("status", "title")


# --- A matter's timeline -----------------------------------------------------------------------


@dataclass
class Entry:
    """One line of a matter's timeline."""

    date: date | None
    kind: str  # "item", "assignment", "deadline", "completed"
    body: Body | None = None
    item: AgendaItem | None = None
    clauses: list[Clause] = field(default_factory=list)
    clauses_are_decisions: bool = True
    attachments: list[Attachment] = field(default_factory=list)
    assignment: Assignment | None = None
    deadline: Deadline | None = None
    text: str = ""


def _item_entry(item: AgendaItem, member_bodies: set[int]) -> Entry:
    decisions = item.decisions
    attachments = [a for a in item.attachments.all()
                   if item.meeting.body_id in member_bodies or (a.public and item.meeting.published_at)]
    return Entry(date=item.meeting.date, kind="item", body=item.meeting.body, item=item,
                 clauses=decisions or item.proposals, clauses_are_decisions=bool(decisions),
                 attachments=attachments)


def _assignment_entries(assignment: Assignment, item_visible) -> list[Entry]:
    decided_in = assignment.item.meeting.body if assignment.item_id and item_visible(assignment.item) else None
    entries = [Entry(date=assignment.decided_on, kind="assignment", assignment=assignment, body=decided_in)]
    deadlines = list(assignment.deadlines.all())
    for deadline in deadlines[1:]:
        entries.append(Entry(date=deadline.decided_on or deadline.set_at.date(), kind="deadline",
                             assignment=assignment, deadline=deadline))
    if assignment.status == Assignment.Status.COMPLETED:
        entries.append(Entry(date=assignment.completed_on, kind="completed", assignment=assignment))
    return entries


def timeline(matter: Matter, user) -> list[Entry]:
    """Everything that concerns the matter, in date order: items with their decisions and
    documents in every body, and its assignments with each deadline and their reporting."""
    member_bodies = member_body_ids(user)
    items = (visible_items(user)
             .filter(matter_links__matter=matter, matter_links__state=MatterItem.State.CONFIRMED)
             .select_related("meeting__body", "parent")
             .prefetch_related("clauses", "attachments"))
    published = items_as_published(list(items), drafts_body_ids=served_body_ids(user))
    entries = [_item_entry(item, member_bodies) for item in published]
    visible_ids = set(visible_meetings(user).values_list("pk", flat=True))

    def item_visible(item):
        return item.meeting_id in visible_ids

    assignments = visible_assignments(user).filter(matter=matter).prefetch_related("deadlines__item__meeting")
    for assignment in assignments:
        entries.extend(_assignment_entries(assignment, item_visible))
    order = {"item": 0, "assignment": 1, "deadline": 2, "completed": 3}
    return sorted(entries, key=lambda e: (e.date is None, e.date or date.min, order[e.kind],
                                          e.item.position if e.item else 0))


def suggestions(matter: Matter | None = None, user=None):
    """Suggested items waiting for the secretariat, best first; only items the user may see."""
    links = (MatterItem.objects.filter(state=MatterItem.State.SUGGESTED)
             .select_related("matter", "item__meeting__body").order_by("-score", "pk"))
    if matter is not None:
        links = links.filter(matter=matter)
    if user is not None:
        links = links.filter(item__meeting__in=visible_meetings(user))
    return links


def find_items(user, query: str, exclude_matter: Matter | None = None, limit: int = 30):
    """Items whose title contains the words typed, for linking by hand; newest first."""
    words = query.split()
    if not words:
        return AgendaItem.objects.none()
    items = visible_items(user).exclude(type=AgendaItem.Type.PROCEDURAL)
    for word in words:
        items = items.filter(Q(title__icontains=word) | Q(agenda_text__icontains=word)
                             | Q(minutes_text__icontains=word))
    if exclude_matter is not None:
        items = items.exclude(matter_links__matter=exclude_matter,
                              matter_links__state=MatterItem.State.CONFIRMED)
    return items.select_related("meeting__body").order_by("-meeting__date", "position")[:limit]


# --- Open matters per body ---------------------------------------------------------------------


@dataclass
class Waiting:
    """An item that waits for something: preparation, a tabled decision, another body."""

    item: AgendaItem
    reason: str
    clause: str = ""
    to: str = ""


def _decision_texts(item: AgendaItem) -> list[str]:
    return [c.text for c in item.clauses.all() if c.kind == Clause.Kind.DECISION]


def _resolved(item: AgendaItem) -> bool:
    """Carried over, or its matter has moved on (a later item, or closed)."""
    if item.continuations.exists():
        return True
    for link in item.matter_links.filter(state=MatterItem.State.CONFIRMED).select_related("matter"):
        if link.matter.status == Matter.Status.CLOSED:
            return True
        later = link.matter.links.filter(state=MatterItem.State.CONFIRMED, item__meeting__date__gt=item.meeting.date)
        if item.meeting.date and later.exists():
            return True
    return False


def _forwarded_to(item: AgendaItem, text: str) -> str:
    if item.forwarded_to_id:
        return item.forwarded_to.display_name
    match = FORWARDED_WORDS.search(text)
    if not match:
        return ""
    rest = text[match.end():].strip()
    for word in ("till ", "för "):
        if rest.startswith(word):
            return rest[len(word):].rstrip(". ")
    return rest.rstrip(". ")


def _meeting_date(waiting: Waiting) -> date:
    return waiting.item.meeting.date or date.min


@dataclass
class BodyOverview:
    body: Body
    matters: list[Matter]
    preparation: list[Waiting]
    tabled: list[Waiting]
    forwarded: list[Waiting]
    reporting: list[Assignment]


def body_overview(body: Body, user) -> BodyOverview:
    """A body's open matters: what waits for preparation, what was tabled, what was forwarded and
    to whom, and the assignments that report back to it."""
    visible = visible_items(user)
    pending = list(pending_items(body).filter(pk__in=visible.values("pk")).prefetch_related("clauses"))
    tabled = [Waiting(i, "Bordlagd", "; ".join(_decision_texts(i)))
              for i in pending if i.outcome == AgendaItem.Outcome.TABLED]
    preparation = [Waiting(i, "Återtagen för beredning", "; ".join(_decision_texts(i)))
                   for i in pending if i.outcome == AgendaItem.Outcome.TAKEN_BACK]
    forwarded = []
    decided = (visible.filter(meeting__body=body)
               .filter(Q(outcome=AgendaItem.Outcome.DECIDED) | Q(outcome=AgendaItem.Outcome.FORWARDED))
               .select_related("meeting", "forwarded_to").prefetch_related("clauses")
               .order_by("-meeting__date", "position"))
    for item in decided:
        if item.outcome == AgendaItem.Outcome.FORWARDED and not _resolved(item):
            text = "; ".join(_decision_texts(item))
            forwarded.append(Waiting(item, "Överlämnad", text, _forwarded_to(item, text)))
            continue
        for text in _decision_texts(item):
            if WAITING_WORDS.search(text) and not _resolved(item):
                preparation.append(Waiting(item, "Väntar på beredning", text))
                break
            if FORWARDED_WORDS.search(text) and not _resolved(item):
                forwarded.append(Waiting(item, "Skickad vidare", text, _forwarded_to(item, text)))
                break
    matters = list(
        visible_matters(user).exclude(status=Matter.Status.CLOSED)
        .filter(Q(body=body) | Q(links__state=MatterItem.State.CONFIRMED, links__item__meeting__body=body))
        .distinct().order_by("status", "title"))
    reporting = list(visible_assignments(user).filter(reports_to=body, status=Assignment.Status.ACTIVE)
                     .order_by("deadline"))
    preparation.sort(key=_meeting_date, reverse=True)
    return BodyOverview(body, matters, preparation, tabled, forwarded, reporting)


# --- Assignment lists --------------------------------------------------------------------------


def overdue(assignments, today: date):
    return assignments.filter(status=Assignment.Status.ACTIVE, deadline__lt=today).order_by("deadline")


def due_soon(assignments, today: date, days: int):
    return assignments.filter(status=Assignment.Status.ACTIVE, deadline__gte=today,
                              deadline__lte=today + timedelta(days=days)).order_by("deadline")


def assignment_with_history(pk: int, user) -> Assignment:
    return (visible_assignments(user)
            .prefetch_related(Prefetch("deadlines", queryset=Deadline.objects.select_related("item__meeting__body")),
                              "reminders")
            .get(pk=pk))


def can_edit_matter(user, matter: Matter) -> bool:
    """The secretariat of the matter's body; any secretariat for a matter of no body."""
    if matter.body_id is None:
        return is_any_secretary(user)
    return is_secretary(user, matter.body)


def can_edit_assignment(user, assignment: Assignment) -> bool:
    """The secretariat of the body that carries the assignment or follows it."""
    body_id = assignment.owning_body_id()
    if body_id is None:
        return is_any_secretary(user)
    return body_id in served_body_ids(user)
