"""A reader searches the sample archive in a browser: a compound's first part, a filter, sorting by
date, a misspelling followed through "Menade du" and another form of a verb found through its lemma;
axe-core finds nothing on the way."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.browsing import step

pytestmark = pytest.mark.django_db(transaction=True)


def hit_titles(page: Page) -> list[str]:
    return page.locator("ol.hits > li > a").all_inner_texts()


def test_searching_filtering_sorting_and_following_menade_du(live_server, page: Page, sample_network, tmp_path):
    url = live_server.url

    with step(page, tmp_path, "1 the search page without a query: help and the latest decisions"):
        page.goto(f"{url}/")
        page.get_by_role("search").get_by_role("searchbox").fill("hemsjukvård")
        page.get_by_role("search").get_by_role("button", name="Sök").click()
        expect(page.get_by_role("heading", name="Sök i punkter och beslut")).to_be_visible()
        expect(page.get_by_role("searchbox")).to_have_count(1)  # the header's quick search is not repeated
        expect(page.get_by_role("status")).to_contain_text("på ”hemsjukvård”")
        assert any(title.startswith("Beslut om utredning angående förutsättningar") for title in hit_titles(page))
        expect(page.locator(".snippet mark").first).to_be_visible()
        assert_accessible(page)

    with step(page, tmp_path, "2 filter by presenter"):
        page.get_by_role("searchbox", name="Sökord").fill("covid")
        page.get_by_label("Föredragande").select_option(label="Susanne Magnusson")
        page.get_by_role("button", name="Visa träffar").click()
        expect(page.get_by_role("status")).to_contain_text("1 träff på ”covid”")
        assert hit_titles(page) == ["Aktuellt Covid-läge"]

    with step(page, tmp_path, "3 sort by date, newest first"):
        page.get_by_role("searchbox", name="Sökord").fill("kalendarium")
        page.get_by_label("Föredragande").select_option(label="Alla föredragande")
        page.get_by_label("Sortera").select_option(label="Nyast först")
        page.get_by_role("button", name="Visa träffar").click()
        titles = hit_titles(page)
        assert titles.index("Kalendarium för Länschefsnätverket 2024") < titles.index(
            "Kalendarium för Länschefsnätverket 2022")
        assert_accessible(page)

    with step(page, tmp_path, "4 a misspelling: no hits, help, and Menade du followed by a click"):
        page.get_by_role("searchbox", name="Sökord").fill("hemsjukvåd")
        page.get_by_role("button", name="Sök", exact=True).click()
        expect(page.get_by_role("status")).to_contain_text("Inga träffar på ”hemsjukvåd”.")
        expect(page.get_by_role("heading", name="Tips för att hitta")).to_be_visible()
        assert_accessible(page)
        page.get_by_role("link", name="hemsjukvård").click()
        expect(page.get_by_role("searchbox", name="Sökord")).to_have_value("hemsjukvård")
        assert any(title.startswith("Beslut om utredning angående förutsättningar") for title in hit_titles(page))

    with step(page, tmp_path, "5 an empty query: help and the latest decisions"):
        page.get_by_role("searchbox", name="Sökord").fill("")
        page.get_by_role("button", name="Sök", exact=True).click()
        expect(page.get_by_role("heading", name="Så söker du")).to_be_visible()
        expect(page.get_by_role("heading", name="Senaste besluten")).to_be_visible()
        assert_accessible(page)

    with step(page, tmp_path, "6 another form of a verb: redogöra finds and marks redogjorde"):
        expect(page.get_by_text("”redogöra” hittar ”redogjorde”")).to_be_visible()
        page.get_by_role("searchbox", name="Sökord").fill("redogöra")
        page.get_by_role("button", name="Sök", exact=True).click()
        expect(page.get_by_role("status")).to_contain_text("på ”redogöra”")
        assert "Redovisning av Projekt ungdomshälsa" in hit_titles(page)
        expect(page.locator(".snippet mark", has_text="redogjorde").first).to_be_visible()
        assert_accessible(page)
