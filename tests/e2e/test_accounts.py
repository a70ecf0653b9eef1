"""A secretary signs in, finds the header on one line, sees an edit in the audit log as a Swedish
sentence, and is told by the field that a meeting cannot end before it starts; all by clicking."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.language.dates import swedish_date
from samverkan.meetings import services
from tests import factories
from tests.e2e.browsing import assert_controls_named, click_and_settle, expect_message, fill_sign_in, step

pytestmark = pytest.mark.django_db(transaction=True)

SECRETARY = ("sekreterare", "Hemligt-lösen-1")


@pytest.fixture
def planned(settings):
    """The network, its secretary Anna Berg (a person with an account) and a planned meeting."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    network = factories.network()
    secretary = factories.secretary_of(network, username=SECRETARY[0], password=SECRETARY[1])
    anna = factories.member(network, "Anna Berg", factories.region())
    anna.user = secretary
    anna.save()
    meeting_date = timezone.localdate() + datetime.timedelta(days=21)
    return services.plan_meeting(network, meeting_date, datetime.time(9, 30), datetime.time(12), "Falun")


def test_the_secretariat_signs_in_and_reads_swedish(live_server, page: Page, planned, tmp_path):
    url = live_server.url
    page.set_viewport_size({"width": 1280, "height": 800})
    meeting_label = f"{planned.body.display_name} {swedish_date(planned.date)}"

    with step(page, tmp_path, "1 sign in and land on the secretariat's start page"):
        page.goto(f"{url}/")
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Logga in").click()
        fill_sign_in(page, *SECRETARY)
        expect(page.get_by_role("heading", name="Sekretariat", level=1)).to_be_visible()
        assert page.url == f"{url}/sekretariat/"
        assert_controls_named(page)

    with step(page, tmp_path, "2 the header's menu is one line at 1280 pixels"):
        menu = page.get_by_role("navigation", name="Huvudmeny")
        entries = menu.locator(":scope > a, :scope > form button")
        assert entries.count() == 9
        tops = [entries.nth(index).bounding_box()["y"] for index in range(entries.count())]
        assert max(tops) - min(tops) <= 4, tops  # links and the sign-out button share one line
        header = page.locator("header.site").bounding_box()
        assert header["height"] < 80, header  # and the search field sits on the same line

    with step(page, tmp_path, "3 change an item's title by clicking"):
        page.get_by_role("link", name=f"{planned.body.display_name}, {swedish_date(planned.date)}").click()
        page.get_by_role("link", name="Rapporter", exact=True).click()
        page.get_by_label("Rubrik").fill("Rapporter från kommunerna")
        click_and_settle(page, page.get_by_role("button", name="Spara punkten"))
        expect_message(page, "Punkt 4 är sparad.")

    with step(page, tmp_path, "4 the audit log says it in a Swedish sentence"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name="Ändringslogg").click()
        expect(page.get_by_role("cell", name=(
            f"Anna Berg ändrade punkt 4 Rapporter från kommunerna ({meeting_label}): "
            "rubrik från ”Rapporter” till ”Rapporter från kommunerna”."))).to_be_visible()
        expect(page.get_by_text("update", exact=False)).to_have_count(0)
        assert_controls_named(page)

    with step(page, tmp_path, "5 a meeting cannot end before it starts: the field says so"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name=f"{planned.body.display_name}, {swedish_date(planned.date)}").click()
        page.get_by_role("link", name="Ändra mötesuppgifter").click()
        page.get_by_label("Starttid").fill("13:00")
        page.get_by_label("Sluttid").fill("12:00")
        page.get_by_role("button", name="Spara").click()
        end_field = page.locator("p.field").filter(has=page.get_by_label("Sluttid"))
        expect(end_field.get_by_role("alert")).to_have_text("Sluttiden måste vara efter starttiden.")
        expect(page.get_by_label("Starttid")).to_have_value("13:00")
        assert_controls_named(page)
