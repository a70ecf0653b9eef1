"""Proposals and decisions: att-clauses under block openers ("Förslag till beslut", "X beslutade:")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from os.path import commonprefix

from samverkan.language.items import only_files_information
from samverkan.language.lexicon import (
    ABBREVIATIONS,
    CLAUSE_WORD,
    DECIDED_VERBS,
    DECIDING_VERBS,
    DECISION_LABEL,
    ENCLOSED_NOTES,
    PRESENT_DECIDING_VERB,
    PROPOSAL_LABEL,
    PROPOSAL_OPENERS,
    PROPOSING_VERBS,
)
from samverkan.language.patterns import alternation

from .document import AGENDA, MINUTES
from .lines import Line

__all__ = ["is_block_opener", "is_clause_line", "only_files_information", "read_clauses"]

PROPOSAL = "proposal"
DECISION = "decision"

# Matched at a position (no "^"): a line of repeated openers is peeled without copying it.
_PROPOSAL_OPENER = re.compile(
    rf"(?:{alternation(PROPOSAL_OPENERS)})\b\s*:?\s*|{PROPOSAL_LABEL}\s*:\s*", re.IGNORECASE
)
_VERB_OPENER = re.compile(
    r"^(?P<subject>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[\wåäöÅÄÖ-]+){0,4}?)\s+"
    rf"(?P<verb>{alternation((*DECIDING_VERBS, *PROPOSING_VERBS))})\s*(?P<colon>:)?\s*(?P<rest>.*)$"
)
_DECISION_LABEL = re.compile(rf"^{DECISION_LABEL}\s*(?:[:–-]\s*(.*))?$")
_DECIDING_VERB = re.compile(rf"\b(?:{alternation(DECIDING_VERBS)})\s+({CLAUSE_WORD}\s+)?(.+)$")
_CLAUSE_START = f"[{CLAUSE_WORD[0].upper()}{CLAUSE_WORD[0]}]{CLAUSE_WORD[1:]}"  # "att", "Att"
_CLAUSE = re.compile(rf"^(?:\(?\d{{1,2}}[.)]\s*|[a-z]\)\s*|[-–•]\s*)?({_CLAUSE_START}\s.*)$")
_BULLET = re.compile(r"^[-–•]\s*(.+)$")
# "Ärendet bifogas": a note that the papers are enclosed, no part of what is proposed.
_ENCLOSED_NOTE = re.compile(rf"\s*\b(?:{alternation(ENCLOSED_NOTES)})\.?$")
# A numbered point of a decision or proposal written without "att": "1. Eva Lund utses att justera …".
_NUMBERED_POINT = re.compile(r"^\(?\d{1,2}[.)]\s*([A-ZÅÄÖÉ].*)$")
_POINT_INSIDE = re.compile(r"(?:^|(?<=\s))\d{1,2}[.)]\s+(?=[A-ZÅÄÖÉ])")
# "Arbetsutskottet föreslår direktionen besluta:" before what is proposed.
_PREAMBLE = re.compile(
    rf"^[A-ZÅÄÖ][^:]{{0,80}}\b(?:{alternation((*PROPOSING_VERBS, *DECIDING_VERBS, 'besluta'))})\s*:?\s+"
    rf"(?=\d{{1,2}}[.)]\s|[A-ZÅÄÖ])"
)
_TERMINAL = (".", "!", "?")
_ABBREVIATION_END = re.compile(rf"(?:\b(?:{alternation(ABBREVIATIONS)})\.)$", re.IGNORECASE)
_ATT_SPLIT = re.compile(rf"(?<=[.;])\s+(?={CLAUSE_WORD}\s)")
# Cheap gates before the opener patterns: the labels' first letters, the verbs' common stems.
_LABEL_FIRST = frozenset(
    c for word in (*PROPOSAL_OPENERS, PROPOSAL_LABEL, DECISION_LABEL) for c in (word[0].upper(), word[0].lower())
)
# The common start of the verb forms ("beslut", "föresl"): a string prefix, not a path.
_VERB_STEMS = (commonprefix(DECIDING_VERBS), commonprefix(PROPOSING_VERBS))  # noqa: RUF071


@dataclass
class Clauses:
    proposals: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # body indexes consumed by clause blocks
    warnings: list[str] = field(default_factory=list)

    def add(self, kind: str, text: str) -> None:
        target = self.proposals if kind == PROPOSAL else self.decisions
        text = _ENCLOSED_NOTE.sub("", " ".join(text.split()))
        for clause in _ATT_SPLIT.split(text):
            if clause and clause not in target:
                target.append(clause)


def is_block_opener(text: str) -> bool:
    """True for lines that open a proposal or decision block."""
    return _opener(text, AGENDA, None) is not None


def is_clause_line(text: str) -> bool:
    """True for lines starting an att-clause ("att ...", "1. att ...")."""
    return bool(_CLAUSE.match(text))


def read_clauses(body: list[Line], kind: str) -> Clauses:
    """Find att-clauses under block openers in an item's body lines. In minutes, att-lines directly under
    the heading, with no opener, are decisions."""
    reader = _BlockReader(kind)
    first = next((line for line in body if not line.blank), None)
    if kind == MINUTES and first is not None and _CLAUSE.match(first.text) and not _opener(first.text, kind, None):
        reader.mode = DECISION
    for index, line in enumerate(body):
        reader.feed(index, line)
    reader.finish()
    return reader.result


class _BlockReader:
    def __init__(self, document_kind: str) -> None:
        self.document_kind = document_kind
        self.result = Clauses()
        self.mode: str | None = None
        self.parts: list[str] = []
        self.entries: list[str] = []
        self.after_blank = False
        self.fresh = False  # an opener was just read and nothing under it yet
        self.points = False  # the block is a list of numbered points

    def feed(self, index: int, line: Line) -> None:
        if line.blank:
            self.after_blank = True
            return
        text = line.text
        opener = _opener(text, self.document_kind, self.mode)
        if opener:
            self.finish()
            self.mode, rest = opener
            self.result.used.add(index)
            self.fresh, self.points = not rest, False
            if rest:
                self._start_or_warn(rest, line)
            self.after_blank = False
            return
        if self.mode and _CLAUSE.match(text):
            self.finish()
            self.parts = [_CLAUSE.match(text).group(1)]
            self.result.used.add(index)
        elif self.mode and (self.fresh or self.points) and _NUMBERED_POINT.match(text):
            self.finish()  # "1. Eva Lund utses att justera protokollet." under "Beslut"
            self.parts, self.points = [_NUMBERED_POINT.match(text).group(1)], True
            self.result.used.add(index)
        elif self.mode and self.fresh and text[0].isupper():
            self._start_or_warn(text, line)  # a decision or proposal as written, without "att"
            self.result.used.add(index)
        elif self.parts and self._takes_entry(text):
            self.entries.append(_BULLET.sub(r"\1", text).strip())
            self.result.used.add(index)
        elif self.parts and self._continues(text):
            self.parts.append(text)
            self.result.used.add(index)
        else:
            self.finish()
            self.mode, self.points = None, False
        self.after_blank = False
        self.fresh = False

    def finish(self) -> None:
        if not self.parts or self.mode is None:
            self.parts, self.entries = [], []
            return
        text = " ".join(self.parts).strip()
        if self.entries:
            text += (" " if text.endswith(":") else ", ") + ", ".join(self.entries)
        self.result.add(self.mode, text)
        self.parts, self.entries = [], []

    def _start_or_warn(self, rest: str, line: Line) -> None:
        clause = _CLAUSE.match(rest)
        if clause:
            self.parts = [clause.group(1)]
            return
        verb = _DECIDING_VERB.search(rest)
        if verb:
            self.result.add(self.mode, (verb.group(1) or "") + verb.group(2))
            return
        preamble = _PREAMBLE.match(rest)
        if preamble:
            rest = rest[preamble.end():]
        points = _cut_points(rest)
        if len(points) > 1 or _NUMBERED_POINT.match(rest):
            for point in points:
                self.result.add(self.mode, point)
            return
        if rest[:1].isupper() and " " in rest:
            self.parts = [rest]  # "Nämnden noterar rapporten.": a proposal as written
            return
        self.result.warnings.append(
            f"rad {line.number}: beslutstexten kunde inte läsas som en att-sats: {rest[:60]!r}"
        )

    def _takes_entry(self, text: str) -> bool:
        if _CLAUSE.match(text) or is_block_opener(text):
            return False
        if _BULLET.match(text):
            return True
        opened_list = self.parts[-1].rstrip().endswith(":") or bool(self.entries)
        return opened_list and len(text) <= 80 and not text.endswith(_TERMINAL)

    def _continues(self, text: str) -> bool:
        current = self.parts[-1].rstrip()
        finished = current.endswith(_TERMINAL) and not _ABBREVIATION_END.search(current)
        if self.after_blank:
            return not finished and text[0].islower()
        return not (finished and text[0].isupper())


def _cut_points(text: str) -> list[str]:
    """"1. Eva Lund utses … 2. Per Ek …" → the points without their numbers."""
    starts = [m.end() for m in _POINT_INSIDE.finditer(text)]
    if not starts:
        return [text]
    bounds = [m.start() for m in _POINT_INSIDE.finditer(text)][1:] + [len(text)]
    return [text[start:end].strip() for start, end in zip(starts, bounds) if text[start:end].strip()]


def _opener(text: str, document_kind: str, mode: str | None) -> tuple[str, str] | None:
    """The kind of block a line opens and the text after its opener; None for other lines.

    "Förslag till beslut: Förslag: att …" opens one proposal: leading proposal openers are
    peeled off in a loop, and what follows them is read in proposal mode.
    """
    start = _proposal_openers_end(text)
    if start is None:
        return _single_opener(text, document_kind, mode)
    rest = text[start:].strip()
    found = _single_opener(rest, document_kind, PROPOSAL) if rest else None
    return (PROPOSAL, found[1]) if found else (PROPOSAL, rest)


def _proposal_openers_end(text: str) -> int | None:
    """Where the proposal openers at the start of `text` end; None when it starts with none."""
    end = None
    position = 0
    while text[position:position + 1] in _LABEL_FIRST:
        match = _PROPOSAL_OPENER.match(text, position)
        if not match:
            break
        end = position = match.end()
    return end


def _single_opener(text: str, document_kind: str, mode: str | None) -> tuple[str, str] | None:
    first = text[:1]
    if first in _LABEL_FIRST:
        label = _DECISION_LABEL.match(text)
        if label:
            return _classify(DECIDED_VERBS[0], document_kind), (label.group(1) or "").strip()
    if not first.isupper() or not any(stem in text for stem in _VERB_STEMS):
        return None
    verb = _VERB_OPENER.match(text)
    if verb:
        rest = verb.group("rest").strip()
        if verb.group("colon") or not rest or (mode and rest.startswith("att ")):
            return _classify(verb.group("verb"), document_kind, mode == PROPOSAL), rest
    return None


def _classify(verb: str, document_kind: str, after_proposal: bool = False) -> str:
    if document_kind == AGENDA or verb in PROPOSING_VERBS:
        return PROPOSAL
    if verb == PRESENT_DECIDING_VERB and after_proposal:
        return PROPOSAL
    return DECISION
