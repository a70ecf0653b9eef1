"""A reader uses the public-service parts of the site in a real browser, by clicking: the footer's
accessibility statement and privacy notice, a body's calendar with its webcal: address copied by the copy
button and its Atom feed of published minutes, a meeting page's contents, and signing in from a meeting
page that brings the reader back to it. Every page passes axe-core (WCAG 2.1 A/AA) at 1280 and 320 px."""

import pytest
from playwright.sync_api import Page, expect

from samverkan.meetings.models import Meeting
from tests.e2e.browsing import assert_controls_named, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)


def footer(page: Page):
    return page.get_by_role("navigation", name="Om tjänsten")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_footer_leads_to_the_statement_and_the_privacy_notice(live_server, page: Page, sample_network,
                                                                   width, tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    with step(page, tmp_path, "1 the statement from the footer"):
        page.goto(f"{live_server.url}/moten/")
        footer(page).get_by_role("link", name="Tillgänglighetsredogörelse").click()
        expect(page.get_by_role("heading", name="Tillgänglighetsredogörelse", level=1)).to_be_visible()
        expect(page.get_by_role("link", name="Kontakta Digg och påtala bristen (digg.se/tdosanmalan)")
               ).to_have_attribute("href", "https://www.digg.se/tdosanmalan")
        expect(page.get_by_role("heading", name="Kända brister")).to_be_visible()
        assert_controls_named(page)
    with step(page, tmp_path, "2 the privacy notice from the footer"):
        footer(page).get_by_role("link", name="Personuppgifter").click()
        expect(page.get_by_role("heading", name="Personuppgifter", level=1)).to_be_visible()
        expect(page.get_by_text("namn, titel och organisation för dem som var närvarande")).to_be_visible()
        assert_controls_named(page)


def test_a_reader_copies_the_webcal_address_and_opens_the_minutes_feed(live_server, page: Page, sample_network,
                                                                        tmp_path):
    network, url = sample_network, live_server.url
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    with step(page, tmp_path, "1 the body's calendar from the list of bodies"):
        page.goto(f"{url}/organ/")
        page.get_by_role("listitem").filter(has_text=network.name).get_by_role("link", name="kalendarium").click()
        expect(page.get_by_role("navigation", name="Du är här").get_by_role("link", name="Organ")).to_be_visible()
        assert_controls_named(page)
    with step(page, tmp_path, "2 copy the webcal: address"):
        address = f"webcal://{url.split('://', 1)[1]}/organ/{network.slug}/kalender.ics"
        expect(page.get_by_role("link", name="Prenumerera på mötestiderna")).to_have_attribute("href", address)
        page.get_by_role("button", name="Kopiera adressen").click()
        expect(page.get_by_role("status").filter(has_text="Adressen är kopierad.")).to_be_visible()
        assert page.evaluate("() => navigator.clipboard.readText()") == address
        assert_controls_named(page)
    with step(page, tmp_path, "3 open the Atom feed of published minutes"):
        feed = page.locator("link[rel=alternate][type='application/atom+xml']")
        assert feed.get_attribute("href") == f"/organ/{network.slug}/minnesanteckningar.atom"
        with page.expect_response(lambda response: response.url.endswith("minnesanteckningar.atom")) as answer:
            page.get_by_role("link", name="Nyhetsflöde (Atom) med publicerade minnesanteckningar").click()
        response = answer.value
        assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
        body = response.text()
        assert "<feed " in body and f"Minnesanteckningar {network.display_name} 9 november 2023" in body


def test_the_meeting_page_and_signing_in_from_it(live_server, page: Page, sample_network, tmp_path):
    url = live_server.url
    meeting = Meeting.objects.get(date="2023-11-09")
    with step(page, tmp_path, "1 a meeting page: documents first, then the items' contents"):
        page.goto(f"{url}/moten/?ar=2023")
        page.get_by_role("link", name="9 november 2023").first.click()
        expect(page.get_by_role("heading", name="Dokument", exact=True)).to_be_visible()
        expect(page.get_by_text("Publicerat", exact=True)).to_be_visible()
        contents = page.get_by_role("navigation", name="Punkter på dagordningen")
        first = meeting.items.filter(parent=None).first()
        contents.get_by_role("link", name=f"{first.number}. {first.title}").click()
        assert page.url.endswith(f"#punkt-{first.pk}")
        assert_controls_named(page)
    with step(page, tmp_path, "2 sign in from the meeting page and come back to it"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Logga in").click()
        fill_sign_in(page, *SAMPLE_SECRETARY)
        expect(page.get_by_role("heading", name="Möte 9 november 2023", level=1)).to_be_visible()
        assert page.url == f"{url}/moten/{meeting.pk}/"
        expect(page.get_by_role("link", name="Arbeta med mötet")).to_be_visible()
