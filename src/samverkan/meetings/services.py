"""Writes to meetings that do not depend on where the data came from."""

import re

from .models import Meeting

DIGITAL_WORDS = re.compile(r"\b(teams|skype|zoom|digital\w*|videolänk|distans)\b", re.IGNORECASE)
ALSO_ON_SITE = re.compile(r"\b(samt|och|\+|eller)\b", re.IGNORECASE)


def mode_from_location(location: str) -> str:
    """On site, digital or both, as far as the location line tells."""
    location = location.strip()
    if not location:
        return Meeting.Mode.UNKNOWN
    if not DIGITAL_WORDS.search(location):
        return Meeting.Mode.ON_SITE
    before_digital = location[: DIGITAL_WORDS.search(location).start()]
    if before_digital.strip(" ,") and ALSO_ON_SITE.search(before_digital + " "):
        return Meeting.Mode.HYBRID
    return Meeting.Mode.DIGITAL
