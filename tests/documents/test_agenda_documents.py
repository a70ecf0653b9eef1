"""The notice with agenda as HTML, PDF and DOCX, and its round trip through the reader."""

import pytest
from helpers import docx_paragraphs, expected_items, flat_items, pdf_pages, read_back

from samverkan.meetings.documents.agenda import agenda_docx, agenda_html, agenda_pdf
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.meetings.selectors import meeting_with_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(meeting):
    return meeting_with_items(meeting.pk)


def test_html_is_laid_out_like_the_seed_notice(loaded):
    html = agenda_html(loaded)
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "Länsnätverket för förvaltningschefer (Länschefsnätverket, LCHNV)" in html
    assert "Datum: 9 november 2023" in html and "Tid: Kl. 15.00–16.30" in html
    assert "Plats: Hotell och restaurang Moskogen" in html
    assert "Förslag till beslut" in html and "Länschefsnätverket beslutar:" in html


def test_pdf_contains_items_presenters_attachments_and_proposals(loaded):
    text = "\n".join(pdf_pages(agenda_pdf(loaded)))
    assert "Datum: 9 november 2023" in text
    assert "1. Mötets öppnande" in text and "15. Mötets avslutande" in text
    assert "b) Rapport: Hemsjukvårdsavtalet" in text
    assert "Föredragande: Susanne Magnusson, Divisionschef Medicin" in text
    assert "Bilaga 2" in text
    assert text.count("Förslag till beslut") == 12
    assert "att fastställa Länschefsnätverkets kalendarium för 2024." in text
    assert "beslutade:" not in text


def test_docx_has_real_headings_and_paragraphs(loaded):
    import io

    import docx

    document = docx.Document(io.BytesIO(agenda_docx(loaded)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Länsnätverket för förvaltningschefer (Länschefsnätverket, LCHNV)"
    assert "6. Beslut: Kalendarium för Länschefsnätverket 2024" in headings
    assert "c) Rapport: Nätverket för välfärdsteknik" in headings
    text = "\n".join(docx_paragraphs(agenda_docx(loaded)))
    assert "Förslag till beslut\nLänschefsnätverket beslutar:\natt fastställa" in text


@pytest.mark.parametrize("render, name", [(agenda_pdf, "kallelse.pdf"), (agenda_docx, "kallelse.docx")])
def test_round_trip_through_the_reader(loaded, meeting, tmp_path, render, name):
    document = read_back(render(loaded), tmp_path, name)
    assert document.kind == "agenda"
    assert document.meeting_date == meeting.date
    assert (document.start_time.hour, document.start_time.minute) == (15, 0)
    assert document.location == meeting.location
    read = {number: (item.title, item.proposals) for number, item in flat_items(document.items)}
    assert read == expected_items(meeting, "proposals")
    assert all(not item.decisions for _, item in flat_items(document.items))
    presenters = {n: [(p.name, p.title) for p in i.presenters] for n, i in flat_items(document.items)}
    assert presenters["8"] == [("Katarina Nordin-Kajblad", "Verksamhetsutvecklare DHC"),
                               ("Jenny Jansson", "Hjälpmedelskonsulent DHC")]
    attachments = {n: i.attachments for n, i in flat_items(document.items) if i.attachments}
    assert attachments == {"3": ["Bilaga 1"], "6": ["Bilaga 2"], "8": ["Bilaga 3"], "11": ["Bilaga 4"]}
    assert document.warnings == []


def test_meeting_without_time_or_place_still_renders(body):
    meeting = Meeting.objects.create(body=body)
    AgendaItem.objects.create(meeting=meeting, number="1", title="Mötets öppnande", position=0)
    text = "\n".join(pdf_pages(agenda_pdf(meeting)))
    assert "1. Mötets öppnande" in text and "Tid:" not in text
    assert agenda_docx(meeting)[:2] == b"PK"
