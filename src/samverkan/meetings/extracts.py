"""Dispatching an extract (expediering): one item's decision, as an extract of the published minutes, sent
to the recipients the decision names.

The secretariat chooses the recipients (an organisation's registry, a person in the directory, another
body's secretaries, or a typed address), sees the e-mail and the addresses exactly as they go out
(`dispatch_preview`), then sends (`send_extract`): one e-mail per address with the extract as PDF/A, each
recorded as sent or failed, the dispatch recorded with the version of the minutes it was made from.
"""

from __future__ import annotations

import hashlib
import json
import logging
import smtplib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.utils import timezone

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.directory.models import Body, Organization, Person
from samverkan.language.dates import swedish_date

from .audit import meeting_label
from .documents.extract import Extract, certifier_name, extract_pdf, item_extract
from .documents.layout import body_short
from .models import AgendaItem, ExtractDispatch, ExtractRecipient
from .notices import smtp_error_text
from .publishing import keep_published_reading
from .senders import notice_reply_to, notice_sender

logger = logging.getLogger(__name__)


@dataclass
class RecipientChoice:
    """What the secretary chose on the dispatch page: ids and typed addresses."""

    organizations: list[int] = field(default_factory=list)
    people: list[int] = field(default_factory=list)
    bodies: list[int] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.organizations or self.people or self.bodies or self.addresses)


@dataclass
class Recipient:
    """One address the extract goes to, and who it stands for."""

    kind: str
    name: str
    email: str
    organization: Organization | None = None
    person: Person | None = None
    to_body: Body | None = None

    @property
    def label(self) -> str:
        """'Registrator, Borlänge kommun', 'Maria Jonsson, Falun', 'Sekretariatet för Välfärdsrådet'."""
        return self.name


def resolve_recipients(choice: RecipientChoice) -> list[Recipient]:
    """The addresses of the choice, once each (by address, the first choice kept); a UserError names the
    first chosen recipient without an address."""
    found: list[Recipient] = []
    for organization in Organization.objects.filter(pk__in=choice.organizations).order_by("name"):
        if not organization.registry_email:
            raise UserError(f"{organization.name} har ingen e-postadress till registratorn. Lägg till den under "
                            "Organisationer.", code="no_registry_email")
        found.append(Recipient(ExtractRecipient.Kind.REGISTRY, f"Registrator, {organization.name}",
                               organization.registry_email, organization=organization))
    for person in Person.objects.filter(pk__in=choice.people).select_related("organization").order_by("name"):
        if not person.email:
            raise UserError(f"{person.name} har ingen e-postadress.", code="no_email")
        name = f"{person.name}, {person.organization.name}" if person.organization_id else person.name
        found.append(Recipient(ExtractRecipient.Kind.PERSON, name, person.email, person=person,
                               organization=person.organization))
    for body in Body.objects.filter(pk__in=choice.bodies).prefetch_related("secretaries").order_by("name"):
        addresses = sorted({user.email for user in body.secretaries.all() if user.email})
        if not addresses:
            raise UserError(f"{body.display_name} har ingen sekreterare med e-postadress.", code="no_secretary")
        found += [Recipient(ExtractRecipient.Kind.BODY, f"Sekretariatet för {body.display_name}", address,
                            to_body=body) for address in addresses]
    for address in choice.addresses:
        address = address.strip()
        try:
            validate_email(address)
        except ValidationError:
            raise UserError(f"”{address}” är ingen e-postadress.", code="invalid_email") from None
        found.append(Recipient(ExtractRecipient.Kind.ADDRESS, address, address))
    once: dict[str, Recipient] = {}
    for recipient in found:
        once.setdefault(recipient.email.lower(), recipient)
    return list(once.values())


@dataclass
class ExtractMail:
    """The e-mail every recipient gets: the same subject, sender and text; the extract as PDF."""

    subject: str
    sender: str
    reply_to: list[str]
    body: str
    pdf_name: str


def extract_mail(extract: Extract) -> ExtractMail:
    """'Utdrag ur minnesanteckningar: Länschefsnätverket 9 november 2023, punkt 6' with the decision."""
    meeting = extract.meeting
    block = extract.block
    lines = ["Hej!", "", f"Här kommer ett utdrag ur minnesanteckningarna från {meeting_label(meeting)}, "
             f"{extract.item_label}: {extract.item.title}.", ""]
    if block.clauses:
        lines += [*block.openers, *block.clauses, ""]
    elif block.outcome:
        lines += [block.outcome, ""]
    lines += [f"Utdraget finns som bifogad PDF ({extract.file_stem}.pdf)."]
    lines += ["", "Vänliga hälsningar", f"Sekretariatet för {body_short(meeting.body)}", ""]
    return ExtractMail(subject=f"Utdrag ur minnesanteckningar: {meeting_label(meeting)}, {extract.item_label}",
                       sender=notice_sender(), reply_to=notice_reply_to(meeting.body), body="\n".join(lines),
                       pdf_name=f"{extract.file_stem}.pdf")


@dataclass
class DispatchPreview:
    """What 'Expediera' will send and to whom; `refusal` says why it cannot be sent."""

    extract: Extract
    mail: ExtractMail
    recipients: list[Recipient]
    refusal: str = ""
    refusal_code: str = ""
    token: str = ""


