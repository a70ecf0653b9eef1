"""Writes to the members of a body by its secretariat: add, edit and end memberships.

A person is recorded once for all bodies (names equal after normalisation are one person), so a
new member is either an existing person chosen by name, or a new person created on purpose.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.core.text import normalize_name
from samverkan.language.dates import swedish_date

from .models import Body, Membership, Organization, Person
from .services import get_or_create_organization, get_or_create_person


def clean_text(text: str | None) -> str:
    return " ".join((text or "").split())


def is_email(text: str) -> bool:
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def check_email(email: str) -> str:
    """The address without spaces around it ("" for none); an address that is none is refused."""
    email = (email or "").strip()
    if email and not is_email(email):
        raise UserError(f"”{email}” är ingen e-postadress.", code="bad_email")
    return email


def organization_named(name: str) -> Organization | None:
    """The organisation of that name, created on first sight; None for no name."""
    name = clean_text(name)
    return get_or_create_organization(name) if name else None


def find_person(name: str) -> Person:
    """The person of that name (after normalisation), as chosen in the search field."""
    name = clean_text(name)
    if not name:
        raise UserError("Välj en person.", code="person_missing")
    person = Person.objects.filter(name_key=normalize_name(name)).first()
    if person is None:
        raise UserError(f"Det finns ingen person som heter ”{name}”. Välj ett namn i listan, "
                        "eller lägg till en ny person.", code="person_unknown")
    return person


def period_text(membership: Membership) -> str:
    """"från 1 mars 2025 tills vidare", "till 31 december 2025", "tills vidare"."""
    start = f"från {swedish_date(membership.start_date)} " if membership.start_date else ""
    end = f"till {swedish_date(membership.end_date)}" if membership.end_date else "tills vidare"
    return start + end


def _check_period(start_date: date | None, end_date: date | None) -> None:
    if start_date and end_date and end_date < start_date:
        raise UserError("Medlemskapet kan inte sluta innan det börjar.", code="end_before_start")


def overlapping_membership(body: Body, person: Person, start_date: date | None, end_date: date | None,
                           exclude: Membership | None = None) -> Membership | None:
    """A membership of the person in the body that shares a day with the period (open ends are unbounded)."""
    found = Membership.objects.filter(body=body, person=person)
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    for membership in found:
        starts_in_time = end_date is None or membership.start_date is None or membership.start_date <= end_date
        ends_in_time = start_date is None or membership.end_date is None or membership.end_date >= start_date
        if starts_in_time and ends_in_time:
            return membership
    return None


def _check_not_member(body: Body, person: Person, start_date, end_date, exclude=None) -> None:
    existing = overlapping_membership(body, person, start_date, end_date, exclude)
    if existing is not None:
        raise UserError(f"{person.name} är redan medlem i {body.display_name} ({period_text(existing)}).",
                        code="already_member")


@action
def add_member(body: Body, person: Person, *, organization: str = "", role: str = "",
               start_date: date | None = None, end_date: date | None = None, acting: bool = False) -> Membership:
    """A membership of an existing person; `organization` is the name of the one they represent here."""
    _check_period(start_date, end_date)
    _check_not_member(body, person, start_date, end_date)
    return Membership.objects.create(
        person=person, body=body, organization=organization_named(organization) or person.organization,
        role=clean_text(role)[:100], start_date=start_date, end_date=end_date, acting=acting)


@action
def create_person(name: str, *, organization: str = "", title: str = "", email: str = "") -> Person:
    """A new person, created on purpose; a name already recorded (after normalisation) is refused."""
    name, title = clean_text(name), clean_text(title)
    if not name:
        raise UserError("Ange personens namn.", code="name_missing")
    if len(name) > 200 or len(title) > 200:
        raise UserError("Namn och befattning får vara högst 200 tecken.", code="too_long")
    email = check_email(email)
    existing = Person.objects.filter(name_key=normalize_name(name)).first()
    if existing is not None:
        where = f" ({existing.organization})" if existing.organization_id else ""
        raise UserError(f"Det finns redan en person som heter ”{existing.name}”{where}. "
                        "Välj personen i listan i stället.", code="person_exists")
    return Person.objects.create(name=name, organization=organization_named(organization), title=title,
                                 email=email)


@action
def add_new_person(body: Body, name: str, *, organization: str = "", title: str = "", email: str = "",
                   role: str = "", start_date: date | None = None, end_date: date | None = None,
                   acting: bool = False) -> Membership:
    """A new person, created on purpose, and their membership; a name already recorded is refused."""
    _check_period(start_date, end_date)
    person = create_person(name, organization=organization, title=title, email=email)
    return Membership.objects.create(person=person, body=body, organization=person.organization,
                                     role=clean_text(role)[:100], start_date=start_date, end_date=end_date,
                                     acting=acting)


@dataclass(frozen=True)
class Newcomer:
    """A person to make a member, for the organisation they came for (None: their own)."""
    person: Person
    organization: Organization | None = None


@action
def add_members(body: Body, newcomers: list[Newcomer], *, start_date: date | None = None) -> list[Membership]:
    """Memberships for several people at once (e.g. those present at a meeting): all of them, or none."""
    if not newcomers:
        raise UserError("Välj minst en person.", code="nobody_chosen")
    added = []
    for newcomer in newcomers:
        person = newcomer.person
        _check_not_member(body, person, start_date, None)
        added.append(Membership.objects.create(
            person=person, body=body, organization=newcomer.organization or person.organization,
            start_date=start_date))
    return added


@action
def update_membership(membership: Membership, *, organization: str = "", role: str = "",
                      start_date: date | None = None, end_date: date | None = None, acting: bool = False,
                      email: str | None = None) -> Membership:
    """New organisation, role and period of a membership; `email`, when given, is the person's address."""
    _check_period(start_date, end_date)
    _check_not_member(membership.body, membership.person, start_date, end_date, exclude=membership)
    if email is not None:
        email = check_email(email)
        person = membership.person
        if person.email != email:
            person.email = email
            person.save(update_fields=["email", "modified"])
    membership.organization = organization_named(organization)
    membership.role = clean_text(role)[:100]
    membership.start_date, membership.end_date, membership.acting = start_date, end_date, acting
    membership.save()
    return membership


@action
def end_membership(membership: Membership, on: date | None = None) -> Membership:
    """The membership ends on that day (today when none is given)."""
    on = on or timezone.localdate()
    if membership.end_date is not None and membership.end_date <= on:
        raise UserError(f"Medlemskapet slutade redan {swedish_date(membership.end_date)}.", code="already_ended")
    if membership.start_date is not None and membership.start_date > on:
        raise UserError(f"Medlemskapet börjar först {swedish_date(membership.start_date)}. "
                        "Ändra datumen i stället.", code="not_started")
    membership.end_date = on
    membership.save(update_fields=["end_date", "modified"])
    return membership


def person_for_import(name: str, organization: Organization | None, title: str, email: str) -> Person:
    """The person of a bulk import: found by name (normalised) or created; what is missing is filled in."""
    person = get_or_create_person(name, organization, title)
    if email and not person.email:
        person.email = email
        person.save(update_fields=["email", "modified"])
    return person
