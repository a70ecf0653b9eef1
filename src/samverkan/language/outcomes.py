"""What a location line and an item's decisions say: the meeting's mode and the item's outcome.

The values are the ones the meetings app stores ("on_site", "tabled" …).
"""

from __future__ import annotations

import re

from .lexicon import ALSO_WORDS, DIGITAL_PLACE_WORDS, TABLED_STEM, TAKEN_BACK_PHRASES

ON_SITE, DIGITAL, HYBRID, UNKNOWN = "on_site", "digital", "hybrid", "unknown"
OPEN, DECIDED, TABLED, TAKEN_BACK = "", "decided", "tabled", "taken_back"

_DIGITAL = re.compile(rf"\b(?:{'|'.join(DIGITAL_PLACE_WORDS)})\b", re.IGNORECASE)
_ALSO = re.compile(rf"\b(?:{'|'.join(ALSO_WORDS)})\b", re.IGNORECASE)
_TABLED = re.compile(rf"\b{TABLED_STEM}", re.IGNORECASE)
_TAKEN_BACK = re.compile(rf"\b(?:{'|'.join(TAKEN_BACK_PHRASES)})", re.IGNORECASE)


def mode_from_location(location: str) -> str:
    """On site, digital or both, as far as the location line tells."""
    location = location.strip()
    if not location:
        return UNKNOWN
    digital = _DIGITAL.search(location)
    if not digital:
        return ON_SITE
    before_digital = location[: digital.start()]
    if before_digital.strip(" ,") and _ALSO.search(before_digital + " "):
        return HYBRID
    return DIGITAL


def outcome_from_decisions(decisions: list[str]) -> str:
    """What became of an item, as its decisions say: tabled, taken back, or decided."""
    if not decisions:
        return OPEN
    text = " ".join(decisions)
    if _TABLED.search(text):
        return TABLED
    if _TAKEN_BACK.search(text):
        return TAKEN_BACK
    return DECIDED
