"""Writes for the year calendar: propose, adjust, adopt; import external calendars; recurring meetings."""

from __future__ import annotations

from datetime import date, time

from django.db.models import Q
from django.utils import timezone

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.directory.models import Body
from samverkan.language.dates import swedish_day
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import Meeting

from .models import CalendarPlan, ExternalCalendar, MeetingSeries, PlannedDate
from .planning import (
    Busy,
    busy_from_ics,
    overlaps,
    parse_ics,
    propose_dates,
    series_dates,
    swedish_holidays,
)


def busy_for(body: Body, year: int, *, exclude_plan: CalendarPlan | None = None) -> list[Busy]:
    """What the body's meetings must not collide with in a year.

    Other bodies' meetings in Samverkan, the body's own recurring meetings, the body's meetings that
    are not part of this calendar, and external calendars that apply to the body (or to all bodies).
    """
    busy = []
    meetings = Meeting.objects.filter(date__year=year).select_related("body")
    if exclude_plan is not None:
        meetings = meetings.exclude(planned_date__plan=exclude_plan)
    for meeting in meetings:
        label = meeting.body.display_name if meeting.body_id != body.pk else "ett annat möte i organet"
        busy.append(Busy(meeting.date, label, meeting.start_time, meeting.end_time))
    first, last = date(year, 1, 1), date(year, 12, 31)
    for series in MeetingSeries.objects.filter(body=body):
        days, _ = series_dates(series.weekday, series.start_date, series.end_date, first, last,
                               frequency=series.frequency, interval=series.interval,
                               skip_holidays=series.skip_holidays)
        busy += [Busy(day, series.title, series.start_time, series.end_time) for day in days]
    calendars = ExternalCalendar.objects.filter(Q(bodies=body) | Q(bodies__isnull=True)).distinct()
    for calendar in calendars:
        busy += busy_from_ics(calendar.ics, year, label=calendar.name)
    return busy


def location_for(plan: CalendarPlan, mode: str) -> str:
    if mode == Meeting.Mode.DIGITAL:
        return plan.digital_location
    if mode == Meeting.Mode.HYBRID:
        return " samt ".join(p for p in (plan.location, plan.digital_location) if p)
    return plan.location


@action
def propose_calendar(body: Body, year: int, count: int, weekday: int, start_time: time,
                     end_time: time | None = None, *, excluded_months=(), alternate_modes: bool = False,
                     first_mode: str = Meeting.Mode.ON_SITE, location: str = "",
                     digital_location: str = "Teams") -> CalendarPlan:
    """Propose (or propose again) a body's calendar for a year; an adopted calendar is not replaced."""
    plan = CalendarPlan.objects.filter(body=body, year=year).first()
    if plan is not None and plan.status == CalendarPlan.Status.ADOPTED:
        raise UserError(f"Kalendariet för {year} är redan fastställt.")
    if count < 1 or count > 60:
        raise UserError("Ange mellan 1 och 60 möten.")
    fields = {"count": count, "weekday": weekday, "start_time": start_time, "end_time": end_time,
                  "excluded_months": sorted({int(m) for m in excluded_months}), "alternate_modes": alternate_modes,
                  "first_mode": first_mode, "location": location, "digital_location": digital_location}
    if plan is None:
        plan = CalendarPlan.objects.create(body=body, year=year, **fields)
    else:
        for name, value in fields.items():
            setattr(plan, name, value)
        plan.dates.all().delete()
    result = propose_dates(year, count, weekday, start_time, end_time, excluded_months=plan.excluded_months,
                           alternate_modes=alternate_modes, first_mode=first_mode,
                           busy=busy_for(body, year, exclude_plan=plan))
    plan.notes = result.notes
    plan.save()
    PlannedDate.objects.bulk_create([
        PlannedDate(plan=plan, date=p.date, start_time=p.start_time, end_time=p.end_time, mode=p.mode,
                    location=location_for(plan, p.mode), preferred_date=p.preferred_date, reason=p.reason,
                    conflicts=list(p.conflicts))
        for p in result.proposals
    ])
    return plan


