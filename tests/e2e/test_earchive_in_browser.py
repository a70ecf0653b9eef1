"""The secretariat exports a year of its meetings as an e-archive package and downloads the ZIP, by clicking.

From what `make run` gives (the sample archive and a secretary): the secretariat's page → "E-arkiv" → the
network's page → the year 2021 → "Exportera e-arkivpaket"; the tests run background tasks at once, so the
package is ready on the next page, and its link downloads the ZIP, which holds the year's meetings. Then,
with no worker running, a second package waits queued and the page follows it live (polling) once the
test does the worker's work.
"""

import zipfile

import pytest
from playwright.sync_api import Page, expect

from samverkan.earchive.models import ArchiveExport
from samverkan.earchive.services import run_export
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_secretariat_exports_a_year_and_downloads_the_package(live_server, page: Page, sample_network,
                                                                   tmp_path, settings):
    url = live_server.url
    with step(page, tmp_path, "1 sign in and open the network's e-archive page"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name="E-arkiv", exact=True).click()
        page.get_by_role("link", name=f"E-arkivpaket för {sample_network.display_name}").click()
        expect(page.get_by_role("heading", name=f"E-arkivpaket för {sample_network.display_name}",
                                level=1)).to_be_visible()
        expect(page.get_by_text("Inga paket ännu.")).to_be_visible()
        assert_controls_named(page)

    with step(page, tmp_path, "2 choose 2021 and export"):
        page.get_by_role("link", name="2021", exact=True).click()
        expect(page.get_by_label("Från och med")).to_have_value("2021-01-01")
        expect(page.get_by_label("Till och med")).to_have_value("2021-12-31")
        expect(page.get_by_label("Ta med bilagor som inte är offentliga")).not_to_be_checked()
        page.get_by_role("button", name="Exportera e-arkivpaket").click()
        expect_message(page, "E-arkivpaketet för 1 januari 2021–31 december 2021 är klart att ladda ner.")
        row = page.get_by_role("row").filter(has_text="1 januari 2021–31 december 2021")
        expect(row).to_contain_text("Klart")
        expect(row).to_contain_text("2 möten, 4 filer")

    with step(page, tmp_path, "3 download the ZIP"):
        with page.expect_download() as download_info:
            row.get_by_role("link", name="Ladda ner e-arkiv-lchnv-2021-01-01--2021-12-31.zip").click()
        download = download_info.value
        assert download.suggested_filename == "e-arkiv-lchnv-2021-01-01--2021-12-31.zip"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        with zipfile.ZipFile(saved) as archive:
            names = archive.namelist()
        root = "lchnv-2021-01-01--2021-12-31/"
        assert f"{root}METS.xml" in names and f"{root}representations/rep1/METS.xml" in names
        assert sorted(n.rsplit("/", 1)[1] for n in names if "/data/moten/" in n) == [
            "kallelse.docx", "kallelse.pdf", "minnesanteckningar.docx", "minnesanteckningar.pdf"]
        assert saved.stat().st_size == ArchiveExport.objects.get().size

    with step(page, tmp_path, "4 with no worker the next package waits, and the page follows it when built"):
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # no worker yet
        page.get_by_role("link", name="2023", exact=True).click()
        page.get_by_role("button", name="Exportera e-arkivpaket").click()
        expect_message(page, "E-arkivpaketet för 1 januari 2023–31 december 2023 skapas nu. Sidan visar när det "
                             "är klart.")
        row = page.get_by_role("row").filter(has_text="1 januari 2023–31 december 2023")
        expect(row).to_contain_text("I kö")
        run_export(ArchiveExport.objects.get(start__year=2023).pk)  # what the worker does
        expect(row).to_contain_text("Klart")
        expect(row.get_by_role("link", name="Ladda ner e-arkiv-lchnv-2023-01-01--2023-12-31.zip")).to_be_visible()
