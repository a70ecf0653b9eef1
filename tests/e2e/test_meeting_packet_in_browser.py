"""The meeting packet in a browser: a PDF and a Word file attached by clicking come back as one inline PDF,
each attachment after its divider page and stamped 'Bilaga N', the Word file converted by LibreOffice."""

import datetime
import io
import re

import docx
import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader, PdfWriter

from samverkan.core.office import soffice_path
from samverkan.meetings import services
from tests.e2e.browsing import assert_controls_named, click_and_settle, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY, _unavailable

pytestmark = pytest.mark.django_db(transaction=True)


def two_page_pdf(path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=842, height=595)
    with path.open("wb") as out:
        writer.write(out)
    return path


def word_file(path):
    document = docx.Document()
    document.add_paragraph("Förslag till kalendarium för 2027")
    document.save(str(path))
    return path


def test_attached_pdf_and_word_file_open_as_one_inline_packet(live_server, page: Page, sample_network, tmp_path):
    if soffice_path() is None:
        _unavailable("soffice is missing (apt-get install libreoffice-writer-nogui)")
    meeting = services.plan_meeting(sample_network, timezone.localdate() + datetime.timedelta(days=20))
    services.add_item(meeting, "Kalendarium 2027", "decision")

    with step(page, tmp_path, "1 sign in and open the item from the agenda"):
        page.goto(f"{live_server.url}/logga-in/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.goto(live_server.url + reverse("meetings:agenda", args=[meeting.pk]))
        page.get_by_role("link", name="Kalendarium 2027").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"Kalendarium 2027$"))

    with step(page, tmp_path, "2 attach a PDF and a Word file"):
        files = page.get_by_label("Fil (PDF, Word, Excel eller PowerPoint)")
        files.set_input_files(str(two_page_pdf(tmp_path / "motesplan.pdf")))
        click_and_settle(page, page.get_by_role("button", name="Bifoga"))
        expect_message(page, "Bilaga 1: motesplan.pdf är bifogad.")
        files.set_input_files(str(word_file(tmp_path / "kalendarium-2027.docx")))
        click_and_settle(page, page.get_by_role("button", name="Bifoga"))
        expect_message(page, "Bilaga 2: kalendarium-2027.docx är bifogad.")
        assert_controls_named(page)

    with step(page, tmp_path, "3 open the meeting packet from the agenda page: an inline PDF"):
        page.get_by_role("link", name=re.compile(r"^Dagordning ")).click()
        link = page.get_by_role("link", name="Möteshandlingar (kallelse och bilagor) som PDF")
        with page.expect_response(lambda r: r.url.endswith(".pdf") or "handlingar" in r.url) as answer:
            link.click()
        response = answer.value
        assert response.status == 200
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["content-disposition"].startswith("inline;")
        expect(page).to_have_url(re.compile(r"/handlingar\.pdf$"))  # opened in the browser, not saved
        # The browser's viewer keeps the navigation's bytes to itself: the same address, asked again
        # in the same session, gives them.
        again = page.request.get(page.url)
        assert again.headers["content-disposition"] == response.headers["content-disposition"]
        reader = PdfReader(io.BytesIO(again.body()))

    titles = [(entry.title, reader.get_destination_page_number(entry)) for entry in reader.outline]
    agenda_pages = titles[1][1]
    assert titles == [("Kallelse", 0), ("Bilaga 1 – motesplan.pdf", agenda_pages),
                      ("Bilaga 2 – kalendarium-2027.docx", agenda_pages + 3)]
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert len(texts) == agenda_pages + 3 + 2
    assert texts[agenda_pages].startswith("Bilaga 1 motesplan.pdf Hör till punkt ")
    assert texts[agenda_pages + 1:agenda_pages + 3] == ["Bilaga 1", "Bilaga 1"]
    assert texts[agenda_pages + 3].startswith("Bilaga 2 kalendarium-2027.docx Hör till punkt ")
    assert texts[-1] == "Förslag till kalendarium för 2027 Bilaga 2"  # the converted page, stamped
