"""Justering in a browser: the secretariat names two justerare, one verifies on her own page, the secretariat
records the other's "justerat utan ändringar", and only then are the minutes published, naming both."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.meetings import recording, services
from tests import factories
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

JUSTERARE = ("karin", "Hemligt-lösen-3")


@pytest.fixture
def held_meeting(sample_network, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    leksand = factories.municipality("Leksand")
    karin = factories.member_user(sample_network, JUSTERARE[0], "Karin Fjällström", leksand, password=JUSTERARE[1])
    karin.person.email = "karin@leksand.example"
    karin.person.save()
    nils = factories.member(sample_network, "Nils Kvarnberg", leksand)
    meeting = services.plan_meeting(sample_network, timezone.localdate() - datetime.timedelta(days=2),
                                    location="Teams")
    recording.record_attendance(meeting, [recording.Presence(karin.person), recording.Presence(nils)], None)
    recording.adopt_remaining_proposals(meeting)
    return meeting


def test_minutes_are_published_once_both_justerare_have_verified(live_server, page: Page, browser,
                                                                  held_meeting, tmp_path):
    url = live_server.url
    meeting_page = url + held_meeting.get_absolute_url()

    with step(page, tmp_path, "1 the secretary names the justerare"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.goto(url + reverse("meetings:record", args=[held_meeting.pk]))
        page.get_by_label("Justerare 1").select_option(label="Karin Fjällström")
        page.get_by_label("Justerare 2").select_option(label="Nils Kvarnberg")
        page.get_by_role("button", name="Utse justerare").click()
        expect_message(page, "Justerare: Karin Fjällström och Nils Kvarnberg.")
        assert [message.to for message in mail.outbox] == [["karin@leksand.example"]]
        assert_controls_named(page)

    with step(page, tmp_path, "2 publishing waits for the justering"):
        page.get_by_label("Publicera ändå, med punkter som inte är behandlade").check()
        page.get_by_role("button", name="Publicera", exact=True).click()
        expect(page.get_by_role("alert")).to_contain_text(
            "Minnesanteckningarna är inte justerade: Karin Fjällström och Nils Kvarnberg har inte justerat.")

    karin = browser.new_context(locale="sv-SE").new_page()
    with step(karin, tmp_path, "3 Karin reads the minutes and verifies them"):
        karin.goto(f"{url}/logga-in/")
        fill_sign_in(karin, *JUSTERARE)
        karin.goto(meeting_page)
        karin.get_by_role("link", name="Läs och justera minnesanteckningarna").click()
        expect(karin.get_by_role("region", name="Minnesanteckningarna som de ser ut nu")).to_contain_text(
            "att godkänna dagordningen.")
        assert_controls_named(karin)
        karin.get_by_role("button", name="Jag justerar minnesanteckningarna").click()
        expect_message(karin, "Tack! Du har justerat minnesanteckningarna.")
        expect(karin.get_by_text(re.compile(r"^Du justerade minnesanteckningarna "))).to_be_visible()
    karin.context.close()

    with step(page, tmp_path, "4 the secretariat records Nils's justering and publishes"):
        page.reload()
        justering = page.get_by_role("region", name="Justering")
        expect(justering).to_contain_text("Karin Fjällström: justerade")
        justering.get_by_role("button", name="Justerat utan ändringar, Nils Kvarnberg").click()
        expect_message(page, "Nils Kvarnberg: justerat utan ändringar.")
        page.get_by_label("Publicera ändå, med punkter som inte är behandlade").check()
        page.get_by_role("button", name="Publicera", exact=True).click()
        expect_message(page, "Minnesanteckningarna är publicerade.")

    public = browser.new_context(locale="sv-SE").new_page()
    with step(public, tmp_path, "5 the public page says who verified the minutes"):
        public.goto(meeting_page)
        today = timezone.localdate()
        expect(public.get_by_text(f"Justerade av Karin Fjällström {today.day} ")).to_contain_text(
            "och Nils Kvarnberg")
        assert_controls_named(public)
    public.context.close()
