"""Recognise people in text: names, titles and organisations in lists like "Anna Berg, Utvecklingsledare"."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from samverkan.language.gazetteer import Gazetteer
from samverkan.language.lexicon import NOT_NAMES, ORGANIZATION_ENDINGS, REGIONAL_HEADS
from samverkan.language.patterns import alternation

from .vocabulary import is_organization, is_organization_head, is_title_word

_NAME_TOKEN = re.compile(
    # "MacDonald", "DeBasso": one inner capital after a short prefix
    r"^(?:Mac|Mc|De|Di|Da|La|Le|Van|Von|O')?[A-ZÅÄÖÉÜØÆ][a-zåäöéüèáíóúøæ']+(?:-[A-ZÅÄÖÉÜØÆa-zåäö][a-zåäöéüèáíóúøæ']+)*$"
)
_GLUED_LETTER = re.compile(r"^[a-zåäö]([A-ZÅÄÖÉ][a-zåäöéü]+)$")
_NOT_NAMES = frozenset(NOT_NAMES)
_OCH_BEFORE_NAME = re.compile(r"\s+och\s+(?=[A-ZÅÄÖÉ][a-zåäöé]+\s+[A-ZÅÄÖÉ][a-zåäöé])")
_TRAILING_REGION = re.compile(rf",?\s*(?:{alternation(REGIONAL_HEADS)})\s+[A-ZÅÄÖ][\wåäö]+\.?$")


@dataclass
class Person:
    name: str
    title: str | None = None
    organization: str | None = None
    joined_by_och: bool = False


def fix_glued_letter(word: str) -> str:
    """Drop a stray lowercase letter glued to a name: "aMårtensson" -> "Mårtensson"."""
    match = _GLUED_LETTER.match(word)
    return match.group(1) if match else word


def is_name_token(word: str, gazetteer: Gazetteer) -> bool:
    """True when a word can be part of a person's name: no title, organisation or known place."""
    if not _NAME_TOKEN.match(word) or is_title_word(word):
        return False
    lower = word.lower()
    if lower in _NOT_NAMES or lower in gazetteer.place_words or is_organization_head(lower, gazetteer):
        return False
    if word in gazetteer.municipality_names:
        return False
    return not lower.endswith(ORGANIZATION_ENDINGS)


def split_name(text: str, gazetteer: Gazetteer, max_tokens: int = 4) -> tuple[str | None, str]:
    """Split "Anna Berg Utvecklingsledare" into ("Anna Berg", "Utvecklingsledare"); name needs two words."""
    words = text.split()
    taken = []
    for word in words[:max_tokens]:
        word = fix_glued_letter(word)
        if not is_name_token(word, gazetteer):
            break
        taken.append(word)
    if len(taken) < 2:
        return None, text.strip()
    return " ".join(taken), " ".join(words[len(taken):]).strip()


def starts_with_name(text: str, gazetteer: Gazetteer) -> bool:
    """True when the text opens with a person's name of two or more words."""
    return split_name(text, gazetteer)[0] is not None


def parse_people(text: str, gazetteer: Gazetteer) -> list[Person]:
    """People with titles from "A, Titel, B Titel, Region X" or "A och B, Titel"; organisations alone are dropped."""
    people: list[Person] = []
    current: Person | None = None
    for segment, joined_by_och in _segments(text.strip().rstrip(".")):
        name, rest = split_name(segment, gazetteer)
        if name:
            current = Person(name, _title_from_rest(rest), joined_by_och=joined_by_och)
            people.append(current)
        elif current is None or (is_organization(segment, gazetteer) and not is_title_word(segment.split()[0])):
            continue
        elif current.title:
            current.title = f"{current.title}, {segment}"
        else:
            current.title = segment
    for person in people:
        if person.title:
            person.title = _TRAILING_REGION.sub("", person.title).strip(" ,") or None
    _share_titles(people)
    return _unique(people)


def looks_like_people_line(text: str, gazetteer: Gazetteer) -> bool:
    """True for a line of names with titles ("Anna Berg Utvecklingsledare, Per Ek Chef"), not prose.

    A sentence that opens with names ("Anna Berg och Per Ek föredrog ärendet.") is not such a line:
    it ends with a full stop or has running lowercase words (a verb) after a name.
    """
    if text.endswith(".") or len(text) > 200 or not text[:1].isupper():
        return False
    opening = _OCH_BEFORE_NAME.split(re.split(r"[,;]", text, maxsplit=1)[0], maxsplit=1)[0].strip()
    if opening and split_name(opening, gazetteer)[0] is None:  # quick exit: the line does not open with a name
        return False
    segments = [s for s, _ in _segments(text)]
    if not segments:
        return False
    name, rest = split_name(segments[0], gazetteer)
    if not name:
        return False
    if reads_as_prose(text, gazetteer):
        return False
    if rest:
        return is_title_word(rest.split()[0])
    return len(segments) > 1 and (
        is_title_word(segments[1].split()[0]) or starts_with_name(segments[1], gazetteer)
    )


def reads_as_prose(text: str, gazetteer: Gazetteer) -> bool:
    """True when a name is followed by running lowercase words that are no title ("… föredrog ärendet")."""
    for segment, _ in _segments(text):
        name, rest = split_name(segment, gazetteer)
        if name and rest:
            first = rest.split()[0]
            if first[0].islower() and not is_title_word(first):
                return True
    return False


def _segments(text: str) -> list[tuple[str, bool]]:
    result = []
    for part in re.split(r"[,;]", text):
        pieces = _OCH_BEFORE_NAME.split(part)
        for index, piece in enumerate(pieces):
            piece = piece.strip()
            if piece:
                result.append((piece, index > 0))
    return result


def _title_from_rest(rest: str) -> str | None:
    rest = rest.strip(" ,")
    if not rest or not (rest[0].isupper() or is_title_word(rest.split()[0])):
        return None
    return rest


def _share_titles(people: list[Person]) -> None:
    for first, second in itertools.pairwise(people):
        if second.joined_by_och and first.title is None and second.title:
            first.title = second.title


def _unique(people: list[Person]) -> list[Person]:
    seen, result = set(), []
    for person in people:
        key = person.name.lower()
        if key not in seen:
            seen.add(key)
            result.append(person)
    return result
