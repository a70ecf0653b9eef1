"""Sending the notice with the agenda to the members, with a calendar invitation.

The secretariat first sees the notice exactly as it goes out (`notice_preview`), then sends it
(`send_notice`): one e-mail per member with an address, each recorded as a NoticeDelivery, sent or
failed with the mail server's answer. A failed address does not stop the others, and one person
can be sent the latest version again (`resend_notice`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import smtplib
from dataclasses import dataclass

from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.directory.models import Person

from .documents.agenda import agenda_pdf
from .documents.calendar import meeting_ics
from .documents.layout import agenda_facts, agenda_outline, body_title
from .documents.render import fact_lines
from .models import Clause, Meeting, NoticeDelivery, NoticeDispatch
from .selectors import Member, invited_members, meeting_with_items
from .senders import notice_reply_to, notice_sender

logger = logging.getLogger(__name__)

CALENDAR_FILE = "mote.ics"


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
    if meeting.online_link:  # only when set, so notices sent before the link existed stay unchanged
        header.append(meeting.online_link)
    return hashlib.sha256(json.dumps([header, items], default=str).encode()).hexdigest()


def notice_members(meeting: Meeting) -> tuple[list[Member], list[Member]]:
    """(with an e-mail address, without one): the body's current members, by name, once each."""
    members = invited_members(meeting, on=timezone.localdate())
    return [m for m in members if m.email], [m for m in members if not m.email]


def notice_recipients(meeting: Meeting) -> list[Person]:
    """The body's current members who have an e-mail address."""
    return [member.person for member in notice_members(meeting)[0]]


def latest_dispatch(meeting: Meeting) -> NoticeDispatch | None:
    return meeting.dispatches.order_by("-version").first()


def agenda_changed_since_notice(meeting: Meeting) -> bool:
    """True when a notice was sent and the agenda has changed since."""
    latest = latest_dispatch(meeting)
    return latest is not None and latest.fingerprint != agenda_fingerprint(meeting)


@dataclass
class DispatchHistory:
    """The versions sent, newest first, each with its deliveries; who may be sent the latest again."""

    dispatches: list[NoticeDispatch]
    resendable: set[int]  # delivery ids: each person's last delivery of the latest version
    not_reached: list[Member]  # members with an address the latest version was not sent to (joined since)


def dispatch_history(meeting: Meeting) -> DispatchHistory:
    """The notice's history for the agenda page, in three queries."""
    dispatches = list(meeting.dispatches.select_related("sent_by").prefetch_related("deliveries")
                      .order_by("-version"))
    if not dispatches:
        return DispatchHistory([], set(), [])
    last_per_person = {}
    for delivery in sorted(dispatches[0].deliveries.all(), key=lambda d: (d.sent_at, d.pk)):
        if delivery.person_id is not None:
            last_per_person[delivery.person_id] = delivery.pk
    missing = [m for m in notice_members(meeting)[0] if m.person.pk not in last_per_person]
    return DispatchHistory(dispatches, set(last_per_person.values()), missing)


@dataclass
class NoticeMail:
    """One version of the notice as e-mail: the same subject, sender and text for every recipient."""

    version: int
    subject: str
    sender: str
    reply_to: list[str]
    body: str
    pdf_name: str


@dataclass
class NoticePreview:
    """What 'Skicka' will send, to whom, and who is left out; `refusal` says why it cannot be sent."""

    meeting: Meeting  # with its items, as meeting_with_items fetches them
    mail: NoticeMail
    fingerprint: str
    recipients: list[Member]
    without_email: list[Member]
    refusal: str = ""
    refusal_code: str = ""
    token: str = ""


def notice_mail(meeting: Meeting, version: int, site_url: str = "") -> NoticeMail:
    """The notice's e-mail for a version; links are absolute from `site_url` and left out without one."""
    facts = agenda_facts(meeting)
    when = facts.date or "datum ej bestämt"
    subject = f"Kallelse: {meeting.body.display_name} {when}"
    if version > 1:
        subject += f" (ändrad dagordning, version {version})"
    reply_to = notice_reply_to(meeting.body)
    lines = ["Hej!", "", f"Välkommen till möte med {body_title(meeting.body)}."]
    if version > 1:
        lines.append(f"Dagordningen är ändrad sedan förra kallelsen. Det här är version {version} "
                     "och den ersätter de tidigare.")
    lines += ["", *fact_lines(facts), "", *agenda_outline(meeting)]
    if site_url:
        lines += [
            "",
            f"Mötets sida: {site_url}{reverse('web:meeting', args=[meeting.pk])}",
            f"Möteshandlingar (kallelse och bilagor): {site_url}{reverse('web:packet_pdf', args=[meeting.pk])}",
            "Logga in i Samverkan för att öppna länkarna.",
        ]
    lines += ["", f"Kallelsen finns som bifogad PDF och mötet som kalenderinbjudan ({CALENDAR_FILE})."]
    if reply_to:
        lines.append("Svara på det här meddelandet om du har frågor eller får förhinder.")
    lines += ["", "Vänliga hälsningar", f"Sekretariatet för {meeting.body.display_name}", ""]
    return NoticeMail(version=version, subject=subject, sender=notice_sender(), reply_to=reply_to,
                      body="\n".join(lines), pdf_name=f"kallelse-{meeting.date or meeting.pk}.pdf")


