"""Sending the notice with the agenda to the members, with a calendar invitation."""

import hashlib
import json

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.directory.models import Person
from samverkan.directory.selectors import current_members
from samverkan.language.dates import swedish_date

from .documents.agenda import agenda_pdf
from .documents.calendar import meeting_ics
from .models import Clause, Meeting, NoticeDispatch
from .selectors import meeting_with_items


def agenda_fingerprint(meeting: Meeting) -> str:
    """A digest of everything the notice shows: a change makes a new version."""
    items = []
    for item in meeting.items.order_by("parent_id", "position").prefetch_related(
            "clauses", "presentations__person", "attachments"):
        items.append([
            item.number, item.parent_id, item.title, item.type, item.agenda_text,
            [c.text for c in item.clauses.all() if c.kind == Clause.Kind.PROPOSAL],
            [(p.person.name, p.title) for p in item.presentations.all()],
            [(a.label, a.sha256) for a in item.attachments.all()],
        ])
    header = [str(meeting.date), str(meeting.start_time), str(meeting.end_time), meeting.location,
              meeting.mode, meeting.registry_number]
    return hashlib.sha256(json.dumps([header, items], default=str).encode()).hexdigest()


def notice_recipients(meeting: Meeting) -> list[Person]:
    """The body's current members who have an e-mail address."""
    return list(current_members(meeting.body).exclude(email=""))


def agenda_changed_since_notice(meeting: Meeting) -> bool:
    """True when a notice was sent and the agenda has changed since."""
    latest = meeting.dispatches.order_by("-version").first()
    return latest is not None and latest.fingerprint != agenda_fingerprint(meeting)


@action
def send_notice(meeting: Meeting, *, acting_user=None) -> NoticeDispatch:
    """E-mail the notice (PDF) and an .ics invitation to every member; record who got which version."""
    fingerprint = agenda_fingerprint(meeting)
    latest = meeting.dispatches.order_by("-version").first()
    if latest and latest.fingerprint == fingerprint:
        raise UserError(f"Version {latest.version} av kallelsen är redan skickad och dagordningen är oförändrad.")
    recipients = notice_recipients(meeting)
    if not recipients:
        raise UserError("Organet har inga medlemmar med e-postadress att skicka kallelsen till.")
    version = latest.version + 1 if latest else 1
    pdf, ics = agenda_pdf(meeting_with_items(meeting.pk)), meeting_ics(meeting, sequence=version - 1)
    messages = [_notice_message(meeting, person, version, pdf, ics) for person in recipients]
    get_connection().send_messages(messages)
    with transaction.atomic():
        dispatch = NoticeDispatch.objects.create(
            meeting=meeting, version=version, fingerprint=fingerprint, sent_by=acting_user,
            recipients=[{"name": p.name, "email": p.email} for p in recipients],
        )
        if meeting.status == Meeting.Status.PLANNED:
            meeting.status = Meeting.Status.NOTIFIED
            meeting.save(update_fields=["status", "modified"])
    return dispatch


def _notice_message(meeting: Meeting, person: Person, version: int, pdf: bytes, ics: bytes) -> EmailMessage:
    when = swedish_date(meeting.date) or "datum ej bestämt"
    subject = f"Kallelse: {meeting.body.display_name} {when}"
    if version > 1:
        subject += f" (ändrad dagordning, version {version})"
    body = (
        f"Hej {person.name},\n\nHär är kallelsen med dagordning till {meeting.body.name} {when}"
        f"{', ' + meeting.location if meeting.location else ''}.\n"
        "Kalenderinbjudan finns som bifogad fil.\n\nVänliga hälsningar\nSekretariatet\n"
    )
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
    message.attach(f"kallelse-{meeting.date or meeting.pk}.pdf", pdf, "application/pdf")
    message.attach("mote.ics", ics, "text/calendar; method=REQUEST; charset=utf-8")
    return message
