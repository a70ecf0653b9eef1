"""Sending the notice with the agenda."""

from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from samverkan.core.views import run_action
from samverkan.directory.access import (
    secretariat_required,
)

from .. import notices
from .common import agenda_url, editable_meeting


@secretariat_required
@require_POST
def notice_send(request, pk):
    meeting = editable_meeting(request, pk)
    run_action(request, lambda: notices.send_notice(meeting, acting_user=request.user), "Kallelsen är skickad.")
    return redirect(agenda_url(meeting))
