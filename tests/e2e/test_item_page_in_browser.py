"""The item page in a browser: "Bifoga" keeps what was typed, saves happen in place with the focus kept,
and leaving with typed, unsaved text asks first."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.meetings import services
from tests.e2e.browsing import assert_controls_named, blank_pdf, click_and_settle, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

PROPOSAL = "att anta den regionala handlingsplanen för hemsjukvård."



def test_typed_text_survives_bifoga_and_saves_stay_in_place(live_server, page: Page, sample_network, tmp_path):
    meeting = services.plan_meeting(sample_network, timezone.localdate() + datetime.timedelta(days=20))
    item = services.add_item(meeting, "Handlingsplan för hemsjukvård", "decision")

    with step(page, tmp_path, "1 sign in and open the item"):
        page.goto(f"{live_server.url}/logga-in/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.goto(live_server.url + reverse("meetings:item", args=[item.pk]))
        assert_controls_named(page)

    with step(page, tmp_path, "2 type a proposal, attach a file: the proposal is kept and saved"):
        page.evaluate("window.notReloaded = true")
        page.get_by_label("Förslag till beslut").fill(PROPOSAL)
        page.get_by_label("Fil (PDF, Word, Excel eller PowerPoint)").set_input_files(
            str(blank_pdf(tmp_path / "handlingsplan.pdf")))
        click_and_settle(page, page.get_by_role("button", name="Bifoga"))
        expect_message(page, "Bilaga 1: handlingsplan.pdf är bifogad.")
        expect_message(page, "Punkt 5 är sparad.")
        expect(page.get_by_label("Förslag till beslut")).to_have_value(PROPOSAL)
        expect(page.get_by_role("region", name="Bilagor").get_by_role("link", name="handlingsplan.pdf")).to_be_visible()
        assert page.evaluate("window.notReloaded") is True
        assert page.evaluate("document.activeElement.id") == "bifoga"

    with step(page, tmp_path, "3 Spara punkten saves in place"):
        page.get_by_label("Underlag").fill("Handlingsplanen har beretts i styrgruppen.")
        click_and_settle(page, page.get_by_role("button", name="Spara punkten"))
        expect_message(page, "Punkt 5 är sparad.")
        expect(page.get_by_label("Underlag")).to_have_value("Handlingsplanen har beretts i styrgruppen.")
        assert page.evaluate("window.notReloaded") is True
        assert page.evaluate("document.activeElement.id") == "spara-punkten"
        assert_controls_named(page)

    with step(page, tmp_path, "4 leaving with typed, unsaved text asks first"):
        asked = []
        page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
        page.get_by_label("Underlag").fill("Ändrat men inte sparat.")
        page.get_by_role("link", name=re.compile(r"^Dagordning ")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Punkt 5. Handlingsplan för hemsjukvård")
        assert asked == ["beforeunload"]
