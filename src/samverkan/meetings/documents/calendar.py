"""Calendar invitations (iCalendar) for a meeting."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event

from samverkan.core.errors import UserError
from samverkan.meetings.models import Meeting

from .layout import body_short, heading_text, subitems_of, top_items

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DEFAULT_LENGTH = timedelta(hours=2)


def meeting_uid(meeting: Meeting) -> str:
    """A UID that stays the same for every version of the invitation."""
    return f"meeting-{meeting.pk}@samverkan"


def meeting_ics(meeting: Meeting, *, sequence: int = 0) -> bytes:
    """An iCalendar REQUEST with one VEVENT in Europe/Stockholm; raise ValueError without a date."""
    if meeting.date is None:
        raise UserError("Mötet har inget datum och kan inte läggas i en kalender.")
    calendar = Calendar()
    calendar.add("prodid", "-//Samverkan//Möten//SV")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    calendar.add_component(meeting_event(meeting, sequence))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def meeting_event(meeting: Meeting, sequence: int) -> Event:
    """The VEVENT: times, summary, place and the agenda as description."""
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now())
    start, end = event_times(meeting)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", f"{body_short(meeting.body)}: möte")
    if meeting.location:
        event.add("location", meeting.location)
    event.add("description", agenda_summary(meeting))
    event.add("sequence", sequence)
    event.add("status", "CONFIRMED")
    return event


def event_times(meeting: Meeting):
    """Start and end in Stockholm time; a whole day when no start time is set."""
    if meeting.start_time is None:
        return meeting.date, meeting.date + timedelta(days=1)
    start = datetime.combine(meeting.date, meeting.start_time, tzinfo=STOCKHOLM)
    if meeting.end_time and meeting.end_time > meeting.start_time:
        return start, datetime.combine(meeting.date, meeting.end_time, tzinfo=STOCKHOLM)
    return start, start + DEFAULT_LENGTH


def agenda_summary(meeting: Meeting) -> str:
    """'Dagordning:' and one line per item and sub-item."""
    lines = ["Dagordning:"]
    for item in top_items(meeting):
        lines.append(heading_text(item))
        lines += [f"   {heading_text(sub)}" for sub in subitems_of(item)]
    return "\n".join(lines)
