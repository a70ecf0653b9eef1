"""The secretariat's start page and its audit log."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from samverkan.directory import audit
from samverkan.directory.access import (
    audit_entries_for,
    secretariat_required,
    served_body_ids,
)
from samverkan.directory.models import Body

from ..forwarding import incoming_counts
from ..models import Meeting


@secretariat_required
def dashboard(request):
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    today = timezone.localdate()
    meetings = Meeting.objects.filter(body__in=bodies).select_related("body")
    counts = incoming_counts(bodies)
    return render(request, "meetings/dashboard.html", {
        "bodies": bodies,
        "incoming": [(body, counts.get(body.pk, 0)) for body in bodies],
        "upcoming": meetings.filter(date__gte=today).order_by("date"),
        "recent": meetings.filter(date__lt=today).order_by("-date")[:10],
    })


@secretariat_required
def audit_log(request):
    entries = (audit_entries_for(request.user).select_related("actor__person", "content_type")
               .order_by("-timestamp"))
    page = Paginator(entries, 50).get_page(request.GET.get("sida"))
    rows = [{"when": audit.when(entry), "timestamp": entry.timestamp, "sentence": audit.sentence(entry)}
            for entry in page]
    return render(request, "meetings/audit_log.html", {"page": page, "rows": rows})
