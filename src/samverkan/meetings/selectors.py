"""Reads of meetings for pages and exports."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from samverkan.directory.models import Membership, Organization, Person

from .models import AgendaItem, Attachment, Attendance, Clause, Meeting, MinutesVersion, Presentation


@dataclass(frozen=True)
class Member:
    """A member invited to a meeting: the person, the organisation, the membership to edit."""

    person: Person
    organization: str
    membership_id: int

    @property
    def name(self) -> str:
        return self.person.name

    @property
    def email(self) -> str:
        return self.person.email


def invited_members(meeting: Meeting, on: date | None = None) -> list[Member]:
    """The members of the meeting's body on a day (today for a coming meeting, the meeting day for a past
    one), by name, once each, with the organisation they represent there."""
    if on is None:
        today = timezone.localdate()
        on = meeting.date if meeting.date and meeting.date < today else today
    in_force = (Q(start_date__isnull=True) | Q(start_date__lte=on)) & (Q(end_date__isnull=True) | Q(end_date__gte=on))
    memberships = (Membership.objects.filter(in_force, body_id=meeting.body_id)
                   .select_related("person__organization", "organization").order_by("person__name", "pk"))
    seen, members = set(), []
    for membership in memberships:
        if membership.person_id in seen:
            continue
        seen.add(membership.person_id)
        organization = membership.organization or membership.person.organization
        members.append(Member(membership.person, organization.name if organization else "", membership.pk))
    return members


def upcoming_meetings(today: date, visible: Q, limit: int = 5):
    """Visible meetings from today on, soonest first."""
    return Meeting.objects.select_related("body").filter(visible, date__gte=today).order_by("date")[:limit]


def latest_meetings(today: date, visible: Q, limit: int = 10):
    """Visible meetings before today, newest first, undated ones last; each with its `decision_count`.

    The decisions are counted for these meetings only, not for the whole archive before the limit.
    """
    meetings = list(
        Meeting.objects.select_related("body")
        .filter(visible)
        .filter(Q(date__lt=today) | Q(date__isnull=True))
        .order_by(F("date").desc(nulls_last=True), "-pk")[:limit]
    )
    counts = dict(
        Clause.objects.filter(item__meeting__in=[m.pk for m in meetings], kind=Clause.Kind.DECISION)
        .values("item__meeting").annotate(count=Count("pk")).values_list("item__meeting", "count")
    )
    for meeting in meetings:
        meeting.decision_count = counts.get(meeting.pk, 0)
    return meetings


def meeting_years(visible: Q) -> list[tuple[int | None, int]]:
    """The years with visible meetings and how many, newest first; None for meetings without a date."""
    rows = (Meeting.objects.filter(visible).annotate(year=ExtractYear("date")).values("year")
            .annotate(count=Count("pk")).order_by(F("year").desc(nulls_last=True)))
    return [(row["year"], row["count"]) for row in rows]


def meetings_of_year(visible: Q, year: int | None):
    """The visible meetings of one year (or without a date), newest first."""
    meetings = Meeting.objects.select_related("body").filter(visible)
    meetings = meetings.filter(date__isnull=True) if year is None else meetings.filter(date__year=year)
    return meetings.order_by("-date", "-pk")


def meeting_with_items(pk: int) -> Meeting:
    """One meeting with everything its page shows, in few queries (one per kind of row).

    The rows are put where `prefetch_related` would put them (`meeting.top_items`, `item.subitems`,
    `item.clauses`, `item.presentations` with their people, `item.attachments`, `meeting.attendances`,
    `meeting.source_documents`), but assembled here once: Django's prefetching builds a queryset per
    instance and relation, which cost more than the queries themselves on a meeting page.
    """
    meeting = Meeting.objects.select_related("body").get(pk=pk)
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk"))
    ids = [item.pk for item in items]
    parts = {
        "clauses": Clause.objects.filter(item_id__in=ids),
        "attachments": Attachment.objects.filter(item_id__in=ids),
        "presentations": Presentation.objects.filter(item_id__in=ids).select_related("person"),
    }
    by_item = {name: defaultdict(list) for name in parts}
    for name, rows in parts.items():
        for row in rows:
            by_item[name][row.item_id].append(row)
    by_pk = {item.pk: item for item in items}
    children = defaultdict(list)
    for item in items:
        item.meeting = meeting
        if item.parent_id is not None and item.parent_id in by_pk:
            item.parent = by_pk[item.parent_id]
            children[item.parent_id].append(item)
        for name, model in (("clauses", Clause), ("attachments", Attachment), ("presentations", Presentation)):
            found = by_item[name].get(item.pk, [])
            for row in found:
                row.item = item
            prefetched(item, name, model, found)
    for item in items:
        prefetched(item, "subitems", AgendaItem, children.get(item.pk, []))
    meeting.top_items = [item for item in items if item.parent_id is None]
    attendances = list(Attendance.objects.filter(meeting=meeting).select_related("person", "organization"))
    for attendance in attendances:
        attendance.meeting = meeting
    prefetched(meeting, "attendances", Attendance, attendances)
    sources = meeting.source_documents.all()
    prefetched(meeting, "source_documents", sources.model, list(sources))
    return meeting


def prefetched(instance, name: str, model, rows: list) -> None:
    """Put `rows` where `prefetch_related` would: `instance.<name>.all()` then reads no database."""
    queryset = model._default_manager.none()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    instance._prefetched_objects_cache = getattr(instance, "_prefetched_objects_cache", {})
    instance._prefetched_objects_cache[name] = queryset


def all_items(meeting: Meeting):
    """The items of a meeting from `meeting_with_items`, each followed by its subitems."""
    for item in meeting.top_items:
        yield item
        yield from item.subitems.all()


def attendance_by_organization(meeting: Meeting) -> list[tuple[str, list[Attendance]]]:
    """Attendance grouped by organisation: municipalities, then region, then others."""
    order = {Organization.Kind.MUNICIPALITY: 0, Organization.Kind.REGION: 1, Organization.Kind.OTHER: 2}
    groups: dict = {}
    for attendance in meeting.attendances.all():
        groups.setdefault(attendance.organization, []).append(attendance)

    def sort_key(entry):
        organization = entry[0]
        if organization is None:
            return (3, "")
        return (order.get(organization.kind, 2), organization.name)

    return [
        (organization.name if organization else "Organisation ej angiven", people)
        for organization, people in sorted(groups.items(), key=sort_key)
    ]


# --- People and organisations at the meetings -----------------------------------------

def person_record(person: Person, visible: Q):
    """The meetings a person attended and the items they presented, newest first."""
    attended = (
        Attendance.objects.filter(person=person).filter(meeting__in=_meetings(visible))
        .select_related("meeting__body", "organization")
        .order_by("-meeting__date")
    )
    presented = (
        Presentation.objects.filter(person=person).filter(item__meeting__in=_meetings(visible))
        .select_related("item__meeting__body", "item__parent")
        .order_by("-item__meeting__date", "item__position")
    )
    return attended, presented


def organization_record(organization: Organization, visible: Q):
    """The people of an organisation and the meetings its people attended."""
    attendances = (
        Attendance.objects.filter(organization=organization).filter(meeting__in=_meetings(visible))
        .select_related("meeting__body", "person")
        .order_by("-meeting__date", "person__name")
    )
    people = (visible_people(visible)
              .filter(Q(attendances__in=attendances) | Q(organization=organization))
              .distinct().order_by("name"))
    return people, attendances


def visible_people(visible: Q):
    """People who attended or presented at a meeting the reader may see."""
    meetings = _meetings(visible)
    return Person.objects.filter(
        Q(attendances__meeting__in=meetings) | Q(presentations__item__meeting__in=meetings)).distinct()


def _meetings(visible: Q):
    return Meeting.objects.filter(visible)


def same_files(attachments) -> dict[int, Attachment]:
    """For each of `attachments` (of one meeting) whose content (SHA-256) another attachment of that
    meeting already has: the first such other, by the attachment's pk."""
    attachments = [attachment for attachment in attachments if attachment.sha256]
    if not attachments:
        return {}
    by_digest: dict[str, list[Attachment]] = {}
    for other in (Attachment.objects.filter(item__meeting_id=attachments[0].item.meeting_id,
                                            sha256__in={a.sha256 for a in attachments})
                  .select_related("item__parent").order_by("pk")):
        by_digest.setdefault(other.sha256, []).append(other)
    found = {}
    for attachment in attachments:
        others = [other for other in by_digest[attachment.sha256] if other.pk != attachment.pk]
        if others:
            found[attachment.pk] = others[0]
    return found


def present_non_members(meeting: Meeting) -> list[Attendance]:
    """The people recorded present at the meeting who are not members of its body, now or later.

    Substitutes count too: they were present; the secretariat unticks whoever should not be a member.
    """
    today = timezone.localdate()
    members = (Membership.objects.filter(body_id=meeting.body_id)
               .filter(Q(end_date__isnull=True) | Q(end_date__gte=today)).values("person_id"))
    return list(meeting.attendances.exclude(person_id__in=members)
                .select_related("person__organization", "organization").order_by("position", "pk"))


@dataclass(frozen=True)
class Finished:
    """When the minutes became an official document, and the latest correction finished since, if any."""

    finished_on: date | None
    correction: MinutesVersion | None = None


def finished(meeting: Meeting) -> Finished:
    """The minutes' finished date (färdigställt) and their latest finished correction (version 2 on).

    Read from the rows, not from `meeting`: a published reading kept before the date was recorded lacks it."""
    finished_on = Meeting.objects.filter(pk=meeting.pk).values_list("finished_on", flat=True).first()
    latest = (MinutesVersion.objects.filter(meeting_id=meeting.pk, version__gt=1).exclude(finished_on=None)
              .order_by("-version").first())
    return Finished(finished_on, latest)
