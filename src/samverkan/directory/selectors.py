"""Reads of the directory for pages."""

from django.db.models import Q
from django.utils import timezone

from samverkan.core.text import normalize_name

from .models import Body, Membership, Organization, Person


def current_membership(prefix: str = "") -> Q:
    """A filter for memberships in force today (prefix reaches them from another model)."""
    today = timezone.localdate()
    return (Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": today})) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today}))


def current_members(body: Body):
    """The people who belong to a body today, by name."""
    return (Person.objects.filter(current_membership("memberships__"), memberships__body=body)
            .select_related("organization").distinct().order_by("name"))


def body_memberships(body: Body):
    """Everyone who is, was or will be a member of a body, by name, with their organisations."""
    return (Membership.objects.filter(body=body).select_related("person__organization", "person__user", "organization")
            .order_by("person__name", "-start_date"))


def split_memberships(memberships) -> tuple[list, list, list]:
    """(current, coming, ended): memberships in force today, starting later, and ended."""
    today = timezone.localdate()
    current, coming, ended = [], [], []
    for membership in memberships:
        if membership.end_date is not None and membership.end_date < today:
            ended.append(membership)
        elif membership.start_date is not None and membership.start_date > today:
            coming.append(membership)
        else:
            current.append(membership)
    return current, coming, ended


def people_to_choose():
    """Everyone recorded, for the search field of a new member."""
    return Person.objects.select_related("organization").only("name", "organization__name").order_by("name")


def organization_names() -> list[str]:
    return list(Organization.objects.order_by("name").values_list("name", flat=True))


PEOPLE_FOUND = 10


def search_people(query: str, limit: int = PEOPLE_FOUND) -> list[Person]:
    """People whose name holds every word typed (any case), by name; none for an empty query."""
    words = normalize_name(query or "").split()
    if not words:
        return []
    found = Person.objects.select_related("organization")
    for word in words:
        found = found.filter(name_key__contains=word)
    return list(found.order_by("name", "pk")[:limit])


def person_choices(query: str, selected: Person | None = None) -> dict:
    """What a person picker shows (directory/_person_choices.html): the people found, the chosen one first."""
    found = search_people(query)
    more = len(found) >= PEOPLE_FOUND
    if selected is not None and selected.pk not in {person.pk for person in found}:
        found = [selected, *found]
    return {"q": query, "people": found, "selected": selected.pk if selected is not None else None, "more": more}
