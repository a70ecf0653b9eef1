"""Justering: the secretariat names the justerare; each verifies the minutes on their own page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samverkan.core.views import run_action
from samverkan.directory.access import secretariat_required, served_or_404
from samverkan.directory.models import Person

from .. import verification
from ..documents.minutes import minutes_text
from ..models import Meeting, Verifier
from ..selectors import meeting_with_items
from .common import editable_meeting
from .notice import site_url


@secretariat_required
@require_POST
def name_verifiers(request, pk):
    meeting = editable_meeting(request, pk)
    chosen = {int(value) for value in request.POST.getlist("verifier") if value.isdigit()}
    people = list(Person.objects.filter(pk__in=chosen, attendances__meeting=meeting).distinct())
    page_url = site_url(request) + reverse("web:verify", args=[meeting.pk])
    run_action(request, lambda: verification.name_verifiers(meeting, people, page_url=page_url,
                                                            acting_user=request.user),
               lambda named: "Justerare: " + " och ".join(v.person.name for v in named) + "."
               if named else "Inga justerare är utsedda.")
    return redirect(f"{reverse('meetings:record', args=[meeting.pk])}#justering")


@secretariat_required
@require_POST
def record_verified(request, pk):
    verifier = served_or_404(request, Verifier.objects.select_related("meeting__body", "person"), pk,
                             "Justeraren finns inte.")
    run_action(request, lambda: verification.record_verified(verifier, acting_user=request.user),
               f"{verifier.person.name}: justerat utan ändringar.")
    return redirect(f"{reverse('meetings:record', args=[verifier.meeting_id])}#justering")


@login_required
def verify(request, pk):
    """The justerare's page: the minutes as they stand, and the button that verifies them."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    verifier = meeting.verifiers.filter(person__user=request.user).select_related("person").first()
    if verifier is None:
        raise Http404("Sidan finns inte.")
    if request.method == "POST" and run_action(
            request, lambda: verification.verify(meeting, acting_user=request.user),
            "Tack! Du har justerat minnesanteckningarna."):
        return redirect("web:verify", meeting.pk)
    return render(request, "meetings/verify.html", {
        "meeting": meeting, "verifier": verifier, "text": minutes_text(meeting_with_items(meeting.pk)),
    })
