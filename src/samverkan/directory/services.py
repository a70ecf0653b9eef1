"""Writes to the directory: people recorded once, organisations and bodies found by name."""

from dataclasses import dataclass
from difflib import SequenceMatcher

from samverkan.core.actions import action
from samverkan.core.db import get_or_create_once
from samverkan.core.errors import UserError
from samverkan.core.text import normalize_name
from samverkan.language.gazetteer import reference

from .models import Body, DistinctPeople, Organization, Person
from .signals import people_merging

SIMILAR_PART = 0.8


def organization_kind(name: str) -> str:
    """Whether an organisation named in a document is a municipality or a region, by the reference data."""
    return Organization.Kind(reference().kind_of(name))


def get_or_create_organization(name: str) -> Organization:
    """The organisation of that name ('Avesta kommun' is 'Avesta'), created on first sight."""
    name = " ".join(name.split()).removesuffix(" kommun")
    organization, _ = get_or_create_once(
        lambda: Organization.objects.filter(name__iexact=name).first(),
        lambda: Organization.objects.create(name=name, kind=organization_kind(name), code=reference().code_of(name)),
    )
    return organization


def get_or_create_body(name: str, short_name: str = "", abbreviation: str = "") -> Body:
    """The body of that full name, created on first sight."""
    body, _ = get_or_create_once(
        lambda: Body.objects.filter(name__iexact=name).first(),
        lambda: Body.objects.create(name=name, short_name=short_name, abbreviation=abbreviation),
    )
    return body


def get_or_create_person(name: str, organization: Organization | None = None, title: str = "") -> Person:
    """The person whose name is the same after normalisation; fills in what was missing."""
    name = " ".join(name.split())
    key = normalize_name(name)
    person, created = get_or_create_once(
        lambda: Person.objects.filter(name_key=key).first(),
        lambda: Person.objects.create(name=name, organization=organization, title=title or ""),
    )
    if created:
        return person
    changed = False
    if organization and not person.organization_id:
        person.organization, changed = organization, True
    if title and not person.title:
        person.title, changed = title, True
    if changed:
        person.save(update_fields=["organization", "title", "modified"])
    return person


@dataclass(frozen=True)
class SimilarPair:
    first: Person
    second: Person
    score: float


def _name_parts(person: Person) -> tuple[str, str]:
    parts = person.name_key.replace("-", "").split()
    return " ".join(parts[:-1]), parts[-1] if parts else ""


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def names_look_alike(first: Person, second: Person) -> float:
    """How alike two names are (0 when they are not near duplicates).

    Near duplicates share one part of the name exactly and differ little in the
    other ('Gärdback'/'Gärdsback', 'Helene'/'Helen'): two different given names with
    a common surname are different people, so the whole name is not compared.
    """
    given_a, surname_a = _name_parts(first)
    given_b, surname_b = _name_parts(second)
    if not given_a or not given_b:
        return 0.0
    if surname_a == surname_b and given_a != given_b:
        score = _ratio(given_a, given_b)
    elif given_a == given_b and surname_a != surname_b:
        score = _ratio(surname_a, surname_b)
    elif given_a == given_b and surname_a == surname_b:
        score = 1.0
    else:
        return 0.0
    return score if score >= SIMILAR_PART else 0.0


def similar_people() -> list[SimilarPair]:
    """Pairs of people whose names look like spellings of one name, not yet confirmed distinct."""
    people = list(Person.objects.all())
    distinct = {
        frozenset(pair) for pair in DistinctPeople.objects.values_list("first_id", "second_id")
    }
    pairs = []
    for index, first in enumerate(people):
        for second in people[index + 1:]:
            if frozenset((first.pk, second.pk)) in distinct:
                continue
            score = names_look_alike(first, second)
            if score:
                pairs.append(SimilarPair(first, second, score))
    return sorted(pairs, key=lambda pair: (-pair.score, pair.first.name))


@action
def merge_people(keep: Person, duplicate: Person) -> Person:
    """Move everything recorded for `duplicate` onto `keep`, then remove `duplicate`."""
    if keep.pk == duplicate.pk:
        raise UserError("En person kan inte slås ihop med sig själv.")
    people_merging.send(sender=Person, keep=keep, duplicate=duplicate)
    duplicate.memberships.update(person=keep)
    if not keep.organization_id and duplicate.organization_id:
        keep.organization = duplicate.organization
    if not keep.title and duplicate.title:
        keep.title = duplicate.title
    keep.save()
    duplicate.delete()
    return keep


@action
def mark_distinct(first: Person, second: Person) -> None:
    """Record that two similar names belong to different people."""
    low, high = sorted((first, second), key=lambda person: person.pk)
    DistinctPeople.objects.get_or_create(first=low, second=high)
