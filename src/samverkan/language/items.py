"""What kind of item a heading and its clauses make: procedural, decision, report, information."""

from __future__ import annotations

import re

from .lexicon import (
    ADJUSTED_RECORDS,
    ADJUSTING,
    ADJUSTING_NOUN,
    ADJUSTMENT,
    AGENDA_WORDS,
    APPROVAL,
    APPROVAL_AFTER,
    CHAIR_OPENS,
    ELECTION_OF,
    FILING_PHRASE,
    FILING_VERB,
    MEETING_CHAIR,
    MEETING_GENITIVES,
    OPENING_AND_CLOSING,
    OTHER_BUSINESS_OPENINGS,
    OTHER_BUSINESS_WORDS,
    PREVIOUS,
    PREVIOUS_RECORDS,
    PROTOCOL_WORD,
    RECORD_LINKS,
    RECORD_WORDS,
    ROLL_CALL,
    SECRETARY,
    TYPE_WORDS,
)
from .patterns import alternation

PROCEDURAL = "procedural"
DECISION = "decision"
INFORMATION = "information"
REPORT = "report"
OTHER_BUSINESS = "other_business"
ITEM_TYPES = (PROCEDURAL, DECISION, INFORMATION, REPORT, OTHER_BUSINESS)

_TYPE_WORDS = alternation(TYPE_WORDS)
# An upper-case code may stand before the type word: "HSN Beslut: …".
_TYPE_WORD = re.compile(rf"^(?:[A-ZÅÄÖ]{{3,}}\s+)?({_TYPE_WORDS})\b", re.IGNORECASE)
_TYPE_PREFIX = re.compile(rf"^(?:[A-ZÅÄÖ]{{3,}}\s+)?(?:{_TYPE_WORDS})\s*:\s*", re.IGNORECASE)
_TYPES = {word.lower(): kind for word, kind in TYPE_WORDS.items()}
_ELECTION = rf"(?:(?:{alternation(ELECTION_OF)})\s+)?"
_PROCEDURAL = re.compile(
    rf"^(?:(?:{alternation(MEETING_GENITIVES)})\s+)?(?:{alternation(OPENING_AND_CLOSING)})"
    rf"|^(?:{alternation(ROLL_CALL)})\b"
    rf"|^{ADJUSTMENT}(?:\s*$|\b.*\b(?:{alternation(ADJUSTED_RECORDS)}))"
    rf"|^{_ELECTION}(?:{PROTOCOL_WORD}s?)?{ADJUSTING}"
    rf"|^(?:(?:{alternation(ELECTION_OF)})\s+)?{PROTOCOL_WORD}s?{ADJUSTING_NOUN}"
    rf"|^(?:{alternation(ELECTION_OF)})\s+{ADJUSTING_NOUN}"
    rf"|^{_ELECTION}{SECRETARY}"
    rf"|^{_ELECTION}(?:{alternation(MEETING_CHAIR)})"
    rf"|^(?:{alternation(CHAIR_OPENS)})"
    rf"|\b(?:{alternation(APPROVAL)})\s+av\s+(?:{alternation(AGENDA_WORDS)})"
    rf"|^(?:{alternation(RECORD_WORDS)})\s+(?:{alternation(RECORD_LINKS)})\s+{PREVIOUS}\s"
    rf"|^(?:{alternation(AGENDA_WORDS)})(?:en|ens|n|ns|s)?\b"
    rf"|^(?:{alternation(AGENDA_WORDS)})\w*\s+(?:{alternation(APPROVAL_AFTER)})\b"
    rf"|^{PREVIOUS}\s+(?:{alternation(PREVIOUS_RECORDS)})",
    re.IGNORECASE,
)
_OTHER_BUSINESS = re.compile(
    rf"^(?:{alternation(OTHER_BUSINESS_OPENINGS)})|^(?:{alternation(OTHER_BUSINESS_WORDS)})\b",
    re.IGNORECASE,
)
_FILING = re.compile(rf"\b{FILING_VERB}\b.*\b{alternation([FILING_PHRASE])}\b", re.IGNORECASE)


def without_type_word(title: str) -> str:
    """The heading without a leading type word: "Beslut: Kalendarium 2024" -> "Kalendarium 2024"."""
    return _TYPE_PREFIX.sub("", title)


def only_files_information(clause: str) -> bool:
    """True for clauses that only file the matter ("att lägga informationen till handlingarna")."""
    return bool(_FILING.search(clause))


def item_type(title: str, clauses: list[str]) -> str:
    """The item type from its heading and clauses, by the import rules' precedence."""
    bare = without_type_word(title).strip(" \"”“'")
    if _PROCEDURAL.search(bare):
        return PROCEDURAL
    if _OTHER_BUSINESS.search(bare):
        return OTHER_BUSINESS
    word = _TYPE_WORD.match(title)
    if word:
        return _TYPES[word.group(1).lower()]
    if any(not only_files_information(c) for c in clauses):
        return DECISION
    return INFORMATION
