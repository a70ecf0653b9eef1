"""On a phone, a wide table reads as stacked cards: each cell says which column it belongs to, the page never
scrolls sideways, and screen readers still hear a table (roles kept). On a desktop it stays a table."""

import pytest
from playwright.sync_api import Page, expect

from samverkan.matters.models import Matter, MatterItem
from samverkan.meetings.models import AgendaItem
from tests.e2e.browsing import assert_controls_named, step

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_list_of_matters_is_a_table_on_a_desktop_and_cards_on_a_phone(live_server, page: Page, sample_network,
                                                                         tmp_path):
    matter = Matter.objects.create(title="Reviderad överenskommelse om samverkan vid utskrivning från slutenvård",
                                   registry_number="RSS 2021/14", body=sample_network)
    matter.items.add(AgendaItem.objects.filter(meeting__published_at__isnull=False).first(),
                     through_defaults={"state": MatterItem.State.CONFIRMED})  # listed once public
    with step(page, tmp_path, "1 a table at 1280 px"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{live_server.url}/arenden/")
        table = page.get_by_role("table").first
        expect(table.get_by_role("columnheader", name="Diarienummer")).to_be_visible()
        assert page.locator("table.as-cards tbody tr").first.evaluate("row => getComputedStyle(row).display") == (
            "table-row")
    with step(page, tmp_path, "2 cards at 320 px, each value labelled by its column"):
        page.set_viewport_size({"width": 320, "height": 800})
        row = page.locator("table.as-cards tbody tr").filter(has_text="RSS 2021/14")
        assert row.evaluate("row => getComputedStyle(row).display") == "block"
        cell = row.get_by_role("cell").filter(has_text="RSS 2021/14")
        expect(cell).to_have_attribute("data-label", "Diarienummer")
        assert cell.evaluate("cell => getComputedStyle(cell, '::before').content") == '"Diarienummer: "'
        expect(page.get_by_role("table").first.get_by_role("row").nth(1)).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert_controls_named(page)  # with axe-core