def _preview_token(fingerprint: str, mail: NoticeMail, recipients: list[Member]) -> str:
    """A digest of what the preview showed: the agenda, the e-mail and the addresses."""
    seen = [fingerprint, mail.subject, mail.sender, mail.reply_to, mail.body, [m.email for m in recipients]]
    return hashlib.sha256(json.dumps(seen).encode()).hexdigest()


def notice_preview(meeting: Meeting, site_url: str = "") -> NoticePreview:
    """The next version of the notice as it will be sent, its recipients and the members it misses."""
    meeting = meeting_with_items(meeting.pk)
    fingerprint = agenda_fingerprint(meeting)
    latest = latest_dispatch(meeting)
    version = latest.version + 1 if latest else 1
    recipients, without_email = notice_members(meeting)
    mail = notice_mail(meeting, version, site_url)
    refusal = code = ""
    if meeting.is_cancelled:
        refusal, code = "Mötet är inställt och kallas inte.", "cancelled"
    elif latest and latest.fingerprint == fingerprint:
        refusal = f"Version {latest.version} av kallelsen är redan skickad och dagordningen är oförändrad."
        code = "already_sent"
    elif not recipients:
        refusal = "Organet har inga medlemmar med e-postadress att skicka kallelsen till."
        code = "no_recipients"
    return NoticePreview(meeting=meeting, mail=mail, fingerprint=fingerprint, recipients=recipients,
                         without_email=without_email, refusal=refusal, refusal_code=code,
                         token=_preview_token(fingerprint, mail, recipients))


@action
def send_notice(meeting: Meeting, *, site_url: str = "", token: str | None = None,
                acting_user=None) -> NoticeDispatch:
    """E-mail the notice (PDF) and an .ics invitation to every member with an address, one by one.

    `token` is the preview's: when given, the notice is sent only if it is still what was previewed.
    Each e-mail is recorded as sent or failed; a failed address does not stop the others.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)  # one sender at a time per meeting
    preview = notice_preview(meeting, site_url)
    if preview.refusal:
        raise UserError(preview.refusal, code=preview.refusal_code)
    if token is not None and token != preview.token:
        raise UserError("Kallelsen eller mottagarna har ändrats sedan du granskade den. "
                        "Granska kallelsen igen innan du skickar.", code="stale_preview")
    dispatch = NoticeDispatch.objects.create(
        meeting=meeting, version=preview.mail.version, fingerprint=preview.fingerprint, sent_by=acting_user,
        recipients=[{"name": m.name, "email": m.email} for m in preview.recipients],
    )
    pdf = agenda_pdf(preview.meeting)
    connection = get_connection()
    deliveries = [_deliver(connection, preview.meeting, dispatch, preview.mail, pdf, member.person)
                  for member in preview.recipients]
    if meeting.status == Meeting.Status.PLANNED and any(d.status == NoticeDelivery.Status.SENT for d in deliveries):
        meeting.status = Meeting.Status.NOTIFIED
        meeting.save(update_fields=["status", "modified"])
    return dispatch


@action
def resend_notice(meeting: Meeting, person: Person, *, site_url: str = "") -> NoticeDelivery:
    """Send the latest version of the notice again to one person; recorded as one more delivery."""
    latest = latest_dispatch(meeting)
    if latest is None:
        raise UserError("Kallelsen är inte skickad än. Granska och skicka den till alla först.", code="not_sent")
    if latest.fingerprint != agenda_fingerprint(meeting):
        raise UserError(f"Dagordningen har ändrats sedan version {latest.version} skickades. "
                        "Skicka en ny version till alla i stället.", code="agenda_changed")
    if not person.email:
        raise UserError(f"{person.name} har ingen e-postadress. Lägg till den bland organets medlemmar.",
                        code="no_email")
    meeting = meeting_with_items(meeting.pk)
    mail = notice_mail(meeting, latest.version, site_url)
    pdf = agenda_pdf(meeting)
    return _deliver(get_connection(), meeting, latest, mail, pdf, person)


def _deliver(connection, meeting: Meeting, dispatch: NoticeDispatch, mail: NoticeMail, pdf: bytes,
             person: Person) -> NoticeDelivery:
    """Send one person their e-mail and record how it went."""
    message = EmailMessage(mail.subject, mail.body, mail.sender, [person.email], reply_to=mail.reply_to or None)
    message.attach(mail.pdf_name, pdf, "application/pdf")
    ics = meeting_ics(meeting, sequence=dispatch.version - 1, organizer=mail.sender,
                      attendee=(person.name, person.email))
    message.attach(CALENDAR_FILE, ics, "text/calendar; method=REQUEST; charset=utf-8")
    try:
        connection.send_messages([message])
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Kallelsen version %s till %s gick inte att skicka: %s", dispatch.version, person.email,
                       error)
        return NoticeDelivery.objects.create(dispatch=dispatch, person=person, name=person.name, email=person.email,
                                             status=NoticeDelivery.Status.FAILED, error=smtp_error_text(error))
    return NoticeDelivery.objects.create(dispatch=dispatch, person=person, name=person.name, email=person.email,
                                         status=NoticeDelivery.Status.SENT)


def smtp_error_text(error: Exception) -> str:
    """The mail server's answer ('550 No such user'), or the error's own text."""
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        code, reply = next(iter(error.recipients.values()))
        return f"{code} {_text(reply)}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return str(error) or type(error).__name__


def _text(reply) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
