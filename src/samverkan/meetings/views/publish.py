"""Publishing the minutes and their corrections."""

from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from samverkan.core.views import run_action
from samverkan.directory.access import (
    secretariat_required,
)

from .. import publishing
from ..forms import (
    PublishForm,
)
from .common import editable_meeting


@secretariat_required
@require_POST
def publish(request, pk):
    meeting = editable_meeting(request, pk)
    form = PublishForm(request.POST)
    form.is_valid()  # both fields are optional; the action judges what is missing
    note, anyway = form.cleaned_data.get("note", ""), form.cleaned_data.get("publish_unrecorded", False)
    run_action(request, lambda: publishing.publish_minutes(
        meeting, note=note, publish_unrecorded=anyway, acting_user=request.user),
        lambda version: "Minnesanteckningarna är publicerade." if version.version == 1
        else f"Rättelsen är publicerad som version {version.version}.")
    return redirect("meetings:record", meeting.pk)
