"""A whole year of the secretariat in a real browser, from what `make run` gives, with no admin and no shell.

The network's secretary creates Välfärdsrådet and invites its secretary, reads the network's 30 members
from an Excel file and invites them, proposes and adopts next year's calendar, builds the first meeting's
agenda with a PDF and a Word attachment, previews and sends the notice, records attendance and the
decisions (one recommended as proposed, one tabled, one forwarded to Välfärdsrådet), publishes and
corrects the minutes; then Välfärdsrådet's new secretary chooses a password from the invitation, finds
the forwarded item in the inbox and puts it on Välfärdsrådet's agenda. The clock moves with the year.
Every page the secretary sees is checked with axe-core (WCAG 2.1 A/AA).
"""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from docx import Document
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from samverkan.directory.models import Body
from samverkan.language.dates import swedish_date
from samverkan.meetings.models import AgendaItem, Meeting
from tests.e2e.browsing import assert_controls_named, blank_pdf, click_and_settle, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

COUNCIL = "Välfärdsrådet"
COUNCIL_SECRETARY = ("Rut Rådsson", "rut.radsson@regiondalarna.example", "Rådets-lösen-42")
ORGANIZATIONS = ["Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika", "Malung-Sälen",
                 "Mora", "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro", "Älvdalen", "Region Dalarna"]
FIRST_NAMES = ["Anna", "Erik", "Karin", "Lars", "Maria", "Per", "Eva", "Johan", "Lena", "Mats"]
LAST_NAMES = ["Andersson", "Berglund", "Dahl", "Ek", "Forsberg", "Holm", "Lind", "Nyberg", "Sjöberg", "Wallin"]
RECOMMENDED = ("Rekommendation om rutin för trygg hemgång", "att rekommendera medlemsorganisationerna att anta "
               "rutinen för trygg hemgång.")
TABLED = ("Fördelning av kvarvarande statsbidrag", "att fördela medlen efter befolkning.")
FORWARDED = ("Gemensam rutin för hemsjukvård", "att anta den gemensamma rutinen.")
TABLED_DECISION = "att bordlägga ärendet till nästa möte."
FORWARDED_DECISION = "att överlämna ärendet till Välfärdsrådet för beslut."
CORRECTION = " Rekommendationen följs upp i december."


