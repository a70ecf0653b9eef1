"""Minutes and extracts are PDF/A-2u, checked by tests/pdfa.py (veraPDF cannot be installed offline here);
the same check finds what is missing in a PDF that is not PDF/A, so it can fail."""

import pytest

from samverkan.core.rendering import html_to_pdf
from samverkan.meetings.documents.extract import extract_pdf, item_extract
from samverkan.meetings.documents.minutes import minutes_html, minutes_pdf
from samverkan.meetings.published import public_meeting
from tests.pdfa import pdfa_2u_problems

pytestmark = pytest.mark.django_db


def test_the_published_minutes_are_pdf_a_2u(verified):
    assert pdfa_2u_problems(minutes_pdf(public_meeting(verified.meeting.pk, drafts=False))) == []


def test_the_extract_is_pdf_a_2u(verified):
    assert pdfa_2u_problems(extract_pdf(item_extract(verified, certified_by="Anna Berg"))) == []


def test_a_pdf_that_is_not_pdf_a_fails_the_check(verified):
    plain = html_to_pdf(minutes_html(public_meeting(verified.meeting.pk, drafts=False)))
    assert pdfa_2u_problems(plain) == [
        "catalogue: no OutputIntent with /S /GTS_PDFA1",
        "catalogue: no XMP metadata stream",
        "trailer: no file identifier (/ID)",
    ]
