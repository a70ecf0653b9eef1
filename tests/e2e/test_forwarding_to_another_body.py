"""Forwarding in a real browser: Länschefsnätverket forwards an item to Välfärdsrådet, and it arrives.

A secretary of both bodies records the outcome "Överlämnad" to Välfärdsrådet and publishes the
minutes; Välfärdsrådet's secretariat is e-mailed, the item waits in Välfärdsrådet's inbox, the
secretary plans Välfärdsrådet's next meeting and adds the item to its agenda with one click, and
the matter's page shows both bodies' meetings in date order.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.directory.models import Body, Membership, Organization, Person
from samverkan.matters.models import Matter
from samverkan.meetings import publishing, recording, services
from samverkan.meetings.models import AgendaItem, Forwarding, Meeting
from tests.e2e.browsing import assert_controls_named, click_and_settle, expect_message, fill_sign_in, step

pytestmark = pytest.mark.django_db(transaction=True)

SECRETARY = ("sekreterare", "Hemligt-lösen-1")
TITLE = "Gemensam rutin för hemsjukvård"
PROPOSAL = "att anta den gemensamma rutinen."
DECISION = "att överlämna ärendet till Välfärdsrådet för beslut."


@pytest.fixture
def bodies(settings):
    """Länschefsnätverket with a planned meeting and an item; Välfärdsrådet; a secretary of both."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SAMVERKAN_SITE_URL = "https://samverkan.example"

    network = Body.objects.create(name="Länsnätverket för förvaltningschefer", short_name="Länschefsnätverket",
                                  abbreviation="LCHNV")
    council = Body.objects.create(name="Välfärdsrådet")
    falun = Organization.objects.create(name="Falun", kind=Organization.Kind.MUNICIPALITY)
    for name, body in [("Maria Jonsson", network), ("Anna Berg", council)]:
        person = Person.objects.create(name=name, organization=falun, email=f"{name.split()[0].lower()}@falun.example")
        Membership.objects.create(person=person, body=body)

    secretary = User.objects.create(username=SECRETARY[0], email="sara@region.example")
    secretary.set_password(SECRETARY[1])
    secretary.save()
    network.secretaries.add(secretary)
    council.secretaries.add(secretary)
    council.secretaries.add(User.objects.create(username="radssekreterare", email="rad@region.example"))

    meeting = services.plan_meeting(network, timezone.localdate() - datetime.timedelta(days=7), location="Teams")
    services.add_item(meeting, TITLE, AgendaItem.Type.DECISION, "Rutinen är remitterad till kommunerna.", [PROPOSAL])
    return network, council, meeting


def agenda_titles(page: Page) -> list[str]:
    return [row.get_by_role("link").first.inner_text().strip() for row in page.locator("#dagordning > li").all()]


