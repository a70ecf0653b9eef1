"""Appointing by choosing a person from the directory, in a real browser, with and without JavaScript.

From what `make run` gives (the sample archive, its people, and a secretary of the network) and the
network's rules of procedure (the chair alternates between the region and the municipalities; the region
had it last year), the secretary searches the directory (htmx lists the people as one types), chooses
Åsa Dedering, and is warned before anything is saved that the region's turn is over; "Spara ändå" saves
it as a warning, not a success. A typo finds nobody: the new person is created only by choosing
"Ny person" and filling in its own fields. Without JavaScript the search is a plain GET form.
"""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from samverkan.appointments import services
from samverkan.appointments.models import Appointment
from samverkan.directory.models import Person
from samverkan.directory.services import get_or_create_organization, get_or_create_person
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

YEAR = datetime.date.today().year
BREACH = (f"Enligt arbetsordningen 2 § ska kommunerna ha posten som ordförande {YEAR}, men Åsa Dedering "
          "företräder regionen.")


@pytest.fixture
def network(sample_network):
    """The sample network with rules of procedure, and last year's chair from the region."""
    network = sample_network
    region = get_or_create_organization("Region Dalarna")
    dedering = get_or_create_person("Åsa Dedering", region)
    dedering.organization = region
    dedering.save()
    last_year = get_or_create_person("Ulf Björnfot", region)
    services.set_rules(network, steering_group=None)
    services.appoint(last_year, network, Appointment.Role.CHAIR, datetime.date(YEAR - 1, 1, 1),
                     datetime.date(YEAR - 1, 12, 31), organization=region, appointed_by=network)
    return network


def sign_in(page: Page, url: str):
    page.goto(f"{url}/logga-in/")
    fill_sign_in(page, *SAMPLE_SECRETARY)
    expect(page.get_by_role("button", name=f"Logga ut {SAMPLE_SECRETARY[0]}")).to_be_visible()


def fill_term(page: Page, role: str):
    page.get_by_label("Förtroendeuppdrag", exact=True).select_option(label=role)
    page.get_by_label("Från", exact=True).fill(f"{YEAR}-01-01")
    page.get_by_label("Till och med", exact=True).fill(f"{YEAR}-12-31")


def test_the_secretariat_chooses_a_person_and_is_warned_before_saving(live_server, page: Page, network,
                                                                      tmp_path):
    url = live_server.url

    with step(page, tmp_path, "1 sign in and open the appointment form"):
        sign_in(page, url)
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name="Förtroendeuppdrag och val").click()
        page.get_by_role("link", name=network.display_name).click()
        page.get_by_role("link", name="Registrera förtroendeuppdrag").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            f"Registrera förtroendeuppdrag – {network.display_name}")
        assert_controls_named(page)

    with step(page, tmp_path, "2 search the directory as one types: htmx lists the people"):
        page.get_by_label("Sök i personregistret").press_sequentially("deder", delay=30)
        choice = page.get_by_role("radio", name="Åsa Dedering, Region Dalarna")
        expect(choice).to_be_visible()
        assert page.url.endswith(reverse("appointments:appoint", args=[network.slug]))  # no reload
        assert_controls_named(page)
        choice.check()
        fill_term(page, "Ordförande")

    with step(page, tmp_path, "3 the breach is a warning before saving; nothing is saved"):
        page.get_by_role("button", name="Registrera", exact=True).click()
        warning = page.get_by_role("alert").filter(has_text="Strider mot arbetsordningen")
        expect(warning).to_contain_text(BREACH)
        expect(warning).to_contain_text("Förtroendeuppdraget är inte sparat.")
        expect(page.locator(".message-success")).to_have_count(0)
        expect(page.get_by_role("radio", name="Åsa Dedering, Region Dalarna")).to_be_checked()
        assert not Appointment.objects.filter(person__name="Åsa Dedering").exists()
        assert_controls_named(page)
        page.set_viewport_size({"width": 320, "height": 800})
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert_controls_named(page)
        page.set_viewport_size({"width": 1280, "height": 800})

    with step(page, tmp_path, "4 Spara ändå: saved, and said as a warning"):
        page.get_by_role("button", name="Spara ändå").click()
        expect_message(page, "är registrerat trots att det strider mot arbetsordningen")
        expect(page.locator(".message-success")).to_have_count(0)
        expect(page.locator(".message-warning")).to_contain_text(BREACH)
        row = page.get_by_role("row").filter(has_text="Åsa Dedering")
        expect(row).to_contain_text("Strider mot regeln")
        assert Appointment.objects.get(person__name="Åsa Dedering").side == "region"
        assert_controls_named(page)

    with step(page, tmp_path, "5 a typo finds nobody, and creates nobody"):
        page.get_by_role("link", name="Registrera förtroendeuppdrag").click()
        page.get_by_label("Sök i personregistret").press_sequentially("Karin Vikstrom", delay=20)
        expect(page.get_by_text("Ingen person i registret heter ”Karin Vikstrom”.")).to_be_visible()
        fill_term(page, "Ledamot")
        page.get_by_role("button", name="Registrera", exact=True).click()
        expect(page.get_by_role("alert").filter(has_text="Välj en person i listan, eller ”Ny person”.")).to_be_visible()
        assert not Person.objects.filter(name__startswith="Karin Vik").exists()

    with step(page, tmp_path, "6 a new person only by choosing Ny person and filling in its fields"):
        page.get_by_role("radio", name="Ny person, som inte finns i registret").check()
        new = page.get_by_role("group", name="Ny person", exact=True)
        new.get_by_label("Namn").fill("Karin Vikström")
        new.get_by_label("Organisation").fill("Mora")
        new.get_by_label("Befattning").fill("Socialchef")
        assert_controls_named(page)
        page.get_by_role("button", name="Registrera", exact=True).click()
        expect_message(page, "Karin Vikström – ledamot i Länschefsnätverket är registrerat.")
        karin = Person.objects.get(name="Karin Vikström")
        assert (karin.organization.name, karin.title) == ("Mora", "Socialchef")
        expect(page.get_by_role("row").filter(has_text="Karin Vikström")).to_contain_text("Ledamot")


def test_without_javascript_the_search_is_a_plain_form(live_server, browser, network, tmp_path):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    url = live_server.url
    try:
        with step(page, tmp_path, "1 search with the Sök person button: the page lists the people"):
            sign_in(page, url)
            page.goto(url + reverse("appointments:appoint", args=[network.slug]))
            page.get_by_label("Sök i personregistret").fill("dedering")
            page.get_by_role("button", name="Sök person").click()
            assert "q=dedering" in page.url
            page.get_by_role("radio", name="Åsa Dedering, Region Dalarna").check()
        with step(page, tmp_path, "2 the same warning, and Spara ändå"):
            fill_term(page, "Ordförande")
            page.get_by_role("button", name="Registrera", exact=True).click()
            expect(page.get_by_role("alert").filter(has_text="Strider mot arbetsordningen")).to_contain_text(BREACH)
            page.get_by_role("button", name="Spara ändå").click()
            expect(page.locator(".message-warning")).to_contain_text("är registrerat trots att")
            assert Appointment.objects.filter(person__name="Åsa Dedering").count() == 1
    finally:
        context.close()
