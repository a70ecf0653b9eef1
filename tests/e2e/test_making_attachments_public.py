"""An attachment is public by the body's default at upload and can be made not public afterwards, in a browser."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.directory.models import Body
from samverkan.meetings import services
from tests.e2e.browsing import assert_controls_named, blank_pdf, expect_message, fill_sign_in, step

pytestmark = pytest.mark.django_db(transaction=True)

SECRETARY = ("sekreterare", "Hemligt-lösen-1")


@pytest.fixture
def held_meeting(settings, tmp_path):
    """A meeting held a week ago, not yet published, of a body whose attachments are public by default."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    body = Body.objects.create(name="Länsnätverket för förvaltningschefer", short_name="Länschefsnätverket",
                               abbreviation="LCHNV")
    secretary = User.objects.create(username=SECRETARY[0])
    secretary.set_password(SECRETARY[1])
    secretary.save()
    body.secretaries.add(secretary)
    return services.plan_meeting(body, timezone.localdate() - datetime.timedelta(days=7),
                                 location="Teams", registry_number="HSN 2026/12")



def test_an_attachment_made_not_public_is_not_linked_for_the_public(live_server, page: Page, held_meeting,
                                                                     tmp_path):
    url = live_server.url

    with step(page, tmp_path, "1 sign in and open the item"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SECRETARY)
        expect(page.get_by_role("button", name=f"Logga ut {SECRETARY[0]}")).to_be_visible()
        page.goto(url + reverse("meetings:agenda", args=[held_meeting.pk]))
        page.get_by_role("link", name="Rapporter", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"Rapporter$"))

    with step(page, tmp_path, "2 upload a PDF: Offentlig is ticked by default"):
        expect(page.get_by_label("Offentlig när minnesanteckningarna publiceras")).to_be_checked()
        page.get_by_label("Fil (PDF, Word, Excel eller PowerPoint)").set_input_files(
            str(blank_pdf(tmp_path / "beslutsunderlag.pdf")))
        page.get_by_role("button", name="Bifoga").click()
        expect_message(page, "Bilaga 1: beslutsunderlag.pdf är bifogad.")
        expect(page.get_by_role("region", name="Bilagor").get_by_role("listitem")).to_contain_text(
            "beslutsunderlag.pdf (offentlig)")
        assert_controls_named(page)

    with step(page, tmp_path, "3 make it not public"):
        page.get_by_role("button", name="Gör ej offentlig Bilaga 1").click()
        expect_message(page, "Bilaga 1 är inte offentlig.")
        expect(page.get_by_role("region", name="Bilagor").get_by_role("listitem")).to_contain_text(
            "beslutsunderlag.pdf (ej offentlig)")
        expect(page.get_by_role("button", name="Gör offentlig Bilaga 1")).to_be_visible()
        assert_controls_named(page)

    with step(page, tmp_path, "4 publish the minutes"):
        page.goto(url + reverse("meetings:agenda", args=[held_meeting.pk]))
        page.get_by_role("navigation", name="Mötets steg").get_by_role(
            "link", name="3. Anteckningar och beslut").click()
        page.get_by_label("Publicera ändå, med punkter som inte är behandlade").check()
        page.get_by_role("button", name="Publicera", exact=True).click()
        expect_message(page, "Minnesanteckningarna är publicerade.")

    with step(page, tmp_path, "5 signed out, the public sees Bilaga 1 without a link"):
        page.get_by_role("button", name=f"Logga ut {SECRETARY[0]}").click()
        page.goto(url + held_meeting.get_absolute_url())
        expect(page.locator(".attachments")).to_contain_text("Bilaga 1")
        expect(page.get_by_role("link", name=re.compile("beslutsunderlag"))).to_have_count(0)