def members_file(path) -> list[tuple[str, str, str]]:
    """An Excel export of the network's address list: 30 people, two per organisation (one region has 2 too)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Namn", "E-post", "Organisation", "Befattning"])
    people = []
    for index in range(30):
        name = f"{FIRST_NAMES[index % 10]} {LAST_NAMES[(index * 3 + index // 10) % 10]}"
        organization = ORGANIZATIONS[index % len(ORGANIZATIONS)]
        address = f"{name.lower().replace(' ', '.')}@{organization.lower()}.example"
        address = address.translate(str.maketrans("åäöé ", "aaoe-"))
        people.append((name, address, organization))
        sheet.append([name, address, organization, "Socialchef"])
    workbook.save(path)
    assert len({name for name, _, _ in people}) == 30
    return people



def docx_attachment(path):
    document = Document()
    document.add_heading("Rutin för hemsjukvård", level=1)
    document.add_paragraph("Rutinen gäller när kommunen tar över hemsjukvården efter utskrivning.")
    document.save(path)
    return path


def secretariat(page: Page):
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
    expect(page.get_by_role("heading", name="Sekretariat", level=1)).to_be_visible()


def sign_in_again(page: Page, url: str):
    """After weeks have passed the session has ended: sign in again."""
    page.goto(f"{url}/logga-in/")
    fill_sign_in(page, *SAMPLE_SECRETARY)
    expect(page.get_by_role("heading", name="Sekretariat", level=1)).to_be_visible()


def meeting_step(page: Page, name: str):
    page.get_by_role("navigation", name="Mötets steg").get_by_role("link", name=name).click()


def link_in(address: str, path: str) -> str:
    bodies = [message.body for message in mail.outbox if address in message.to]
    assert bodies, f"no e-mail to {address}"
    return re.search(rf"https?://\S+{path}\S*", bodies[-1]).group(0)


def add_item(page: Page, title: str, proposal: str, attachment=None):
    adding = page.get_by_role("region", name="Lägg till punkt")
    adding.get_by_label("Rubrik").fill(title)
    adding.get_by_label("Typ").select_option(label="Beslut")
    adding.get_by_role("button", name="Lägg till").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(rf"^Punkt \d+\. {title}$"))
    page.get_by_label("Förslag till beslut").fill(proposal)
    if attachment is not None:
        page.get_by_label("Fil (PDF, Word, Excel eller PowerPoint)").set_input_files(str(attachment))
        click_and_settle(page, page.get_by_role("button", name="Bifoga"))
        expect_message(page, f": {attachment.name} är bifogad.")
        expect(page.get_by_label("Förslag till beslut")).to_have_value(proposal)
    click_and_settle(page, page.get_by_role("button", name="Spara punkten"))
    expect_message(page, "är sparad.")
    page.get_by_role("link", name=re.compile(r"^Dagordning ")).click()
    expect(page.get_by_role("region", name="Lägg till punkt")).to_be_visible()


def item_region(page: Page, title: str):
    return page.get_by_role("region", name=re.compile(rf"^\d+\. {re.escape(title)}"))


def test_the_secretariat_runs_a_year(live_server, page: Page, browser, sample_network, settings, time_machine,
                                     tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    network, url = sample_network, live_server.url
    people = members_file(tmp_path / "lansnatverket.xlsx")
    next_year = timezone.localdate().year + 1

    with step(page, tmp_path, "1 the secretary signs in and lands on the secretariat's page"):
        page.goto(f"{url}/")
        page.get_by_role("link", name="Logga in").click()
        fill_sign_in(page, *SAMPLE_SECRETARY)
        expect(page.get_by_role("heading", name="Sekretariat", level=1)).to_be_visible()
        assert_controls_named(page)

    with step(page, tmp_path, "2 create Välfärdsrådet and invite its secretary"):
        page.get_by_role("link", name="Organ och medlemmar").click()
        page.get_by_role("link", name="Nytt organ").click()
        page.get_by_label("Namn", exact=True).fill(COUNCIL)
        page.get_by_role("button", name="Skapa organet").click()
        expect_message(page, f"{COUNCIL} är skapat. Du är dess sekreterare.")
        page.get_by_role("link", name="Uppgifter och sekreterare").click()
        assert_controls_named(page)
        page.get_by_role("link", name="Bjud in en ny sekreterare med e-post").click()
        page.get_by_label("Namn").fill(COUNCIL_SECRETARY[0])
        page.get_by_label("E-post").fill(COUNCIL_SECRETARY[1])
        page.get_by_role("button", name="Skicka inbjudan").click()
        expect_message(page, f"En inbjudan är skickad till {COUNCIL_SECRETARY[1]}.")

    rut = browser.new_context(locale="sv-SE").new_page()
    with step(rut, tmp_path, "2b Välfärdsrådet's secretary chooses a password from the invitation"):
        rut.goto(link_in(COUNCIL_SECRETARY[1], "/konto/valj-losenord/"))
        assert_controls_named(rut)
        rut.get_by_label("Nytt lösenord", exact=True).fill(COUNCIL_SECRETARY[2])
        rut.get_by_label("Bekräfta nytt lösenord").fill(COUNCIL_SECRETARY[2])
        rut.get_by_role("button", name="Spara lösenordet").click()
        expect(rut.get_by_role("status")).to_contain_text("Ditt lösenord är sparat.")
    rut.context.close()

    with step(page, tmp_path, "3 read the network's 30 members from Excel and invite them"):
        page.get_by_role("link", name="Organ och medlemmar").click()
        page.get_by_role("link", name=f"Medlemmar i {network.display_name}").click()
        page.get_by_role("link", name="Läs in medlemslista").click()
        page.get_by_label("Fil (CSV eller Excel)").set_input_files(str(tmp_path / "lansnatverket.xlsx"))
        page.get_by_role("button", name="Granska listan").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Granska medlemslistan")
        assert_controls_named(page)
        page.get_by_role("button", name="Spara 30 medlemmar").click()
        expect_message(page, f"30 medlemmar är tillagda i {network.display_name}")
        expect(page.get_by_role("region", name="Nuvarande medlemmar (30)")).to_be_visible()
        assert_controls_named(page)
        page.get_by_role("button", name="Bjud in 30 medlemmar").click()
        expect_message(page, "En inbjudan är skickad till 30 medlemmar.")

    with step(page, tmp_path, "4 propose and adopt next year's calendar"):
        secretariat(page)
        page.get_by_role("link", name="Kalendarium", exact=True).click()
        page.get_by_role("link", name=network.display_name).click()
        assert_controls_named(page)
        page.get_by_label("År").fill(str(next_year))
        page.get_by_label("Antal möten").fill("8")
        page.get_by_label("Plats vid möten på plats").fill("Myntgatan 2, Falun")
        page.get_by_role("button", name="Föreslå datum").click()
        expect_message(page, f"Förslag till kalendarium {next_year} är framtaget.")
        assert_controls_named(page)
        page.get_by_role("button", name="Fastställ kalendariet och planera mötena").click()
        expect_message(page, f"Kalendariet {next_year} är fastställt")
        planned = list(Meeting.objects.filter(body=network, date__year=next_year).order_by("date"))
        assert len(planned) == 8
        first = planned[0]

    # Three weeks before the first meeting of the year.
    time_machine.move_to(datetime.datetime.combine(first.date - datetime.timedelta(days=21), datetime.time(9),
                                                   tzinfo=datetime.UTC))
    meeting_link = f"{network.display_name}, {swedish_date(first.date)}"

    with step(page, tmp_path, "5 build the agenda with a PDF and a Word attachment"):
        sign_in_again(page, url)
        page.get_by_role("link", name=meeting_link).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Dagordning "))
        assert_controls_named(page)
        page.get_by_role("link", name="Ändra mötesuppgifter").click()
        page.get_by_label("Digital länk").fill("https://teams.example/lansnatverket")
        page.get_by_role("button", name="Spara").click()
        add_item(page, *RECOMMENDED, attachment=blank_pdf(tmp_path / "trygg-hemgang.pdf"))
        assert_controls_named(page)
        add_item(page, *TABLED)
        add_item(page, *FORWARDED, attachment=docx_attachment(tmp_path / "rutin-hemsjukvard.docx"))
        titles = [row.get_by_role("link").first.inner_text().strip()
                  for row in page.locator("#dagordning > li").all()]
        assert titles[-4:] == [RECOMMENDED[0], TABLED[0], FORWARDED[0], "Övriga frågor"]

    with step(page, tmp_path, "6 preview the notice and send it to the 30 members"):
        mail.outbox.clear()
        page.get_by_role("link", name="Skicka kallelse", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Granska kallelsen "))
        assert_controls_named(page)
        message = page.get_by_role("region", name="E-postmeddelandet (version 1)")
        expect(message).to_contain_text("Digital länk: https://teams.example/lansnatverket")
        expect(page.get_by_role("region", name="Mottagare (30)")).to_contain_text(people[0][1])
        page.get_by_role("button", name="Skicka till 30 mottagare").click()
        expect_message(page, "Kallelsen (version 1) är skickad till 30 mottagare.")
        assert sorted(address for sent in mail.outbox for address in sent.to) == sorted(p[1] for p in people)

    # The meeting day.
    time_machine.move_to(datetime.datetime.combine(first.date, datetime.time(13), tzinfo=datetime.UTC))
    present = people[:16]

    with step(page, tmp_path, "7 record attendance"):
        sign_in_again(page, url)
        page.get_by_role("link", name=meeting_link).click()
        meeting_step(page, "2. Närvaro")
        assert_controls_named(page)
        for name, _, _ in present:
            page.get_by_role("checkbox", name=re.compile(rf"^{name}")).check()
        page.get_by_role("button", name="Spara närvaron").click()
        expect_message(page, f"Närvaron är sparad: {len(present)} närvarande.")

    with step(page, tmp_path, "8 record the decisions: as proposed, tabled, forwarded"):
        meeting_step(page, "3. Anteckningar och beslut")
        assert_controls_named(page)
        click_and_settle(page, item_region(page, RECOMMENDED[0]).get_by_role("button", name="Beslut enligt förslaget"))
        expect_message(page, ": beslut enligt förslaget.")

        tabled = item_region(page, TABLED[0])
        tabled.get_by_label("Beslut", exact=True).fill(TABLED_DECISION)
        tabled.get_by_label("Utfall").select_option(label="Bordlagd")
        click_and_settle(page, tabled.get_by_role("button", name=re.compile(r"^Spara punkt ")))
        expect_message(page, "är sparad.")

        forwarded = item_region(page, FORWARDED[0])
        forwarded.get_by_label("Beslut", exact=True).fill(FORWARDED_DECISION)
        forwarded.get_by_label("Utfall").select_option(label="Överlämnad")
        forwarded.get_by_label("Överlämnas till").select_option(label=COUNCIL)
        click_and_settle(page, forwarded.get_by_role("button", name=re.compile(r"^Spara punkt ")))
        expect_message(page, "är sparad.")
        expect(item_region(page, TABLED[0]).get_by_role("heading")).to_contain_text("Bordlagd")
        expect(item_region(page, FORWARDED[0]).get_by_role("heading")).to_contain_text("Överlämnad")

    with step(page, tmp_path, "8b name two justerare; they verify without changes"):
        verifiers = [present[0][0], present[1][0]]
        page.get_by_label("Justerare 1").select_option(label=verifiers[0])
        page.get_by_label("Justerare 2").select_option(label=verifiers[1])
        page.get_by_role("button", name="Utse justerare").click()
        expect_message(page, f"Justerare: {verifiers[0]} och {verifiers[1]}.")
        assert_controls_named(page)
        for name in verifiers:
            page.get_by_role("button", name=f"Justerat utan ändringar, {name}").click()
            expect_message(page, f"{name}: justerat utan ändringar.")

    with step(page, tmp_path, "9 publish the minutes"):
        page.get_by_label("Publicera ändå, med punkter som inte är behandlade").check()
        page.get_by_role("button", name="Publicera", exact=True).click()
        expect_message(page, "Minnesanteckningarna är publicerade.")
        first.refresh_from_db()
        assert first.status == Meeting.Status.PUBLISHED
        assert first.minutes_date == first.date

    # Two days later a member asks for a correction.
    time_machine.move_to(datetime.datetime.combine(first.date + datetime.timedelta(days=2), datetime.time(10),
                                                   tzinfo=datetime.UTC))

    with step(page, tmp_path, "10 correct a decision and publish the correction"):
        recommended = item_region(page, RECOMMENDED[0])
        recommended.get_by_label("Beslut", exact=True).fill(RECOMMENDED[1] + CORRECTION)
        click_and_settle(page, recommended.get_by_role("button", name=re.compile(r"^Spara punkt ")))
        expect_message(page, "är sparad.")
        page.get_by_label("Vad har rättats?").fill("Tillägg om uppföljning i beslutet om trygg hemgång.")
        page.get_by_role("button", name="Publicera rättelse").click()
        expect_message(page, "Rättelsen är publicerad som version 2.")
        assert_controls_named(page)

    public = browser.new_context(locale="sv-SE").new_page()
    with step(public, tmp_path, "11 the public reads the corrected minutes"):
        public.goto(f"{url}{first.get_absolute_url()}")
        assert_controls_named(public)
        expect(public.get_by_text(RECOMMENDED[1] + CORRECTION)).to_be_visible()
        expect(public.get_by_text(TABLED_DECISION)).to_be_visible()
        expect(public.get_by_role("region", name="Närvarande")).to_contain_text(present[0][0])
        expect(public.get_by_role("region", name="Publicerade versioner")).to_contain_text("rättelse: Tillägg")
        expect(public.get_by_text(re.compile(rf"^Justerade av {present[0][0]} .* och {present[1][0]} "))).to_be_visible()
    public.context.close()

    rut = browser.new_context(locale="sv-SE").new_page()
    with step(rut, tmp_path, "12 Välfärdsrådet's secretary signs in"):
        rut.goto(f"{url}/logga-in/")
        fill_sign_in(rut, COUNCIL_SECRETARY[1], COUNCIL_SECRETARY[2])
        expect(rut.get_by_role("heading", name="Sekretariat", level=1)).to_be_visible()

    with step(rut, tmp_path, "13 finds the forwarded item in the inbox and puts it on the agenda"):
        rut.get_by_role("link", name=f"Inkommande ärenden till {COUNCIL} (1)").click()
        waiting = rut.get_by_role("region", name="Väntar på att tas upp")
        expect(waiting).to_contain_text(FORWARDED[0])
        expect(waiting).to_contain_text(FORWARDED_DECISION)
        assert_controls_named(rut)
        rut.get_by_role("link", name="planera nytt möte").click()
        rut.get_by_label("Organ").select_option(label=COUNCIL)
        rut.get_by_label("Datum").fill((first.date + datetime.timedelta(days=28)).isoformat())
        rut.get_by_label("Plats").fill("Teams")
        rut.get_by_role("button", name="Skapa mötet").click()
        expect_message(rut, "Mötet är skapat med standardpunkterna.")
        offered = rut.get_by_role("list", name="Överlämnade ärenden att ta upp")
        expect(offered).to_contain_text(FORWARDED[0])
        assert_controls_named(rut)
        offered.get_by_role("button", name="Lägg till på dagordningen").click()
        expect_message(rut, f"”{FORWARDED[0]}” från {network.display_name} är punkt 5.")
        council_meeting = Meeting.objects.get(body=Body.objects.get(name=COUNCIL))
        assert council_meeting.items.filter(title=FORWARDED[0]).exists()
    rut.context.close()

    outcomes = dict(AgendaItem.objects.filter(meeting=first).values_list("title", "outcome"))
    assert (outcomes[RECOMMENDED[0]], outcomes[TABLED[0]], outcomes[FORWARDED[0]]) == (
        AgendaItem.Outcome.DECIDED, AgendaItem.Outcome.TABLED, AgendaItem.Outcome.FORWARDED)
