"""The meeting packet (agenda and attachments in one PDF) and the calendar invitation."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from samverkan.core.errors import UserError
from samverkan.meetings.documents.agenda import agenda_pdf
from samverkan.meetings.documents.calendar import meeting_ics
from samverkan.meetings.documents.packet import meeting_packet_pdf
from samverkan.meetings.models import Attachment, Meeting

pytestmark = pytest.mark.django_db


def outline_titles(reader: PdfReader) -> list[tuple[str, int]]:
    return [(entry.title, reader.get_destination_page_number(entry)) for entry in reader.outline]


def test_packet_has_agenda_then_attachments_with_dividers_and_bookmarks(meeting, attachment_files):
    agenda_pages = len(PdfReader(io.BytesIO(agenda_pdf(meeting))).pages)
    reader = PdfReader(io.BytesIO(meeting_packet_pdf(meeting)))
    # Each attachment starts on a divider; Bilaga 1 is a 2-page PDF; the divider of Bilaga 2 (a broken
    # DOCX), 3 (XLSX) and 4 (missing) says why it is not included.
    assert len(reader.pages) == agenda_pages + 3 + 3
    assert outline_titles(reader) == [
        ("Kallelse", 0),
        ("Bilaga 1 – minnesanteckningar_230922.pdf", agenda_pages),
        ("Bilaga 2 – kalendarium_2024.docx", agenda_pages + 3),
        ("Bilaga 3 – uppdrag_hjalpmedel.xlsx", agenda_pages + 4),
        ("Bilaga 4 – cosmic_link.pdf", agenda_pages + 5),
    ]
    texts = [" ".join(page.extract_text().split()) for page in reader.pages[agenda_pages:]]
    assert texts[0] == "Bilaga 1 minnesanteckningar_230922.pdf Hör till punkt 3: Föregående minnesanteckningar 230922"
    assert "Kalendarium 2024" in texts[1] and "Bilaga 1" in texts[1]
    assert "kalendarium_2024.docx kunde inte omvandlas till PDF och finns som separat fil (DOCX)" in texts[3]
    assert texts[4].endswith("Hör till punkt 8: Uppdrag om digitala hjälpmedel i samverkan "
                             "uppdrag_hjalpmedel.xlsx finns som separat fil (XLSX).")
    assert texts[5].endswith("cosmic_link.pdf – filen saknas och kunde inte tas med.")


def test_packet_survives_a_broken_pdf_attachment(meeting, attachment_files):
    from django.core.files.base import ContentFile

    attachment = Attachment.objects.get(item__meeting=meeting, label="Bilaga 1")
    attachment.file.save("trasig.pdf", ContentFile(b"%PDF-1.7 this is not a pdf"), save=True)
    reader = PdfReader(io.BytesIO(meeting_packet_pdf(meeting)))
    assert any("trasig" in page.extract_text() for page in reader.pages)


def test_packet_without_attachments_is_the_agenda(body):
    meeting = Meeting.objects.create(body=body)
    reader = PdfReader(io.BytesIO(meeting_packet_pdf(meeting)))
    assert [title for title, _ in outline_titles(reader)] == ["Kallelse"]


def test_ics_parses_back_with_stockholm_time_and_sequence(meeting):
    calendar = Calendar.from_ical(meeting_ics(meeting, sequence=2))
    assert calendar["METHOD"] == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == f"meeting-{meeting.pk}@samverkan"
    start = event["DTSTART"]
    assert start.params["TZID"] == "Europe/Stockholm"
    assert start.dt == datetime(2023, 11, 9, 15, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert event["DTEND"].dt.hour == 16 and event["DTEND"].dt.minute == 30
    assert event["SEQUENCE"] == 2
    assert str(event["SUMMARY"]) == "Länschefsnätverket 9 november 2023"
    assert str(event["ORGANIZER"]) == "mailto:noreply@localhost"
    assert event["ORGANIZER"].params["CN"] == "Samverkan"
    assert "ATTENDEE" not in event
    assert "Moskogen" in str(event["LOCATION"])
    description = str(event["DESCRIPTION"])
    assert "1. Mötets öppnande" in description and "a) Rapport: Välfärdsrådet" in description
    assert calendar.walk("VTIMEZONE")


def test_ics_uid_is_stable_between_versions(meeting):
    first = Calendar.from_ical(meeting_ics(meeting)).walk("VEVENT")[0]
    second = Calendar.from_ical(meeting_ics(meeting, sequence=1)).walk("VEVENT")[0]
    assert first["UID"] == second["UID"] and first["SEQUENCE"] == 0


def test_ics_without_date_raises_in_swedish(body):
    with pytest.raises(UserError, match="inget datum"):
        meeting_ics(Meeting.objects.create(body=body))
