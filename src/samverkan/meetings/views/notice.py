"""Sending the notice with the agenda: preview, send to all, send again to one person."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samverkan.core.errors import UserError
from samverkan.core.views import run_action
from samverkan.directory.access import (
    secretariat_required,
)
from samverkan.directory.selectors import current_members

from .. import notices
from ..models import NoticeDelivery
from .common import agenda_url, editable_meeting


def site_url(request) -> str:
    """SAMVERKAN_SITE_URL, or the address this request came to: the base of the links in the e-mail."""
    return settings.SAMVERKAN_SITE_URL or request.build_absolute_uri("/").rstrip("/")


@secretariat_required
def notice_preview(request, pk):
    meeting = editable_meeting(request, pk)
    return render(request, "meetings/notice_preview.html", {
        "meeting": meeting, "preview": notices.notice_preview(meeting, site_url(request)),
    })


def _sent(dispatch) -> str:
    deliveries = list(dispatch.deliveries.all())
    failed = [d.email for d in deliveries if d.status == NoticeDelivery.Status.FAILED]
    if not failed:
        return f"Kallelsen (version {dispatch.version}) är skickad till {len(deliveries)} mottagare."
    return (f"Kallelsen (version {dispatch.version}) är skickad till {len(deliveries) - len(failed)} av "
            f"{len(deliveries)} mottagare. Det gick inte att skicka till {', '.join(failed)}; "
            "se listan under Kallelse.")


@secretariat_required
@require_POST
def notice_send(request, pk):
    meeting = editable_meeting(request, pk)
    sent = run_action(request, lambda: notices.send_notice(
        meeting, site_url=site_url(request), token=request.POST.get("token", ""), acting_user=request.user), _sent)
    if not sent:
        return redirect("meetings:notice_preview", meeting.pk)
    return redirect(f"{agenda_url(meeting)}#kallelse")


@secretariat_required
@require_POST
def notice_resend(request, pk, person_pk):
    meeting = editable_meeting(request, pk)
    person = get_object_or_404(current_members(meeting.body), pk=person_pk)
    try:
        delivery = notices.resend_notice(meeting, person, site_url=site_url(request), acting_user=request.user)
    except UserError as error:
        messages.error(request, error.message)
    else:
        if delivery.status == NoticeDelivery.Status.SENT:
            again = " igen" if delivery.dispatch.deliveries.filter(person=person).count() > 1 else ""
            messages.success(request, f"Kallelsen (version {delivery.dispatch.version}) är skickad{again} till "
                                      f"{person.name}, {delivery.email}.")
        else:
            messages.error(request, f"Det gick inte att skicka kallelsen till {person.name}, {delivery.email}: "
                                    f"{delivery.error}")
    return redirect(reverse("meetings:agenda", args=[meeting.pk]) + "#kallelse")
