"""Corrections of a reading, by path: pure Python, the same for the stored JSON and the reader's dataclasses.

A path names one value of a reading in the shape of meeting-document.schema.json, its parts
separated by "/":

    kind, meeting_date, body, location            the header
    items/6/title, items/6/type                   an item, by its number (subitems: items/6/subitems/a/title)
    items/6/decisions/0, items/6/proposals/1      a clause, by its place among the item's clauses
    items/6/presenters/0/name, attendees/3/name   a person, by place; found again by the name the reader gave
    items/6/merge              the item joins another (value: its path, "items/5"): clauses, people, text
    items/6/split              a new item after this one (value: {"number": "7", "title": "Budget"})
    items/6/decisions/1/move   the clause goes to another item (value: its path)

Items are found by number and people by the reader's name, so a later reader that finds one more
attendee or item still gets each correction where it belongs. Corrections are made in the order they were
first made, so a change of an item made after a merge or split finds the item as it was then. A
correction whose place the new reading no longer has is left out (`apply` says which).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date

from samverkan.language.items import ITEM_TYPES

KINDS = ("agenda", "minutes")
HEADER_FIELDS = ("kind", "meeting_date", "body", "location")
ITEM_FIELDS = ("title", "type")
CLAUSE_LISTS = ("decisions", "proposals")
PEOPLE_LISTS = ("attendees", "presenters")
DATE_FIELDS = ("meeting_date", "document_date")
MOVES = ("merge", "split", "move")  # corrections that change the reading's shape, not a value
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
        if correction.path.rsplit("/", 1)[-1] in MOVES:
            if correction.value is not None and reshape(corrected, correction.path, correction.value):
                left_out.append(correction)
            continue
        found = _locate(corrected, correction.path, correction.read_value)
        if found is None:
            left_out.append(correction)
            continue
        _set(*found, correction.value)
    return corrected, left_out


def _item_place(reading, path: str):
    """(the list holding the item at `path`, its index), or None when the reading has no such item."""
    parts = path.split("/")
    node, siblings, index = reading, None, None
    for key, number in zip(parts[::2], parts[1::2]):
        if key not in ("items", "subitems"):
            return None
        try:
            siblings = _get(node, key)
        except (KeyError, AttributeError):
            return None
        index = next((i for i, item in enumerate(siblings) if _get(item, "number") == number), None)
        if index is None:
            return None
        node = siblings[index]
    return (siblings, index) if siblings is not None and len(parts) % 2 == 0 else None


def _item_at(reading, path: str):
    place = _item_place(reading, path)
    return None if place is None else place[0][place[1]]


def _new_item(like, number: str, title: str):
    """An empty item of the same kind (a dict or the reader's dataclass) as `like`."""
    if isinstance(like, dict):
        return {"number": number, "title": title, "type": "information", "presenters": [], "attachments": [],
                "proposals": [], "decisions": [], "subitems": []}
    return type(like)(number=number, title=title)


def _join_text(*texts: str) -> str:
    return "\n".join(t for t in texts if t)


def _merge(reading, item_path: str, target_path: str) -> str | None:
    place, target = _item_place(reading, item_path), _item_at(reading, target_path)
    if place is None or target is None:
        return "punkten finns inte"
    siblings, index = place
    item = siblings[index]
    if item is target or target_path.startswith(item_path + "/"):
        return "en punkt kan inte slås ihop med sig själv"
    for key in ("presenters", "proposals", "decisions", "subitems"):
        _get(target, key).extend(_get(item, key))
    attachments = _get(target, "attachments")
    attachments.extend(a for a in _get(item, "attachments") if a not in attachments)
    if not isinstance(target, dict):  # the running text, which the stored reading leaves out
        target.text = _join_text(target.text, item.title, item.text)
    del siblings[index]
    return None


def _split(reading, item_path: str, value: dict) -> str | None:
    place = _item_place(reading, item_path)
    if place is None:
        return "punkten finns inte"
    siblings, index = place
    if any(_get(other, "number") == value["number"] for other in siblings):
        return f"det finns redan en punkt {value['number']}"
    siblings.insert(index + 1, _new_item(siblings[index], value["number"], value["title"]))
    return None


def _move(reading, clause_path: str, target_path: str) -> str | None:
    item_path, kind, position = clause_path.rsplit("/", 2)
    item, target = _item_at(reading, item_path), _item_at(reading, target_path)
    if item is None or target is None:
        return "punkten finns inte"
    clauses = _get(item, kind)
    if int(position) >= len(clauses):
        return "satsen finns inte"
    if item is target:
        return "satsen står redan under den punkten"
    _get(target, kind).append(clauses.pop(int(position)))
    return None


def reshape(reading, path: str, value) -> str | None:
    """Merge, split or move as the correction at `path` says, in place; a Swedish reason when it cannot."""
    where, move = path.rsplit("/", 1)
    if move == "merge":
        return _merge(reading, where, value)
    if move == "split":
        return _split(reading, where, value)
    return _move(reading, where, value)


SPLIT = re.compile(r"^(\d+[a-zåäö]?|[a-zåäö])[.):]?\s+(\S.*)$", re.IGNORECASE)


def clean_value(path: str, raw: str):
    """The value a person typed for `path`, as the reading keeps it; ValueError with a Swedish reason."""
    field = path.rsplit("/", 1)[-1]
    text = " ".join((raw or "").split())
    if field in ("merge", "move"):
        if text and not text.startswith("items/"):
            raise ValueError("Välj en av punkterna.")
        return text or None
    if field == "split":
        if not text:
            return None
        found = SPLIT.match(text)
        if found is None:
            raise ValueError("Skriv den nya punktens nummer och rubrik, till exempel ”7 Budget 2024”.")
        return {"number": found[1], "title": found[2]}
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
    if len(rest) == 1 and rest[0] in (*ITEM_FIELDS, "merge", "split"):
        return
    if len(rest) == 3 and rest[0] in CLAUSE_LISTS and rest[1].isdigit() and rest[2] == "move":
        return
    if len(rest) == 2 and rest[0] in CLAUSE_LISTS and rest[1].isdigit():
        return
    if len(rest) == 3 and rest[0] == "presenters" and rest[1].isdigit() and rest[2] == "name":
        return
    raise BadPath(path)


HEADER_NAMES = {"kind": "slag", "meeting_date": "mötesdatum", "body": "organ", "location": "plats"}
PART_NAMES = {"title": "rubrik", "type": "typ", "decisions": "beslut", "proposals": "förslag",
              "presenters": "föredragande", "merge": "slås ihop med", "split": "ny punkt efter"}


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
    clause = f"{place}: {PART_NAMES.get(rest[0], rest[0])} {int(rest[1]) + 1}"
    return f"{clause} flyttas till" if rest[2:] == ["move"] else clause


def describe_value(path: str, value) -> object:
    """A correction's value as the review shows it: 'punkt 5' for an item's path, '7 Budget' for a new item."""
    move = path.rsplit("/", 1)[-1]
    if move in ("merge", "move") and isinstance(value, str):
        return describe(value + "/title").removesuffix(": rubrik")
    if move == "split" and isinstance(value, dict):
        return f"{value['number']} {value['title']}"
    return value
