"""Extract and dispatch in a browser: the minutes are verified and published through the pages, the
secretariat gives Borlänge's registry an address, makes an extract of one decision, downloads it as PDF
(PDF/A-2u) and Word, previews the dispatch to Borlänge's registrator, sends it, and sees it recorded on the
item; the public meeting page says the minutes are finished and that the extract went to Borlänge."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from docx import Document
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from samverkan.language.dates import swedish_date
from samverkan.meetings import recording, services
from samverkan.meetings.models import AgendaItem, ExtractDispatch
from tests import factories
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY
from tests.pdfa import pdfa_2u_problems

pytestmark = pytest.mark.django_db(transaction=True)

JUSTERARE = ("karin", "Hemligt-lösen-3")
DECISION = "att anta de reviderade överenskommelserna och rekommendera huvudmännen att anta dem."
REGISTRY = "registrator@borlange.example"


@pytest.fixture
def held_meeting(sample_network, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    leksand, borlange = factories.municipality("Leksand"), factories.municipality("Borlänge")
    borlange.registry_email = ""
    borlange.save()
    karin = factories.member_user(sample_network, JUSTERARE[0], "Karin Fjällström", leksand, password=JUSTERARE[1])
    nils = factories.member(sample_network, "Nils Kvarnberg", leksand)
    meeting = services.plan_meeting(sample_network, timezone.localdate() - datetime.timedelta(days=2),
                                    location="Teams")
    item = services.add_item(meeting, "Reviderade överenskommelser", AgendaItem.Type.DECISION, proposals=[DECISION])
    recording.record_attendance(meeting, [recording.Presence(karin.person), recording.Presence(nils)], None)
    recording.adopt_remaining_proposals(meeting)
    return meeting, item


def fetch(page: Page, link_name: str, suffix: str):
    """Follow a document link by its name; the response's headers and the file's bytes (asked again in the
    same session: the browser's PDF viewer keeps them to itself)."""
    with page.expect_response(lambda r: r.url.endswith(suffix)) as info:
        page.get_by_role("link", name=link_name, exact=True).click()
    return info.value.headers, page.request.get(info.value.url).body()


def test_an_extract_is_made_sent_to_a_registrator_and_recorded(live_server, page: Page, browser, held_meeting,
                                                                tmp_path):
    meeting, item = held_meeting
    url = live_server.url
    today = swedish_date(timezone.localdate())

    with step(page, tmp_path, "1 the secretary names the justerare and Karin verifies"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.goto(url + reverse("meetings:record", args=[meeting.pk]))
        page.get_by_label("Justerare 1").select_option(label="Karin Fjällström")
        page.get_by_label("Justerare 2").select_option(label="Nils Kvarnberg")
        page.get_by_role("button", name="Utse justerare").click()
        expect_message(page, "Justerare: Karin Fjällström och Nils Kvarnberg.")
        karin = browser.new_context(locale="sv-SE").new_page()
        karin.goto(f"{url}/logga-in/")
        fill_sign_in(karin, *JUSTERARE)
        karin.goto(url + meeting.get_absolute_url())
        karin.get_by_role("link", name="Läs och justera minnesanteckningarna").click()
        karin.get_by_role("button", name="Jag justerar minnesanteckningarna").click()
        expect_message(karin, "Tack! Du har justerat minnesanteckningarna.")
        karin.context.close()

    with step(page, tmp_path, "2 the secretariat records Nils's justering and publishes"):
        page.reload()
        page.get_by_role("region", name="Justering").get_by_role(
            "button", name="Justerat utan ändringar, Nils Kvarnberg").click()
        expect_message(page, "Nils Kvarnberg: justerat utan ändringar.")
        page.get_by_label("Publicera ändå, med punkter som inte är behandlade").check()
        page.get_by_role("button", name="Publicera", exact=True).click()
        expect_message(page, "Minnesanteckningarna är publicerade.")

    with step(page, tmp_path, "3 Borlänge's registry gets its address in the directory"):
        page.get_by_role("link", name="Sekretariat", exact=True).click()
        page.get_by_role("link", name="Organ och medlemmar", exact=True).click()
        page.get_by_role("link", name="Organisationer och registratorer").click()
        page.get_by_role("link", name="Ändra Borlänge", exact=True).click()
        page.get_by_label("Registratorns e-post").fill(REGISTRY)
        page.get_by_role("button", name="Spara").click()
        expect_message(page, "Uppgifterna för Borlänge är sparade.")
        expect(page.get_by_role("row", name=f"Borlänge Kommun {REGISTRY}")).to_be_visible()
        assert_controls_named(page)

    with step(page, tmp_path, "4 the extract of the decision as PDF/A and Word from the item page"):
        page.goto(url + reverse("meetings:agenda", args=[meeting.pk]))
        page.get_by_role("link", name="Reviderade överenskommelser", exact=True).click()
        section = page.get_by_role("region", name="Utdrag och expediering")
        expect(section).to_contain_text("Utdraget är inte expedierat.")
        headers, pdf = fetch(page, "Utdrag (PDF)", "utdrag.pdf")
        assert headers["content-disposition"].startswith("inline;")
        assert pdfa_2u_problems(pdf) == []
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert "Utdrag ur minnesanteckningar" in text and DECISION in " ".join(text.split())
        assert "Justerat\nKarin Fjällström" in text and "Rätt utdraget intygar\nsekreterare " + today in text
        page.goto(url + reverse("meetings:item", args=[item.pk]))
        with page.expect_download() as download:
            page.get_by_role("link", name="Utdrag (Word)", exact=True).click()
        assert download.value.suggested_filename.startswith("utdrag-lchnv-")
        lines = [p.text for p in Document(download.value.path()).paragraphs]
        assert "Länschefsnätverket beslutade:" in lines and DECISION in lines
        assert lines[-1] == f"Färdigställt {today}"

    with step(page, tmp_path, "5 the dispatch to Borlänge's registrator is previewed and sent"):
        page.get_by_role("link", name="Expediera utdraget").click()
        page.get_by_label(f"Borlänge ({REGISTRY})").check()
        assert_controls_named(page)
        page.get_by_role("button", name="Granska utskicket").click()
        recipients = page.get_by_role("region", name="Mottagare (1)")
        expect(recipients.get_by_role("row", name=f"Registrator, Borlänge {REGISTRY}")).to_be_visible()
        expect(page.get_by_role("region", name="E-postmeddelandet")).to_contain_text(DECISION)
        assert_controls_named(page)
        assert not mail.outbox
        page.get_by_role("button", name="Expediera till 1 mottagare").click()
        expect_message(page, "Utdraget är expedierat till 1 mottagare.")

    with step(page, tmp_path, "6 the item shows the dispatch and the registrator has the extract"):
        expect(page.get_by_role("region", name="Utdrag och expediering")).to_contain_text(
            f"Expedierat till Registrator, Borlänge ({REGISTRY}) den {today} av sekreterare, "
            "från version 1 av minnesanteckningarna.")
        assert [message.to for message in mail.outbox] == [[REGISTRY]]
        [(name, content, _)] = mail.outbox[0].attachments
        assert name.endswith(".pdf") and pdfa_2u_problems(content) == []
        dispatch = ExtractDispatch.objects.get()
        assert (dispatch.item_id, dispatch.minutes_version.version) == (item.pk, 1)

    public = browser.new_context(locale="sv-SE").new_page()
    with step(public, tmp_path, "7 the public page: finished, and the extract went to Borlänge"):
        public.goto(url + meeting.get_absolute_url())
        expect(public.locator("dl.facts")).to_contain_text(f"Färdigställt{today}")
        expect(public.get_by_text(f"Utdrag expedierat till Borlänge den {today}.")).to_be_visible()
        expect(public.locator("main")).not_to_contain_text(REGISTRY)
        assert_controls_named(public)
    public.context.close()
