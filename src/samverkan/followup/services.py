"""The follow-through's writes: mark a decision as a recommendation, send it, record the answers.

Rules:
- The secretariat of a body marks one of its decisions (an item's decision, or a matter it keeps) as a
  recommendation or an agreement, to chosen organisations; by default the municipalities and regions
  of the body's current members (the parties; other organisations can be chosen). The date answers are
  wanted by cannot be before the decision.
- Each organisation's representatives (the body's current members for that organisation, with an
  e-mail address) get one e-mail per round with a signed link (`answer_token`) that opens the answer
  page without signing in; it expires after SAMVERKAN_ANSWER_LINK_DAYS days (90). A later round signs a
  fresh link for the same organisation and recommendation.
- "Skicka" and "Skicka påminnelse" go only to the organisations that have not answered; every round is
  recorded (a Mailing) with each organisation and what became of its e-mail.
- An answer can be given through the link, by a signed-in representative, or recorded by the secretariat;
  it can be corrected the same ways. Every write is in the audit log.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import date

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone

from samverkan.core.actions import action, signed_in
from samverkan.core.errors import UserError
from samverkan.directory.access import is_secretary
from samverkan.directory.models import Body, Organization
from samverkan.language.dates import swedish_date
from samverkan.matters.models import Matter, MatterItem
from samverkan.matters.services import link_item, open_matter
from samverkan.meetings.attachments import detect_kind
from samverkan.meetings.models import AgendaItem
from samverkan.meetings.notices import smtp_error_text
from samverkan.meetings.senders import notice_reply_to, notice_sender

from .models import Answer, Mailing, Recommendation
from .selectors import member_organizations, representatives

log = logging.getLogger(__name__)

TOKEN_SALT = "samverkan.followup.answer"
DEFAULT_LINK_DAYS = 90

ANSWERED_STATUSES = [status for status in Answer.Status.values if status != Answer.Status.WAITING]


def link_days() -> int:
    return int(getattr(settings, "SAMVERKAN_ANSWER_LINK_DAYS", DEFAULT_LINK_DAYS))


# --- The signed link -----------------------------------------------------------------------------


def answer_token(answer: Answer) -> str:
    """A signed, timestamped token naming one recommendation and one organisation."""
    return signing.TimestampSigner(salt=TOKEN_SALT).sign_object(
        {"r": answer.recommendation_id, "o": answer.organization_id})


def answer_url(answer: Answer, site_url: str) -> str:
    return f"{site_url.rstrip('/')}{reverse('followup:answer_link', args=[answer_token(answer)])}"


def answer_for_token(token: str) -> Answer:
    """The answer a link is for; a UserError when the link is expired, damaged, or for an organisation
    that is no longer asked."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    try:
        value = signer.unsign_object(token, max_age=link_days() * 24 * 60 * 60)
    except signing.SignatureExpired:
        raise UserError("Länken har gått ut. Be sekretariatet om en ny länk.", code="expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise UserError("Länken är inte giltig. Kontrollera att hela adressen från e-postmeddelandet kom med.",
                        code="invalid") from None
    if not isinstance(value, dict):
        raise UserError("Länken är inte giltig. Kontrollera att hela adressen från e-postmeddelandet kom med.",
                        code="invalid")
    recommendation = Recommendation.objects.filter(pk=value.get("r")).first()
    organization = Organization.objects.filter(pk=value.get("o")).first()
    if recommendation is None or organization is None:
        raise UserError("Länken är inte giltig. Kontrollera att hela adressen från e-postmeddelandet kom med.",
                        code="invalid")
    return answer_for(recommendation, organization)


def answer_for(recommendation: Recommendation, organization: Organization) -> Answer:
    answer = (Answer.objects.select_related("recommendation__body", "organization")
              .filter(recommendation=recommendation, organization=organization).first())
    if answer is None:
        raise UserError(f"{organization.name} är inte tillfrågad om ”{recommendation.title}”.", code="not_asked")
    return answer


# --- Marking a decision --------------------------------------------------------------------------


def _matter_of(item: AgendaItem) -> Matter | None:
    link = (MatterItem.objects.filter(item=item, state=MatterItem.State.CONFIRMED)
            .select_related("matter").order_by("pk").first())
    return link.matter if link else None


