"""Forms of other bodies (docs/import-rules.md, "Forms of other bodies"), with made-up examples."""

import pytest

from samverkan.archive.reader import AGENDA, MINUTES, read_text


@pytest.mark.parametrize(("text", "kind"), [
    # a title word inside a long line of PDF text, after a page number
    ("1 EXEMPELBY KOMMUN PROTOKOLL 1(9) Plats och tid Rådhuset, kl 13.00 Ordförande Eva Lund\n"
     "1. Val av justerare\n", MINUTES),
    ("Miljönämnden\nSammanträdesprotokoll 2021-03-04\n1. Mötets öppnande\n", MINUTES),
    ("Fritidsnämnden Direktionsprotokoll\n1. Mötets öppnande\n", MINUTES),
    ("Till ledamöterna KALLELSE till sammanträde med kulturnämnden\n1. Upprop\n", AGENDA),
    ("Exempelby kommun Underrättelse om sammanträde\n1. Upprop\n", AGENDA),
    # no title word, but the list of who took the decisions: a record of a held meeting
    ("Rådet för trygghet Plats och tid Stadshuset Beslutande Eva Lund, Per Ek\n1. Mötets öppnande\n", MINUTES),
])
def test_kind_from_title_word_in_opening_lines(text, kind):
    assert read_text(text, "x.txt").kind == kind


def test_protocol_in_running_text_further_down_does_not_make_minutes():
    text = "Kallelse\nKulturnämnden\n1. Upprop\n2. Justering av dagens protokoll\n"
    assert read_text(text, "x.txt").kind == AGENDA


def _titles(text):
    return [(item.number, item.title) for item in read_text(text, "x.txt").items]


def test_bare_numbers_in_order_are_items():
    text = ("Sammanträde 2022-04-05\n\n1 Val av justerare\n\nTid för justering bestäms.\n\n"
            "2 Anmälan av delegationsbeslut\n\n3 Budget för fritidsgårdar\n")
    assert _titles(text) == [("1", "Val av justerare"), ("2", "Anmälan av delegationsbeslut"),
                             ("3", "Budget för fritidsgårdar")]


def test_a_paragraph_sequence_may_start_anywhere_and_skip_a_few():
    text = "Kallelse\n\n14 Upprop\n15 Val av justerare\n17 Ekonomisk rapport\n"
    assert [n for n, _ in _titles(text)] == ["14", "15", "17"]


def test_a_lone_bare_number_or_numbers_out_of_order_are_text():
    assert _titles("Kallelse\n\n5 Personer deltog i visningen.\n\nNågot annat.\n") == []
    assert _titles("Kallelse\n\n3 Nya platser\n\n40 Ledamöter kom\n") == []


def test_paragraph_numbered_within_the_year():
    text = "Protokoll\n\n§ 41/22 Mötets öppnande\n\n§ 42/22 Val av justerare\n"
    assert _titles(text) == [("41", "Mötets öppnande"), ("42", "Val av justerare")]


def test_page_counter_of_pdf_pages_is_no_item_number():
    page = "Plats och tid Stadshuset, kl 13.00 Beslutande Eva Lund, Per Ek " + "och fler ord " * 30
    text = f"Protokoll\n\n1 {page}\n\n2 Miljönämnden 4 Val av justerare Per Ek valdes.\n"
    items = _titles(text)
    assert ("1", page.split(" Plats")[0]) not in items
    assert all(not title.startswith("Plats och tid") for _, title in items)


@pytest.mark.parametrize(("header", "place"), [
    ("Protokoll\nPlats\nBibliotekets hörsal, Storgatan 4\nTid\n13.00", "Bibliotekets hörsal, Storgatan 4"),
    ("Protokoll Sida 1 (3) Plats och tid Rådhuset, sal B, klockan Beslutande Eva Lund (S)", "Rådhuset, sal B"),
    ("Protokoll\nPlats och tid: Stadshuset, kl 13.00 Närvarande Eva Lund", "Stadshuset"),
])
def test_place_ends_at_the_end_of_its_field(header, place):
    assert read_text(f"{header}\n\n1. Mötets öppnande\n", "x.txt").location == place


def test_items_under_a_section_heading_take_its_type():
    text = ("Kallelse\n\n1. Val av justerare\n\nINFORMATIONSÄRENDEN\n\n2. Läget i hemtjänsten\n\n"
            "Beslutsärenden\n\n3. Taxa för färdtjänst\n\n4. Rapport: Budgetuppföljning\n\n5. Övriga frågor\n")
    types = [(i.number, i.type) for i in read_text(text, "x.txt").items]
    assert types == [("1", "procedural"), ("2", "information"), ("3", "decision"), ("4", "report"),
                     ("5", "other_business")]
