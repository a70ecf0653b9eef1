"""Read Swedish meeting documents (agendas and minutes) from plain text into MeetingDocument."""

from __future__ import annotations

import re

from samverkan.language.gazetteer import Gazetteer, default_gazetteer
from samverkan.language.lexicon import CALLED_WORDS
from samverkan.language.patterns import alternation

from .attendees import read_attendees
from .document import AGENDA, MINUTES, Attendee, Item, MeetingDocument, Presenter
from .header import read_header
from .headings import find_headings
from .items import build_items
from .limits import Deadline, LimitExceeded, Limits, check_count
from .lines import clean_lines

__all__ = [
    "AGENDA", "MINUTES", "Attendee", "Deadline", "Gazetteer", "Item", "LimitExceeded", "Limits",
    "MeetingDocument", "Presenter", "read_text",
]


def read_text(
    text: str, source: str, gazetteer: Gazetteer | None = None,
    limits: Limits | None = None, deadline: Deadline | None = None,
) -> MeetingDocument:
    """Read one meeting document's text with the organisations and bodies of `gazetteer`.

    Without a gazetteer the default one is used (see samverkan.language.gazetteer). What cannot
    be interpreted is listed in warnings. A document beyond `limits` (or past `deadline`, which
    may have started before the text was extracted) raises LimitExceeded.
    """
    gazetteer = default_gazetteer() if gazetteer is None else gazetteer
    limits = Limits() if limits is None else limits
    deadline = Deadline(limits.max_seconds, source) if deadline is None else deadline
    _check_lines(source, text.count("\n") + 1, limits)
    lines = clean_lines(text)
    _check_lines(source, len(lines), limits)
    deadline.check()
    warnings: list[str] = []
    headings = find_headings(lines, warnings, gazetteer)
    check_count(source, len(headings), limits.max_items, "punkter", "SAMVERKAN_MAX_ITEMS")
    deadline.check()
    first_item = headings[0].start if headings else len(lines)
    header = read_header(lines[:first_item], text, gazetteer)
    attendees, attendee_warnings = read_attendees(lines, {h.start for h in headings}, gazetteer)
    if header.kind == AGENDA and _CALLED.search(text):  # a notice's list of those called is no attendance
        attendees, attendee_warnings = [], []
    deadline.check()
    items, item_warnings = build_items(lines, headings, header.kind, gazetteer)
    deadline.check()
    if not headings and any(not line.blank for line in lines):
        warnings.append("rad 1: inga numrerade punkter hittades i dokumentet")
    return MeetingDocument(
        source=source,
        body=header.body,
        kind=header.kind,
        meeting_date=header.meeting_date,
        start_time=header.start_time,
        end_time=header.end_time,
        location=header.location,
        registry_number=header.registry_number,
        document_date=header.document_date,
        attendees=attendees,
        items=items,
        warnings=header.warnings + attendee_warnings + warnings + item_warnings,
    )


# "Ledamöter kallas", "Kallade ledamöter", "Ersättare underrättas", "För kännedom".
_CALLED = re.compile(rf"\b(?:{alternation(CALLED_WORDS)})\b", re.IGNORECASE)


def _check_lines(source: str, count: int, limits: Limits) -> None:
    check_count(source, count, limits.max_lines, "rader", "SAMVERKAN_MAX_LINES")