@action
def mark_recommendation(*, item: AgendaItem | None = None, matter: Matter | None = None,
                        kind: str = Recommendation.Kind.RECOMMENDATION, answer_by: date | None,
                        organizations=None, title: str = "", acting_user=None) -> Recommendation:
    """Mark a decision as a recommendation (or agreement) to the organisations, answers wanted by a date.

    From an item: its body's secretariat, its decisions as the wording, the item's matter (a new matter
    of the body when it has none). From a matter without an item: the matter's body.
    """
    if item is None and matter is None:
        raise UserError("Välj beslutet som ska följas upp.", code="no_decision")
    if kind not in Recommendation.Kind.values:
        raise UserError(f"Okänt slag: {kind}", code="invalid_kind")
    body = item.meeting.body if item is not None else matter.body
    if body is None:
        raise UserError("Ärendet har inget ansvarigt organ. Ange organet på ärendet först.", code="no_body")
    if acting_user is not None and not is_secretary(acting_user, body):
        raise UserError(f"Bara sekretariatet för {body.display_name} kan följa upp beslutet.", code="not_secretary")
    decided_on = item.meeting.date if item is not None else None
    decisions = [clause.text for clause in item.decisions] if item is not None else []
    if item is not None and not decisions:
        raise UserError(f"Punkt {item.full_number} har inget beslut att följa upp.", code="no_decision")
    if answer_by is None:
        raise UserError("Ange när svaren senast ska komma in.", code="no_answer_by")
    if decided_on is not None and answer_by < decided_on:
        raise UserError(f"Svarsdatumet kan inte vara före beslutet ({swedish_date(decided_on)}).",
                        code="answer_before_decision")
    chosen = list(organizations) if organizations is not None else list(default_organizations(body))
    if not chosen:
        raise UserError("Välj minst en organisation som ska ta ställning.", code="no_organizations")
    if item is not None:
        if Recommendation.objects.filter(item=item).exists():
            raise UserError(f"Beslutet i punkt {item.full_number} följs redan upp hos medlemmarna.",
                            code="already_marked")
        if matter is None:
            matter = _matter_of(item) or open_matter(item.title, body=body, status=Matter.Status.DECIDED,
                                                     acting_user=acting_user)
        link_item(matter, item, acting_user=acting_user)
    recommendation = Recommendation.objects.create(
        kind=kind, title=(title.strip() or (item.title if item is not None else matter.title))[:300],
        matter=matter, item=item, body=body, decision_text="\n".join(decisions), decided_on=decided_on,
        answer_by=answer_by, created_by=signed_in(acting_user))
    Answer.objects.bulk_create([Answer(recommendation=recommendation, organization=organization)
                                for organization in sorted(set(chosen), key=lambda o: (o.kind, o.name))])
    return recommendation


def default_organizations(body: Body):
    """The parties a recommendation goes to by default: the municipalities and regions of the body's
    current members (the organisation of the membership, else the person's)."""
    return [organization for organization in member_organizations(body)
            if organization.kind in (Organization.Kind.MUNICIPALITY, Organization.Kind.REGION)]


@action
def change_answer_by(recommendation: Recommendation, answer_by: date | None) -> Recommendation:
    if answer_by is None:
        raise UserError("Ange när svaren senast ska komma in.", code="no_answer_by")
    if recommendation.decided_on and answer_by < recommendation.decided_on:
        raise UserError(f"Svarsdatumet kan inte vara före beslutet ({swedish_date(recommendation.decided_on)}).",
                        code="answer_before_decision")
    recommendation.answer_by = answer_by
    recommendation.save(update_fields=["answer_by", "modified"])
    return recommendation


# --- Answers -------------------------------------------------------------------------------------


@action
def record_answer(answer: Answer, *, status: str, decided_on: date | None = None, deciding_body: str = "",
                  registry_number: str = "", link: str = "", file=None, via: str = Answer.Via.SECRETARIAT,
                  acting_user=None) -> Answer:
    """An organisation's own decision: how it answered, when, in which of its bodies, its dnr and document."""
    if status not in ANSWERED_STATUSES:
        raise UserError("Välj hur organisationen har ställt sig till rekommendationen.", code="no_status")
    if via not in Answer.Via.values:
        raise UserError(f"Okänt sätt att svara: {via}", code="invalid_via")
    if status != Answer.Status.NOT_APPLICABLE and decided_on is None:
        raise UserError("Ange datum för organisationens beslut.", code="no_date")
    recommendation = answer.recommendation
    if decided_on is not None:
        if recommendation.decided_on and decided_on < recommendation.decided_on:
            raise UserError(f"Organisationens beslut kan inte vara före beslutet den "
                            f"{swedish_date(recommendation.decided_on)}.", code="answer_before_decision")
        if decided_on > timezone.localdate():
            raise UserError("Beslutsdatumet kan inte vara i framtiden.", code="future_date")
    answer.status, answer.decided_on = status, decided_on
    answer.deciding_body, answer.registry_number, answer.link = deciding_body.strip(), registry_number.strip(), link
    if file:
        limit = settings.SAMVERKAN_MAX_ATTACHMENT_BYTES
        if file.size > limit:
            raise UserError(f"{file.name}: filen är större än gränsen {limit // 1_000_000} MB.", code="too_large")
        extension, _content_type = detect_kind(file)  # refuses what is not a document, in the attachments' words
        name = file.name if file.name.lower().endswith("." + extension) else f"{file.name}.{extension}"
        answer.file.save(name, file, save=False)
        answer.original_name = name[:255]
    answer.answered_at, answer.answered_by, answer.answered_via = timezone.now(), signed_in(acting_user), via
    answer.save()
    return answer


