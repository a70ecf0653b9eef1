"""A correction of published minutes in a real browser: drafted by the secretariat, public once published.

From what `make run` gives (the sample archive, whose minutes are public as imported), a secretary
opens an imported meeting, changes a decision and saves it. The public, in a browser of its own,
still reads the decision as published. The secretary says what was corrected and publishes the
correction; the public then reads the new decision, and the first version stays readable.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from samverkan.meetings.models import Clause
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

SECRETARY = SAMPLE_SECRETARY
ADDITION = " Uppföljning sker i juni."


@pytest.fixture
def decided(sample_network):
    """The sample archive with a secretary of the network, and one decision of its minutes."""
    network = sample_network
    decision = (Clause.objects.filter(kind=Clause.Kind.DECISION, item__meeting__body=network, item__parent=None)
                .select_related("item__meeting").order_by("item__meeting__date", "item__position").first())
    return decision


def public_decisions(page: Page, url: str):
    page.goto(url)
    return page.locator(".decisions")


def test_a_correction_is_a_draft_until_it_is_published(live_server, page: Page, browser, decided, tmp_path):
    item, meeting = decided.item, decided.item.meeting
    public_url = f"{live_server.url}{meeting.get_absolute_url()}"
    corrected = decided.text + ADDITION
    public = browser.new_context(locale="sv-SE").new_page()

    with step(public, tmp_path, "1 the public reads the decision as imported"):
        expect(public_decisions(public, public_url).first).to_be_visible()
        expect(public.get_by_text(decided.text, exact=True)).to_be_visible()

    with step(page, tmp_path, "2 the secretary changes the decision"):
        page.goto(f"{live_server.url}/logga-in/?next={meeting.get_absolute_url()}")
        fill_sign_in(page, *SECRETARY)
        page.get_by_role("link", name="Arbeta med mötet").click()
        page.get_by_role("navigation", name="Mötets steg").get_by_role("link", name="3. Anteckningar och beslut").click()
        section = page.get_by_role("region", name=re.compile(rf"^{re.escape(item.number)}\. "))
        section.get_by_label("Beslut", exact=True).fill(corrected)
        section.get_by_role("button", name=f"Spara punkt {item.number}").click()
        expect_message(page, f"Punkt {item.number} är sparad.")
        correction = page.get_by_role("region", name="Rättelse av minnesanteckningarna")
        expect(correction).to_contain_text("Det finns ändringar som inte är publicerade.")
        expect(correction).to_contain_text("allmänheten och medlemmarna ser version 1")
        assert_controls_named(page)

    with step(public, tmp_path, "3 the public still reads the published decision"):
        public.reload()
        expect(public.get_by_text(decided.text, exact=True)).to_be_visible()
        expect(public.get_by_text(corrected)).to_have_count(0)

    with step(page, tmp_path, "4 the secretary publishes the correction"):
        page.get_by_role("button", name="Publicera rättelse").click()
        expect(page.get_by_role("alert").filter(has_text="Beskriv vad som rättats.")).to_be_visible()
        page.get_by_label("Vad har rättats?").fill(f"Tillägg i beslutet under punkt {item.number}.")
        page.get_by_role("button", name="Publicera rättelse").click()
        expect_message(page, "Rättelsen är publicerad som version 2.")

    with step(public, tmp_path, "5 the public reads the correction; version 1 stays readable"):
        public.reload()
        expect(public.get_by_text(corrected, exact=True)).to_be_visible()
        versions = public.get_by_role("region", name="Publicerade versioner")
        expect(versions).to_contain_text(f"rättelse: Tillägg i beslutet under punkt {item.number}.")
        assert_controls_named(public)
        versions.get_by_role("link", name="Visa ändringarna").click()
        expect(public.get_by_text(decided.text).first).to_be_visible()
        assert_controls_named(public)
    public.context.close()
