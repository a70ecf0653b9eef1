"""Reads of the directory for pages."""

from samverkan.meetings.models import Attendance, Presentation

from .models import Organization, Person


def person_record(person: Person):
    """The meetings a person attended and the items they presented, newest first."""
    attended = (
        Attendance.objects.filter(person=person)
        .select_related("meeting__body", "organization")
        .order_by("-meeting__date")
    )
    presented = (
        Presentation.objects.filter(person=person)
        .select_related("item__meeting__body", "item__parent")
        .order_by("-item__meeting__date", "item__position")
    )
    return attended, presented


def organization_record(organization: Organization):
    """The people of an organisation and the meetings its people attended."""
    people = Person.objects.filter(attendances__organization=organization).distinct().order_by("name")
    attendances = (
        Attendance.objects.filter(organization=organization)
        .select_related("meeting__body", "person")
        .order_by("-meeting__date", "person__name")
    )
    return people, attendances
