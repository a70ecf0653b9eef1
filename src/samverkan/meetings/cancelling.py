"""Cancelling a meeting: it stays in the archive as "Inställt", and everyone the notice went to is told,
with a calendar cancellation (METHOD:CANCEL) that removes the invitation from their calendars."""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field

from django.core.mail import EmailMessage, get_connection

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.core.locking import claim_version

from .documents.calendar import meeting_ics
from .documents.layout import meeting_facts
from .models import Meeting
from .notices import CALENDAR_FILE, latest_dispatch
from .senders import notice_reply_to, notice_sender

logger = logging.getLogger(__name__)

HELD = (Meeting.Status.RECORDED, Meeting.Status.PUBLISHED)


@dataclass
class Cancellation:
    """Who was told that the meeting is cancelled, and whose address failed."""

    told: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@action
def cancel_meeting(meeting: Meeting, reason: str, expected_version: int | None = None) -> Cancellation:
    """Mark the meeting cancelled and send the cancellation to the latest notice's recipients."""
    if meeting.is_cancelled:
        raise UserError("Mötet är redan inställt.", code="already_cancelled")
    if meeting.status in HELD or meeting.attendances.exists():
        raise UserError("Mötet är redan genomfört och kan inte ställas in.", code="held")
    if not reason.strip():
        raise UserError("Skriv varför mötet ställs in: det står i meddelandet till de kallade.",
                        code="reason_missing")
    claim_version(meeting, expected_version)
    meeting.status, meeting.cancellation_reason = Meeting.Status.CANCELLED, reason.strip()
    meeting.save(update_fields=["status", "cancellation_reason", "modified"])
    dispatch = latest_dispatch(meeting)
    if dispatch is None:
        return Cancellation()
    return _tell(meeting, dispatch)


def _tell(meeting: Meeting, dispatch) -> Cancellation:
    result, connection = Cancellation(), get_connection()
    subject, body = cancellation_mail(meeting)
    for recipient in dispatch.recipients:
        message = EmailMessage(subject, body, notice_sender(), [recipient["email"]],
                               reply_to=notice_reply_to(meeting.body) or None)
        message.attach(CALENDAR_FILE, meeting_ics(meeting, sequence=dispatch.version - 1,
                                                  attendee=(recipient["name"], recipient["email"])),
                       "text/calendar; method=CANCEL; charset=utf-8")
        try:
            connection.send_messages([message])
        except (smtplib.SMTPException, OSError) as error:
            logger.warning("Meddelandet om inställt möte till %s gick inte att skicka: %s", recipient["email"], error)
            result.failed.append(recipient["email"])
        else:
            result.told.append(recipient["email"])
    return result


def cancellation_mail(meeting: Meeting) -> tuple[str, str]:
    """Subject and text of the e-mail that tells the invited the meeting is cancelled."""
    facts = meeting_facts(meeting)
    subject = f"Inställt: {meeting.body.display_name} {facts.date}".strip()
    when = f"{facts.date} {facts.time[:1].lower()}{facts.time[1:]}".strip()  # "Kl. 9.30–12.00" mid-sentence
    lines = ["Hej!", "", f"Mötet med {meeting.body.display_name} {when} är inställt.", "",
             meeting.cancellation_reason, "",
             f"Kalenderinbjudan tas bort med den bifogade filen ({CALENDAR_FILE}).", "",
             "Vänliga hälsningar", f"Sekretariatet för {meeting.body.display_name}", ""]
    return subject, "\n".join(lines)
