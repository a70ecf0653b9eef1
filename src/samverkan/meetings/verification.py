"""Justering: the minutes name one or two justerare, who verify them before they are published.

A justerare with an account confirms in the app; for one without, the secretariat records that the
minutes were verified without changes. Corrections after publication are not verified again."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.directory.models import Person
from samverkan.language.dates import swedish_date

from .audit import meeting_label
from .models import Meeting, Verifier

MOST_VERIFIERS = 2


@action
def name_verifiers(meeting: Meeting, people: list[Person], *, page_url: str = "", acting_user=None
                   ) -> list[Verifier]:
    """Name the justerare; those newly named with an e-mail address are asked to verify at `page_url`."""
    _refuse_after_publication(meeting)
    if len(people) > MOST_VERIFIERS:
        raise UserError(f"Välj högst {MOST_VERIFIERS} justerare.", code="too_many_verifiers")
    meeting.verifiers.exclude(person__in=people).delete()
    named = {verifier.person_id for verifier in meeting.verifiers.all()}
    new = [Verifier.objects.create(meeting=meeting, person=person) for person in people if person.pk not in named]
    for verifier in new:
        if verifier.person.email and page_url:
            _ask_to_verify(verifier, page_url)
    return list(meeting.verifiers.select_related("person"))


@action
def verify(meeting: Meeting, *, acting_user) -> Verifier:
    """The signed-in justerare verifies the minutes."""
    _refuse_after_publication(meeting)
    verifier = meeting.verifiers.filter(person__user=acting_user).first()
    if verifier is None:
        raise UserError("Du är inte justerare för de här minnesanteckningarna.", code="not_a_verifier")
    if verifier.is_verified:
        raise UserError(f"Du justerade minnesanteckningarna {_day(verifier)}.",
                        code="already_verified")
    verifier.verified_at = timezone.now()
    verifier.save(update_fields=["verified_at"])
    return verifier


@action
def record_verified(verifier: Verifier, *, acting_user) -> Verifier:
    """The secretariat records that the justerare verified the minutes without changes."""
    _refuse_after_publication(verifier.meeting)
    if verifier.is_verified:
        raise UserError(f"{verifier.person.name} har redan justerat.", code="already_verified")
    verifier.verified_at, verifier.recorded_by = timezone.now(), acting_user
    verifier.save(update_fields=["verified_at", "recorded_by"])
    return verifier


def check_verified(meeting: Meeting) -> None:
    """Before the first publication: every named justerare has verified the minutes."""
    waiting = [v.person.name for v in meeting.verifiers.select_related("person") if not v.is_verified]
    if waiting:
        raise UserError(f"Minnesanteckningarna är inte justerade: {' och '.join(waiting)} har inte justerat. "
                        "Vänta på justeringen, eller registrera ”Justerat utan ändringar”.", code="not_verified")


def verified_by(meeting: Meeting) -> str:
    """"Justerade av Anna Berg 5 december 2026 och Per Ek 6 december 2026", or "" when none verified."""
    done = [v for v in meeting.verifiers.all() if v.is_verified]
    if not done:
        return ""
    parts = [f"{v.person.name} {_day(v)}" for v in done]
    return "Justerade av " + " och ".join(parts)


def _day(verifier: Verifier) -> str:
    return swedish_date(timezone.localtime(verifier.verified_at).date())


def _refuse_after_publication(meeting: Meeting) -> None:
    if meeting.minutes_versions.exists():
        raise UserError("Minnesanteckningarna är redan publicerade och justeras inte igen.", code="published")


def _ask_to_verify(verifier: Verifier, page_url: str) -> None:
    meeting = verifier.meeting
    body = (f"Hej {verifier.person.name},\n\n"
            f"du är utsedd att justera minnesanteckningarna från {meeting_label(meeting)}.\n"
            f"Läs dem och justera här (logga in först):\n{page_url}\n\n"
            f"Minnesanteckningarna publiceras när de är justerade.\n")
    EmailMessage(f"Justera minnesanteckningarna från {meeting_label(meeting)}", body,
                 settings.DEFAULT_FROM_EMAIL, [verifier.person.email]).send()
