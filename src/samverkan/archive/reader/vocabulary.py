"""Domain word lists the reader relies on: municipalities, bodies, titles, organisations."""

from __future__ import annotations

import re

from samverkan.core.places import DALARNA_MUNICIPALITIES

# Dalarna's municipalities; other municipalities are recognised by "X kommun".
MUNICIPALITIES = tuple(DALARNA_MUNICIPALITIES)

# Short names and abbreviations used in running text -> the body's full name.
KNOWN_BODIES = {
    "länschefsnätverket": "Länsnätverket för förvaltningschefer",
    "länschefs nätverket": "Länsnätverket för förvaltningschefer",
    "lchnv": "Länsnätverket för förvaltningschefer",
    "länsnätverket för förvaltningschefer": "Länsnätverket för förvaltningschefer",
}

# Endings of words that name a role ("Divisionschef", "Utvecklingsledare").
TITLE_ENDINGS = (
    "chef", "direktör", "ledare", "samordnare", "utvecklare", "konsulent", "strateg",
    "handläggare", "sekreterare", "ordförande", "deltagare", "ansvarig", "controller",
    "ekonom", "läkare", "sköterska", "terapeut", "assistent", "administratör",
    "representant", "kommunikatör", "jurist", "specialist", "analytiker", "rådgivare",
    "utredare", "inspektör", "koordinator", "expert", "föreståndare", "rektor", "kurator",
    "psykolog", "företrädare", "ledamot", "sakkunnig", "tjänsteperson", "tjänsteman",
    "medarbetare", "pedagog", "socionom", "dietist", "ombud", "revisor", "planerare",
    "projektör", "forskare", "doktorand", "sjukgymnast", "statistiker", "arkivarie",
)
TITLE_PREFIXES = ("tf", "tf.", "bitr", "bitr.", "biträdande", "vice", "t.f.", "vd", "chef")

# Words that make a capitalised pair an organisation rather than a person.
ORGANIZATION_HEADS = (
    "region", "regionen", "länsstyrelsen", "landstinget", "rss", "skr", "kommunförbundet",
    "socialstyrelsen", "polisen", "försäkringskassan", "arbetsförmedlingen",
)
ORGANIZATION_ENDINGS = (
    "kommun", "kommuner", "län", "center", "centrum", "centralen", "förvaltningen",
    "avdelningen", "enheten", "nämnden", "regionen", "sjukhus", "vårdcentral", "nätverket",
    "gruppen", "rådet", "kansliet", "myndigheten", "styrelsen", "verket", "universitet",
    "högskola", "förbund", "förbundet",
)

_MUNICIPALITY_ALTERNATION = "|".join(
    sorted((re.escape(m) for m in MUNICIPALITIES), key=len, reverse=True)
)
MUNICIPALITY_PATTERN = re.compile(rf"(?<![\wåäöÅÄÖ-])(?:{_MUNICIPALITY_ALTERNATION})(?![\wåäöÅÄÖ-])")
MUNICIPALITY_KOMMUN_PATTERN = re.compile(
    r"(?<![\wåäöÅÄÖ-])([A-ZÅÄÖ][\wåäöÅÄÖ-]+?)s?\s+kommun\b"
)


def is_title_word(word: str) -> bool:
    """True when a word names a role ("Divisionschef", "Tf.", "Samordnare")."""
    lower = word.lower().strip(",.")
    if not lower:
        return False
    return lower in TITLE_PREFIXES or lower.endswith(TITLE_ENDINGS)


def is_organization(text: str) -> bool:
    """True when the text is only an organisation ("Region Dalarna", "Vansbro kommun")."""
    words = text.strip(" ,.").split()
    if not words:
        return False
    first, last = words[0].lower(), words[-1].lower()
    if len(words) == 1:
        return text.strip(" ,.") in MUNICIPALITIES or first in ORGANIZATION_HEADS
    return first in ORGANIZATION_HEADS or last in ("kommun", "län", "landsting")


def municipality_name(text: str) -> str:
    """The municipality a phrase names: "Leksands kommun" -> "Leksand"; unknown stays as written."""
    stripped = text.strip(" ,.")
    base = re.sub(r"\s+kommun$", "", stripped)
    for candidate in (base, base[:-1] if base.endswith("s") else base):
        if candidate in MUNICIPALITIES:
            return candidate
    return stripped


def canonical_body(name: str) -> str | None:
    """The full name for a known short body name, else None."""
    return KNOWN_BODIES.get(re.sub(r"\s+", " ", name.strip()).lower())
