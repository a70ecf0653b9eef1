"""Pages for the year calendar, recurring meetings and the calendar feeds.

The secretariat proposes, adjusts and adopts; the public sees adopted calendars and subscribes to feeds.
"""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from samverkan.core.errors import UserError
from samverkan.core.views import run_action
from samverkan.directory.access import (
    announced_meetings,
    secretariat_required,
    served_body,
    served_body_ids,
    served_or_404,
)
from samverkan.directory.models import Body
from samverkan.meetings.models import Meeting

from . import feeds, services
from .forms import ExternalCalendarForm, PlannedDateForm, ProposeForm, SeriesForm
from .models import CalendarPlan, CalendarSubscription, ExternalCalendar, PlannedDate
from .planning import series_dates


def _served_plan(request, pk) -> CalendarPlan:
    return served_or_404(request, CalendarPlan.objects.select_related("body"), pk, "Kalendariet finns inte.")


def _served_date(request, pk) -> PlannedDate:
    return served_or_404(request, PlannedDate.objects.select_related("plan__body"), pk, "Datumet finns inte.")




@secretariat_required
def calendar_bodies(request):
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    return render(request, "calendar/bodies.html", {"bodies": bodies})


@secretariat_required
def body_calendar(request, slug):
    body = served_body(request, slug)
    next_year = timezone.localdate().year + 1
    form = ProposeForm(request.POST or None, initial={"year": next_year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = services.propose_calendar(
                body, data["year"], data["count"], data["weekday"], data["start_time"], data["end_time"],
                excluded_months=data["excluded_months"], alternate_modes=data["alternate_modes"],
                first_mode=data["first_mode"], location=data["location"],
                digital_location=data["digital_location"], acting_user=request.user)
        except UserError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Förslag till kalendarium {plan.year} är framtaget.")
            return redirect("calendar:plan", plan.pk)
    return render(request, "calendar/body.html", {
        "body": body, "form": form, "plans": body.calendar_plans.all(),
        "series": body.meeting_series.all(),
    })


@secretariat_required
def calendar_plan(request, pk):
    plan = _served_plan(request, pk)
    rows = [(planned, PlannedDateForm(initial={
        "date": planned.date, "start_time": planned.start_time, "end_time": planned.end_time,
        "mode": planned.mode, "location": planned.location}, prefix=f"d{planned.pk}"))
        for planned in plan.dates.select_related("meeting")]
    return render(request, "calendar/plan.html", {
        "plan": plan, "rows": rows, "add_form": PlannedDateForm(prefix="ny", initial={
            "start_time": plan.start_time, "end_time": plan.end_time, "mode": plan.first_mode}),
        "editable": plan.status == CalendarPlan.Status.DRAFT,
    })


@secretariat_required
@require_POST
def planned_date_edit(request, pk):
    planned = _served_date(request, pk)
    form = PlannedDateForm(request.POST, prefix=f"d{planned.pk}")
    if form.is_valid():
        data = form.cleaned_data
        run_action(request, lambda: services.adjust_planned_date(
            planned, data["date"], data["start_time"], data["end_time"], data["mode"], data["location"],
                acting_user=request.user),
            "Datumet är ändrat.")
    else:
        messages.error(request, "Ange datum och tid.")
    return redirect("calendar:plan", planned.plan_id)


@secretariat_required
@require_POST
def planned_date_remove(request, pk):
    planned = _served_date(request, pk)
    run_action(request, lambda: services.remove_planned_date(planned, acting_user=request.user),
               "Datumet är borttaget ur förslaget.")
    return redirect("calendar:plan", planned.plan_id)


@secretariat_required
@require_POST
def planned_date_add(request, pk):
    plan = _served_plan(request, pk)
    form = PlannedDateForm(request.POST, prefix="ny")
    if form.is_valid():
        data = form.cleaned_data
        run_action(request, lambda: services.add_planned_date(
            plan, data["date"], data["start_time"], data["end_time"], data["mode"], data["location"],
                acting_user=request.user),
            "Datumet är tillagt.")
    else:
        messages.error(request, "Ange datum och tid.")
    return redirect("calendar:plan", plan.pk)


@secretariat_required
@require_POST
def calendar_adopt(request, pk):
    plan = _served_plan(request, pk)
    run_action(request, lambda: services.adopt_calendar(plan, acting_user=request.user),
         f"Kalendariet {plan.year} är fastställt; mötena är planerade med standardpunkterna.")
    return redirect("calendar:plan", plan.pk)


@secretariat_required
def external_calendars(request):
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    form = ExternalCalendarForm(request.POST or None, request.FILES or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if run_action(request, lambda: services.import_external_calendar(
                form.cleaned_data["name"], upload.read(), bodies=form.cleaned_data["bodies"],
                source_name=upload.name,
                    acting_user=request.user), f"Kalendern {form.cleaned_data['name']} är inläst."):
            return redirect("calendar:external")
    return render(request, "calendar/external.html", {
        "form": form, "calendars": ExternalCalendar.objects.prefetch_related("bodies")})


@secretariat_required
def meeting_series(request, slug):
    body = served_body(request, slug)
    form = SeriesForm(request.POST or None, initial={"start_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_action(request, lambda: services.create_series(body, **data, acting_user=request.user),
                           "Det återkommande mötet är sparat.")
        if saved:
            return redirect("calendar:body", body.slug)
    today = timezone.localdate()
    upcoming = []
    for series in body.meeting_series.all():
        days, skipped = series_dates(series.weekday, series.start_date, series.end_date, today,
                                     date(today.year + 1, today.month, 1), frequency=series.frequency,
                                     interval=series.interval, skip_holidays=series.skip_holidays)
        upcoming.append((series, days[:6], sorted(skipped.items())[:6]))
    return render(request, "calendar/series.html", {"body": body, "form": form, "upcoming": upcoming})


# Public pages and feeds ---------------------------------------------------------------------------

def public_calendar(request, slug):
    """Adopted calendars and the body's coming meetings once announced (date, time, place); links only when
    published."""
    body = get_object_or_404(Body, slug=slug)
    today = timezone.localdate()
    return render(request, "calendar/public.html", {
        "body": body,
        "plans": body.calendar_plans.filter(status=CalendarPlan.Status.ADOPTED).prefetch_related("dates__meeting"),
        "upcoming": announced_meetings(Meeting.objects.filter(body=body, date__gte=today))
        .order_by("date", "start_time"),
        "series": body.meeting_series.filter(public=True),
        "feed_url": request.build_absolute_uri(reverse("calendar:body_feed", args=[body.slug])),
    })


def _ics_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def body_feed(request, slug):
    body = get_object_or_404(Body, slug=slug)
    return _ics_response(feeds.body_feed(body, request.build_absolute_uri("/").rstrip("/")), f"{body.slug}.ics")


def person_feed(request, token):
    subscription = get_object_or_404(CalendarSubscription.objects.select_related("person"), token=token)
    return _ics_response(feeds.person_feed(subscription.person, request.build_absolute_uri("/").rstrip("/")),
                         "samverkan.ics")


@login_required
def my_calendar(request):
    person = getattr(request.user, "person", None)
    subscription = None
    if person is not None:
        if request.method == "POST":
            subscription = feeds.subscription_for(person, renew=True)
            messages.success(request, "Du har fått en ny adress; den gamla slutar fungera.")
            return redirect("calendar:mine")
        subscription = feeds.subscription_for(person)
    return render(request, "calendar/mine.html", {
        "person": person,
        "feed_url": (request.build_absolute_uri(reverse("calendar:person_feed", args=[subscription.token]))
                     if subscription else ""),
        "bodies": feeds.person_bodies(person) if person else [],
    })
