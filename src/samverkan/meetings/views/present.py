"""From a meeting's attendance to the body's members: "Lägg till de närvarande som medlemmar"."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from samverkan.core.views import run_action
from samverkan.directory import members
from samverkan.directory.access import secretariat_required, served_or_404

from ..models import Meeting
from ..selectors import present_non_members


def _start_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@secretariat_required
def present_as_members(request, pk):
    """The people present who are not members, all ticked; the ticked ones become members of the body."""
    meeting = served_or_404(request, Meeting.objects.select_related("body"), pk, "Mötet finns inte.")
    body = meeting.body
    present = present_non_members(meeting)
    start_text = request.POST.get("start_date", "").strip() if request.method == "POST" else ""
    ticked = set(request.POST.getlist("person")) if request.method == "POST" else None
    if request.method == "POST":
        chosen = [members.Newcomer(a.person, a.organization) for a in present if str(a.person_id) in ticked]
        start_date = _start_date(start_text)

        def done(added) -> str:
            count = "1 person är medlem" if len(added) == 1 else f"{len(added)} personer är medlemmar"
            return f"{count} i {body.display_name}: {', '.join(m.person.name for m in added)}."

        if start_text and start_date is None:
            messages.error(request, f"”{start_text}” är inget datum. Skriv det som 2023-11-09.")
        elif run_action(request, lambda: members.add_members(body, chosen, start_date=start_date,
                                                             acting_user=request.user), done):
            return redirect(reverse("directory:members", args=[body.slug]))
    return render(request, "meetings/present_as_members.html", {
        "meeting": meeting, "present": present, "ticked": ticked, "start_date": start_text,
    })
