"""Text without blank lines (PDF extraction): presenters, attachments and the rest still read right."""

import pytest

from samverkan.archive.reader import read_text
from tests.reader.blankless import FIELDS, agreement, strip_blank_lines


def _items(body: str):
    text = "Minnesanteckningar Länschefsnätverket\nDatum: 2023-11-15\n" + body
    return read_text(text, "x.pdf").items


def _presenters(item):
    return [(p.name, p.title) for p in item.presenters]


# --------------------------------------------------------------------------- presenters

def test_a_sentence_opening_with_names_under_the_presenter_line_is_not_a_presenter():
    items = _items(
        "1. Beslut: Hantering av medel 2022\n"
        "Föredragande: Stefan Isaksson, Verksamhetschef\n"
        "Kerstin Fältskog och Mats Forsberg föredrog ärendet och svarade på frågor från\n"
        "ledamöterna. Inga synpunkter fördes fram.\n"
        "2. Övriga frågor\n"
    )
    assert _presenters(items[0]) == [("Stefan Isaksson", "Verksamhetschef")]
    assert "Kerstin Fältskog och Mats Forsberg föredrog ärendet" in items[0].text


def test_a_wrapped_sentence_after_a_list_of_presenters_adds_no_one():
    items = _items(
        "1. Information: Mobil närvård i Dalarna\n"
        "Föredragande: Stefan Axelsson, Samordnare, Ulrika Westerlund\n"
        "Örjan Åkesson beskrev det aktuella läget och de erfarenheter som gjorts i Älvdalen\n"
        "och Rättvik.\n"
        "Länschefsnätverket beslutade:\n"
        "att lägga informationen till handlingarna.\n"
    )
    assert _presenters(items[0]) == [("Stefan Axelsson", "Samordnare"), ("Ulrika Westerlund", None)]
    assert items[0].decisions == ["att lägga informationen till handlingarna."]


def test_a_sentence_under_a_bare_presenter_name_adds_no_one():
    items = _items(
        "1. Statliga stimulansmedel 2023\n"
        "Föredragande: Annika Persson\n"
        "Anna Hägglund beskrev det aktuella läget och de erfarenheter som gjorts i Leksand\n"
        "och Smedjebacken.\n"
    )
    assert _presenters(items[0]) == [("Annika Persson", None)]


@pytest.mark.parametrize("first, second, expected", [
    ("Föredragande: Anna Berg, Utvecklingsledare,", "Per Ek, Samordnare",
     [("Anna Berg", "Utvecklingsledare"), ("Per Ek", "Samordnare")]),
    ("Föredragande: Anna Berg, Utvecklingsledare", "Per Ek, Samordnare",
     [("Anna Berg", "Utvecklingsledare"), ("Per Ek", "Samordnare")]),
    ("Föredragande: Anna Berg och", "Per Ek, Utvecklingsledare",
     [("Anna Berg", "Utvecklingsledare"), ("Per Ek", "Utvecklingsledare")]),
])
def test_presenters_wrapped_over_two_lines_are_still_joined(first, second, expected):
    items = _items(f"1. Ekonomisk uppföljning\n{first}\n{second}\nRapporten visar ett överskott.\n")
    assert _presenters(items[0]) == expected


# --------------------------------------------------------------------------- attachments

def test_an_attachment_number_wrapped_onto_its_own_line_is_not_a_page_number():
    items = _items(
        "1. Mötets öppnande\n"
        "2. Beslut: Hantering av överskjutande länsgemensamma medel enligt överenskommelsen, Bilaga\n"
        "2\n"
        "Föredragande: Anna Berg, Utvecklingsledare\n"
        "3. Övriga frågor\n"
    )
    assert [i.number for i in items] == ["1", "2", "3"]
    assert items[1].title == "Hantering av överskjutande länsgemensamma medel enligt överenskommelsen"
    assert items[1].attachments == ["Bilaga 2"]
    assert _presenters(items[1]) == [("Anna Berg", "Utvecklingsledare")]


@pytest.mark.parametrize("heading, number, expected", [
    ("Rapport: Ekonomi, Bilaga 1 och", "3", ["Bilaga 1", "Bilaga 3"]),
    ("Rapport: Ekonomi, Bilagor 1,", "4", ["Bilaga 1", "Bilaga 4"]),
    ("Rapport: Ekonomi, Bil.", "5", ["Bilaga 5"]),
])
def test_a_wrapped_attachment_list_keeps_its_last_number(heading, number, expected):
    items = _items(f"1. {heading}\n{number}\nText om ekonomin.\n2. Övriga frågor\n")
    assert items[0].title == "Ekonomi"
    assert items[0].attachments == expected


def test_a_bare_page_number_elsewhere_is_still_dropped():
    items = _items("1. Ekonomi, Bilaga 1\nText om ekonomin.\n4\n2. Övriga frågor\n")
    assert [i.number for i in items] == ["1", "2"]
    assert items[0].attachments == ["Bilaga 1"]
    assert "4" not in items[0].text


# --------------------------------------------------------------------------- generated documents

def test_strip_blank_lines_removes_only_blank_lines():
    assert strip_blank_lines("a\n\n  \nb\n") == "a\nb\n"


@pytest.mark.parametrize("strip", [True, False], ids=["without-blank-lines", "as-generated"])
def test_generated_documents_read_like_the_generator_wrote_them(strip):
    shares, failures = agreement(60, seed=7, strip=strip)
    assert shares == dict.fromkeys(FIELDS, 1.0), {k: v[:2] for k, v in failures.items()}
