"""Corrections by path and the reading's confidence: pure functions, on the JSON and on the reader's dataclasses."""

from datetime import date

import pytest

from samverkan.archive.reader.document import Attendee, Item, MeetingDocument, Presenter
from samverkan.imports.confidence import confidence, coverage
from samverkan.imports.corrections import BadPath, Correction, apply, check_path, clean_value, describe, value_at


def reading(**changes) -> dict:
    base = {
        "source": "x.txt", "body": "Länschefsnätverket", "kind": "minutes", "meeting_date": "2023-11-09",
        "start_time": None, "end_time": None, "location": "Teams", "registry_number": None, "document_date": None,
        "attendees": [{"name": "Anna Berg", "organization": "Falun", "title": None},
                      {"name": "Per Ek", "organization": None, "title": None}],
        "items": [
            {"number": "1", "title": "Mötets öppnande", "type": "procedural", "presenters": [], "attachments": [],
             "proposals": [], "decisions": [], "subitems": []},
            {"number": "2", "title": "Rapporter", "type": "report", "presenters": [{"name": "Per Ek", "title": None}],
             "attachments": ["Bilaga 1"], "proposals": [], "decisions": ["att lägga rapporten till handlingarna"],
             "subitems": [{"number": "a", "title": "Från kommunerna", "type": "report", "presenters": [],
                           "attachments": [], "proposals": [], "decisions": [], "subitems": []}]},
        ],
        "warnings": [],
    }
    base.update(changes)
    return base


def test_a_correction_changes_the_copy_not_the_reading():
    original = reading()
    corrected, left_out = apply(original, [Correction("items/2/title", "Rapporter", "Rapporter från kommunerna")])
    assert corrected["items"][1]["title"] == "Rapporter från kommunerna"
    assert original["items"][1]["title"] == "Rapporter"
    assert left_out == []


def test_items_are_found_by_number_and_people_by_the_readers_name():
    # A later reader finds one more attendee first and one more item: each correction lands where it belongs.
    newer = reading()
    newer["attendees"].insert(0, {"name": "Eva Lund", "organization": None, "title": None})
    newer["items"].insert(1, dict(newer["items"][0], number="1a"))
    corrected, left_out = apply(newer, [
        Correction("attendees/1/name", "Per Ek", "Per Eklund"),
        Correction("items/2/subitems/a/title", "Från kommunerna", "Rapporter från kommunerna"),
        Correction("items/2/decisions/0", "att lägga rapporten till handlingarna", "att godkänna rapporten"),
        Correction("items/2/presenters/0/name", "Per Ek", "Per Eklund"),
    ])
    assert [a["name"] for a in corrected["attendees"]] == ["Eva Lund", "Anna Berg", "Per Eklund"]
    assert corrected["items"][2]["subitems"][0]["title"] == "Rapporter från kommunerna"
    assert corrected["items"][2]["decisions"] == ["att godkänna rapporten"]
    assert corrected["items"][2]["presenters"][0]["name"] == "Per Eklund"
    assert left_out == []


def test_a_correction_whose_place_is_gone_is_left_out():
    gone = Correction("items/9/title", "Övrigt", "Övriga frågor")
    corrected, left_out = apply(reading(), [gone, Correction("attendees/5/name", "Ola Ny", "Ola Nyström")])
    assert corrected == reading()
    assert left_out == [gone, Correction("attendees/5/name", "Ola Ny", "Ola Nyström")]


def test_the_same_corrections_apply_to_the_readers_dataclasses():
    document = MeetingDocument(
        source="x.txt", body=None, kind="agenda",
        attendees=[Attendee("Per Ek")],
        items=[Item("1", "Öppnande", presenters=[Presenter("Per Ek")], decisions=["att öppna"], text="Löptext")])
    corrected, _ = apply(document, [
        Correction("kind", "agenda", "minutes"), Correction("meeting_date", None, "2023-11-09"),
        Correction("body", None, "Länschefsnätverket"), Correction("items/1/decisions/0", "att öppna", "att börja"),
        Correction("attendees/0/name", "Per Ek", "Per Eklund")])
    assert (corrected.kind, corrected.meeting_date, corrected.body) == ("minutes", date(2023, 11, 9),
                                                                       "Länschefsnätverket")
    assert (corrected.items[0].decisions, corrected.items[0].text) == (["att börja"], "Löptext")
    assert corrected.attendees[0].name == "Per Eklund"
    assert value_at(corrected, "meeting_date") == "2023-11-09"


