"""The organisation behind the site, from settings (SAMVERKAN_ORGANISATION_*), for every page."""

import re
from dataclasses import dataclass

from django.conf import settings

# A hex colour or a CSS colour name: nothing that could close the rule it is written into.
COLOUR = re.compile(r"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$")


@dataclass(frozen=True)
class Organisation:
    name: str
    email: str
    logo: str
    accent: str
    accessibility_email: str


def current_organisation() -> Organisation:
    accent = settings.SAMVERKAN_ORGANISATION_ACCENT
    return Organisation(
        name=settings.SAMVERKAN_ORGANISATION_NAME,
        email=settings.SAMVERKAN_ORGANISATION_EMAIL,
        logo=settings.SAMVERKAN_ORGANISATION_LOGO,
        accent=accent if COLOUR.match(accent) else "",
        accessibility_email=settings.SAMVERKAN_ACCESSIBILITY_EMAIL or settings.SAMVERKAN_ORGANISATION_EMAIL,
    )
