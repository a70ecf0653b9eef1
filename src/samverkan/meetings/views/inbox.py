"""The receiving body's inbox of forwarded items, and taking one up on an agenda."""

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from samverkan.core.views import run_action
from samverkan.directory.access import secretariat_required, served_or_404
from samverkan.directory.models import Body

from .. import forwarding as forwarding_rules
from ..models import Forwarding
from .common import agenda_url, editable_meeting


@secretariat_required
def inbox(request, pk):
    body = served_or_404(request, Body.objects.all(), pk, "Organet finns inte.")
    today = timezone.localdate()
    return render(request, "meetings/inbox.html", {
        "body": body,
        "incoming": forwarding_rules.incoming(body),
        "handled": forwarding_rules.handled(body),
        "upcoming": body.meetings.filter(date__gte=today, published_at__isnull=True).order_by("date"),
    })


def _forwarding(request, pk) -> Forwarding:
    return served_or_404(request, Forwarding.objects.select_related("item__meeting__body", "to_body"), pk,
                         "Det överlämnade ärendet finns inte.")


@secretariat_required
@require_POST
def forwarding_dismiss(request, pk):
    forwarding = _forwarding(request, pk)
    run_action(request, lambda: forwarding_rules.dismiss_forwarding(
        forwarding, request.POST.get("reason", ""), acting_user=request.user),
        f"”{forwarding.item.title}” är avvisad.")
    return redirect("meetings:inbox", forwarding.to_body_id)


@secretariat_required
@require_POST
def forwarding_receive(request, pk):
    meeting = editable_meeting(request, pk)
    forwarding = _forwarding(request, request.POST.get("forwarding"))
    run_action(request, lambda: forwarding_rules.receive_forwarding(forwarding, meeting, acting_user=request.user),
               lambda item: f"”{item.title}” från {forwarding.item.meeting.body.display_name} är punkt {item.number}.")
    return redirect(agenda_url(meeting))
