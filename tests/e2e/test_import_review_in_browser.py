"""The secretariat uploads its archive as a ZIP, watches it being read, reviews one document beside its source,
corrects it by clicking and typing, links a presenter to a person already in the directory, confirms it, imports
the sure ones in bulk, and finds the meeting on the public pages; the archive overview names the broken file.

The ZIP holds the five sample documents, the sample notice saved as Word (.docx) and scanned to an image-only
PDF (read by OCR), and a broken Word file. No
worker runs: the page waits with every file queued, and follows the reading live (polling) while the test
does the worker's work. Every page is checked with axe-core; controls are found by their accessible names.
"""

import io
import zipfile

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from samverkan.archive.models import SourceDocument
from samverkan.directory.models import Person
from samverkan.imports.models import ImportCorrection, ImportFile
from samverkan.imports.services import read_queued_file
from samverkan.meetings.models import Presentation
from tests import factories
from tests.conftest import SAMPLES
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step

pytestmark = pytest.mark.django_db(transaction=True)

SECRETARY = ("sekreterare", "Hemligt-lösen-1")
FORMATS = SAMPLES.parents[1] / "tests" / "fixtures" / "formats"
UNDATED = "arkiv.zip/arkiv/002_5579be9212fe8716.txt"  # an agenda whose date the reader cannot find
BROKEN_REASON = "Word-/zipfilen är trasig och kan inte öppnas"