def conflicts_on(plan: CalendarPlan, day: date, start_time: time, end_time: time | None,
                 exclude: PlannedDate | None = None) -> list[str]:
    """What a date of the calendar collides with: a holiday, other meetings, other dates of the plan."""
    found = []
    holiday = swedish_holidays(day.year).get(day)
    if holiday:
        found.append(holiday)
    if day.weekday() >= 5:
        found.append("helg")
    for busy in busy_for(plan.body, day.year, exclude_plan=plan):
        if busy.day == day and overlaps(busy, start_time, end_time):
            found.append(f"krockar med {busy.label}")
    others = plan.dates.filter(date=day)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        found.append("redan ett möte den dagen i kalendariet")
    return found


def _editable(plan: CalendarPlan):
    if plan.status == CalendarPlan.Status.ADOPTED:
        raise UserError("Kalendariet är fastställt; ändra mötena i stället.")


@action
def adjust_planned_date(planned: PlannedDate, day: date, start_time: time, end_time: time | None, mode: str,
                        location: str) -> PlannedDate:
    """The secretariat moves or changes a proposed date; the reason records the change and what it hits."""
    _editable(planned.plan)
    conflicts = conflicts_on(planned.plan, day, start_time, end_time, exclude=planned)
    if day != planned.date:
        planned.reason = f"Ändrad av sekretariatet från {swedish_day(planned.date)} till {swedish_day(day)}."
    elif not planned.adjusted:
        planned.reason += " Tid, form eller plats ändrad av sekretariatet."
    planned.date, planned.start_time, planned.end_time = day, start_time, end_time
    planned.mode, planned.location, planned.conflicts, planned.adjusted = mode, location, conflicts, True
    planned.save()
    return planned


@action
def add_planned_date(plan: CalendarPlan, day: date, start_time: time, end_time: time | None, mode: str,
                     location: str) -> PlannedDate:
    _editable(plan)
    return PlannedDate.objects.create(
        plan=plan, date=day, start_time=start_time, end_time=end_time, mode=mode, location=location,
        preferred_date=day, reason="Tillagd av sekretariatet.", adjusted=True,
        conflicts=conflicts_on(plan, day, start_time, end_time))


@action
def remove_planned_date(planned: PlannedDate) -> None:
    _editable(planned.plan)
    planned.delete()


@action
def adopt_calendar(plan: CalendarPlan, decision_item=None, *, acting_user=None) -> list[Meeting]:
    """Adopt the calendar: every date becomes a planned meeting with the standard agenda."""
    _editable(plan)
    if plan.dates.exclude(date__year=plan.year).exists():
        raise UserError("Ett datum ligger utanför kalendariets år.")
    meetings = []
    for planned in plan.dates.order_by("date"):
        meeting = meeting_services.plan_meeting(plan.body, planned.date, planned.start_time, planned.end_time,
                                        planned.location, planned.mode)
        planned.meeting = meeting
        planned.save(update_fields=["meeting"])
        meetings.append(meeting)
    plan.status, plan.adopted_at, plan.adopted_by = CalendarPlan.Status.ADOPTED, timezone.now(), acting_user
    plan.decision_item = decision_item
    plan.save()
    return meetings


@action
def import_external_calendar(name: str, data: bytes | str, *, bodies=(), source_name: str = "") -> ExternalCalendar:
    """Store another organisation's calendar (.ics) so that proposals avoid its meetings."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise UserError("Filen är inte en iCalendar-fil i UTF-8.") from error
    calendar = parse_ics(data)
    events = len(list(calendar.walk("VEVENT")))
    if not events:
        raise UserError("Kalendern innehåller inga händelser.")
    external = ExternalCalendar.objects.create(name=name.strip(), ics=data, source_name=source_name,
                                               event_count=events)
    external.bodies.set(bodies)
    return external


@action
def create_series(body: Body, title: str, weekday: int, start_time: time, start_date: date, *,
                  end_time: time | None = None, end_date: date | None = None, frequency: str = "weekly",
                  interval: int = 1, location: str = "", mode: str = Meeting.Mode.DIGITAL,
                  skip_holidays: bool = True, public: bool = False, decision_item=None) -> MeetingSeries:
    """A recurring meeting of a body, e.g. 'Veckovis avstämning' every Friday at 08:00."""
    if end_date and end_date < start_date:
        raise UserError("Serien kan inte sluta innan den börjar.")
    return MeetingSeries.objects.create(
        body=body, title=title, weekday=weekday, start_time=start_time, end_time=end_time,
        start_date=start_date, end_date=end_date, frequency=frequency, interval=interval, location=location,
        mode=mode, skip_holidays=skip_holidays, public=public, decision_item=decision_item)
