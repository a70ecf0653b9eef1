"""Reads of the directory for pages."""

from django.db.models import Q
from django.utils import timezone

from samverkan.meetings.models import Attendance, Meeting, Presentation

from .models import Body, Organization, Person


def current_membership(prefix: str = "") -> Q:
    """A filter for memberships in force today (prefix reaches them from another model)."""
    today = timezone.localdate()
    return (Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": today})) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today}))


def current_members(body: Body):
    """The people who belong to a body today, by name."""
    return (Person.objects.filter(current_membership("memberships__"), memberships__body=body)
            .select_related("organization").distinct().order_by("name"))


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
