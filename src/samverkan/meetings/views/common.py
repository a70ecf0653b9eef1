"""What the secretariat's pages share: the meeting or item a secretary may edit, the version a form was opened at."""

from django.urls import reverse

from samverkan.core.locking import EditConflict
from samverkan.directory.access import (
    served_or_404,
)

from ..models import AgendaItem, Meeting


def editable_meeting(request, pk) -> Meeting:
    return served_or_404(request, Meeting.objects.select_related("body"), pk, "Mötet finns inte.")


def editable_item(request, pk) -> AgendaItem:
    return served_or_404(request, AgendaItem.objects.select_related("meeting__body"), pk, "Punkten finns inte.")


def agenda_url(meeting: Meeting) -> str:
    return reverse("meetings:agenda", args=[meeting.pk])


def posted_version(request, record) -> int:
    """The version of `record` the form was opened at; a form without a readable one is stale."""
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        raise EditConflict(record) from None
