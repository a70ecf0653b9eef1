"""Corrections of a reading, by path: pure Python, the same for the stored JSON and the reader's dataclasses.

A path names one value of a reading in the shape of meeting-document.schema.json, its parts
separated by "/":

    kind, meeting_date, body, location            the header
    items/6/title, items/6/type                   an item, by its number (subitems: items/6/subitems/a/title)
    items/6/decisions/0, items/6/proposals/1      a clause, by its place among the item's clauses
    items/6/presenters/0/name, attendees/3/name   a person, by place; found again by the name the reader gave

Items are found by number and people by the reader's name, so a later reader that finds one more
attendee or item still gets each correction where it belongs. A correction whose place the new
reading no longer has is left out (`apply` says which).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

from samverkan.language.items import ITEM_TYPES

KINDS = ("agenda", "minutes")
HEADER_FIELDS = ("kind", "meeting_date", "body", "location")
ITEM_FIELDS = ("title", "type")
CLAUSE_LISTS = ("decisions", "proposals")
PEOPLE_LISTS = ("attendees", "presenters")
DATE_FIELDS = ("meeting_date", "document_date")
NULLABLE = ("meeting_date", "body", "location")


@dataclass(frozen=True)
class Correction:
    path: str
    read_value: object
    value: object


class BadPath(ValueError):
    """The path names no value a person may correct."""


def _get(node, key):
    return node[key] if isinstance(node, dict) else getattr(node, key)


def _set(node, key, value):
    if isinstance(node, (list, dict)):
        node[key] = value
    else:
        if key in DATE_FIELDS and isinstance(value, str):
            value = date.fromisoformat(value)
        setattr(node, key, value)


def _locate(reading, path: str, read_value=None):
    """(container, key) of the value at `path`, or None when the reading has no such place."""
    parts = path.split("/")
    node = reading
    index = 0
    while index < len(parts) - 1:
        key = parts[index]
        try:
            child = _get(node, key)
        except (KeyError, AttributeError):
            return None
        if key in ("items", "subitems"):
            number = parts[index + 1]
            node = next((item for item in child if _get(item, "number") == number), None)
            if node is None:
                return None
            index += 2
            continue
        if not isinstance(child, list) or not parts[index + 1].isdigit():
            return None
        position = int(parts[index + 1])
        if key in PEOPLE_LISTS:
            node = _person(child, position, read_value)
            if node is None:
                return None
            index += 2
            continue
        if index + 2 != len(parts) or position >= len(child):
            return None
        return child, position
    if isinstance(node, list):
        return None
    try:
        _get(node, parts[-1])
    except (KeyError, AttributeError):
        return None
    return node, parts[-1]


def _person(people: list, position: int, read_name):
    if position < len(people) and (read_name is None or _get(people[position], "name") == read_name):
        return people[position]
    return next((person for person in people if _get(person, "name") == read_name), None)


def value_at(reading, path: str, read_value=None):
    """The value at `path` (None where the reading has no such place)."""
    found = _locate(reading, path, read_value)
    if found is None:
        return None
    container, key = found
    value = container[key] if isinstance(container, list) else _get(container, key)
    return value.isoformat() if isinstance(value, date) else value


def apply(reading, corrections: list[Correction]) -> tuple[object, list[Correction]]:
    """A copy of the reading (a dict or a MeetingDocument) with the corrections made, and those with no place."""
    corrected = copy.deepcopy(reading)
    left_out = []
    for correction in corrections:
        found = _locate(corrected, correction.path, correction.read_value)
        if found is None:
            left_out.append(correction)
            continue
        _set(*found, correction.value)
    return corrected, left_out


def clean_value(path: str, raw: str):
    """The value a person typed for `path`, as the reading keeps it; ValueError with a Swedish reason."""
    field = path.rsplit("/", 1)[-1]
    text = " ".join((raw or "").split())
    if field == "kind":
        if text not in KINDS:
            raise ValueError("Välj dagordning eller minnesanteckningar.")
        return text
    if field == "type":
        if text not in ITEM_TYPES:
            raise ValueError("Välj en av punkttyperna.")
        return text
    if field in DATE_FIELDS:
        if not text:
            return None
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError(f"”{text}” är inget datum (skriv till exempel 2023-11-09).") from None
    if not text:
        if field in NULLABLE:
            return None
        raise ValueError("Fältet får inte vara tomt.")
    return text


def check_path(path: str) -> None:
    """Raise BadPath unless `path` names a value a person may correct."""
    parts = path.split("/")
    if len(parts) == 1:
        if parts[0] not in HEADER_FIELDS:
            raise BadPath(path)
        return
    if parts[0] == "attendees":
        if len(parts) != 3 or not parts[1].isdigit() or parts[2] != "name":
            raise BadPath(path)
        return
    if parts[0] != "items" or len(parts) < 3:
        raise BadPath(path)
    rest = parts[2:]
    while rest[:1] == ["subitems"] and len(rest) >= 3:
        rest = rest[2:]
    if len(rest) == 1 and rest[0] in ITEM_FIELDS:
        return
    if len(rest) == 2 and rest[0] in CLAUSE_LISTS and rest[1].isdigit():
        return
    if len(rest) == 3 and rest[0] == "presenters" and rest[1].isdigit() and rest[2] == "name":
        return
    raise BadPath(path)


HEADER_NAMES = {"kind": "slag", "meeting_date": "mötesdatum", "body": "organ", "location": "plats"}
PART_NAMES = {"title": "rubrik", "type": "typ", "decisions": "beslut", "proposals": "förslag",
              "presenters": "föredragande"}


def describe(path: str) -> str:
    """The place of a path in Swedish: 'mötesdatum', 'punkt 6 a: rubrik', 'punkt 4: beslut 2', 'närvarande 3'."""
    parts = path.split("/")
    if len(parts) == 1:
        return HEADER_NAMES.get(parts[0], parts[0])
    if parts[0] == "attendees":
        return f"närvarande {int(parts[1]) + 1}"
    numbers, rest = [parts[1]], parts[2:]
    while rest[:1] == ["subitems"] and len(rest) >= 3:
        numbers.append(rest[1])
        rest = rest[2:]
    place = "punkt " + " ".join(numbers)
    if len(rest) == 1:
        return f"{place}: {PART_NAMES.get(rest[0], rest[0])}"
    return f"{place}: {PART_NAMES.get(rest[0], rest[0])} {int(rest[1]) + 1}"
