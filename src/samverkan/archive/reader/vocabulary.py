"""Word tests the reader relies on: titles, organisations and municipalities of a gazetteer."""

from __future__ import annotations

import re
from functools import lru_cache

from samverkan.language.gazetteer import Gazetteer
from samverkan.language.lexicon import (
    MUNICIPALITY_WORD,
    ORGANIZATION_HEADS,
    ORGANIZATION_TAILS,
    REGIONAL_HEADS,
    TITLE_ENDINGS,
    TITLE_PREFIXES,
)

_REGIONAL_HEADS = tuple(head.lower() for head in REGIONAL_HEADS)
# Other municipalities than the gazetteer's are recognised by "X kommun".
MUNICIPALITY_KOMMUN_PATTERN = re.compile(
    rf"(?<![\wåäöÅÄÖ-])([A-ZÅÄÖ][\wåäöÅÄÖ-]+?)s?\s+{MUNICIPALITY_WORD}\b"
)


def is_title_word(word: str) -> bool:
    """True when a word names a role ("Divisionschef", "Tf.", "Samordnare")."""
    lower = word.lower().strip(",.")
    if not lower:
        return False
    return lower in TITLE_PREFIXES or lower.endswith(TITLE_ENDINGS)


def is_organization_head(lower: str, gazetteer: Gazetteer) -> bool:
    """True for a lower-case word that opens an organisation's name ("region", a known "abc")."""
    return lower in ORGANIZATION_HEADS or lower in gazetteer.organization_heads


def is_organization(text: str, gazetteer: Gazetteer) -> bool:
    """True when the text is only an organisation ("Region X", "X kommun", a known municipality)."""
    words = text.strip(" ,.").split()
    if not words:
        return False
    first, last = words[0].lower(), words[-1].lower()
    if len(words) == 1:
        return text.strip(" ,.") in gazetteer.municipality_names or is_organization_head(first, gazetteer)
    return is_organization_head(first, gazetteer) or last in ORGANIZATION_TAILS


def is_regional(text: str) -> bool:
    """True for an organisation named in full by its head ("Region X", "Länsstyrelsen i X")."""
    return text.split()[0].lower() in _REGIONAL_HEADS


def municipality_name(text: str, gazetteer: Gazetteer) -> str:
    """The municipality a phrase names: "Xs kommun" -> "X" when known; unknown stays as written."""
    stripped = text.strip(" ,.")
    base = re.sub(rf"\s+{MUNICIPALITY_WORD}$", "", stripped)
    for candidate in (base, base.removesuffix("s")):
        if candidate in gazetteer.municipality_names:
            return candidate
    return stripped


def municipality_pattern(gazetteer: Gazetteer) -> re.Pattern:
    """A known municipality's name as a whole word."""
    return _municipality_patterns(gazetteer.municipality_alternation)[0]


def name_then_municipality(gazetteer: Gazetteer) -> re.Pattern:
    """A lower-case letter, then a known municipality: "Anna Berg X" in an attendance table."""
    return _municipality_patterns(gazetteer.municipality_alternation)[1]


@lru_cache(maxsize=16)
def _municipality_patterns(alternation: str) -> tuple[re.Pattern, re.Pattern]:
    whole = rf"(?<![\wåäöÅÄÖ-])(?:{alternation})(?![\wåäöÅÄÖ-])"
    return re.compile(whole), re.compile(r"[a-zåäöé]\s+(?=" + whole + ")")
