"""Follow-through in a real browser, from what `make run` gives: the revised agreement of 19 February 2021 goes
to the sixteen member organisations and is followed to each of them.

The secretary makes the people present at the network's latest meeting its members (one per organisation
and more), gives four of them an e-mail address, marks the seed decision (item 6, the revised agreement on
substance abuse) as an agreement to the sixteen municipalities and the region, and sends it. Borlänge
answers through its e-mail's link without signing in; the secretary records Falun's and Mora's answers; the
reminder goes only to the thirteen that have not answered (of them only Ludvika has an address); the matter
shows "3 av 16 har antagit"; Borlänge's page shows its representative, its attendance and its answer.
"""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.followup.models import Answer, Mailing, Recommendation
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

SEED_TITLE = "Godkännande av reviderad länsövergripande överenskommelse om"
ADDRESSES = {"Tomas Ahlin": "tomas.ahlin@borlange.example", "Maria Jonsson": "maria.jonsson@falun.example",
             "Anna Ståhlkloo": "anna.stahlkloo@mora.example", "Carina Gullemo": "carina.gullemo@ludvika.example"}
NOT_PARTIES = {"RSS Dalarna"}


@pytest.fixture
def network(sample_network, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return sample_network


def answer_form(page: Page, status: str, day: datetime.date, deciding_body: str, registry_number: str):
    page.get_by_role("group", name="Ställningstagande").get_by_label(status, exact=True).check()
    page.get_by_label("Beslutsdatum").fill(day.isoformat())
    page.get_by_label("Beslutande organ").fill(deciding_body)
    page.get_by_label("Diarienummer (dnr)").fill(registry_number)


def test_an_agreement_is_followed_to_each_of_the_sixteen_organisations(live_server, page: Page, network, browser,
                                                                       tmp_path):
    url = live_server.url
    answer_by = timezone.localdate() + datetime.timedelta(days=60)

    with step(page, tmp_path, "1 the people present at the latest meeting become members"):
        page.goto(f"{url}/logga-in/")
        fill_sign_in(page, *SAMPLE_SECRETARY)
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sekretariat").click()
        page.get_by_role("region", name="Tidigare möten").get_by_role(
            "link", name="Länschefsnätverket, 9 november 2023").click()
        page.get_by_role("navigation", name="Mötets steg").get_by_role("link", name="2. Närvaro").click()
        page.get_by_role("link", name="Lägg till de närvarande som medlemmar").click()
        page.get_by_role("button", name="Lägg till de ikryssade som medlemmar").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Medlemmar i {network.display_name}")

    with step(page, tmp_path, "2 four representatives get an e-mail address"):
        for name, address in ADDRESSES.items():
            page.get_by_role("link", name=f"Ändra medlemskapet för {name}", exact=True).click()
            page.get_by_label("E-post").fill(address)
            page.get_by_role("button", name="Spara medlemskapet").click()
            expect_message(page, f"Medlemskapet för {name} är sparat.")

    with step(page, tmp_path, "3 the secretary marks the seed decision as an agreement to the members"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Möten").click()
        page.get_by_role("navigation", name="År").get_by_role("link", name=re.compile(r"^2021 ")).click()
        page.get_by_role("link", name="Länschefsnätverket, 19 februari 2021").click()
        page.get_by_role("link", name=re.compile(rf"^Följ upp hos medlemmarna\s*: punkt 6 {SEED_TITLE}")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Följ upp hos medlemmarna")
        organisations = page.get_by_role("group", name="Organisationer som ska ta ställning")
        expect(organisations.get_by_role("checkbox", checked=True)).to_have_count(16)
        for name in NOT_PARTIES:
            expect(organisations.get_by_role("checkbox", name=name)).not_to_be_checked()
        assert_controls_named(page)
        page.get_by_label("Svar senast").fill("2021-02-01")
        page.get_by_role("group", name="Slag").get_by_label("Överenskommelse").check()
        page.get_by_role("button", name="Följ upp hos de valda organisationerna").click()
        expect(page.get_by_role("alert")).to_contain_text(
            "Svarsdatumet kan inte vara före beslutet (19 februari 2021).")
        page.get_by_label("Svar senast").fill(answer_by.isoformat())
        page.get_by_role("button", name="Följ upp hos de valda organisationerna").click()
        expect_message(page, "följs upp hos 16 organisationer.")
        recommendation = Recommendation.objects.get()
        assert recommendation.kind == Recommendation.Kind.AGREEMENT
        expect(page.get_by_text("0 av 16 har antagit")).to_be_visible()
        assert_controls_named(page)

    with step(page, tmp_path, "4 send it: the four with an address get their own link"):
        mail.outbox.clear()
        page.get_by_role("button", name="Skicka till organisationerna").click()
        expect_message(page, "Begäran gick till 16 organisationer som inte har svarat. "
                             "12 av dem kunde inte nås med e-post.")
        assert sorted(address for message in mail.outbox for address in message.to) == sorted(ADDRESSES.values())
        [borlange_mail] = [m for m in mail.outbox if m.to == [ADDRESSES["Tomas Ahlin"]]]
        link = re.search(r"https?://\S+/uppfoljning/besked/\S+/", borlange_mail.body).group(0)

    representative = browser.new_context(locale="sv-SE").new_page()
    with step(representative, tmp_path, "5 Borlänge answers through its link, without signing in"):
        representative.goto(link)
        expect(representative.get_by_role("heading", level=1)).to_have_text("Besked från Borlänge")
        assert_controls_named(representative)
        answer_form(representative, "Antagen", datetime.date(2021, 4, 20), "Socialnämnden, Borlänge", "SN 2021/88")
        representative.get_by_role("button", name="Spara beskedet").click()
        expect(representative.get_by_role("status").filter(
            has_text="Beskedet från Borlänge är registrerat: antagen.")).to_be_visible()

    with step(representative, tmp_path, "5b a damaged link is refused, saying what to do"):
        representative.goto(link.rstrip("/")[:-2] + "xx/")
        expect(representative.get_by_role("heading", level=1)).to_have_text("Länken fungerar inte")
        expect(representative.get_by_role("alert")).to_have_text(
            "Länken är inte giltig. Kontrollera att hela adressen från e-postmeddelandet kom med.")
        assert_controls_named(representative)
    representative.context.close()

    with step(page, tmp_path, "6 the secretary records Falun's and Mora's answers"):
        page.reload()
        for name, status in [("Falun", "Antagen med ändringar"), ("Mora", "Antagen")]:
            page.get_by_role("link", name=f"Registrera svar för {name}", exact=True).click()
            expect(page.get_by_text(f"Du registrerar beskedet åt {name}.")).to_be_visible()
            answer_form(page, status, datetime.date(2021, 5, 6), f"Socialnämnden, {name}", f"SN 2021/{len(name)}")
            page.get_by_role("button", name="Spara beskedet").click()
            expect_message(page, f"Beskedet från {name} är registrerat: {status.lower()}.")
        expect(page.get_by_text("3 av 16 har antagit")).to_be_visible()
        row = page.get_by_role("row").filter(has_text="Socialnämnden, Borlänge")
        expect(row).to_contain_text("Antagen")
        expect(row).to_contain_text("20 april 2021")

    with step(page, tmp_path, "7 the reminder goes only to the thirteen that have not answered"):
        mail.outbox.clear()
        page.get_by_role("button", name="Skicka påminnelse").click()
        expect_message(page, "Påminnelsen gick till 13 organisationer som inte har svarat. "
                             "12 av dem kunde inte nås med e-post.")
        assert [message.to for message in mail.outbox] == [[ADDRESSES["Carina Gullemo"]]]
        reminder = Mailing.objects.get(kind=Mailing.Kind.REMINDER)
        reminded = {entry["organization"] for entry in reminder.recipients}
        assert len(reminded) == 13 and not reminded & {"Borlänge", "Falun", "Mora"}
        expect(page.get_by_role("region", name="Utskick till organisationerna")).to_contain_text(
            "Påminnelse")
        assert_controls_named(page)

    with step(page, tmp_path, "8 the matter shows the chain and 3 of 16 adopted"):
        page.get_by_role("link", name=re.compile(rf"^{SEED_TITLE}")).first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(SEED_TITLE)
        section = page.get_by_role("region", name="Uppföljning hos medlemmarna")
        expect(section.get_by_text("3 av 16 har antagit")).to_be_visible()
        expect(section.get_by_text("Överenskommelsen gäller först när alla parter som berörs har antagit den.")
               ).to_be_visible()
        expect(section.get_by_role("list", name=re.compile(r"^Kedjan för"))).to_contain_text(
            "Länschefsnätverket 19 februari 2021")
        expect(section.get_by_role("row")).to_have_count(17)
        assert_controls_named(page)

    with step(page, tmp_path, "9 Borlänge's page: its representative, attendance and answer"):
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Organisationer").click()
        page.get_by_role("link", name="Borlänge", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Borlänge")
        representatives = page.get_by_role("region", name="Företrädare")
        expect(representatives.get_by_role("row").filter(has_text="Tomas Ahlin")).to_contain_text(
            "Länschefsnätverket")
        attendance = page.get_by_role("region", name="Närvaro vid möten")
        expect(attendance).to_contain_text("Länschefsnätverket: närvarande vid")
        expect(attendance.get_by_role("row").filter(has_text="2023")).to_contain_text("1")
        answers = page.get_by_role("region", name="Rekommendationer och överenskommelser")
        expect(answers.get_by_role("row").filter(has_text="Socialnämnden, Borlänge")).to_contain_text("SN 2021/88")
        assert_controls_named(page)
        assert Answer.objects.get(organization__name="Borlänge").answered_via == Answer.Via.LINK
