"""People are recorded once; near spellings are listed for the secretariat, never merged silently."""

import pytest
from django.core.management import call_command

from samverkan.directory.models import Person
from samverkan.directory.services import (
    get_or_create_person,
    mark_distinct,
    merge_people,
    names_look_alike,
    similar_people,
)
from samverkan.meetings.models import Attendance

pytestmark = pytest.mark.django_db


def person(name):
    return Person.objects.create(name=name)


def test_names_equal_after_normalisation_are_one_person():
    first = get_or_create_person("Tanja  Mårtensson")
    assert get_or_create_person("tanja mårtensson") == first
    assert Person.objects.count() == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ulrika Gärdback", "Ulrika Gärdsback"),
        ("Helene Kastemyr", "Helen Kastemyr"),
        ("Maia Ronsten", "Maria Ronsten"),
        ("Eva Björsland", "Eva Björnsland"),
        ("Elisabet Zimmer", "Elisabeth Zimmer"),
        ("Ingalill Frank", "Inga-Lill Frank"),
    ],
)
def test_near_spellings_look_alike(first, second):
    assert names_look_alike(person(first), person(second)) > 0


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Lena Karlsson", "Jesper Karlsson"),
        ("Anna Andersson", "Linn Andersson"),
        ("Maria Jonsson", "Maria Ronsten"),
        ("Carina Johansson", "Carina Gullemo"),
    ],
)
def test_different_people_do_not_look_alike(first, second):
    assert names_look_alike(person(first), person(second)) == 0


def test_the_sample_archive_lists_the_known_near_duplicates(sample_archive):
    pairs = {frozenset((pair.first.name, pair.second.name)) for pair in similar_people()}
    assert frozenset(("Ulrika Gärdback", "Ulrika Gärdsback")) in pairs
    assert frozenset(("Helene Kastemyr", "Helen Kastemyr")) in pairs
    assert frozenset(("Maia Ronsten", "Maria Ronsten")) in pairs
    assert frozenset(("Eva Björsland", "Eva Björnsland")) in pairs


def test_people_command_lists_duplicates(sample_archive, capsys):
    call_command("people", duplicates=True)
    out = capsys.readouterr().out
    assert "Gärdback" in out and "Gärdsback" in out
    assert "möjliga dubbletter" in out


def test_merging_moves_attendance_and_presentations(sample_archive):
    keep = Person.objects.get(name="Ulrika Gärdsback")
    duplicate = Person.objects.get(name="Ulrika Gärdback")
    meetings = keep.attendances.count() + duplicate.attendances.count()
    presentations = keep.presentations.count() + duplicate.presentations.count()
    merge_people(keep, duplicate)
    assert not Person.objects.filter(name="Ulrika Gärdback").exists()
    assert keep.attendances.count() == meetings
    assert keep.presentations.count() == presentations


def test_merging_keeps_one_attendance_per_meeting(sample_archive):
    tomas = Person.objects.get(name="Tomas Ahlin")
    twin = Person.objects.create(name="Tomas Ahlinn")
    attendance = tomas.attendances.first()
    Attendance.objects.create(meeting=attendance.meeting, person=twin)
    merge_people(tomas, twin)
    assert tomas.attendances.filter(meeting=attendance.meeting).count() == 1


def test_people_marked_distinct_are_no_longer_listed():
    first, second = person("Eva Björsland"), person("Eva Björnsland")
    mark_distinct(second, first)
    assert similar_people() == []
