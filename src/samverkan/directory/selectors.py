"""Reads of the directory for pages."""

from django.db.models import Q
from django.utils import timezone

from .models import Body, Person


def current_membership(prefix: str = "") -> Q:
    """A filter for memberships in force today (prefix reaches them from another model)."""
    today = timezone.localdate()
    return (Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": today})) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today}))


def current_members(body: Body):
    """The people who belong to a body today, by name."""
    return (Person.objects.filter(current_membership("memberships__"), memberships__body=body)
            .select_related("organization").distinct().order_by("name"))
