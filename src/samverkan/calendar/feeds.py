"""Subscribable iCalendar feeds: one VCALENDAR per body (public) and per person (secret address).

What the public body feed shows: the date, time, place and form of every dated meeting of the body whose
notice is sent or whose minutes are published (a planned meeting is the secretariat's draft until then),
a link and the agenda only for published ones, and the recurring meetings the secretariat marked public.
Drafts' agenda text is never in it.

A person's feed (behind a secret token) holds the meetings of the bodies the person belongs to or holds
an appointment in today, with the agenda as in the invitation, and all their recurring meetings.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from icalendar import Calendar, Event

from samverkan.appointments.models import Appointment
from samverkan.directory.access import announced_meetings
from samverkan.directory.models import Body, Person
from samverkan.directory.selectors import current_membership
from samverkan.language.dates import weekday_name
from samverkan.meetings.documents.calendar import STOCKHOLM, meeting_event
from samverkan.meetings.models import Meeting

from .models import CalendarSubscription, MeetingSeries
from .planning import series_dates

ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SERIES_HORIZON = timedelta(days=2 * 366)


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Samverkan//Kalender//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    return calendar


def _meetings(bodies):
    return (Meeting.objects.filter(body__in=bodies, date__isnull=False).select_related("body")
            .annotate(dispatch_count=Count("dispatches")).order_by("date", "start_time"))


def _meeting_event(meeting: Meeting, *, public: bool, base_url: str) -> Event:
    event = meeting_event(meeting, max(meeting.dispatch_count - 1, 0))
    if public and meeting.published_at is None:
        del event["description"]
    if not public or meeting.published_at is not None:
        event.add("url", base_url + meeting.get_absolute_url())
    if meeting.mode and meeting.mode != Meeting.Mode.UNKNOWN:
        event.add("categories", [meeting.get_mode_display()])
    return event


def series_event(series: MeetingSeries, today: date | None = None) -> Event:
    """One VEVENT with an RRULE; the holidays it skips are EXDATEs."""
    today = today or timezone.localdate()
    event = Event()
    event.add("uid", f"series-{series.pk}@samverkan")
    event.add("dtstamp", timezone.now())
    horizon = max(today, series.start_date) + SERIES_HORIZON
    days, skipped = series_dates(series.weekday, series.start_date, series.end_date, series.start_date,
                                 series.end_date or horizon, frequency=series.frequency,
                                 interval=series.interval, skip_holidays=series.skip_holidays)
    first = min(days + list(skipped)) if (days or skipped) else series.start_date
    start = datetime.combine(first, series.start_time, tzinfo=STOCKHOLM)
    end_time = series.end_time if series.end_time and series.end_time > series.start_time else None
    event.add("dtstart", start)
    event.add("dtend", datetime.combine(first, end_time, tzinfo=STOCKHOLM) if end_time
              else start + timedelta(minutes=30))
    rule = {"freq": series.frequency.upper(), "interval": series.interval}
    rule["byday"] = ICAL_DAYS[series.weekday] if series.frequency == "weekly" else f"1{ICAL_DAYS[series.weekday]}"
    if series.end_date:
        rule["until"] = datetime.combine(series.end_date, series.start_time, tzinfo=STOCKHOLM)
    event.add("rrule", rule)
    for day in sorted(skipped):
        event.add("exdate", datetime.combine(day, series.start_time, tzinfo=STOCKHOLM))
    event.add("summary", f"{series.body.display_name}: {series.title}")
    if series.location:
        event.add("location", series.location)
    event.add("description", f"Återkommande möte, {weekday_name(series.weekday)}ar. "
                             + ("Inte på helgdagar." if series.skip_holidays else ""))
    event.add("status", "CONFIRMED")
    return event


def body_feed(body: Body, base_url: str = "") -> bytes:
    """The public feed of a body's meetings."""
    calendar = _calendar(f"{body.display_name} – möten")
    for meeting in announced_meetings(_meetings([body])):
        calendar.add_component(_meeting_event(meeting, public=True, base_url=base_url))
    for series in MeetingSeries.objects.filter(body=body, public=True).select_related("body"):
        calendar.add_component(series_event(series))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def person_bodies(person: Person):
    """The bodies a person belongs to or holds an appointment in today."""
    today = timezone.localdate()
    appointed = (Appointment.objects.filter(person=person, ended_on__isnull=True)
                 .filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
                 .filter(Q(end_date__isnull=True) | Q(end_date__gte=today)).values("body"))
    return Body.objects.filter(Q(pk__in=person.memberships.filter(current_membership()).values("body"))
                               | Q(pk__in=appointed)).distinct()


def person_feed(person: Person, base_url: str = "") -> bytes:
    """A person's feed: the meetings of their bodies, drafts' agenda included (they are members)."""
    bodies = person_bodies(person)
    calendar = _calendar(f"{person.name} – möten i Samverkan")
    for meeting in _meetings(bodies):
        calendar.add_component(_meeting_event(meeting, public=False, base_url=base_url))
    for series in MeetingSeries.objects.filter(body__in=bodies).select_related("body"):
        calendar.add_component(series_event(series))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def subscription_for(person: Person, *, renew: bool = False) -> CalendarSubscription:
    """The person's secret feed address; renewing it makes the old address stop working."""
    subscription = CalendarSubscription.objects.filter(person=person).first()
    if subscription is None:
        return CalendarSubscription.objects.create(person=person, token=secrets.token_urlsafe(32))
    if renew:
        subscription.token = secrets.token_urlsafe(32)
        subscription.save(update_fields=["token", "modified"])
    return subscription