@pytest.fixture
def network(settings, tmp_path):
    """The network with a secretary who is not staff, and one person of the directory: Ulrika Gärdback."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # no worker
    settings.SAMVERKAN_MAX_SECONDS_PER_DOCUMENT = 600  # OCR of the scanned pages on a busy machine
    network = factories.network()
    secretary = User.objects.create_user(SECRETARY[0], password=SECRETARY[1])
    network.secretaries.add(secretary)
    Person.objects.create(name="Ulrika Gärdback")
    return network


def archive_zip(path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as packed:
        for document in sorted(SAMPLES.glob("*.txt")):
            packed.writestr(f"arkiv/{document.name}", document.read_bytes())
        packed.writestr("arkiv/word/kallelse-2021-11-19.docx", (FORMATS / "kallelse-2021-11-19.docx").read_bytes())
        packed.writestr("arkiv/skannat/kallelse-2021-11-19.pdf",
                        (FORMATS / "kallelse-2021-11-19-skannad.pdf").read_bytes())
        packed.writestr("arkiv/trasig.docx", b"PK\x03\x04 inte en riktig docx")
    path.write_bytes(buffer.getvalue())


def test_the_secretariat_reviews_corrects_and_confirms_in_the_browser(live_server, page: Page, network, tmp_path):
    url = live_server.url
    archive = tmp_path / "arkiv.zip"
    archive_zip(archive)

    with step(page, tmp_path, "1 sign in, upload the ZIP; the list follows the reading live"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SECRETARY)
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name="Importera arkiv").click()
        page.get_by_label("Filer eller ZIP-fil").set_input_files(str(archive))
        page.get_by_role("button", name="Ladda upp").click()
        expect_message(page, "0 av 8 lästa")
        for row in ImportFile.objects.filter(state=ImportFile.State.QUEUED).order_by("pk"):
            read_queued_file(row.pk)  # what the worker does
        expect_message(page, "8 av 8 lästa · 7 att granska · 1 misslyckade")
        scanned = page.get_by_role("row").filter(has_text="arkiv.zip/arkiv/skannat/kallelse-2021-11-19.pdf")
        expect(scanned).to_contain_text("Att granska")
        expect(page.get_by_role("row").filter(has_text="arkiv.zip/arkiv/trasig.docx").locator(".error")).to_have_text(
            BROKEN_REASON)
        expect(page.get_by_role("row").filter(has_text=UNDATED)).to_contain_text("60 %")
        assert_controls_named(page)

    with step(page, tmp_path, "2 review the undated agenda beside its source"):
        page.get_by_role("link", name=f"Granska {UNDATED}").click()
        expect(page.get_by_role("heading", name=f"Granska {UNDATED}", level=1)).to_be_visible()
        expect(page.locator(".confidence")).to_have_text("Läsningens säkerhet: 60 % – mötesdatumet saknas.")
        expect(page.locator("#rad-4")).to_contain_text("2. Godkännande av dagordning")
        expect(page.get_by_role("group", name="Punkt 2 (rad 4)")).to_be_visible()
        assert_controls_named(page)

    with step(page, tmp_path, "3 correct the date and an item's title"):
        page.get_by_label("Mötesdatum").fill("2022-01-28")
        page.get_by_label("Rubrik för punkt 13").fill("Övriga frågor och avslutning")
        page.get_by_label("Typ för punkt 13").select_option(label="Övriga frågor")
        page.get_by_role("button", name="Spara rättelser").click()
        expect_message(page, "2 rättelser är sparade.")
        expect(page.locator(".confidence")).to_contain_text("Läsningens säkerhet: 100 %")
        expect(page.get_by_label("Mötesdatum")).to_have_value("2022-01-28")
        corrections = page.get_by_role("table", name="Rättelser (2)")
        expect(corrections.get_by_role("row").filter(has_text="punkt 13: rubrik")).to_contain_text(
            "Övriga frågorÖvriga frågor och avslutning")

    with step(page, tmp_path, "4 link a presenter to the person already in the directory"):
        presenter = page.get_by_label("Namn på föredragande 1 för punkt 7")
        expect(presenter).to_have_value("Ulrika Gärdsback")
        page.get_by_role("button", name="Koppla till Ulrika Gärdback i stället för Ulrika Gärdsback").click()
        expect_message(page, "Rättelsen är sparad.")
        expect(page.get_by_label("Namn på föredragande 1 för punkt 7")).to_have_value("Ulrika Gärdback")
        expect(page.get_by_text("Finns i registret: Ulrika Gärdback")).to_be_visible()
        assert ImportCorrection.objects.filter(person__name="Ulrika Gärdback").count() == 1
        assert_controls_named(page)

    with step(page, tmp_path, "5 confirm it, then import the sure ones in bulk"):
        page.get_by_role("button", name="Bekräfta och importera").click()
        expect_message(page, f"{UNDATED} är importerad.")
        sure = ImportFile.objects.filter(state=ImportFile.State.NEEDS_REVIEW, confidence__gte=90).count()
        page.get_by_label("Importera utan granskning filer med minst säkerheten (%)").fill("90")
        page.get_by_role("button", name="Importera alla säkra filer").click()
        expect_message(page, f"{sure} av {sure} filer med minst 90 % säkerhet är importerade.")
        assert SourceDocument.objects.filter(meeting__date="2022-01-28").count() == 1
        assert_controls_named(page)

    with step(page, tmp_path, "6 the corrected meeting is on the public pages, with the linked presenter"):
        page.goto(f"{url}/moten/")
        page.get_by_role("link", name="2022 (1)").click()
        page.get_by_role("link", name="Länschefsnätverket, 28 januari 2022").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("28 januari 2022")
        expect(page.get_by_role("heading", name="Övriga frågor och avslutning")).to_be_visible()
        presented = Presentation.objects.filter(item__meeting__date="2022-01-28", item__number="7")
        assert [p.person.name for p in presented] == ["Ulrika Gärdback"]  # the person already there, no new one

    with step(page, tmp_path, "7 the archive overview names the broken file and why"):
        page.goto(f"{url}/sekretariat/import/")
        page.get_by_role("link", name="Översikt över arkivet").click()
        expect(page.get_by_role("heading", name="Översikt över arkivet", level=1)).to_be_visible()
        failed = page.get_by_role("row").filter(has_text="arkiv.zip/arkiv/trasig.docx")
        expect(failed).to_contain_text(BROKEN_REASON)
        expect(page.get_by_role("button", name="Läs om misslyckade filer (1)")).to_be_visible()
        assert_controls_named(page)