@pytest.mark.parametrize("path", ["kind", "meeting_date", "body", "location", "items/6/title", "items/6/type",
                                  "items/6/subitems/a/title", "items/6/decisions/0", "items/6/proposals/2",
                                  "items/6/presenters/0/name", "attendees/3/name"])
def test_the_fields_a_person_may_correct(path):
    check_path(path)


@pytest.mark.parametrize("path", ["source", "warnings", "items/6", "items/6/number", "attendees/3",
                                  "attendees/x/name", "items/6/decisions/x", "csrfmiddlewaretoken"])
def test_other_paths_are_refused(path):
    with pytest.raises(BadPath):
        check_path(path)


def test_typed_values_are_cleaned_or_refused_in_swedish():
    assert clean_value("items/2/title", "  Rapporter   från\nkommunerna ") == "Rapporter från kommunerna"
    assert clean_value("meeting_date", "") is None
    assert clean_value("meeting_date", "2021-02-19") == "2021-02-19"
    with pytest.raises(ValueError, match="^”19 feb” är inget datum \\(skriv till exempel 2023-11-09\\).$"):
        clean_value("meeting_date", "19 feb")
    with pytest.raises(ValueError, match="^Välj en av punkttyperna.$"):
        clean_value("items/2/type", "viktigt")
    with pytest.raises(ValueError, match="^Fältet får inte vara tomt.$"):
        clean_value("items/2/title", " ")


def test_places_are_described_in_swedish():
    assert [describe(p) for p in ("meeting_date", "items/6/title", "items/6/subitems/a/title",
                                  "items/4/decisions/1", "attendees/2/name", "items/3/presenters/0/name")] == [
        "mötesdatum", "punkt 6: rubrik", "punkt 6 a: rubrik", "punkt 4: beslut 2", "närvarande 3",
        "punkt 3: föredragande 1"]


def test_a_clean_reading_is_fully_trusted():
    assert confidence(reading()).percent == 100
    assert confidence(reading()).reasons == []


def test_what_lowers_the_confidence_is_named():
    doubtful = reading(meeting_date=None, body=None, attendees=[],
                       warnings=["rad 3: tiden kunde inte läsas: 'kl 9-ish'"],
                       items=[dict(reading()["items"][0], number="1"), dict(reading()["items"][0], number="3")])
    result = confidence(doubtful, default_body="Länschefsnätverket")
    assert result.reasons == [
        "1 varning från läsaren",
        "mötesdatumet saknas",
        "dokumentet säger inte vilket organ som möttes (organet från uppladdningen: Länschefsnätverket)",
        "minnesanteckningar utan närvarolista",
        "minnesanteckningar utan något beslut",
        "punkterna är inte numrerade i följd (saknas: 2)",
    ]
    assert result.percent == 0  # 105 points lost: never below 0


def test_ocr_and_low_coverage_lower_it():
    scanned = reading(extract_warnings=["x.pdf: texten är framtagen med textigenkänning (OCR) av inskannade sidor"],
                      coverage=0.3)
    result = confidence(scanned)
    assert result.reasons == ["texten är inskannad och läst med textigenkänning", "läsningen täcker 30 % av textens rader"]
    assert result.percent == 100 - 15 - 25


def test_coverage_counts_the_lines_whose_words_the_reading_has():
    text = "Mötets öppnande\nRapporter\nHelt okänd rad med annat innehåll\n\n---\n"
    assert coverage(reading(), text) == pytest.approx(2 / 3)
