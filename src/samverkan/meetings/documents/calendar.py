"""Calendar invitations (iCalendar) for a meeting."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from samverkan.core.errors import UserError
from samverkan.language.dates import swedish_date
from samverkan.meetings.models import Meeting
from samverkan.meetings.senders import address_parts, notice_sender

from .layout import agenda_outline, body_short

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DEFAULT_LENGTH = timedelta(hours=2)


def meeting_uid(meeting: Meeting) -> str:
    """A UID that stays the same for every version of the invitation."""
    return f"meeting-{meeting.pk}@samverkan"


def meeting_ics(meeting: Meeting, *, sequence: int = 0, organizer: str | None = None,
                attendee: tuple[str, str] | None = None) -> bytes:
    """An iCalendar REQUEST (CANCEL when cancelled) with one VEVENT in Europe/Stockholm; a UserError without a date.

    `organizer` is the notice's sender (default: the configured one), `attendee` (name, e-mail)
    the person the invitation is sent to. `sequence` is the notice's version less one.
    """
    if meeting.date is None:
        raise UserError("Mötet har inget datum och kan inte läggas i en kalender.")
    calendar = Calendar()
    calendar.add("prodid", "-//Samverkan//Möten//SV")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if meeting.is_cancelled else "REQUEST")
    event = meeting_event(meeting, sequence)
    event.add("organizer", calendar_address(*address_parts(organizer or notice_sender())))
    if attendee is not None:
        person = calendar_address(*attendee)
        person.params.update({"ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "FALSE"})
        event.add("attendee", person)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def meeting_event(meeting: Meeting, sequence: int) -> Event:
    """The VEVENT: times, summary, place and the agenda as description.

    A cancelled meeting is the same event, CANCELLED, one sequence after the last invitation sent."""
    cancelled = meeting.is_cancelled
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now())
    start, end = event_times(meeting)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", ("Inställt: " if cancelled else "") + event_summary(meeting))
    if meeting.location or meeting.online_link:
        event.add("location", meeting.location or meeting.online_link)
    event.add("description", agenda_summary(meeting))
    event.add("sequence", sequence + 1 if cancelled else sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def calendar_address(name: str, email: str) -> vCalAddress:
    """'CN=Name:mailto:email'."""
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    return address


def event_summary(meeting: Meeting) -> str:
    """'Länschefsnätverket 9 november 2023'."""
    return f"{body_short(meeting.body)} {swedish_date(meeting.date)}".strip()


def event_times(meeting: Meeting):
    """Start and end in Stockholm time; a whole day when no start time is set."""
    if meeting.start_time is None:
        return meeting.date, meeting.date + timedelta(days=1)
    start = datetime.combine(meeting.date, meeting.start_time, tzinfo=STOCKHOLM)
    if meeting.end_time and meeting.end_time > meeting.start_time:
        return start, datetime.combine(meeting.date, meeting.end_time, tzinfo=STOCKHOLM)
    return start, start + DEFAULT_LENGTH


def agenda_summary(meeting: Meeting) -> str:
    """The digital link, if any, then 'Dagordning:' and one line per item and sub-item."""
    lines = [f"Digital länk: {meeting.online_link}", ""] if meeting.online_link else []
    return "\n".join(lines + agenda_outline(meeting))
