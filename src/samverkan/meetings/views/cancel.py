"""Cancelling a meeting from its agenda page."""

from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from samverkan.core.views import run_action
from samverkan.directory.access import secretariat_required

from .. import cancelling
from .common import agenda_url, editable_meeting, posted_version


@secretariat_required
@require_POST
def meeting_cancel(request, pk):
    meeting = editable_meeting(request, pk)
    run_action(request, lambda: cancelling.cancel_meeting(
        meeting, request.POST.get("reason", ""), posted_version(request, meeting), acting_user=request.user),
        _told)
    return redirect(agenda_url(meeting))


def _told(result: cancelling.Cancellation) -> str:
    message = "Mötet är inställt."
    if result.told:
        message += f" {len(result.told)} kallade har fått ett meddelande med en kalenderavbokning."
    if result.failed:
        message += f" Det gick inte att skicka till {', '.join(result.failed)}."
    return message
