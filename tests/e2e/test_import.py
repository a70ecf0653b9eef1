"""The secretariat imports two documents of its archive in a real browser, reviews the readings, confirms them.

A secretary of the network (no admin rights, nothing imported yet) uploads two sample documents
through the file input, sees both read (the tests run background tasks at once), confirms one, then
the rest, and finds the meetings on the public meeting list. Then, with no worker running, a ZIP
dropped on the upload waits queued, and the page follows the reading live (polling) once the test does
the worker's work; the broken file in it shows its reason. Controls are found by their accessible names.
"""

import zipfile

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from samverkan.archive.models import SourceDocument
from samverkan.imports.models import ImportFile
from samverkan.imports.services import read_queued_file
from samverkan.meetings.models import Meeting
from tests import factories
from tests.conftest import SAMPLES
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step

pytestmark = pytest.mark.django_db(transaction=True)

SECRETARY = ("sekreterare", "Hemligt-lösen-1")


@pytest.fixture
def network(settings, tmp_path):
    """The network with a secretary who is not staff; its archive not imported yet."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    network = factories.network()
    secretary = User.objects.create_user(SECRETARY[0], password=SECRETARY[1])
    network.secretaries.add(secretary)
    return network


def test_the_secretariat_imports_documents_in_the_browser(live_server, page: Page, network, tmp_path, settings):
    url = live_server.url
    agenda, minutes = sorted(SAMPLES.glob("*.txt"))[:2]

    with step(page, tmp_path, "1 sign in and open the import"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SECRETARY)
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name="Importera arkiv").click()
        expect(page.get_by_role("heading", name="Importera arkiv", level=1)).to_be_visible()
        assert_controls_named(page)

    with step(page, tmp_path, "2 upload two documents through the file input, to be reviewed"):
        page.get_by_label("Filer eller ZIP-fil").set_input_files([str(agenda), str(minutes)])
        files = page.locator("#valda-filer")
        expect(files.get_by_role("listitem")).to_have_text([agenda.name, minutes.name])
        expect(page.get_by_label("Granska innan import")).to_be_checked()
        page.get_by_role("button", name="Ladda upp").click()
        expect_message(page, "Filerna är uppladdade och läses nu.")
        expect_message(page, "2 av 2 lästa · 2 att granska")
        rows = page.get_by_role("row")
        expect(rows.filter(has_text=agenda.name)).to_contain_text(
            "Att granska Dagordning · Länsnätverket för förvaltningschefer · 19 november 2021 · 10 punkter")
        expect(rows.filter(has_text=minutes.name)).to_contain_text(
            "Att granska Minnesanteckningar · Länsnätverket för förvaltningschefer · 9 november 2023")
        assert not SourceDocument.objects.exists()
        assert_controls_named(page)

    with step(page, tmp_path, "3 confirm the agenda, then all reviewed"):
        page.get_by_role("button", name=f"Importera {agenda.name}").click()
        expect_message(page, f"{agenda.name} är importerad.")
        expect_message(page, "2 av 2 lästa · 1 att granska · 1 importerade")
        page.get_by_role("button", name="Importera alla säkra filer").click()
        expect_message(page, "1 av 1 filer med minst 90 % säkerhet är importerade.")
        expect_message(page, "2 av 2 lästa · 2 importerade")
        expect(page.get_by_role("button", name="Importera alla säkra filer")).to_have_count(0)
        assert SourceDocument.objects.count() == 2
        assert_controls_named(page)

    with step(page, tmp_path, "4 the meetings are on the public pages"):
        page.goto(f"{url}/moten/")
        page.get_by_role("link", name="Länschefsnätverket, 9 november 2023").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("9 november 2023")
        page.goto(f"{url}/moten/")
        page.get_by_role("link", name="2021 (1)").click()
        page.get_by_role("link", name="Länschefsnätverket, 19 november 2021").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("19 november 2021")
        assert sorted(str(m.date) for m in Meeting.objects.all()) == ["2021-11-19", "2023-11-09"]

    with step(page, tmp_path, "5 drop a ZIP on the upload; the list follows the worker live"):
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # no worker yet
        third = sorted(SAMPLES.glob("*.txt"))[2]
        archive = tmp_path / "arkiv.zip"
        with zipfile.ZipFile(archive, "w") as packed:
            packed.writestr(f"2022/{third.name}", third.read_bytes())
            packed.writestr("2022/trasig.pdf", b"%PDF-1.4 trasig")
        page.goto(f"{url}/sekretariat/import/")
        dropped = page.evaluate_handle("""([name, bytes]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(bytes)], name, {type: "application/zip"}));
            return transfer;
        }""", ["arkiv.zip", list(archive.read_bytes())])
        page.locator("#slappyta").dispatch_event("drop", {"dataTransfer": dropped})
        expect(page.locator("#valda-filer").get_by_role("listitem")).to_have_text(["arkiv.zip"])
        page.get_by_role("button", name="Ladda upp").click()
        expect_message(page, "0 av 2 lästa")
        for row in ImportFile.objects.filter(state=ImportFile.State.QUEUED):
            read_queued_file(row.pk)  # what the worker does
        expect_message(page, "2 av 2 lästa · 1 att granska · 1 misslyckade")
        failed = page.get_by_role("row").filter(has_text="arkiv.zip/2022/trasig.pdf")
        expect(failed).to_contain_text("Misslyckades")
        expect(failed.locator(".error")).to_have_text(
            "PDF-filen är trasig och kan inte läsas (PdfStreamError: Stream has ended unexpectedly)")
        assert_controls_named(page)
