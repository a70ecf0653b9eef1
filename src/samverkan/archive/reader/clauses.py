"""Proposals and decisions: att-clauses under block openers ("Förslag till beslut", "X beslutade:")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import AGENDA
from .lines import Line

PROPOSAL = "proposal"
DECISION = "decision"

_PROPOSAL_OPENER = re.compile(
    r"^(?:Förslag\s+till\s+beslut|Beslutsförslag)\b\s*:?\s*(.*)$|^Förslag\s*:\s*(.*)$", re.IGNORECASE
)
_VERB_OPENER = re.compile(
    r"^(?P<subject>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[\wåäöÅÄÖ-]+){0,4}?)\s+"
    r"(?P<verb>beslutar|beslutade|beslöt|föreslår|föreslog)\s*(?P<colon>:)?\s*(?P<rest>.*)$"
)
_DECISION_LABEL = re.compile(r"^Beslut\s*(?::\s*(.*))?$")
_DECIDING_VERB = re.compile(r"\b(?:beslutade|beslöt|beslutar)\s+(att\s+)?(.+)$")
_CLAUSE = re.compile(r"^(?:\(?\d{1,2}[.)]\s*|[a-z]\)\s*|[-–•]\s*)?([Aa]tt\s.*)$")
_BULLET = re.compile(r"^[-–•]\s*(.+)$")
_TERMINAL = (".", "!", "?")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:s\.k|t\.ex|bl\.a|fr\.o\.m|t\.o\.m|p|ca|resp|enl|inkl|dvs|ev|nr|kl)\.)$", re.IGNORECASE
)
_ATT_SPLIT = re.compile(r"(?<=[.;])\s+(?=att\s)")
_FILING = re.compile(r"\blägga\b.*\btill\s+handlingarna\b", re.IGNORECASE)


@dataclass
class Clauses:
    proposals: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # body indexes consumed by clause blocks
    warnings: list[str] = field(default_factory=list)

    def add(self, kind: str, text: str) -> None:
        target = self.proposals if kind == PROPOSAL else self.decisions
        for clause in _ATT_SPLIT.split(" ".join(text.split())):
            if clause and clause not in target:
                target.append(clause)


def only_files_information(clause: str) -> bool:
    """True for clauses that merely file the matter ("att lägga informationen till handlingarna")."""
    return bool(_FILING.search(clause))


def is_block_opener(text: str) -> bool:
    """True for lines that open a proposal or decision block."""
    return _opener(text, AGENDA, None) is not None


def is_clause_line(text: str) -> bool:
    """True for lines starting an att-clause ("att ...", "1. att ...")."""
    return bool(_CLAUSE.match(text))


def read_clauses(body: list[Line], kind: str) -> Clauses:
    """Find att-clauses under block openers in an item's body lines."""
    reader = _BlockReader(kind)
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
            if rest:
                self._start_or_warn(rest, line)
        elif self.mode and _CLAUSE.match(text):
            self.finish()
            self.parts = [_CLAUSE.match(text).group(1)]
            self.result.used.add(index)
        elif self.parts and self._takes_entry(text):
            self.entries.append(_BULLET.sub(r"\1", text).strip())
            self.result.used.add(index)
        elif self.parts and self._continues(text):
            self.parts.append(text)
            self.result.used.add(index)
        else:
            self.finish()
            self.mode = None
        self.after_blank = False

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


def _opener(text: str, document_kind: str, mode: str | None) -> tuple[str, str] | None:
    first = text[:1]
    if first in "FfBb":
        proposal = _PROPOSAL_OPENER.match(text)
        if proposal:
            rest = (proposal.group(1) or proposal.group(2) or "").strip()
            nested = _opener(rest, document_kind, PROPOSAL) if rest else None
            return (PROPOSAL, nested[1]) if nested else (PROPOSAL, rest)
        label = _DECISION_LABEL.match(text)
        if label:
            return _classify("beslutade", document_kind), (label.group(1) or "").strip()
    if not first.isupper() or ("besl" not in text and "föresl" not in text):
        return None
    verb = _VERB_OPENER.match(text)
    if verb:
        rest = verb.group("rest").strip()
        if verb.group("colon") or not rest or (mode and rest.startswith("att ")):
            return _classify(verb.group("verb"), document_kind, mode == PROPOSAL), rest
    return None


def _classify(verb: str, document_kind: str, after_proposal: bool = False) -> str:
    if document_kind == AGENDA or verb.startswith("föresl"):
        return PROPOSAL
    if verb == "beslutar" and after_proposal:
        return PROPOSAL
    return DECISION
