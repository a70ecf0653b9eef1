"""Accounts by invitation, in a real browser: the secretariat invites the network's members and a new
secretary for Välfärdsrådet; the invited member chooses a password from the e-mail's link and signs in.
No admin, no shell."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from samverkan.directory.models import Body, Person
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

NEW_MEMBER = ("Karin Nyström", "karin.nystrom@falun.example")
PASSWORD = "Mitt-eget-lösen-7"


@pytest.fixture
def network(sample_network, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return sample_network


def invitation_link(address: str) -> str:
    [message] = [message for message in mail.outbox if message.to == [address]]
    return re.search(r"https?://\S+/konto/valj-losenord/\S+/", message.body).group(0)


def test_members_and_a_secretary_are_invited_and_choose_their_passwords(live_server, page: Page, network,
                                                                        browser, tmp_path):
    url = live_server.url

    with step(page, tmp_path, "1 the secretary adds a member with an e-mail address"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.get_by_role("link", name="Organ och medlemmar").click()
        page.get_by_role("link", name=f"Medlemmar i {network.display_name}").click()
        page.get_by_role("link", name="Lägg till medlem").click()
        new_person = page.get_by_role("region", name="Ny person")
        new_person.get_by_label("Namn").fill(NEW_MEMBER[0])
        new_person.get_by_label("E-post").fill(NEW_MEMBER[1])
        new_person.get_by_role("button", name="Lägg till ny person som medlem").click()
        expect_message(page, f"{NEW_MEMBER[0]} är tillagd och medlem i {network.display_name}.")

    with step(page, tmp_path, "2 invite every member who has an address and no account"):
        expect(page.get_by_text("1 medlemmar med e-postadress har inget konto.")).to_be_visible()
        assert_controls_named(page)
        mail.outbox.clear()
        page.get_by_role("button", name="Bjud in 1 medlemmar").click()
        expect_message(page, "En inbjudan är skickad till 1 medlemmar.")
        row = page.get_by_role("row").filter(has_text=NEW_MEMBER[0])
        expect(row).to_contain_text("Inbjuden")
        expect(row.get_by_role("button", name=f"Skicka igen inbjudan till {NEW_MEMBER[0]}")).to_be_visible()
        link = invitation_link(NEW_MEMBER[1])

    with step(page, tmp_path, "3 invite a new secretary for a new body"):
        page.get_by_role("link", name="Organ och medlemmar").click()
        page.get_by_role("link", name="Nytt organ").click()
        page.get_by_label("Namn", exact=True).fill("Välfärdsrådet")
        page.get_by_role("button", name="Skapa organet").click()
        page.get_by_role("link", name="Uppgifter och sekreterare").click()
        page.get_by_role("link", name="Bjud in en ny sekreterare med e-post").click()
        assert_controls_named(page)
        page.get_by_label("Namn").fill("Rut Rådsson")
        page.get_by_label("E-post").fill("rut@region.example")
        page.get_by_role("button", name="Skicka inbjudan").click()
        expect_message(page, "Rut Rådsson är sekreterare för Välfärdsrådet. "
                             "En inbjudan är skickad till rut@region.example.")
        secretaries = page.get_by_role("region", name="Sekreterare")
        expect(secretaries).to_contain_text("rut@region.example")
        assert Body.objects.get(name="Välfärdsrådet").secretaries.filter(email="rut@region.example").exists()
        assert invitation_link("rut@region.example")

    member_page = browser.new_context(locale="sv-SE").new_page()
    with step(member_page, tmp_path, "4 the member opens the link, chooses a password and signs in"):
        member_page.goto(link)
        expect(member_page.get_by_role("heading", level=1)).to_have_text("Välj lösenord")
        expect(member_page.get_by_text(f"Användarnamn: {NEW_MEMBER[1]}")).to_be_visible()
        assert_controls_named(member_page)
        member_page.get_by_label("Nytt lösenord", exact=True).fill(PASSWORD)
        member_page.get_by_label("Bekräfta nytt lösenord").fill(PASSWORD)
        member_page.get_by_role("button", name="Spara lösenordet").click()
        expect(member_page.get_by_role("status")).to_contain_text("Ditt lösenord är sparat.")
        fill_sign_in(member_page, NEW_MEMBER[1], PASSWORD)
        expect(member_page.get_by_role("heading", level=1)).to_have_text(NEW_MEMBER[0])
        assert Person.objects.get(name=NEW_MEMBER[0]).user.has_usable_password()

    with step(member_page, tmp_path, "5 the link works once"):
        member_page.goto(link)
        expect(member_page.get_by_role("alert")).to_contain_text("Länken fungerar inte längre")
    member_page.context.close()

    with step(page, tmp_path, "6 the member list says the member has an account"):
        page.get_by_role("link", name="Organ och medlemmar").click()
        page.get_by_role("link", name=f"Medlemmar i {network.display_name}").click()
        expect(page.get_by_role("row").filter(has_text=NEW_MEMBER[0])).to_contain_text("Har konto")
