"""Items one body forwards to another ("Överlämnad till Välfärdsrådet") and the receiving body's inbox.

The inbox rule: a forwarded item reaches the receiving body's inbox ("Inkommande ärenden") and the
agendas of its meetings once the minutes of the meeting that forwarded it are published. Until then
the decision to forward is not final (the secretariat may still change the outcome), so nothing is
offered and nobody is told. It leaves the inbox when the receiving body takes it up on an agenda
(the new item joins the forwarded item's matter) or dismisses it with a reason.

A forwarding follows its item's outcome until it is taken up: changing the outcome removes it,
changing the target body moves it (and the new body's secretariat is told at the next publication).
Once taken up it stays as history whatever the outcome says later.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from samverkan.core.actions import action, signed_in
from samverkan.core.errors import UserError
from samverkan.directory.models import Body
from samverkan.language.dates import swedish_date

from .models import AgendaItem, Clause, Forwarding, Meeting
from .services import add_item
from .signals import forwarding_received

log = logging.getLogger(__name__)

# Types that only make sense on the agenda they were written for; taken up elsewhere they are a decision.
_RETYPED = (AgendaItem.Type.PROCEDURAL, AgendaItem.Type.OTHER_BUSINESS)


def follow_outcome(item: AgendaItem) -> Forwarding | None:
    """Keep the item's forwarding in step with its outcome; called by the recording actions."""
    forwarding = Forwarding.objects.filter(item=item).first()
    if forwarding is not None and forwarding.is_received:
        return forwarding
    target = item.forwarded_to if item.outcome == AgendaItem.Outcome.FORWARDED else None
    if target is None:
        if forwarding is not None:
            forwarding.delete()
        return None
    if forwarding is None:
        return Forwarding.objects.create(item=item, to_body=target, forwarded_at=timezone.now())
    if forwarding.to_body_id != target.pk:
        forwarding.to_body, forwarding.forwarded_at, forwarding.notified_at = target, timezone.now(), None
        forwarding.dismissed_at, forwarding.dismissed_by, forwarding.dismissal_reason = None, None, ""
        forwarding.save()
    return forwarding


def incoming(body: Body):
    """The forwardings waiting for a body: published by the forwarding meeting, not taken up nor dismissed."""
    return (Forwarding.objects
            .filter(to_body=body, item__meeting__published_at__isnull=False,
                    received_at__isnull=True, dismissed_at__isnull=True)
            .select_related("item__meeting__body", "item__parent")
            .prefetch_related("item__clauses")
            .order_by("item__meeting__date", "item__position", "pk"))


def handled(body: Body, limit: int = 20):
    """The body's forwardings already taken up or dismissed, latest first."""
    return (Forwarding.objects.filter(to_body=body)
            .exclude(received_at__isnull=True, dismissed_at__isnull=True)
            .select_related("item__meeting__body", "received_into__meeting")
            .order_by("-modified")[:limit])


def incoming_counts(bodies) -> dict[int, int]:
    """How many forwardings wait for each of these bodies (bodies with none are left out)."""
    counts: dict[int, int] = {}
    for forwarding in Forwarding.objects.filter(
            to_body__in=bodies, item__meeting__published_at__isnull=False,
            received_at__isnull=True, dismissed_at__isnull=True).only("to_body_id"):
        counts[forwarding.to_body_id] = counts.get(forwarding.to_body_id, 0) + 1
    return counts


def _where(forwarding: Forwarding) -> str:
    meeting = forwarding.item.meeting
    return f"{meeting.body.display_name} {swedish_date(meeting.date) or 'utan datum'}"


def _check_pending(forwarding: Forwarding) -> None:
    title = forwarding.item.title
    if forwarding.is_received:
        taken = forwarding.received_into.meeting if forwarding.received_into else None
        where = f" för {taken.body.display_name} {swedish_date(taken.date)}" if taken else ""
        raise UserError(f"”{title}” är redan tagen upp på dagordningen{where}.", code="already_received")
    if forwarding.is_dismissed:
        raise UserError(f"”{title}” är avvisad och kan inte tas upp.", code="dismissed")
    if forwarding.item.meeting.published_at is None:
        raise UserError(f"”{title}” kan tas upp först när minnesanteckningarna från {_where(forwarding)} "
                        "är publicerade.", code="not_published")


def decision_texts(item: AgendaItem) -> list[str]:
    return [c.text for c in item.clauses.all() if c.kind == Clause.Kind.DECISION]


def _history(forwarding: Forwarding) -> str:
    """What the new item's background says of where it came from."""
    earlier = forwarding.item
    lines = [f"Överlämnat från {_where(forwarding)}, punkt {earlier.full_number}."]
    decisions = decision_texts(earlier)
    if decisions:
        lines.append("Beslut: " + " ".join(decisions))
    if earlier.agenda_text:
        lines += ["", earlier.agenda_text]
    return "\n".join(lines)


