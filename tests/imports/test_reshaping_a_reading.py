"""Merging, splitting and moving: corrections that change a reading's shape, on the JSON and on the dataclasses."""

import pytest

from samverkan.archive.reader.document import Item, MeetingDocument, Presenter
from samverkan.imports.corrections import Correction, apply, check_path, clean_value, describe, describe_value
from tests.imports.test_reading_corrections import reading


def numbers(corrected) -> list[str]:
    return [item["number"] for item in corrected["items"]]


def test_an_item_the_reader_split_in_two_is_merged_into_the_one_before():
    glued = reading()
    corrected, left_out = apply(glued, [Correction("items/2/merge", None, "items/1")])
    assert numbers(corrected) == ["1"]
    first = corrected["items"][0]
    assert (first["decisions"], first["presenters"], first["attachments"]) == (
        ["att lägga rapporten till handlingarna"], [{"name": "Per Ek", "title": None}], ["Bilaga 1"])
    assert [sub["title"] for sub in first["subitems"]] == ["Från kommunerna"]
    assert left_out == []


def test_merging_keeps_the_running_text_of_the_reader_s_items():
    document = MeetingDocument(source="x.txt", items=[
        Item("1", "Budget", text="Budgeten för 2024."), Item("2", "Fortsättning", decisions=["att godkänna budgeten"],
                                                             presenters=[Presenter("Per Ek", None)])])
    corrected, _ = apply(document, [Correction("items/2/merge", None, "items/1")])
    [item] = corrected.items
    assert (item.text, item.decisions, item.presenters) == (
        "Budgeten för 2024.\nFortsättning", ["att godkänna budgeten"], [Presenter("Per Ek", None)])
    assert len(document.items) == 2


def test_a_new_item_after_another_then_a_clause_moved_to_it():
    corrected, left_out = apply(reading(), [
        Correction("items/1/split", None, {"number": "1a", "title": "Val av justerare"}),
        Correction("items/2/decisions/0/move", None, "items/1a"),
        Correction("items/1a/type", "information", "procedural"),
    ])
    assert numbers(corrected) == ["1", "1a", "2"]
    new = corrected["items"][1]
    assert (new["title"], new["type"], new["decisions"]) == (
        "Val av justerare", "procedural", ["att lägga rapporten till handlingarna"])
    assert corrected["items"][2]["decisions"] == []
    assert left_out == []


def test_a_split_on_the_dataclasses_makes_an_item_of_the_reader():
    document = MeetingDocument(source="x.txt", items=[Item("1", "Budget")])
    corrected, _ = apply(document, [Correction("items/1/split", None, {"number": "2", "title": "Övriga frågor"})])
    assert corrected.items[1] == Item("2", "Övriga frågor")


@pytest.mark.parametrize(("correction", "why"), [
    (Correction("items/1/split", None, {"number": "2", "title": "Igen"}), "the number is taken"),
    (Correction("items/9/merge", None, "items/1"), "no such item"),
    (Correction("items/2/merge", None, "items/2/subitems/a"), "into itself"),
    (Correction("items/2/decisions/3/move", None, "items/1"), "no such clause"),
    (Correction("items/1/decisions/0/move", None, "items/1"), "no such clause either"),
])
def test_a_reshaping_the_reading_has_no_place_for_is_left_out(correction, why):
    corrected, left_out = apply(reading(), [correction])
    assert (corrected, left_out) == (reading(), [correction]), why


def test_a_merge_or_move_taken_back_leaves_the_reading_as_read():
    corrected, left_out = apply(reading(), [Correction("items/2/merge", None, None)])
    assert (corrected, left_out) == (reading(), [])


def test_what_a_person_types_for_a_reshaping():
    assert clean_value("items/6/split", "7 Budget 2024") == {"number": "7", "title": "Budget 2024"}
    assert clean_value("items/6/split", "7. Budget") == {"number": "7", "title": "Budget"}
    assert clean_value("items/6/split", "") is None
    assert clean_value("items/6/merge", "items/5") == "items/5"
    assert clean_value("items/6/decisions/0/move", "") is None
    with pytest.raises(ValueError, match="^Skriv den nya punktens nummer och rubrik, till exempel ”7 Budget 2024”.$"):
        clean_value("items/6/split", "Budget")
    with pytest.raises(ValueError, match="^Välj en av punkterna.$"):
        clean_value("items/6/merge", "5")


def test_reshapings_are_paths_and_say_where_in_swedish():
    for path in ("items/6/merge", "items/6/split", "items/6/subitems/a/merge", "items/6/proposals/1/move"):
        check_path(path)
    assert describe("items/6/merge") == "punkt 6: slås ihop med"
    assert describe("items/6/split") == "punkt 6: ny punkt efter"
    assert describe("items/6/decisions/1/move") == "punkt 6: beslut 2 flyttas till"
    assert describe_value("items/6/merge", "items/5/subitems/b") == "punkt 5 b"
    assert describe_value("items/6/split", {"number": "7", "title": "Budget"}) == "7 Budget"
