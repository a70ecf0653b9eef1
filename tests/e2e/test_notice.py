"""Sending the notice in a real browser: preview, send, see each delivery, send again to one person.

The mail server refuses one member's address: the others still get the notice, the refusal is
listed with the server's answer, and once the server takes it again the secretary sends that one
person the same version. A member without an address is pointed to the directory, given one, and
sent the notice from the agenda page.
"""

import datetime
import re
import smtplib

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.directory.models import Body, Membership, Organization, Person
from samverkan.language.dates import swedish_date
from samverkan.meetings import services
from samverkan.meetings.models import NoticeDelivery
from tests.e2e.browsing import assert_controls_named, expect_message, fill_sign_in, step

pytestmark = pytest.mark.django_db(transaction=True)

SECRETARY = ("sekreterare", "Hemligt-lösen-1")
REFUSED = "asa@region.example"


class RefusingBackend(EmailBackend):
    """Delivers like locmem, except that the server refuses Åsa's address."""

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to:
                raise smtplib.SMTPRecipientsRefused({REFUSED: (550, b"5.1.1 Mailbox unavailable")})
        return super().send_messages(messages)


@pytest.fixture
def network(settings):
    settings.EMAIL_BACKEND = "tests.e2e.test_notice.RefusingBackend"
    settings.DEFAULT_FROM_EMAIL = "Samverkan <noreply@samverkan.example>"
    settings.SAMVERKAN_NOTICE_FROM = ""
    settings.SAMVERKAN_NOTICE_REPLY_TO = []
    settings.SAMVERKAN_SITE_URL = "https://samverkan.example"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    body = Body.objects.create(name="Länsnätverket för förvaltningschefer",
                               short_name="Länschefsnätverket", abbreviation="LCHNV")
    falun = Organization.objects.create(name="Falun", kind=Organization.Kind.MUNICIPALITY)
    region = Organization.objects.create(name="Region Dalarna", kind=Organization.Kind.REGION)
    people = [
        Person.objects.create(name="Maria Jonsson", organization=falun, email="maria@falun.example"),
        Person.objects.create(name="Åsa Dedering", organization=region, email=REFUSED),
        Person.objects.create(name="Tomas Ahlin", organization=falun, email=""),
    ]
    for person in people:
        Membership.objects.create(person=person, body=body)
    secretary = User.objects.create(username=SECRETARY[0], first_name="Sara", last_name="Sekr",
                                    email="sara@region.example")
    secretary.set_password(SECRETARY[1])
    secretary.save()
    body.secretaries.add(secretary)
    meeting = services.plan_meeting(body, timezone.localdate() + datetime.timedelta(days=21),
                                    datetime.time(9, 30), datetime.time(12), "Myntgatan 2, Falun")
    meeting.online_link = "https://teams.example/mote/42"
    meeting.save()
    return meeting, people


def row_texts(table) -> list[str]:
    """A table's rows as text, cells separated by one space."""
    return [" ".join(row.inner_text().split()) for row in table.get_by_role("row").all()]


def delivery_rows(page: Page) -> list[str]:
    """The rows of the latest version's delivery table, without the header."""
    return row_texts(page.get_by_role("table", name=re.compile(r"^Mottagare av version 1")))[1:]


