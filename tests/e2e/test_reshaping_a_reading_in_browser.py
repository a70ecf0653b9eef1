"""The secretariat fixes the shape of a reading on the review page: two items the reader made of one are merged,
a new item is made after another and a decision moved to it, a correction is taken back; the meeting is
imported as corrected. Controls are found by their accessible names; the page is checked with axe-core.
"""

import pytest
from playwright.sync_api import Page, expect

from samverkan.imports.models import ImportFile
from samverkan.imports.services import read_queued_file
from samverkan.meetings.models import Meeting
from tests.conftest import SAMPLES
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

MINUTES = sorted(SAMPLES.glob("*.txt"))[1]  # minutes of 9 November 2023, items 1–12



def test_the_secretariat_merges_splits_and_moves_on_the_review_page(live_server, page: Page, network_awaiting_import, tmp_path):
    with step(page, tmp_path, "1 upload the minutes and open the review"):
        page.goto(f"{live_server.url}/logga-in/?next=/sekretariat/import/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.get_by_label("Filer eller ZIP-fil").set_input_files(str(MINUTES))
        page.get_by_role("button", name="Ladda upp").click()
        read_queued_file(ImportFile.objects.get().pk)  # what the worker does
        page.get_by_role("link", name=f"Granska {MINUTES.name}").click()

    with step(page, tmp_path, "2 merge item 10 into item 9"):
        page.get_by_role("group", name="Punkt 10").get_by_text("Slå ihop eller dela punkt 10").click()
        page.get_by_label("Slå ihop med (punkt 10)").select_option(label="Punkt 9")
        page.get_by_role("button", name="Spara rättelser").click()
        expect_message(page, "Rättelsen är sparad.")
        expect(page.get_by_role("group", name="Punkt 10")).to_have_count(0)
        expect(page.get_by_label("Beslut 2 för punkt 9")).to_be_visible()

    with step(page, tmp_path, "3 a new item 7a after item 7, and the second decision of item 7 moved there"):
        page.get_by_role("group", name="Punkt 7").get_by_text("Slå ihop eller dela punkt 7").click()
        page.get_by_label("Ny punkt efter punkt 7").fill("7a Val av vice ordförande")
        page.get_by_role("button", name="Spara rättelser").click()
        expect_message(page, "Rättelsen är sparad.")
        page.get_by_label("Flytta till (beslut 2 i punkt 7)").select_option(label="Punkt 7a")
        page.get_by_role("button", name="Spara rättelser").click()
        expect_message(page, "Rättelsen är sparad.")
        expect(page.get_by_label("Rubrik för punkt 7a")).to_have_value("Val av vice ordförande")
        expect(page.get_by_label("Beslut 1 för punkt 7a")).to_be_visible()
        expect(page.get_by_label("Beslut 2 för punkt 7")).to_have_count(0)
        assert_controls_named(page)  # with axe-core

    with step(page, tmp_path, "4 a wrong split is refused, saying where and why"):
        page.get_by_role("group", name="Punkt 11").get_by_text("Slå ihop eller dela punkt 11").click()
        page.get_by_label("Ny punkt efter punkt 11").fill("12 Igen")
        page.get_by_role("button", name="Spara rättelser").click()
        expect(page.get_by_role("alert")).to_contain_text(
            "Punkt 11: ny punkt efter 12 Igen: det finns redan en punkt 12.")

    with step(page, tmp_path, "5 take the merge back, then confirm"):
        corrections = page.get_by_role("table", name="Rättelser (3)")
        corrections.get_by_role("button", name="Ångra punkt 10: slås ihop med").click()
        expect_message(page, "Rättelsen av punkt 10: slås ihop med är ångrad; läsaren gäller där igen.")
        expect(page.get_by_role("group", name="Punkt 10")).to_be_visible()
        page.get_by_role("button", name="Bekräfta och importera").click()
        expect_message(page, f"{MINUTES.name} är importerad.")
        meeting = Meeting.objects.get()
        assert [item.number for item in meeting.items.all()][6:9] == ["7", "7a", "8"]
        assert meeting.items.get(number="7a").clauses.filter(kind="decision").count() == 1
        assert meeting.items.get(number="10").title.startswith("Hantering av överskjutande")
