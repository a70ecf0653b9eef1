"""The whole meeting cycle in a real browser, as the secretariat and then the public use it.

Plan a meeting, build the agenda, attach a document, reorder, download and send the notice,
take attendance, record a decision, publish; then, signed out, read the decision and the minutes,
and make sure an unpublished meeting stays hidden. Every control is found by its accessible name
(label, role, visible text), so the pages are also checked to be usable with a screen reader.
"""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from samverkan.directory.models import Body, Membership, Organization, Person
from samverkan.meetings import services
from samverkan.meetings.models import AgendaItem, Meeting
from tests.e2e.browsing import assert_controls_named, blank_pdf, click_and_settle, expect_message, fill_sign_in, step

pytestmark = pytest.mark.django_db(transaction=True)

SECRETARY = ("sekreterare", "Hemligt-lösen-1")
MEMBER = ("maria", "Hemligt-lösen-2")
STANDARD_ITEMS = ["Mötets öppnande", "Godkännande av dagordning", "Föregående minnesanteckningar",
                  "Rapporter", "Övriga frågor"]
NEW_ITEM = "Kalendarium 2027"
PROPOSAL = "att fastställa kalendariet för 2027."
PRESENTER = "Tanja Mårtensson, Chef RSS Dalarna"
LOCATION = "Myntgatan 2, Falun samt Teams"


@pytest.fixture
def network(settings, tmp_path):
    """The county network: members in two organisations, a secretary, a member who signs in."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"  # uploads stay out of the project's data directory
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    body = Body.objects.create(name="Länsnätverket för förvaltningschefer",
                               short_name="Länschefsnätverket", abbreviation="LCHNV",
                               attachments_public_by_default=False)
    falun = Organization.objects.create(name="Falun", kind=Organization.Kind.MUNICIPALITY)
    region = Organization.objects.create(name="Region Dalarna", kind=Organization.Kind.REGION)
    people = [
        Person.objects.create(name="Maria Jonsson", organization=falun, title="Socialchef",
                              email="maria@falun.example"),
        Person.objects.create(name="Åsa Dedering", organization=region,
                              title="Hälso- och sjukvårdsdirektör", email="asa@region.example"),
        Person.objects.create(name="Tomas Ahlin", organization=falun, email=""),  # gets no notice
    ]
    for person in people:
        Membership.objects.create(person=person, body=body)

    secretary = User.objects.create(username=SECRETARY[0], first_name="Sara", last_name="Sekr")
    secretary.set_password(SECRETARY[1])
    secretary.save()
    body.secretaries.add(secretary)

    member = User.objects.create(username=MEMBER[0])
    member.set_password(MEMBER[1])
    member.save()
    people[0].user = member
    people[0].save()
    return body, people



def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def download(page: Page, link_name: str, tmp_path) -> bytes:
    """Open a PDF link by its name (PDFs open in the browser, inline) and return the file's bytes."""
    with page.expect_response(lambda r: r.url.endswith(".pdf")) as info:
        page.get_by_role("link", name=link_name, exact=True).click()
    assert info.value.headers["content-disposition"].startswith("inline;")
    # The browser's PDF viewer keeps the bytes to itself: ask for the same address in the same session.
    content = page.request.get(info.value.url).body()
    page.go_back()
    return content


def agenda_titles(page: Page) -> list[str]:
    """The agenda rows as 'N. Title', in the order shown."""
    titles = []
    for row in page.locator("#dagordning > li").all():
        number = row.locator(".number").inner_text().strip()
        titles.append(f"{number} {row.get_by_role('link').first.inner_text().strip()}")
    return titles


