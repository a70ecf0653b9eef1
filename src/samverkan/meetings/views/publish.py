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
    note = form.data.get("note", "")
    run_action(request, lambda: publishing.publish_minutes(meeting, acting_user=request.user, note=note),
         "Minnesanteckningarna är publicerade.")
    return redirect("meetings:record", meeting.pk)