@action
def receive_forwarding(forwarding: Forwarding, meeting: Meeting, *, acting_user=None) -> AgendaItem:
    """Take up a forwarded item on one of the receiving body's meetings.

    The new item has the forwarded item's title and proposals, and its history as background; it
    joins the forwarded item's matter (through the forwarding_received signal), and the forwarding
    leaves the inbox.
    """
    _check_pending(forwarding)
    if meeting.body_id != forwarding.to_body_id:
        raise UserError(f"”{forwarding.item.title}” är överlämnad till {forwarding.to_body.display_name}, "
                        f"inte till {meeting.body.display_name}.", code="wrong_body")
    earlier = forwarding.item
    proposals = [c.text for c in earlier.clauses.all() if c.kind == Clause.Kind.PROPOSAL]
    item_type = AgendaItem.Type.DECISION if earlier.type in _RETYPED else earlier.type
    item = add_item(meeting, earlier.title, item_type, _history(forwarding), proposals)
    forwarding.received_into, forwarding.received_at = item, timezone.now()
    forwarding.save(update_fields=["received_into", "received_at", "modified"])
    forwarding_received.send(sender=Forwarding, forwarding=forwarding, item=item, acting_user=acting_user)
    return item


@action
def dismiss_forwarding(forwarding: Forwarding, reason: str, *, acting_user=None) -> Forwarding:
    """The receiving body will not take the item up; the reason is kept with it."""
    _check_pending(forwarding)
    if not reason.strip():
        raise UserError(f"Skriv varför ”{forwarding.item.title}” avvisas.", code="no_reason")
    forwarding.dismissed_at, forwarding.dismissed_by = timezone.now(), signed_in(acting_user)
    forwarding.dismissal_reason = reason.strip()
    forwarding.save(update_fields=["dismissed_at", "dismissed_by", "dismissal_reason", "modified"])
    return forwarding


# --- Telling the receiving secretariat -----------------------------------------------------------


def secretariat_emails(body: Body) -> list[str]:
    """The e-mail addresses of the body's secretaries (their own, else their person's)."""
    emails = (user.email or getattr(getattr(user, "person", None), "email", "")
              for user in body.secretaries.select_related("person"))
    return sorted({email.strip() for email in emails if email and email.strip()})


def forwarding_message(forwarding: Forwarding) -> tuple[str, str]:
    """The subject and text of the e-mail to the receiving secretariat."""
    earlier, to_body = forwarding.item, forwarding.to_body
    from_body = earlier.meeting.body
    subject = f"Överlämnat ärende från {from_body.display_name}: {earlier.title}"
    lines = [
        "Hej!",
        "",
        f"{from_body.name} överlämnade {swedish_date(earlier.meeting.date) or 'vid ett möte'} ärendet "
        f"”{earlier.title}” till {to_body.name}.",
    ]
    decisions = decision_texts(earlier)
    if decisions:
        lines += ["", "Beslut:", *decisions]
    site_url = getattr(settings, "SAMVERKAN_SITE_URL", "").rstrip("/")
    lines += ["", "Ärendet väntar bland inkommande ärenden och kan läggas till på dagordningen för ett "
              f"kommande möte: {site_url}{reverse('meetings:inbox', args=[to_body.pk])}",
              "", "Det här är ett automatiskt meddelande från Samverkan."]
    return subject, "\n".join(lines)


def notify_forwardings(meeting: Meeting) -> int:
    """E-mail the receiving bodies' secretariats about the meeting's forwardings not yet told of.

    Called when the minutes are published: that is when the forwardings reach the inboxes. Each
    forwarding is told once (a correction does not repeat it); one the mail server refused is tried
    again at the next publication. Returns how many e-mails were sent.
    """
    sent = 0
    waiting = (Forwarding.objects.filter(item__meeting=meeting, notified_at__isnull=True, received_at__isnull=True,
                                         dismissed_at__isnull=True)
               .select_related("item__meeting__body", "to_body").prefetch_related("item__clauses"))
    for forwarding in waiting:
        emails = secretariat_emails(forwarding.to_body)
        if not emails:
            continue
        subject, text = forwarding_message(forwarding)
        try:
            send_mail(subject, text, None, emails)
        except OSError as error:  # the mail server must not stop the publication; tried again at the next one
            log.warning("forwarding %s: e-mail to the receiving secretariat failed: %s", forwarding.pk, error)
            continue
        forwarding.notified_at = timezone.now()
        forwarding.save(update_fields=["notified_at", "modified"])
        sent += 1
    return sent
