"""Writes to bodies by their secretariat: create and edit a body, name and remove its secretaries.

A body's slug is made once, from its abbreviation or name, and never changes: addresses and
feeds that name it stay valid when the body is renamed.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import slugify

from samverkan.core.actions import action
from samverkan.core.errors import UserError

from .models import Body

# Words of the secretariat's own addresses under /sekretariat/organ/ that no body's slug may take.
RESERVED_SLUGS = {"nytt", "personer", "organisationer"}


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def _check_names(name: str, short_name: str, abbreviation: str, body: Body | None = None) -> None:
    if not name:
        raise UserError("Ange organets namn.", code="name_missing")
    for label, value, limit in (("Namnet", name, 200), ("Kortnamnet", short_name, 100),
                                ("Förkortningen", abbreviation, 30)):
        if len(value) > limit:
            raise UserError(f"{label} får vara högst {limit} tecken.", code="too_long")
    others = Body.objects.exclude(pk=body.pk) if body else Body.objects.all()
    if others.filter(name__iexact=name).exists():
        raise UserError(f"Det finns redan ett organ som heter ”{name}”.", code="name_taken")


def _check_parent(parent: Body | None, body: Body | None) -> None:
    if parent is None or body is None:
        return
    seen, visited = parent, set()
    while seen is not None and seen.pk not in visited:
        if seen.pk == body.pk and parent.pk == body.pk:
            raise UserError("Ett organ kan inte vara överordnat sig självt.", code="parent_cycle")
        if seen.pk == body.pk:
            raise UserError(f"{parent.name} hör under {body.name} och kan inte vara dess överordnade organ.",
                            code="parent_cycle")
        visited.add(seen.pk)
        seen = seen.parent


@action
def create_body(name: str, short_name: str = "", abbreviation: str = "", parent: Body | None = None, *,
                attachments_public_by_default: bool = True, acting_user) -> Body:
    """A new body; the user who creates it keeps its meetings."""
    name, short_name, abbreviation = _clean(name), _clean(short_name), _clean(abbreviation)
    _check_names(name, short_name, abbreviation)
    slug = slugify(abbreviation or name)[:200]
    if not slug:
        raise UserError("Ange ett namn eller en förkortning med bokstäver eller siffror.", code="no_slug")
    if slug in RESERVED_SLUGS or Body.objects.filter(slug=slug).exists():
        raise UserError(f"Adressen ”{slug}” är redan upptagen av ett annat organ. Ange en annan förkortning.",
                        code="slug_taken")
    body = Body.objects.create(name=name, short_name=short_name, abbreviation=abbreviation, parent=parent,
                               slug=slug, attachments_public_by_default=attachments_public_by_default)
    if getattr(acting_user, "is_authenticated", False):
        body.secretaries.add(acting_user)
    return body


@action
def update_body(body: Body, name: str, short_name: str = "", abbreviation: str = "",
                parent: Body | None = None, *, attachments_public_by_default: bool | None = None,
                certify_extracts: bool | None = None) -> Body:
    """New names, parent and settings for a body; its slug stays as it was."""
    name, short_name, abbreviation = _clean(name), _clean(short_name), _clean(abbreviation)
    _check_names(name, short_name, abbreviation, body)
    _check_parent(parent, body)
    body.name, body.short_name, body.abbreviation, body.parent = name, short_name, abbreviation, parent
    if attachments_public_by_default is not None:
        body.attachments_public_by_default = attachments_public_by_default
    if certify_extracts is not None:
        body.certify_extracts = certify_extracts
    body.save(update_fields=["name", "short_name", "abbreviation", "parent", "attachments_public_by_default",
                             "certify_extracts", "modified"])
    return body


def find_user(identifier: str):
    """The active user with that user name, or else that e-mail address (case does not matter)."""
    identifier = identifier.strip()
    if not identifier:
        raise UserError("Ange ett användarnamn eller en e-postadress.", code="user_missing")
    users = get_user_model().objects.filter(is_active=True)
    found = users.filter(username__iexact=identifier).first()
    if found is not None:
        return found
    by_email = list(users.filter(Q(email__iexact=identifier) & ~Q(email=""))[:2])
    if len(by_email) > 1:
        raise UserError(f"Flera användarkonton har e-postadressen ”{identifier}”. Ange användarnamnet.",
                        code="user_ambiguous")
    if not by_email:
        raise UserError(f"Det finns inget användarkonto med användarnamnet eller e-postadressen ”{identifier}”.",
                        code="user_unknown")
    return by_email[0]


@action
def add_secretary(body: Body, identifier: str):
    """Name an existing user, by user name or e-mail address, among the body's secretaries."""
    user = find_user(identifier)
    if body.secretaries.filter(pk=user.pk).exists():
        raise UserError(f"{user.get_username()} är redan sekreterare för {body.display_name}.",
                        code="already_secretary")
    body.secretaries.add(user)
    return user


@action
def remove_secretary(body: Body, user) -> None:
    """Take a user off the body's secretaries; the last one stays, or no one could keep its meetings."""
    if not body.secretaries.filter(pk=user.pk).exists():
        raise UserError(f"{user.get_username()} är inte sekreterare för {body.display_name}.",
                        code="not_secretary")
    if body.secretaries.count() == 1:
        raise UserError(f"{body.display_name} måste ha minst en sekreterare. Lägg till en annan först.",
                        code="last_secretary")
    body.secretaries.remove(user)
