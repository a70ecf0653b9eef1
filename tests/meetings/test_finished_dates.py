"""Finished minutes (färdigställda): the day the verified minutes were first published, when they became an
official document; kept by corrections, which record their own day; shown on the page and in the documents."""

import datetime
import io

import pytest
import time_machine
from docx import Document
from pypdf import PdfReader

from samverkan.core.errors import UserError
from samverkan.meetings import publishing, recording
from samverkan.meetings.documents.minutes import minutes_docx, minutes_pdf, minutes_text
from samverkan.meetings.published import public_meeting
from samverkan.meetings.selectors import meeting_with_items

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_first_publication_after_justering_finishes_the_minutes(verified):
    meeting = verified.meeting
    assert meeting.finished_on == datetime.date(2026, 12, 12)
    assert meeting.minutes_versions.get().finished_on == datetime.date(2026, 12, 12)


def test_a_correction_keeps_the_finished_date_and_records_its_own(verified, anna):
    meeting = verified.meeting
    recording.record_item(verified, None, minutes_text="Rättad anteckning.", decisions=[c.text for c in verified.decisions], outcome="decided")
    with time_machine.travel(datetime.datetime(2026, 12, 15, 9, 0)):
        version = publishing.publish_minutes(meeting, note="Anteckningen rättad.", acting_user=anna)
    meeting.refresh_from_db()
    assert meeting.finished_on == datetime.date(2026, 12, 12)
    assert (version.version, version.finished_on) == (2, datetime.date(2026, 12, 15))

    reading = public_meeting(meeting.pk, drafts=False)
    text = pdf_text(minutes_pdf(reading))
    assert "Färdigställt 12 december 2026" in text
    assert "Rättelse färdigställd 15 december 2026 (version 2)" in text


def test_the_finished_date_is_not_in_the_published_text_so_an_unchanged_correction_is_refused(verified):
    meeting = verified.meeting
    version = meeting.minutes_versions.get()
    assert "Färdigställt" not in version.text
    assert minutes_text(meeting_with_items(meeting.pk)) == version.text
    with time_machine.travel(datetime.datetime(2026, 12, 15, 9, 0)), pytest.raises(UserError) as error:
        publishing.publish_minutes(meeting, note="Inget.")
    assert error.value.message == "Minnesanteckningarna är oförändrade sedan de publicerades."


def test_the_documents_carry_the_finished_date_in_text_and_properties(verified):
    reading = public_meeting(verified.meeting.pk, drafts=False)
    pdf = minutes_pdf(reading)
    assert "Färdigställt 12 december 2026" in pdf_text(pdf)
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info["/CreationDate"] == "D:20261212"
    assert info["/Subject"] == "Färdigställt 12 december 2026"
    assert info["/Title"] == "Minnesanteckningar Länschefsnätverket 10 december 2026"
    assert info["/Author"] == "Länsnätverket för förvaltningschefer"

    document = Document(io.BytesIO(minutes_docx(reading)))
    assert document.paragraphs[-1].text == "Färdigställt 12 december 2026"
    properties = document.core_properties
    assert properties.created.date() == datetime.date(2026, 12, 12)
    assert properties.subject == "Färdigställt 12 december 2026"


def test_unfinished_minutes_say_so_in_their_properties(meeting):
    pdf = minutes_pdf(meeting_with_items(meeting.pk))
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info["/Subject"] == "Ej färdigställt" and "/CreationDate" not in info
    assert "Färdigställt" not in pdf_text(pdf)


def test_the_meeting_page_shows_the_finished_date(client, verified):
    page = client.get(verified.meeting.get_absolute_url()).content.decode()
    assert "<dt>Färdigställt</dt><dd>12 december 2026</dd>" in page
