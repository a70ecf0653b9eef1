"""A secretary reviews a scanned agenda beside its pages: the images the worker made are on the review page,
above the text OCR read from them, and the page passes axe-core."""

import shutil

import pytest
from playwright.sync_api import Page, expect

from samverkan.imports.models import ImportFile
from samverkan.imports.services import read_queued_file
from tests.conftest import SAMPLES
from tests.e2e.browsing import assert_controls_named, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("tesseract")),
                                 reason="poppler-utils and tesseract-ocr-swe are not installed (README)")]
SCANNED = SAMPLES.parents[1] / "tests" / "fixtures" / "formats" / "kallelse-2021-11-19-skannad.pdf"



def test_a_scanned_agenda_is_reviewed_beside_its_page_images(live_server, page: Page, network_awaiting_import, tmp_path):
    with step(page, tmp_path, "1 upload the scanned agenda; the worker reads it"):
        page.goto(f"{live_server.url}/logga-in/?next=/sekretariat/import/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.get_by_label("Filer eller ZIP-fil").set_input_files(str(SCANNED))
        page.get_by_role("button", name="Ladda upp").click()
        read_queued_file(ImportFile.objects.get().pk)  # what the worker does
        page.get_by_role("link", name=f"Granska {SCANNED.name}").click()

    with step(page, tmp_path, "2 the two pages are shown above the text OCR read"):
        expect(page.get_by_text("De inskannade sidorna (2)")).to_be_visible()
        second = page.get_by_role("img", name="Sida 2 av 2, inskannad; texten nedan är vad textigenkänningen läste")
        second.scroll_into_view_if_needed()
        expect(second).to_be_visible()
        assert second.evaluate("image => image.complete && image.naturalWidth > 800")
        expect(page.get_by_role("heading", name="Text enligt textigenkänningen")).to_be_visible()
        expect(page.locator(".confidence")).to_contain_text("texten är inskannad och läst med textigenkänning")
        assert_controls_named(page)  # with axe-core