def test_notice_preview_send_and_resend(live_server, page: Page, network, settings, tmp_path):
    meeting, (maria, asa, tomas) = network
    when = swedish_date(meeting.date)

    with step(page, tmp_path, "1 sign in and open the meeting"):
        page.goto(f"{live_server.url}/logga-in/")
        fill_sign_in(page, *SECRETARY)
        page.goto(f"{live_server.url}/sekretariat/moten/{meeting.pk}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Dagordning "))

    with step(page, tmp_path, "2 the preview shows the e-mail, the recipients and who has no address"):
        page.get_by_role("link", name="Skicka kallelse", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Granska kallelsen "))
        assert_controls_named(page)
        message = page.get_by_role("region", name="E-postmeddelandet (version 1)")
        expect(message).to_contain_text("Samverkan <noreply@samverkan.example>")
        expect(message).to_contain_text("sara@region.example")
        expect(message).to_contain_text(f"Kallelse: Länschefsnätverket {when}")
        expect(message).to_contain_text(f"Datum: {when}")
        expect(message).to_contain_text("Tid: Kl. 9.30–12.00")
        expect(message).to_contain_text("Digital länk: https://teams.example/mote/42")
        expect(message).to_contain_text(f"Mötets sida: https://samverkan.example/moten/{meeting.pk}/")
        assert row_texts(page.get_by_role("region", name="Mottagare (2)").get_by_role("table")) == [
            "Namn Organisation E-post",
            "Maria Jonsson Falun maria@falun.example",
            "Åsa Dedering Region Dalarna asa@region.example",
        ]
        missing = page.get_by_role("region", name="Får inte kallelsen: saknar e-postadress (1)")
        expect(missing).to_contain_text("Tomas Ahlin, Falun")
        expect(missing.get_by_role("link", name="Lägg till e-postadress för Tomas Ahlin")).to_be_visible()

    with step(page, tmp_path, "3 send: one address is refused, the other is sent"):
        mail.outbox.clear()
        page.get_by_role("button", name="Skicka till 2 mottagare").click()
        expect_message(page, "Kallelsen (version 1) är skickad till 1 av 2 mottagare. "
                             "Det gick inte att skicka till asa@region.example; se listan under Kallelse.")
        assert_controls_named(page)
        rows = delivery_rows(page)
        assert rows[0].startswith("Maria Jonsson maria@falun.example Skickad ")
        assert rows[1].startswith("Åsa Dedering asa@region.example Misslyckades ")
        assert rows[1].endswith(": 550 5.1.1 Mailbox unavailable Skicka igen")
        assert [message.to for message in mail.outbox] == [[maria.email]]

    with step(page, tmp_path, "4 send again to Åsa only"):
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        mail.outbox.clear()
        page.get_by_role("button", name="Skicka igen till Åsa Dedering").click()
        expect_message(page, "Kallelsen (version 1) är skickad igen till Åsa Dedering, asa@region.example.")
        rows = delivery_rows(page)
        assert len(rows) == 3
        assert rows[1].startswith("Åsa Dedering asa@region.example Misslyckades ")
        assert not rows[1].endswith("Skicka igen")  # only each person's last delivery is offered again
        assert rows[2].startswith("Åsa Dedering asa@region.example Skickad ")
        assert [message.to for message in mail.outbox] == [[asa.email]]
        assert mail.outbox[0].subject == f"Kallelse: Länschefsnätverket {when}"
        statuses = list(NoticeDelivery.objects.filter(person=asa).order_by("pk").values_list("status", flat=True))
        assert statuses == ["failed", "sent"]

    with step(page, tmp_path, "5 give Tomas an address in the directory and send him the notice"):
        page.get_by_role("link", name="Visa kallelsen som e-post och mottagarna").click()
        expect(page.get_by_role("status").filter(
            has_text="Version 1 av kallelsen är redan skickad och dagordningen är oförändrad.")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile("^Skicka till"))).to_have_count(0)
        page.get_by_role("link", name="Lägg till e-postadress för Tomas Ahlin").click()
        page.get_by_label("E-post").fill("tomas@falun.example")
        page.get_by_role("button", name="Spara medlemskapet").click()
        expect_message(page, "Medlemskapet för Tomas Ahlin är sparat.")
        tomas.refresh_from_db()
        assert tomas.email == "tomas@falun.example"

        mail.outbox.clear()
        page.goto(f"{live_server.url}/sekretariat/moten/{meeting.pk}/")
        expect(page.get_by_role("region", name="Kallelse")).to_contain_text(
            "Har inte fått version 1 (medlemmar sedan utskicket):")
        page.get_by_role("button", name="Skicka version 1 till Tomas Ahlin").click()
        expect_message(page, "Kallelsen (version 1) är skickad till Tomas Ahlin, tomas@falun.example.")
        assert [message.to for message in mail.outbox] == [["tomas@falun.example"]]
        assert any(row.startswith("Tomas Ahlin tomas@falun.example Skickad ") for row in delivery_rows(page))