def test_a_forwarded_item_reaches_the_receiving_body(live_server, page: Page, bodies, tmp_path):
    _network, council, meeting = bodies
    url = live_server.url
    council_date = timezone.localdate() + datetime.timedelta(days=21)

    with step(page, tmp_path, "1 sign in"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SECRETARY)
        expect(page.get_by_role("button", name=f"Logga ut {SECRETARY[0]}")).to_be_visible()

    with step(page, tmp_path, "2 record the outcome: forwarded to Välfärdsrådet"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name=re.compile(r"^Länschefsnätverket, ")).click()
        page.get_by_role("navigation", name="Mötets steg").get_by_role("link", name="3. Anteckningar och beslut").click()
        item = page.get_by_role("region", name=re.compile(rf"^5\. {TITLE}"))
        item.get_by_label("Beslut", exact=True).fill(DECISION)
        item.get_by_label("Utfall").select_option(label="Överlämnad")
        item.get_by_label("Överlämnas till").select_option(label="Välfärdsrådet")
        click_and_settle(page, item.get_by_role("button", name="Spara punkt 5"))

        expect_message(page, "Punkt 5 är sparad.")
        expect(page.get_by_role("region", name=re.compile(rf"^5\. {TITLE}")).get_by_role("heading")).to_contain_text(
            "Överlämnad")
        forwarding = Forwarding.objects.get()
        assert (forwarding.item.title, forwarding.to_body) == (TITLE, council)

    with step(page, tmp_path, "3 before publication the inbox is empty"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name="Inkommande ärenden till Välfärdsrådet (0)").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Inkommande ärenden till Välfärdsrådet")
        expect(page.get_by_text("Inga överlämnade ärenden väntar.")).to_be_visible()
        assert_controls_named(page)

    with step(page, tmp_path, "4 publish; Välfärdsrådet's secretariat is told"):
        mail.outbox.clear()
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name=re.compile(r"^Länschefsnätverket, ")).click()
        page.get_by_role("navigation", name="Mötets steg").get_by_role("link", name="3. Anteckningar och beslut").click()
        page.get_by_label("Publicera ändå, med punkter som inte är behandlade").check()
        page.get_by_role("button", name="Publicera", exact=True).click()
        expect_message(page, "Minnesanteckningarna är publicerade.")
        meeting.refresh_from_db()
        assert meeting.published_at is not None
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["rad@region.example", "sara@region.example"]
        assert message.subject == f"Överlämnat ärende från Länschefsnätverket: {TITLE}"
        assert f"ärendet ”{TITLE}” till Välfärdsrådet." in message.body
        assert f"https://samverkan.example/sekretariat/inkommande/{council.pk}/" in message.body

    with step(page, tmp_path, "5 the item waits in Välfärdsrådet's inbox"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        assert_controls_named(page)
        page.get_by_role("link", name="Inkommande ärenden till Välfärdsrådet (1)").click()
        waiting = page.get_by_role("region", name="Väntar på att tas upp")
        expect(waiting).to_contain_text(TITLE)
        expect(waiting).to_contain_text("Överlämnat av Länschefsnätverket vid mötet")
        expect(waiting).to_contain_text(DECISION)
        expect(waiting).to_contain_text(PROPOSAL)
        assert_controls_named(page)

    with step(page, tmp_path, "6 plan Välfärdsrådet's meeting"):
        page.get_by_role("link", name="planera nytt möte").click()
        page.get_by_label("Organ").select_option(label="Välfärdsrådet")
        page.get_by_label("Datum").fill(council_date.isoformat())
        page.get_by_label("Plats").fill("Teams")
        page.get_by_role("button", name="Skapa mötet").click()
        expect_message(page, "Mötet är skapat med standardpunkterna.")
        council_meeting = Meeting.objects.get(body=council)

    with step(page, tmp_path, "7 add the forwarded item to the agenda"):
        adding = page.get_by_role("region", name="Lägg till punkt")
        offered = adding.get_by_role("list", name="Överlämnade ärenden att ta upp")
        expect(offered).to_contain_text(TITLE)
        expect(offered).to_contain_text(DECISION)
        assert_controls_named(page)
        offered.get_by_role("button", name="Lägg till på dagordningen").click()

        expect_message(page, f"”{TITLE}” från Länschefsnätverket är punkt 5.")
        assert agenda_titles(page)[-2:] == [TITLE, "Övriga frågor"]
        expect(page.get_by_role("list", name="Överlämnade ärenden att ta upp")).to_have_count(0)
        taken_up = council_meeting.items.get(title=TITLE)
        assert [c.text for c in taken_up.proposals] == [PROPOSAL]

    with step(page, tmp_path, "8 the inbox is empty again and says where the item went"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name="Inkommande ärenden till Välfärdsrådet (0)").click()
        expect(page.get_by_text("Inga överlämnade ärenden väntar.")).to_be_visible()
        expect(page.get_by_role("region", name="Hanterade")).to_contain_text(f"{TITLE} (från Länschefsnätverket")
        assert_controls_named(page)

    with step(page, tmp_path, "9 the matter shows both bodies' meetings in date order"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Ärenden").click()
        page.get_by_role("link", name=TITLE, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        timeline = page.get_by_role("region", name="Tidslinje").locator("ol.timeline > li > p:first-child")
        expect(timeline).to_have_text([re.compile(r" · Länschefsnätverket$"), re.compile(r" · Välfärdsrådet$")])
        assert_controls_named(page)
        assert Matter.objects.get().body == council


def test_the_receiving_body_dismisses_a_forwarded_item_with_a_reason(live_server, page: Page, bodies, tmp_path):
    _network, council, meeting = bodies
    item = meeting.items.get(title=TITLE)
    recording.record_item(item, None, minutes_text="", decisions=[DECISION], outcome=AgendaItem.Outcome.FORWARDED,
                          forwarded_to=council)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    url = live_server.url

    with step(page, tmp_path, "1 sign in and open Välfärdsrådet's inbox"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SECRETARY)
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("link", name="Inkommande ärenden till Välfärdsrådet (1)").click()

    with step(page, tmp_path, "2 dismiss the item with a reason"):
        page.get_by_text(f"Avvisa ”{TITLE}”").click()
        page.get_by_label("Skäl att avvisa").fill("Frågan hör till Styrgruppen.")
        assert_controls_named(page)
        page.get_by_role("button", name="Avvisa", exact=True).click()

        expect_message(page, f"”{TITLE}” är avvisad.")
        expect(page.get_by_text("Inga överlämnade ärenden väntar.")).to_be_visible()
        expect(page.get_by_role("region", name="Hanterade")).to_contain_text("Frågan hör till Styrgruppen.")
        dismissed = Forwarding.objects.get()
        assert (dismissed.dismissal_reason, dismissed.dismissed_by.username) == (
            "Frågan hör till Styrgruppen.", SECRETARY[0])
