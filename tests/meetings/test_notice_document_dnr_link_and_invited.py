"""The notice (agenda PDF and Word) names its Dnr, the digital link and who is invited ('Kallade')."""

import datetime
import io

import pytest
from docx import Document
from pypdf import PdfReader

from samverkan.directory.models import Membership
from samverkan.meetings.documents.agenda import agenda_docx, agenda_pdf
from tests import factories

pytestmark = pytest.mark.django_db

LINK = "https://teams.example/mote/55"


@pytest.fixture
def notice_meeting(meeting, members, body):
    meeting.online_link = LINK
    meeting.save()
    gone = factories.member(body, "Per Ek", factories.municipality("Mora"))
    Membership.objects.filter(person=gone).update(end_date=datetime.date(2020, 1, 1))
    factories.member(factories.council(), "Lena Berg")  # a member of another body
    return meeting


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_notice_pdf_has_dnr_link_and_the_current_members_with_organisation(notice_meeting):
    lines = pdf_text(agenda_pdf(notice_meeting)).split("\n")
    assert lines[3:6] == ["Kallelse", "Dnr: HSN 2026/12", "Datum: 10 december 2026"]
    assert f"Digital länk: {LINK}" in lines
    kallade = lines.index("Kallade")
    assert lines[kallade + 1:kallade + 4] == ["Maria Jonsson, Falun", "Tomas Ahlin, Falun",
                                              "Åsa Dedering, Region Dalarna"]
    assert "Per Ek" not in "\n".join(lines) and "Lena Berg" not in "\n".join(lines)


def test_the_notice_in_word_has_the_same(notice_meeting):
    paragraphs = [p.text for p in Document(io.BytesIO(agenda_docx(notice_meeting))).paragraphs]
    assert paragraphs[1:4] == ["Kallelse", "Dnr: HSN 2026/12", "Datum: 10 december 2026"]
    assert f"Digital länk: {LINK}" in paragraphs
    assert paragraphs[-4:] == ["Kallade", "Maria Jonsson, Falun", "Tomas Ahlin, Falun", "Åsa Dedering, Region Dalarna"]


def test_a_body_without_members_has_no_kallade_section(body):
    from samverkan.meetings import services

    meeting = services.plan_meeting(body, datetime.date(2026, 12, 10))
    assert "Kallade" not in pdf_text(agenda_pdf(meeting))
