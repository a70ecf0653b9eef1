"""Minutes as PDF, DOCX and text: content, running header on every page, and a round trip through the reader."""

import pytest
from helpers import docx_header, docx_paragraphs, expected_items, flat_items, pdf_pages, read_back

from samverkan.meetings.documents.minutes import (
    minutes_docx,
    minutes_html,
    minutes_pdf,
    minutes_text,
)
from samverkan.meetings.models import AgendaItem
from samverkan.meetings.selectors import meeting_with_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(meeting):
    return meeting_with_items(meeting.pk)


def expected_attendees(meeting):
    return {a.person.name: a.organization.name for a in meeting.attendances.select_related("person", "organization")}


def test_pdf_contains_items_decisions_and_outcomes(loaded):
    text = "\n".join(pdf_pages(minutes_pdf(loaded)))
    assert "Länsnätverket för förvaltningschefer" in text
    assert "Datum: 9 november 2023" in text and "Tid: Kl. 15.00–16.30" in text
    assert "Närvarande:" in text and "Patrik Prahl (tf)" in text
    assert "Greta Lindqvist (ersättare för Inga-Lill Frank)" in text
    assert "6. Beslut: Kalendarium för Länschefsnätverket 2024" in text
    assert "a) Rapport: Välfärdsrådet" in text
    assert text.count("Länschefsnätverket beslutade:") == 12
    assert "att utse Ulrika Gärdsback till vice ordförande 2024." in text
    assert "Punkten bordlades." in text
    assert "Styrgruppen tar tillbaka ärendet för vidare beredning." in text
    assert "Överlämnas till Välfärdsrådet." in text
    assert "Föredragande: Katarina Nordin-Kajblad, Verksamhetsutvecklare DHC; Jenny Jansson" in text


def test_pdf_has_running_header_on_every_page(loaded):
    pages = pdf_pages(minutes_pdf(loaded))
    assert len(pages) >= 2
    for page in pages:
        assert "Minnesanteckningar Länschefsnätverket" in page
        assert "Dnr: HSN 2023/78" in page
        assert "Datum: 2023-11-15" in page


def test_docx_contains_items_and_header_with_registry_number(loaded):
    data = minutes_docx(loaded)
    text = "\n".join(docx_paragraphs(data))
    assert "1. Mötets öppnande" in text and "Länschefsnätverket beslutade:" in text
    assert "att avsluta mötet." in text
    assert "Greta Lindqvist (ersättare för Inga-Lill Frank)" in text
    header = docx_header(data)
    assert "Dnr: HSN 2023/78" in header and "Datum: 2023-11-15" in header


@pytest.mark.parametrize("render, name", [(minutes_pdf, "minnesanteckningar.pdf"),
                                          (minutes_docx, "minnesanteckningar.docx")])
def test_round_trip_through_the_reader(loaded, meeting, tmp_path, render, name):
    document = read_back(render(loaded), tmp_path, name)
    assert document.kind == "minutes"
    assert document.meeting_date == meeting.date
    assert document.body == "Länsnätverket för förvaltningschefer"
    read = {number: (item.title, item.decisions) for number, item in flat_items(document.items)}
    assert read == expected_items(meeting, "decisions")
    assert {a.name: a.organization for a in document.attendees} == expected_attendees(meeting)
    titles = {a.name: a.title for a in document.attendees}
    assert titles["Åsa Dedering"] == "Hälso- och sjukvårdsdirektör"
    assert titles["Stefan Nielsen"] == "Samordnare"
    assert document.warnings == []


def test_pdf_round_trip_reads_registry_number_and_document_date(loaded, tmp_path):
    document = read_back(minutes_pdf(loaded), tmp_path, "minnesanteckningar.pdf")
    assert document.registry_number == "HSN 2023/78"
    assert document.document_date.isoformat() == "2023-11-15"


def test_text_has_the_same_structure_and_reads_back(loaded, meeting):
    from samverkan.archive.reader import read_text

    text = minutes_text(loaded)
    assert text.startswith("Länsnätverket för förvaltningschefer\n(Länschefsnätverket, LCHNV)\n")
    assert "Datum: 2023-11-15\nDnr: HSN 2023/78" in text
    document = read_text(text, "minnesanteckningar.txt")
    assert document.kind == "minutes" and document.meeting_date == meeting.date
    read = {number: (item.title, item.decisions) for number, item in flat_items(document.items)}
    assert read == expected_items(meeting, "decisions")


def test_text_is_stable_and_shows_corrections(meeting):
    before = minutes_text(meeting)
    assert minutes_text(meeting) == before
    item = AgendaItem.objects.get(meeting=meeting, parent=None, number="6")
    item.minutes_text = "Ett nytt förslag kommer i december."
    item.save()
    after = minutes_text(meeting)
    assert after != before and "Ett nytt förslag kommer i december." in after


def test_html_is_a_standalone_document_with_escaped_text(meeting):
    item = AgendaItem.objects.get(meeting=meeting, parent=None, number="14")
    item.minutes_text = "Frågan om <script> och \"citat\" togs upp."
    item.save()
    html = minutes_html(meeting)
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_registry_number_with_quotes_does_not_break_the_header(meeting):
    meeting.registry_number = 'HSN "2023"/78'
    meeting.save()
    pages = pdf_pages(minutes_pdf(meeting))
    assert all('Dnr: HSN "2023"/78' in page for page in pages)


@pytest.fixture
def seed_meeting(db):
    """Seed 001 as the reader sees it, and the meeting the importer made of it."""
    from pathlib import Path

    from samverkan.archive.parse import read_file
    from samverkan.archive.services import import_file

    seed = Path("samples/archive/001_73dc00971b4a7cc9.txt")
    original = read_file(seed)
    return original, meeting_with_items(import_file(seed).source.meeting_id)


@pytest.mark.parametrize("render, name", [(minutes_pdf, "seed.pdf"), (minutes_docx, "seed.docx")])
def test_seed_minutes_survive_import_render_and_read(seed_meeting, tmp_path, render, name):
    """A real imported meeting (seed 001) renders to documents the reader reads the same way."""
    original, meeting = seed_meeting
    document = read_back(render(meeting), tmp_path, name)
    assert document.kind == "minutes"
    assert document.meeting_date == original.meeting_date
    assert [i.number for i in document.items] == [i.number for i in original.items]
    assert [i.decisions for i in document.items] == [i.decisions for i in original.items]
    assert {a.name: a.organization for a in document.attendees} == {
        a.name: a.organization for a in original.attendees}
    if name.endswith(".docx"):
        assert [i.title for i in document.items] == [i.title for i in original.items]


def test_seed_minutes_pdf_keeps_long_titles_whole(seed_meeting, tmp_path):
    original, meeting = seed_meeting
    document = read_back(minutes_pdf(meeting), tmp_path, "seed.pdf")
    assert [i.title for i in document.items] == [i.title for i in original.items]
