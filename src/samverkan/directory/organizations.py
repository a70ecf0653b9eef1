"""Organisations' own details the secretariat keeps: the registry (registratur) address extracts go to."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from samverkan.core.actions import action
from samverkan.core.errors import UserError

from .models import Organization


@action
def set_registry_email(organization: Organization, email: str, *, acting_user=None) -> Organization:
    """The address of the organisation's registry ('' removes it); a UserError for one that is not an address."""
    email = email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise UserError(f"”{email}” är ingen e-postadress.", code="invalid_email") from None
    organization.registry_email = email
    organization.save(update_fields=["registry_email", "modified"])
    return organization