def test_meeting_cycle(live_server, page: Page, network, tmp_path):
    body, people = network
    maria, asa, tomas = people
    url = live_server.url
    meeting_date = timezone.localdate()  # held today: its minutes may be published today

    with step(page, tmp_path, "1 sign in as the secretariat"):
        page.goto(f"{url}/logga-in/")
        assert_controls_named(page)
        fill_sign_in(page, *SECRETARY)
        expect(page.get_by_role("button", name=f"Logga ut {SECRETARY[0]}")).to_be_visible()

    with step(page, tmp_path, "2 plan a new meeting"):
        main_menu = page.get_by_role("navigation", name="Huvudmeny")
        main_menu.get_by_role("link", name="Sekretariat").click()
        expect(page.get_by_role("heading", name="Sekretariat", level=1)).to_be_visible()
        page.get_by_role("link", name="Planera nytt möte").click()
        assert_controls_named(page)
        page.get_by_label("Organ").select_option(label=body.name)
        page.get_by_label("Datum").fill(meeting_date.isoformat())
        page.get_by_label("Starttid").fill("09:30")
        page.get_by_label("Sluttid").fill("12:00")
        page.get_by_label("Plats").fill(LOCATION)
        page.get_by_label("Form").select_option(label="På plats och digitalt")
        page.get_by_label("Diarienummer").fill("HSN 2026/12")
        page.get_by_role("button", name="Skapa mötet").click()

        expect_message(page, "Mötet är skapat med standardpunkterna.")
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Dagordning "))
        expect(page.get_by_text(LOCATION)).to_be_visible()
        expect(page.get_by_text("Dnr HSN 2026/12")).to_be_visible()
        assert [title.split(" ", 1)[1] for title in agenda_titles(page)] == STANDARD_ITEMS
        meeting = Meeting.objects.get(body=body, date=meeting_date)
        assert page.url.endswith(f"/sekretariat/moten/{meeting.pk}/")
        assert meeting.mode == Meeting.Mode.HYBRID
        assert_controls_named(page)

    with step(page, tmp_path, "3 add an item and write its proposal"):
        adding = page.get_by_role("region", name="Lägg till punkt")
        adding.get_by_label("Rubrik").fill(NEW_ITEM)
        adding.get_by_label("Typ").select_option(label="Beslut")
        adding.get_by_role("button", name="Lägg till").click()

        expect_message(page, "Punkt 5 är tillagd.")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Punkt 5. {NEW_ITEM}")
        assert_controls_named(page)
        page.get_by_label("Förslag till beslut").fill(PROPOSAL)
        page.get_by_label("Föredragande").fill(PRESENTER)
        click_and_settle(page, page.get_by_role("button", name="Spara punkten"))

        expect_message(page, "Punkt 5 är sparad.")
        page.get_by_role("link", name=re.compile(r"^Dagordning ")).click()
        expect(page.get_by_role("region", name="Lägg till punkt")).to_be_visible()
        assert agenda_titles(page)[-2:] == [f"5. {NEW_ITEM}", "6. Övriga frågor"]

    with step(page, tmp_path, "4 attach a PDF to the item"):
        page.get_by_role("link", name=NEW_ITEM, exact=True).click()
        expect(page.get_by_label("Förslag till beslut")).to_have_value(PROPOSAL)
        expect(page.get_by_label("Föredragande")).to_have_value(PRESENTER)
        page.get_by_label("Fil (PDF, Word, Excel eller PowerPoint)").set_input_files(
            str(blank_pdf(tmp_path / "kalendarium-2027.pdf", "Kalendarium 2027")))
        click_and_settle(page, page.get_by_role("button", name="Bifoga"))

        expect_message(page, "Bilaga 1: kalendarium-2027.pdf är bifogad.")
        attachments = page.get_by_role("region", name="Bilagor")
        expect(attachments.get_by_role("listitem")).to_have_count(1)
        expect(attachments.get_by_role("listitem")).to_contain_text("Bilaga 1")
        expect(attachments.get_by_role("link", name="kalendarium-2027.pdf")).to_be_visible()

    with step(page, tmp_path, "5 move the item up with the keyboard"):
        page.get_by_role("link", name=re.compile(r"^Dagordning ")).click()
        expect(page.locator(f"#dagordning > li:has-text('{NEW_ITEM}')")).to_contain_text("Bilaga 1")
        move_up = page.get_by_role("button", name="Flytta punkt 5 uppåt")
        move_up.focus()
        page.keyboard.press("Enter")

        expect_message(page, "Ordningen är ändrad.")
        assert agenda_titles(page) == [
            "1. Mötets öppnande", "2. Godkännande av dagordning",
            "3. Föregående minnesanteckningar", f"4. {NEW_ITEM}", "5. Rapporter",
            "6. Övriga frågor",
        ]
        expect(page.get_by_role("button", name="Flytta punkt 4 uppåt")).to_be_focused()
        expect(page.get_by_role("button", name="Flytta punkt 1 uppåt")).to_be_disabled()

    with step(page, tmp_path, "6 download and send the notice"):
        notice = download(page, "Kallelse som PDF", tmp_path)
        assert notice.startswith(b"%PDF-")
        text = pdf_text(notice)
        assert NEW_ITEM in text
        assert "fastställa kalendariet" in text

        mail.outbox.clear()
        page.get_by_role("link", name="Skicka kallelse", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Granska kallelsen "))
        assert_controls_named(page)
        expect(page.get_by_role("region", name="Mottagare (2)")).to_contain_text(maria.email)
        expect(page.get_by_role("region", name=re.compile("^Får inte kallelsen"))).to_contain_text(tomas.name)
        page.get_by_role("button", name="Skicka till 2 mottagare").click()
        expect_message(page, "Kallelsen (version 1) är skickad till 2 mottagare.")
        expect(page.get_by_role("region", name="Kallelse")).to_contain_text("Version 1 skickad")
        expect(page.get_by_role("link", name="Visa kallelsen som e-post och mottagarna")).to_be_visible()

        assert sorted(address for message in mail.outbox for address in message.to) == [
            asa.email, maria.email]
        for message in mail.outbox:
            assert len(message.to) == 1
            assert message.subject.startswith("Kallelse: Länschefsnätverket")
            kinds = {name.rsplit(".", 1)[-1]: (content, mimetype)
                     for name, content, mimetype in message.attachments}
            assert set(kinds) == {"pdf", "ics"}
            assert kinds["pdf"][0].startswith(b"%PDF-") and kinds["pdf"][1] == "application/pdf"
            ics = kinds["ics"][0]
            ics = ics.decode() if isinstance(ics, bytes) else ics
            assert "BEGIN:VCALENDAR" in ics and "BEGIN:VEVENT" in ics
            assert kinds["ics"][1].startswith("text/calendar")

    with step(page, tmp_path, "7a record who was present"):
        steps = page.get_by_role("navigation", name="Mötets steg")
        steps.get_by_role("link", name="2. Närvaro").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Närvaro "))
        assert_controls_named(page)
        page.get_by_role("checkbox", name=re.compile(r"^Maria Jonsson")).check()
        page.get_by_role("checkbox", name=re.compile(r"^Åsa Dedering")).check()
        page.get_by_role("button", name="Spara närvaron").click()

        expect_message(page, "Närvaron är sparad: 2 närvarande.")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            re.compile(r"^Anteckningar och beslut "))
        expect(page.get_by_role("paragraph").filter(
            has=page.get_by_role("link", name="Ändra närvaron"))).to_contain_text("2 närvarande")

    with step(page, tmp_path, "7b decide as proposed and publish"):
        steps = page.get_by_role("navigation", name="Mötets steg")
        steps.get_by_role("link", name="3. Anteckningar och beslut").click()
        item_section = page.get_by_role("region", name=re.compile(rf"^4\. {NEW_ITEM}"))
        click_and_settle(page, item_section.get_by_role("button", name="Beslut enligt förslaget"))

        expect_message(page, "Punkt 4: beslut enligt förslaget.")
        item_section = page.get_by_role("region", name=re.compile(rf"^4\. {NEW_ITEM}"))
        expect(item_section.get_by_label("Beslut", exact=True)).to_have_value(PROPOSAL)
        expect(item_section.get_by_role("heading")).to_contain_text("Beslutad")
        expect(item_section.get_by_label("Utfall")).to_have_value(AgendaItem.Outcome.DECIDED)
        assert_controls_named(page)

        page.get_by_label("Publicera ändå, med punkter som inte är behandlade").check()
        page.get_by_role("button", name="Publicera", exact=True).click()
        expect_message(page, "Minnesanteckningarna är publicerade.")
        publishing = page.get_by_role("region", name="Rättelse av minnesanteckningarna")
        expect(publishing).to_contain_text("Version 1")
        meeting.refresh_from_db()
        assert meeting.published_at is not None
        assert meeting.status == Meeting.Status.PUBLISHED

    # A second meeting of the body, planned but not published: only members may see it.
    hidden = services.plan_meeting(body, meeting_date + datetime.timedelta(days=35),
                                   location="Teams", registry_number="HSN 2026/13")

    with step(page, tmp_path, "8 sign out; the public reads the decision and the minutes"):
        page.get_by_role("button", name=f"Logga ut {SECRETARY[0]}").click()
        expect(page.get_by_role("link", name="Logga in")).to_be_visible()

        response = page.goto(f"{url}/moten/{meeting.pk}/")
        assert response.status == 200
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Möte "))
        assert_controls_named(page)
        decided = page.locator(".clauses.decisions")
        expect(decided).to_contain_text("Beslut enligt förslaget")  # decided as proposed: shown once
        expect(decided).to_contain_text(PROPOSAL)
        present = page.get_by_role("region", name="Närvarande")
        expect(present).to_contain_text("Maria Jonsson")
        expect(present).to_contain_text("Åsa Dedering")
        expect(present).not_to_contain_text(tomas.name)
        expect(page.get_by_role("link", name="Arbeta med mötet")).to_have_count(0)
        expect(page.get_by_role("link", name="Möteshandlingar med bilagor (PDF)")).to_have_count(0)
        # The attachment was not marked public: the public sees its label, not a link.
        expect(page.get_by_role("link", name=re.compile("kalendarium-2027"))).to_have_count(0)

        minutes = download(page, "Minnesanteckningar (PDF)", tmp_path)
        assert minutes.startswith(b"%PDF-")
        assert "fastställa kalendariet" in pdf_text(minutes)

    with step(page, tmp_path, "9 the unpublished meeting is hidden from the public"):
        response = page.goto(f"{url}/moten/{hidden.pk}/")
        assert response.status == 404
        response = page.goto(f"{url}/moten/{hidden.pk}/kallelse.pdf")
        assert response.status == 404

        page.goto(f"{url}/moten/")
        assert_controls_named(page)
        expect(page.locator(f'a[href="/moten/{meeting.pk}/"]')).to_have_count(1)
        expect(page.locator(f'a[href="/moten/{hidden.pk}/"]')).to_have_count(0)

    with step(page, tmp_path, "10 a member signs in and sees the unpublished meeting"):
        page.get_by_role("link", name="Logga in").click()
        fill_sign_in(page, *MEMBER)
        expect(page.get_by_role("button", name=f"Logga ut {MEMBER[0]}")).to_be_visible()
        expect(page.get_by_role("link", name="Sekretariat")).to_have_count(0)

        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Möten").click()
        expect(page.locator(f'a[href="/moten/{hidden.pk}/"]')).to_have_count(1)
        response = page.goto(f"{url}/moten/{hidden.pk}/")
        assert response.status == 200
        expect(page.get_by_role("link", name="Arbeta med mötet")).to_have_count(0)
        assert page.goto(f"{url}/sekretariat/moten/{hidden.pk}/").status == 404

    decided_item = AgendaItem.objects.get(meeting=meeting, title=NEW_ITEM)
    assert decided_item.outcome == AgendaItem.Outcome.DECIDED
