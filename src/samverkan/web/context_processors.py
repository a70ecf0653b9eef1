"""What every page template gets beside the request and the user."""

from .organisation import current_organisation


def organisation(request):
    """The organisation's name, contact, logo and accent colour (settings SAMVERKAN_ORGANISATION_*)."""
    return {"organisation": current_organisation()}