@action
def answer_through_link(token: str, *, acting_user=None, **fields) -> Answer:
    """The organisation's representative answers from the e-mail's link, signed in or not."""
    answer = answer_for_token(token)
    return record_answer(answer, via=Answer.Via.LINK, acting_user=acting_user, **fields)


# --- E-mail to the organisations -----------------------------------------------------------------


def _message(recommendation: Recommendation, answer: Answer, kind: str, url: str) -> tuple[str, str]:
    noun = recommendation.get_kind_display().lower()
    due = swedish_date(recommendation.answer_by)
    body = recommendation.body
    prefix = "Påminnelse: " if kind == Mailing.Kind.REMINDER else ""
    subject = f"{prefix}{recommendation.get_kind_display()} från {body.display_name}: {recommendation.title}"
    lines = ["Hej!", ""]
    decided = swedish_date(recommendation.decided_on)
    lines.append(f"{body.name} beslutade den {decided} om en {noun} till medlemmarna: ”{recommendation.title}”."
                 if decided else f"{body.name} har beslutat om en {noun} till medlemmarna: ”{recommendation.title}”.")
    if recommendation.decision_text:
        lines += ["", "Beslut:", recommendation.decision_text]
    if kind == Mailing.Kind.REMINDER:
        lines += ["", f"Vi har ännu inte fått besked om hur {answer.organization.name} har ställt sig."]
    lines += [
        "",
        f"{answer.organization.name} ombeds ta ställning i sitt eget organ och lämna besked senast {due}: "
        "antagen, antagen med ändringar, avslagen eller ej aktuell, med datum, beslutande organ, "
        "diarienummer och beslutet som länk eller fil.",
        "",
        f"Lämna beskedet här (ingen inloggning behövs, länken gäller i {link_days()} dagar):",
        url,
        "",
        "Vänliga hälsningar",
        f"Sekretariatet för {body.display_name}",
        "",
    ]
    return subject, "\n".join(lines)


@action
def send_to_organizations(recommendation: Recommendation, *, site_url: str, acting_user=None) -> Mailing:
    """E-mail the representatives of every organisation that has not answered; the first round is the
    request, later ones are reminders. Recorded per round, with each organisation and its addresses."""
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    waiting = list(recommendation.answers.filter(status=Answer.Status.WAITING).select_related("organization"))
    if not waiting:
        raise UserError("Alla tillfrågade organisationer har svarat. Ingen påminnelse skickas.", code="all_answered")
    kind = Mailing.Kind.REMINDER if recommendation.mailings.exists() else Mailing.Kind.REQUEST
    by_organization = representatives(recommendation.body, [answer.organization for answer in waiting])
    connection = get_connection()
    sender, reply_to = notice_sender(), notice_reply_to(recommendation.body)
    entries = []
    for answer in waiting:
        emails = sorted({person.email for person in by_organization.get(answer.organization_id, [])})
        entry = {"organization_id": answer.organization_id, "organization": answer.organization.name,
                 "emails": emails, "status": "sent", "error": ""}
        if not emails:
            entry["status"] = "no_address"
        else:
            subject, text = _message(recommendation, answer, kind, answer_url(answer, site_url))
            message = EmailMessage(subject, text, sender, emails, reply_to=reply_to or None)
            try:
                connection.send_messages([message])
            except (smtplib.SMTPException, OSError) as error:
                log.warning("recommendation %s to %s failed: %s", recommendation.pk, emails, error)
                entry["status"], entry["error"] = "failed", smtp_error_text(error)
        entries.append(entry)
    return Mailing.objects.create(recommendation=recommendation, kind=kind, sent_by=signed_in(acting_user),
                                  recipients=entries)
