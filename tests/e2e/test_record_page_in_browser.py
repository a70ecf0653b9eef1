"""The record page as the secretary's working surface, in a browser: a jump list, saves in place that keep
focus, all remaining items as proposed, a warning before typed text is lost, and attendance in one click."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.meetings import services
from tests import factories
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def held_meeting(sample_network):
    falun, region = factories.municipality("Leksand"), factories.region()
    factories.member(sample_network, "Karin Fjällström", falun)
    factories.member(sample_network, "Nils Kvarnberg", falun)
    factories.member(sample_network, "Lena Sjöberg", region)
    return services.plan_meeting(sample_network, timezone.localdate() - datetime.timedelta(days=3),
                                 location="Teams")


def item_section(page: Page, title: str):
    return page.get_by_role("region", name=re.compile(rf"^\d+\. {re.escape(title)}"))


def test_the_secretary_records_a_meeting_on_one_page(live_server, page: Page, held_meeting, tmp_path):
    record_url = live_server.url + reverse("meetings:record", args=[held_meeting.pk])

    with step(page, tmp_path, "1 sign in and open the record page"):
        page.goto(f"{live_server.url}/logga-in/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.goto(record_url)
        assert_controls_named(page)

    with step(page, tmp_path, "2 the jump list leads to an item"):
        page.get_by_role("navigation", name="Punkter").get_by_role("link", name="4. Rapporter").click()
        assert re.search(r"#punkt-\d+$", page.url)

    with step(page, tmp_path, "3 a save answers in place: no reload, focus stays on the button"):
        page.evaluate("window.notReloaded = true")
        reports = item_section(page, "Rapporter")
        reports.get_by_label("Anteckningar").fill("Region Dalarna rapporterade om läget i hemsjukvården.")
        reports.get_by_role("button", name="Spara punkt 4").click()
        expect(reports.locator(".message-success")).to_have_text("Punkt 4 är sparad.")
        assert page.evaluate("window.notReloaded") is True
        assert page.evaluate("document.activeElement.textContent") == "Spara punkt 4"

    with step(page, tmp_path, "4 the opening is handled, the rest decided as proposed in one click"):
        opening = item_section(page, "Mötets öppnande")
        opening.get_by_role("button", name="Behandlad, punkt 1").click()
        expect(opening.locator(".message-success")).to_have_text("Punkt 1: beslut enligt förslaget.")
        expect(page.get_by_role("navigation", name="Punkter").get_by_role("listitem").first).to_contain_text(
            "Beslutad")
        page.get_by_role("button", name="Alla återstående enligt förslagen").click()
        expect_message(page, "Beslut enligt förslagen i 3 punkter: 2, 3, 4.")
        expect(item_section(page, "Godkännande av dagordning").get_by_label("Beslut", exact=True)).to_have_value(
            "att godkänna dagordningen.")

    with step(page, tmp_path, "5 leaving with typed, unsaved text asks first"):
        asked = []
        page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
        item_section(page, "Övriga frågor").get_by_label("Anteckningar").fill("Inga övriga frågor.")
        page.get_by_role("link", name="Ändra närvaron").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Anteckningar och beslut"))
        assert asked == ["beforeunload"]
        item_section(page, "Övriga frågor").get_by_role("button", name="Spara punkt 5").click()
        expect(item_section(page, "Övriga frågor").locator(".message-success")).to_have_text("Punkt 5 är sparad.")

    with step(page, tmp_path, "6 attendance: everyone present in one click"):
        page.get_by_role("link", name="Ändra närvaron").click()
        page.get_by_role("button", name="Markera alla närvarande").click()
        for name in ("Karin Fjällström", "Nils Kvarnberg", "Lena Sjöberg"):
            expect(page.get_by_role("checkbox", name=re.compile(rf"^{name}"))).to_be_checked()
        assert_controls_named(page)
        page.get_by_role("button", name="Spara närvaron").click()
        expect_message(page, "Närvaron är sparad: 3 närvarande.")
