"""Accounts are made by invitation: the secretariat invites a member or a new secretary by e-mail, and
the invited person chooses a password through a link (Django's password-reset token, so the link stops
working once the password is set or after SAMVERKAN_INVITATION_DAYS).

Nobody outside the secretariat can create an account, and the secretariat never sees or sets a password.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.directory.audit import actor_name
from samverkan.directory.models import Body, Person
from samverkan.directory.selectors import current_members


@dataclass(frozen=True)
class Invitation:
    user: object
    address: str


def password_link(user, site_url: str) -> str:
    """The one-time address where the user chooses a password."""
    path = reverse("accounts:choose_password", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    })
    return f"{site_url.rstrip('/')}{path}"


def _validity_days() -> int:
    return settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)


def _split_name(name: str) -> tuple[str, str]:
    first, _, last = " ".join(name.split()).partition(" ")
    return first, last


def _account_for(name: str, email: str):
    """The existing account with this address, or a new one without a usable password."""
    users = get_user_model()
    address = users.objects.normalize_email(email.strip())
    found = list(users.objects.filter(email__iexact=address)[:2])
    if len(found) > 1:
        raise UserError(f"Flera användarkonton har e-postadressen ”{address}”.", code="user_ambiguous")
    if found:
        return found[0]
    if users.objects.filter(username__iexact=address).exists():
        raise UserError(f"Användarnamnet ”{address}” är upptaget.", code="username_taken")
    first, last = _split_name(name)
    user = users(username=address.lower(), email=address, first_name=first[:150], last_name=last[:150])
    user.set_unusable_password()
    user.save()
    return user


def _send(user, greeting: str, reason: str, site_url: str, inviter) -> None:
    link = password_link(user, site_url)
    body = "\n".join([
        f"Hej {greeting}!",
        "",
        f"{actor_name(inviter)} har bjudit in dig till Samverkan {reason}.",
        "",
        "Välj ditt lösenord här:",
        link,
        "",
        f"Länken gäller i {_validity_days()} dagar och kan användas en gång. Ditt användarnamn är {user.username}.",
        "Om du inte väntade dig det här meddelandet kan du bortse från det.",
    ])
    reply_to = [inviter.email] if getattr(inviter, "email", "") else []
    EmailMessage("Inbjudan till Samverkan", body, settings.DEFAULT_FROM_EMAIL, [user.email],
                 reply_to=reply_to).send()


def _refuse_if_already_active(user, who: str) -> None:
    if user.has_usable_password():
        raise UserError(f"{who} har redan valt ett lösenord. Om det är glömt väljer hen ett nytt med "
                        "”Glömt lösenordet?” på inloggningssidan.", code="already_active")


@action
def invite_person(person: Person, *, site_url: str, acting_user=None) -> Invitation:
    """Give a person of the directory an account (or send the invitation again) at their e-mail address."""
    if not person.email:
        raise UserError(f"{person.name} saknar e-postadress. Lägg till en först.", code="no_email")
    user = person.user
    if user is None:
        user = _account_for(person.name, person.email)
        if Person.objects.filter(user=user).exclude(pk=person.pk).exists():
            raise UserError(f"Kontot med e-postadressen {person.email} hör redan till en annan person.",
                            code="account_taken")
        person.user = user
        person.save(update_fields=["user"])
    _refuse_if_already_active(user, person.name)
    _send(user, person.name, "som medlem", site_url, acting_user)
    return Invitation(user, user.email)


@action
def invite_members(body: Body, *, site_url: str, acting_user=None) -> list[Invitation]:
    """Invite every current member of the body who has an e-mail address and no account yet."""
    waiting = current_members(body).filter(user__isnull=True).exclude(email="")
    return [invite_person(person, site_url=site_url, acting_user=acting_user) for person in waiting]


@action
def invite_secretary(body: Body, name: str, email: str, *, site_url: str, acting_user=None) -> Invitation:
    """Make someone a secretary of the body by e-mail; a new account gets an invitation to choose a password."""
    name = " ".join(name.split())
    if not name:
        raise UserError("Ange namnet på den du bjuder in.", code="name_required")
    user = _account_for(name, email)
    if body.secretaries.filter(pk=user.pk).exists():
        raise UserError(f"{user.email} är redan sekreterare för {body.display_name}.", code="already_secretary")
    body.secretaries.add(user)
    if not user.has_usable_password():
        _send(user, name, f"som sekreterare för {body.display_name}", site_url, acting_user)
    return Invitation(user, user.email)
