"""One page per member organisation (a municipality, the region): what a director reads before a meeting.

It gathers, for one organisation, from several apps (which is why it lives here, above them all):
who represents it in which body, its attendance over the years, its recommendations and answers, its
assignments and its grant money. Who sees what follows samverkan.directory.access:

- Public: the organisation; its representatives among the people the reader may see (the people of
  published minutes; every person for a signed-in member or secretariat, as on a person's page), with
  body, role, tf and dates, never an e-mail address; attendance counted over the meetings the reader may
  see; the recommendations the reader may see (followup.selectors) with the organisation's answers, and
  the assignments the reader may see (matters.selectors.visible_assignments).
- Members and secretariat only: the grant money (allocations, invoice bases), as the funds app decides
  (agreements of the bodies the user belongs to or keeps).

Every list is read in a fixed number of queries, whatever the number of bodies, meetings or answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from samverkan.appointments.models import Appointment
from samverkan.directory.access import member_body_ids, visible_meetings_filter
from samverkan.directory.models import Body, Membership, Organization, Person
from samverkan.funds.models import Allocation
from samverkan.funds.selectors import visible_agreements
from samverkan.matters.models import Assignment
from samverkan.matters.selectors import visible_assignments
from samverkan.meetings.models import Attendance, Meeting
from samverkan.meetings.selectors import visible_people

from .models import Answer
from .selectors import visible_recommendations


@dataclass
class YearAttendance:
    year: int
    attended: int
    held: int


@dataclass
class BodyAttendance:
    body: Body
    years: list[YearAttendance] = field(default_factory=list)

    @property
    def attended(self) -> int:
        return sum(year.attended for year in self.years)

    @property
    def held(self) -> int:
        return sum(year.held for year in self.years)


@dataclass
class OrganizationOverview:
    organization: Organization
    current: list[Membership]
    earlier: list[Membership]
    appointments: list[Appointment]
    attendance: list[BodyAttendance]
    substitutes: list[Attendance]
    open_answers: list[Answer]
    answers: list[Answer]
    assignments: list[Assignment]
    allocations: list[Allocation] | None  # None: the reader may not see grant money
    people: list[Person]


def _represents(organization: Organization, prefix: str = "") -> Q:
    """Recorded for the organisation, or without one by a person of the organisation."""
    return Q(**{f"{prefix}organization": organization}) | Q(
        **{f"{prefix}organization__isnull": True, f"{prefix}person__organization": organization})


def _memberships(organization: Organization, user) -> tuple[list[Membership], list[Membership]]:
    memberships = Membership.objects.filter(_represents(organization)).select_related("person", "body")
    if not member_body_ids(user):
        memberships = memberships.filter(person__in=visible_people(visible_meetings_filter(user)))
    today = timezone.localdate()
    current, earlier = [], []
    for membership in memberships.order_by("body__name", "-start_date", "person__name"):
        ended = membership.end_date is not None and membership.end_date < today
        (earlier if ended else current).append(membership)
    return current, earlier


def _attendance(organization: Organization, user, body_ids: set[int]) -> list[BodyAttendance]:
    """Per body and year: meetings held (not cancelled, up to today) and those someone of the
    organisation attended. An attendance recorded without an organisation counts for the person's."""
    visible = Meeting.objects.filter(visible_meetings_filter(user), date__isnull=False,
                                     date__lte=timezone.localdate()).exclude(status=Meeting.Status.CANCELLED)
    attended = (Attendance.objects.filter(_represents(organization), meeting__in=visible)
                .annotate(year=ExtractYear("meeting__date")).values("meeting__body_id", "year")
                .annotate(count=Count("meeting_id", distinct=True)))
    counts = {(row["meeting__body_id"], row["year"]): row["count"] for row in attended}
    body_ids = body_ids | {body_id for body_id, _ in counts}
    held = (visible.filter(body_id__in=body_ids).annotate(year=ExtractYear("date"))
            .values("body_id", "year").annotate(count=Count("pk")))
    bodies = Body.objects.in_bulk(body_ids)
    by_body: dict[int, BodyAttendance] = {}
    for row in sorted(held, key=lambda r: (bodies[r["body_id"]].name, -r["year"])):
        entry = by_body.setdefault(row["body_id"], BodyAttendance(bodies[row["body_id"]]))
        entry.years.append(YearAttendance(row["year"], counts.get((row["body_id"], row["year"]), 0), row["count"]))
    return list(by_body.values())


def _allocations(organization: Organization, user) -> list[Allocation] | None:
    if not member_body_ids(user):
        return None
    return list(Allocation.objects.filter(recipient_organization=organization,
                                          agreement__in=visible_agreements(user))
                .select_related("agreement", "focus_area", "distribution", "decision_item__meeting__body")
                .annotate(used=Sum("uses__amount")).order_by("-agreement__year", "agreement__name", "pk"))


def organization_overview(organization: Organization, user) -> OrganizationOverview:
    current, earlier = _memberships(organization, user)
    body_ids = {membership.body_id for membership in current + earlier}
    appointments = list(Appointment.objects.filter(organization=organization, ended_on__isnull=True)
                        .filter(Q(end_date__isnull=True) | Q(end_date__gte=timezone.localdate()))
                        .select_related("person", "body").order_by("body__name", "role"))
    if not member_body_ids(user):
        seen = set(visible_people(visible_meetings_filter(user)).values_list("pk", flat=True))
        appointments = [appointment for appointment in appointments if appointment.person_id in seen]
    answers = list(Answer.objects.filter(organization=organization,
                                         recommendation__in=visible_recommendations(user))
                   .select_related("recommendation__body", "recommendation__matter")
                   .order_by("-recommendation__decided_on", "-recommendation__pk"))
    substitutes = list(Attendance.objects.filter(_represents(organization), substitute_for__isnull=False,
                                                 meeting__in=Meeting.objects.filter(visible_meetings_filter(user)))
                       .select_related("person", "substitute_for", "meeting__body").order_by("-meeting__date"))
    people = list(Person.objects.filter(Q(organization=organization) | Q(attendances__organization=organization))
                  .filter(pk__in=visible_people(visible_meetings_filter(user)).values("pk"))
                  .distinct().order_by("name"))
    return OrganizationOverview(
        organization=organization, current=current, earlier=earlier, appointments=appointments,
        attendance=_attendance(organization, user, body_ids), substitutes=substitutes,
        open_answers=[answer for answer in answers if not answer.is_answered],
        answers=[answer for answer in answers if answer.is_answered],
        assignments=list(visible_assignments(user).filter(owner_organization=organization)
                         .order_by("status", "deadline", "title")),
        allocations=_allocations(organization, user), people=people,
    )