def dispatch_preview(item: AgendaItem, choice: RecipientChoice, *, acting_user) -> DispatchPreview:
    """The extract's e-mail and its recipients; a UserError when the minutes cannot give an extract or a
    chosen recipient has no address."""
    extract = item_extract(item, certified_by=certifier_name(acting_user))
    mail = extract_mail(extract)
    recipients = resolve_recipients(choice)
    refusal = code = ""
    if not recipients:
        refusal, code = "Välj minst en mottagare.", "no_recipients"
    seen = [mail.subject, mail.sender, mail.reply_to, mail.body, [r.email for r in recipients]]
    return DispatchPreview(extract=extract, mail=mail, recipients=recipients, refusal=refusal, refusal_code=code,
                           token=hashlib.sha256(json.dumps(seen).encode()).hexdigest())


@action
def send_extract(item: AgendaItem, choice: RecipientChoice, *, token: str | None = None,
                 acting_user) -> ExtractDispatch:
    """E-mail the extract (PDF/A) to each recipient and record the dispatch with the version of the minutes.

    `token` is the preview's: the extract is sent only if mail and recipients are what was previewed.
    """
    item = AgendaItem.objects.select_related("meeting__body").get(pk=item.pk)
    preview = dispatch_preview(item, choice, acting_user=acting_user)
    if preview.refusal:
        raise UserError(preview.refusal, code=preview.refusal_code)
    if token is not None and token != preview.token:
        raise UserError("Utdraget eller mottagarna har ändrats sedan du granskade utskicket. "
                        "Granska det igen innan du expedierar.", code="stale_preview")
    meeting = item.meeting
    keep_published_reading(meeting, acting_user=acting_user)  # minutes imported from the archive get version 1
    version = meeting.minutes_versions.order_by("-version").first()
    dispatch = ExtractDispatch.objects.create(item=item, minutes_version=version, sent_by=acting_user,
                                              subject=preview.mail.subject, message=preview.mail.body)
    pdf = extract_pdf(preview.extract)
    connection = get_connection()
    for recipient in preview.recipients:
        _deliver(connection, dispatch, preview.mail, pdf, recipient)
    return dispatch


def _deliver(connection, dispatch: ExtractDispatch, mail: ExtractMail, pdf: bytes, recipient: Recipient) -> None:
    message = EmailMessage(mail.subject, mail.body, mail.sender, [recipient.email], reply_to=mail.reply_to or None)
    message.attach(mail.pdf_name, pdf, "application/pdf")
    status, error = ExtractRecipient.Status.SENT, ""
    try:
        connection.send_messages([message])
    except (smtplib.SMTPException, OSError) as failure:
        logger.warning("Utdraget %s till %s gick inte att skicka: %s", dispatch.pk, recipient.email, failure)
        status, error = ExtractRecipient.Status.FAILED, smtp_error_text(failure)
    ExtractRecipient.objects.create(
        dispatch=dispatch, kind=recipient.kind, name=recipient.name, email=recipient.email,
        organization=recipient.organization, person=recipient.person, to_body=recipient.to_body,
        status=status, error=error)


# --- Reads ------------------------------------------------------------------------------------------

def item_dispatches(item: AgendaItem) -> list[ExtractDispatch]:
    """The item's dispatches, newest first, each with its recipients and version."""
    dispatches = list(item.extract_dispatches.select_related("sent_by", "minutes_version")
                      .prefetch_related("recipients"))
    for dispatch in dispatches:
        dispatch.line = dispatch_line(dispatch)
    return dispatches


def dispatch_line(dispatch: ExtractDispatch) -> str:
    """'Expedierat till Registrator, Borlänge kommun (registrator@borlange.example) den 3 december 2026'."""
    names = [f"{r.name} ({r.email})" + (" – misslyckades" if r.status == ExtractRecipient.Status.FAILED else "")
             for r in dispatch.recipients.all()]
    return f"Expedierat till {', '.join(names)} den {swedish_date(timezone.localtime(dispatch.sent_at).date())}"


def public_dispatch_lines(item_ids: list[int]) -> dict[int, list[str]]:
    """For the public: per item, 'Utdrag expedierat till Borlänge kommun den 3 december 2026', naming the
    organisations and bodies reached (never e-mail addresses or typed recipients)."""
    lines: dict[int, list[str]] = {}
    dispatches = (ExtractDispatch.objects.filter(item_id__in=item_ids).order_by("sent_at", "pk")
                  .prefetch_related("recipients__organization", "recipients__to_body"))
    for dispatch in dispatches:
        names: list[str] = []
        for recipient in dispatch.recipients.all():
            if recipient.status != ExtractRecipient.Status.SENT:
                continue
            name = (recipient.organization.name if recipient.organization_id
                    else recipient.to_body.display_name if recipient.to_body_id else "")
            if name and name not in names:
                names.append(name)
        if names:
            day = swedish_date(timezone.localtime(dispatch.sent_at).date())
            lines.setdefault(dispatch.item_id, []).append(f"Utdrag expedierat till {', '.join(names)} den {day}")
    return lines
