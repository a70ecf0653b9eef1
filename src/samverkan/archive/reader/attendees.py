"""Attendees from "Närvarande:" lists and flattened two-column attendance tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samverkan.language.gazetteer import Gazetteer
from samverkan.language.lexicon import (
    ABSENT_LABELS,
    ABSENT_MARKERS,
    ACTING,
    LIST_JOINERS,
    MUNICIPALITY_COLUMN,
    NEGATABLE_PRESENT_LABELS,
    NEGATION,
    PRESENT_LABELS,
    PRESENT_QUALIFIERS,
    PRESENTERS_NOTE,
    QUALIFIED_PRESENT_LABELS,
    REMOTE_PRESENCE,
    ROLE_LABELS,
)
from samverkan.language.patterns import alternation

from .document import Attendee
from .lines import Line
from .people import fix_glued_letter, is_name_token, split_name, starts_with_name
from .runs import read_runs
from .vocabulary import (
    MUNICIPALITY_KOMMUN_PATTERN,
    is_organization,
    is_regional,
    is_title_word,
    municipality_name,
    municipality_pattern,
    name_then_municipality,
)

_PRESENT = re.compile(
    rf"^(?:(?:{alternation(QUALIFIED_PRESENT_LABELS)})(?:\s+(?:{alternation(PRESENT_QUALIFIERS)}))?"
    rf"|(?:{NEGATION}\s+)?(?:{alternation(NEGATABLE_PRESENT_LABELS)})|{alternation(PRESENT_LABELS)})"
    # "Label: …", "Label Anna Berg …" (a protocol's label column, no colon) or the label alone on its line
    r"\s*(?:\([^)]*\))?\s*(?::\s*(.*)|\s(?-i:(?=[A-ZÅÄÖÉ][a-zåäöé]+\s+[A-ZÅÄÖÉ]))(.*)|)$",
    re.IGNORECASE,
)
_ABSENT = re.compile(rf"^(?:{alternation(ABSENT_LABELS)})\s*(?:\([^)]*\))?\s*:?\s*(.*)$", re.IGNORECASE)
_ROLE = re.compile(rf"^({alternation(ROLE_LABELS)})\s*:\s*(.+)$", re.IGNORECASE)
_OTHER_LABEL = re.compile(r"^[A-ZÅÄÖ][\wåäö ]{1,25}:")
_TABLE_HEADER = re.compile(rf"^{MUNICIPALITY_COLUMN}(?:er)?\b\s*(.*)$")
_PARTY = re.compile(rf"\((?:[A-ZÅÄÖ]{{1,3}}|{alternation(ACTING)})\)", re.IGNORECASE)
_PAREN = re.compile(r"\(([^)]*)\)")
_PRESENCE_MODE = re.compile(rf"\b(?:{alternation(REMOTE_PRESENCE)})\b", re.IGNORECASE)
_NOT_PRESENT = re.compile(rf"\b(?:{alternation(ABSENT_MARKERS)})\b", re.IGNORECASE)
_PRESENTERS_NOTE = re.compile(rf"\s*\b(?:{alternation(PRESENTERS_NOTE)})\b.*$", re.IGNORECASE)
_SEPARATOR_WORD = re.compile(rf"\s+(?:{alternation(LIST_JOINERS)})\s+(?=[A-ZÅÄÖÉ][a-zåäöé]+\s+[A-ZÅÄÖÉ])")


_LEADING_TITLE = re.compile(r"^((?:[a-zåäö][\wåäö:./-]*\s+){1,3})(?=[A-ZÅÄÖÉ][a-zåäöé]+\s+[A-ZÅÄÖÉ])")


@dataclass
class _Table:
    right_organization: str | None = None
    pending: list[str] = field(default_factory=list)


def read_attendees(
    lines: list[Line], stop_indexes: set[int], gazetteer: Gazetteer
) -> tuple[list[Attendee], list[str]]:
    """People listed as present, each once, and warnings for list lines that could not be read."""
    attendees: list[Attendee] = []
    warnings: list[str] = []
    flattened = _read_flattened_pages(lines, stop_indexes, gazetteer, attendees)
    index = 0
    while index < len(lines):
        if index in stop_indexes or index in flattened:
            index += 1
            continue
        section, index = _section_at(lines, index, stop_indexes)
        if section:
            kind, title, first, rows = section
            if kind == "present":
                attendees.extend(_read_section(first, rows, title, warnings, gazetteer))
        else:
            index += 1
    return _unique(attendees), warnings


FLATTENED_LENGTH = 300  # a line this long is a page of PDF text (see lines.PAGE_LINE_LENGTH)


def _read_flattened_pages(
    lines: list[Line], stop_indexes: set[int], gazetteer: Gazetteer, attendees: list[Attendee]
) -> set[int]:
    """Attendance runs in pages of flattened text (see runs.py); the indexes of the lines they were read from."""
    handled: set[int] = set()
    index = 0
    while index < len(lines):
        start = index
        while index < len(lines) and lines[index].number == lines[start].number:
            index += 1
        group = [i for i in range(start, index) if i not in stop_indexes and not lines[i].item]
        if sum(len(lines[i].text) for i in group) < FLATTENED_LENGTH:
            continue
        people = read_runs(" ".join(lines[i].text for i in group), gazetteer)
        if people:
            attendees.extend(people)
            handled.update(group)
    return handled


# The first three letters of every label _PRESENT, _ABSENT and _ROLE can match: a cheap gate.
_LABEL_STARTS = frozenset(
    label[:3].lower() for label in (*PRESENT_LABELS, *ABSENT_LABELS, *ROLE_LABELS, f"{NEGATION} ")
)


def _may_open_section(text: str) -> bool:
    return text[:3].lower() in _LABEL_STARTS


def _section_at(lines, index, stop_indexes):
    text = lines[index].text
    if not _may_open_section(text):
        return None, index
    for kind, pattern in (("present", _PRESENT), ("absent", _ABSENT), ("role", _ROLE)):
        match = pattern.match(text)
        if not match:
            continue
        if kind == "role":
            return ("present", match.group(1).capitalize(), match.group(2), []), index + 1
        first = _PAREN.sub("", next((g for g in match.groups() if g), "")).strip()
        rows, end = _section_rows(lines, index + 1, stop_indexes, bool(first))
        return (kind, None, first, rows), end
    return None, index


def _section_rows(lines, start, stop_indexes, continues_inline):
    rows, index = [], start
    while index < len(lines) and index not in stop_indexes:
        line = lines[index]
        if line.blank:
            if continues_inline:
                break
            index += 1
            continue
        if _may_open_section(line.text) and (
            _PRESENT.match(line.text) or _ABSENT.match(line.text) or _ROLE.match(line.text)
        ):
            break
        if _OTHER_LABEL.match(line.text) and not _TABLE_HEADER.match(line.text):
            break
        rows.append(line)
        index += 1
    return rows, index


def _read_section(
    first: str, rows: list[Line], title: str | None, warnings: list[str], gazetteer: Gazetteer
) -> list[Attendee]:
    texts = [first] if first else []
    texts += [row.text for row in rows]
    if any(_is_table_row(t, gazetteer) for t in texts):
        return _read_table(rows if not first else [Line(0, first), *rows], warnings, gazetteer)
    people = _read_list(_join_list_lines(texts, gazetteer), gazetteer)
    if title:
        for person in people:
            person.title = person.title or title
    if texts and not people:
        number = rows[0].number if rows else 0
        warnings.append(f"rad {number}: närvarolistan kunde inte läsas")
    return people


def _join_list_lines(texts: list[str], gazetteer: Gazetteer) -> str:
    """Join a list's lines: a name broken over lines is joined with a space ("Per" + "Ek, …"),
    a line that holds one whole entry ("Anna Berg (S), ordförande" / "Per Ek (M)") with a comma."""
    joined = ""
    for text in texts:
        if not joined:
            joined = text
            continue
        last_segment = joined.rsplit(",", 1)[-1].split()
        dangling_name = len(last_segment) == 1 and is_name_token(fix_glued_letter(last_segment[0]), gazetteer)
        separate = (
            not joined.endswith(",") and not dangling_name and starts_with_name(text.split(",")[0], gazetteer)
        )
        joined = f"{joined}{', ' if separate else ' '}{text}"
    return joined


def _is_table_row(text: str, gazetteer: Gazetteer) -> bool:
    header = _TABLE_HEADER.match(text)
    if header and is_organization(header.group(1), gazetteer):
        return True
    return bool(name_then_municipality(gazetteer).search(text))


def _read_list(text: str, gazetteer: Gazetteer) -> list[Attendee]:
    text = _PRESENTERS_NOTE.sub("", text).strip().rstrip(".")
    text = _SEPARATOR_WORD.sub(", ", text)
    people: list[Attendee] = []
    for segment in text.split(","):
        segment = segment.strip()
        if not segment:
            continue
        person = _person(segment, gazetteer)
        leading = _LEADING_TITLE.match(segment) if person is None else None
        if leading and people and _person(segment[leading.end():], gazetteer):
            # "Anna Berg (S), ordförande Per Ek (M)": the title ends the previous entry, a name follows
            people[-1].title = people[-1].title or leading.group(1).strip().capitalize()
            person = _person(segment[leading.end():], gazetteer)
        if person:
            people.append(person)
        elif people and (is_organization(segment, gazetteer) or MUNICIPALITY_KOMMUN_PATTERN.search(segment)):
            people[-1].organization = _organization(segment, gazetteer)
        elif people and (is_title_word(segment.split()[0]) or segment[0].islower()):
            people[-1].title = segment[0].upper() + segment[1:] if people[-1].title is None else people[-1].title
    return [p for p in people if p.name]


def _person(segment: str, gazetteer: Gazetteer) -> Attendee | None:
    if _NOT_PRESENT.search(segment):
        return Attendee(name="")
    title = None
    for inner in _PAREN.findall(_PARTY.sub("", segment)):
        if inner and is_title_word(inner.split()[0]):
            title = inner.strip()
    cleaned = _PAREN.sub(" ", _PARTY.sub(" ", segment))
    cleaned = _PRESENCE_MODE.sub(" ", cleaned)
    name, rest = split_name(" ".join(cleaned.split()), gazetteer)
    if not name:
        return None
    organization = None
    if rest and (is_organization(rest, gazetteer) or MUNICIPALITY_KOMMUN_PATTERN.search(rest)):
        organization = _organization(rest, gazetteer)
    elif rest and is_title_word(rest.split()[0]):
        title = rest
    return Attendee(name=name, organization=organization, title=title)


def _read_table(rows: list[Line], warnings: list[str], gazetteer: Gazetteer) -> list[Attendee]:
    table = _Table()
    people: list[Attendee] = []
    for row in rows:
        header = _TABLE_HEADER.match(row.text)
        if header and is_organization(header.group(1), gazetteer):
            table.right_organization = header.group(1).strip()
            continue
        municipality = _find_municipality(row.text, gazetteer)
        if municipality is None:
            people.extend(_read_unplaced_row(row, table, warnings, gazetteer))
            continue
        start, end, name = municipality
        left_names = [n for n in (_clean_name(s, gazetteer) for s in row.text[:start].split(",")) if n]
        for person_name in table.pending + left_names:
            people.append(Attendee(person_name, name, None))
        table.pending = []
        people.extend(_read_right_column(row.text[end:], table, gazetteer))
    people.extend(Attendee(n, None, None) for n in table.pending)
    return people


def _read_unplaced_row(row: Line, table: _Table, warnings: list[str], gazetteer: Gazetteer) -> list[Attendee]:
    segments = [s.strip() for s in row.text.split(",") if s.strip()]
    names = [_clean_name(s, gazetteer) for s in segments]
    if names and all(names):
        table.pending.extend(names)
        return []
    right = _read_right_column(row.text, table, gazetteer)
    if not right and not starts_with_name(row.text, gazetteer):  # a header of the right column
        warnings.append(f"rad {row.number}: raden i närvarotabellen kunde inte läsas: {row.text[:60]!r}")
    return right


def _read_right_column(text: str, table: _Table, gazetteer: Gazetteer) -> list[Attendee]:
    text = text.strip(" ,")
    if not text:
        return []
    name, rest = split_name(text, gazetteer)
    if name:
        return [Attendee(name, table.right_organization, rest or None)]
    table.right_organization = text.split("/")[0].strip(" ,") or table.right_organization
    return []


def _clean_name(segment: str, gazetteer: Gazetteer) -> str | None:
    cleaned = " ".join(_PAREN.sub(" ", _PARTY.sub(" ", segment)).split())
    name, rest = split_name(cleaned, gazetteer)
    return name if name and not rest else None


def _find_municipality(text: str, gazetteer: Gazetteer) -> tuple[int, int, str] | None:
    for pattern in (MUNICIPALITY_KOMMUN_PATTERN, municipality_pattern(gazetteer)):
        match = pattern.search(text)
        if match:
            return match.start(), match.end(), municipality_name(match.group(0), gazetteer)
    return None


def _organization(text: str, gazetteer: Gazetteer) -> str:
    text = text.strip(" ,.")
    return text if is_regional(text) else municipality_name(text, gazetteer)


def _unique(people: list[Attendee]) -> list[Attendee]:
    seen, result = set(), []
    for person in people:
        person.name = " ".join(fix_glued_letter(w) for w in person.name.split())
        key = person.name.lower()
        if person.name and key not in seen:
            seen.add(key)
            result.append(person)
    return result
