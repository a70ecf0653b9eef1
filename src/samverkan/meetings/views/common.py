"""What the secretariat's pages share: the meeting or item a secretary may edit, the version a form was opened at."""

from django.urls import reverse

from samverkan.core.locking import EditConflict
from samverkan.directory.access import (
    served_or_404,
)

from .. import publishing
from ..models import AgendaItem, Meeting


def editable_meeting(request, pk) -> Meeting:
    """A meeting the secretary serves; a change to a published one starts a correction draft."""
    meeting = served_or_404(request, Meeting.objects.select_related("body"), pk, "Mötet finns inte.")
    _keep_published(request, meeting)
    return meeting


def editable_item(request, pk) -> AgendaItem:
    """An item of a meeting the secretary serves; a change to a published one starts a correction draft."""
    item = served_or_404(request, AgendaItem.objects.select_related("meeting__body"), pk, "Punkten finns inte.")
    _keep_published(request, item.meeting)
    return item


def _keep_published(request, meeting: Meeting) -> None:
    # Before any change is written, what the public reads is kept (a no-op once it is).
    if request.method == "POST":
        publishing.keep_published_reading(meeting, acting_user=request.user)


def agenda_url(meeting: Meeting) -> str:
    return reverse("meetings:agenda", args=[meeting.pk])


def posted_version(request, record) -> int:
    """The version of `record` the form was opened at; a form without a readable one is stale."""
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        raise EditConflict(record) from None
