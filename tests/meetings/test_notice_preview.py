"""The notice: previewed as it goes out, sent one e-mail per member, each delivery recorded, sent again to one."""

import datetime
import io
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from icalendar import Calendar

from samverkan.core.errors import UserError
from samverkan.meetings import notices, services
from samverkan.meetings.models import Meeting, NoticeDelivery
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://samverkan.example"
SENDER = "Samverkan <noreply@samverkan.example>"
REFUSED = "asa@region.example"


class RefusingBackend(EmailBackend):
    """Delivers like locmem, except that the server refuses one address."""

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to:
                raise smtplib.SMTPRecipientsRefused({REFUSED: (550, b"5.1.1 Mailbox unavailable")})
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def mail_settings(settings, secretary):
    settings.DEFAULT_FROM_EMAIL = SENDER
    settings.SAMVERKAN_NOTICE_FROM = ""
    settings.SAMVERKAN_NOTICE_REPLY_TO = []
    settings.SAMVERKAN_SITE_URL = SITE
    secretary.email = "sara@region.example"
    secretary.save()
    return settings


def expected_body(meeting, version_line=""):
    return (
        "Hej!\n"
        "\n"
        "Välkommen till möte med Länsnätverket för förvaltningschefer (Länschefsnätverket, LCHNV).\n"
        f"{version_line}"
        "\n"
        "Datum: 10 december 2026\n"
        "Tid: Kl. 9.30–12.00\n"
        "Plats: Myntgatan 2, Falun samt Teams\n"
        "\n"
        "Dagordning:\n"
        "1. Mötets öppnande\n"
        "2. Godkännande av dagordning\n"
        "3. Föregående minnesanteckningar\n"
        "4. Rapporter\n"
        "5. Övriga frågor\n"
        "\n"
        f"Mötets sida: https://samverkan.example/moten/{meeting.pk}/\n"
        f"Möteshandlingar (kallelse och bilagor): https://samverkan.example/moten/{meeting.pk}/handlingar.pdf\n"
        "Logga in i Samverkan för att öppna länkarna.\n"
        "\n"
        "Kallelsen finns som bifogad PDF och mötet som kalenderinbjudan (mote.ics).\n"
        "Svara på det här meddelandet om du har frågor eller får förhinder.\n"
        "\n"
        "Vänliga hälsningar\n"
        "Sekretariatet för Länschefsnätverket\n"
    )


def invitation(message):
    ics = {name: content for name, content, _ in message.attachments}["mote.ics"]
    return Calendar.from_ical(ics)


def test_the_preview_shows_the_email_its_recipients_and_who_has_no_address(meeting, members):
    preview = notices.notice_preview(meeting, SITE)
    assert preview.mail.version == 1
    assert preview.mail.subject == "Kallelse: Länschefsnätverket 10 december 2026"
    assert preview.mail.sender == SENDER
    assert preview.mail.reply_to == ["sara@region.example"]
    assert preview.mail.body == expected_body(meeting)
    assert preview.mail.pdf_name == "kallelse-2026-12-10.pdf"
    assert [(m.name, m.organization, m.email) for m in preview.recipients] == [
        ("Maria Jonsson", "Falun", "maria@falun.example"),
        ("Åsa Dedering", "Region Dalarna", "asa@region.example"),
    ]
    tomas = members[2]
    assert [(m.name, m.membership_id) for m in preview.without_email] == [
        ("Tomas Ahlin", tomas.memberships.get().pk)]
    assert preview.refusal == ""


def test_sender_and_reply_to_come_from_the_settings_when_set(meeting, members, mail_settings):
    mail_settings.SAMVERKAN_NOTICE_FROM = "Länschefsnätverket <kallelse@region.example>"
    mail_settings.SAMVERKAN_NOTICE_REPLY_TO = ["kansli@region.example", "sara@region.example"]
    notices.send_notice(meeting, site_url=SITE)
    message = mail.outbox[0]
    assert message.from_email == "Länschefsnätverket <kallelse@region.example>"
    assert message.reply_to == ["kansli@region.example", "sara@region.example"]
    organizer = invitation(message).walk("VEVENT")[0]["ORGANIZER"]
    assert str(organizer) == "mailto:kallelse@region.example"
    assert organizer.params["CN"] == "Länschefsnätverket"


def test_without_secretary_addresses_there_is_no_reply_to_and_no_request_to_answer(meeting, members, secretary):
    secretary.email = ""
    secretary.save()
    preview = notices.notice_preview(meeting, SITE)
    assert preview.mail.reply_to == []
    assert "Svara på det här meddelandet" not in preview.mail.body


def test_what_is_sent_is_what_the_preview_showed(meeting, members, secretary):
    preview = notices.notice_preview(meeting, SITE)
    dispatch = notices.send_notice(meeting, site_url=SITE, token=preview.token, acting_user=secretary)
    assert [message.to for message in mail.outbox] == [["maria@falun.example"], ["asa@region.example"]]
    for message in mail.outbox:
        assert message.subject == "Kallelse: Länschefsnätverket 10 december 2026"
        assert message.from_email == SENDER
        assert message.reply_to == ["sara@region.example"]
        assert message.body == expected_body(meeting)
        assert [(name, kind) for name, _, kind in message.attachments] == [
            ("kallelse-2026-12-10.pdf", "application/pdf"),
            ("mote.ics", "text/calendar; method=REQUEST; charset=utf-8"),
        ]
    assert [(d.name, d.email, d.status, d.error) for d in dispatch.deliveries.all()] == [
        ("Maria Jonsson", "maria@falun.example", "sent", ""),
        ("Åsa Dedering", "asa@region.example", "sent", ""),
    ]
    assert dispatch.sent_by == secretary
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.NOTIFIED


def test_the_invitation_is_a_swedish_request_from_the_sender_to_the_recipient(meeting, members):
    notices.send_notice(meeting, site_url=SITE)
    calendar = invitation(mail.outbox[0])
    assert calendar["METHOD"] == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Länschefsnätverket 10 december 2026"
    assert str(event["UID"]) == f"meeting-{meeting.pk}@samverkan"
    assert event["SEQUENCE"] == 0
    assert str(event["ORGANIZER"]) == "mailto:noreply@samverkan.example"
    assert event["ORGANIZER"].params["CN"] == "Samverkan"
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:maria@falun.example"
    assert dict(attendee.params) == {"CN": "Maria Jonsson", "ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION",
                                     "RSVP": "FALSE"}
    assert str(event["DESCRIPTION"]).startswith("Dagordning:\n1. Mötets öppnande\n")


def test_a_changed_agenda_goes_out_as_the_next_version_with_the_same_uid(meeting, members):
    notices.send_notice(meeting, site_url=SITE)
    services.add_item(meeting, "Extra ärende")
    preview = notices.notice_preview(meeting, SITE)
    assert preview.mail.subject == "Kallelse: Länschefsnätverket 10 december 2026 (ändrad dagordning, version 2)"
    assert preview.mail.body.startswith(
        "Hej!\n\nVälkommen till möte med Länsnätverket för förvaltningschefer (Länschefsnätverket, LCHNV).\n"
        "Dagordningen är ändrad sedan förra kallelsen. Det här är version 2 och den ersätter de tidigare.\n\n")
    assert "5. Information: Extra ärende\n6. Övriga frågor\n" in preview.mail.body
    mail.outbox.clear()
    notices.send_notice(meeting, site_url=SITE, token=preview.token)
    event = invitation(mail.outbox[0]).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]) == f"meeting-{meeting.pk}@samverkan"


def test_the_digital_link_is_in_the_email_the_invitation_and_the_agenda(meeting, members):
    from samverkan.meetings.documents.agenda import agenda_docx, agenda_html

    meeting.online_link = "https://teams.example/mote/123"
    meeting.save()
    body = notices.notice_preview(meeting, SITE).mail.body
    assert "Plats: Myntgatan 2, Falun samt Teams\nDigital länk: https://teams.example/mote/123\n\nDagordning:" in body
    notices.send_notice(meeting, site_url=SITE)
    event = invitation(mail.outbox[0]).walk("VEVENT")[0]
    assert str(event["DESCRIPTION"]).startswith("Digital länk: https://teams.example/mote/123\n\nDagordning:\n")
    assert ('<p>Digital länk: <a href="https://teams.example/mote/123">https://teams.example/mote/123</a></p>'
            in agenda_html(meeting))
    paragraphs = [p.text for p in Document(io.BytesIO(agenda_docx(meeting))).paragraphs]
    assert "Digital länk: https://teams.example/mote/123" in paragraphs


def test_without_a_site_address_the_email_has_no_links(meeting, members):
    body = notices.notice_preview(meeting, "").mail.body
    assert "Mötets sida" not in body and "Möteshandlingar" not in body and "http" not in body


def test_an_unchanged_agenda_is_refused_in_the_preview_and_when_sent(meeting, members):
    notices.send_notice(meeting, site_url=SITE)
    preview = notices.notice_preview(meeting, SITE)
    assert preview.refusal == "Version 1 av kallelsen är redan skickad och dagordningen är oförändrad."
    with pytest.raises(UserError) as raised:
        notices.send_notice(meeting, site_url=SITE, token=preview.token)
    assert raised.value.code == "already_sent"
    assert raised.value.message == "Version 1 av kallelsen är redan skickad och dagordningen är oförändrad."
    assert len(mail.outbox) == 2


def test_a_notice_changed_since_the_preview_is_not_sent(meeting, members):
    preview = notices.notice_preview(meeting, SITE)
    members[2].email = "tomas@falun.example"
    members[2].save()
    with pytest.raises(UserError) as raised:
        notices.send_notice(meeting, site_url=SITE, token=preview.token)
    assert raised.value.code == "stale_preview"
    assert raised.value.message == ("Kallelsen eller mottagarna har ändrats sedan du granskade den. "
                                    "Granska kallelsen igen innan du skickar.")
    assert mail.outbox == []
    assert not meeting.dispatches.exists()


def test_a_refused_address_is_recorded_as_failed_and_the_others_are_sent(meeting, members, settings):
    settings.EMAIL_BACKEND = "tests.meetings.test_notice_preview.RefusingBackend"
    dispatch = notices.send_notice(meeting, site_url=SITE)
    assert [message.to for message in mail.outbox] == [["maria@falun.example"]]
    assert [(d.email, d.status, d.error) for d in dispatch.deliveries.all()] == [
        ("maria@falun.example", NoticeDelivery.Status.SENT, ""),
        ("asa@region.example", NoticeDelivery.Status.FAILED, "550 5.1.1 Mailbox unavailable"),
    ]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.NOTIFIED


def test_the_latest_version_can_be_sent_again_to_one_person(meeting, members, settings):
    settings.EMAIL_BACKEND = "tests.meetings.test_notice_preview.RefusingBackend"
    dispatch = notices.send_notice(meeting, site_url=SITE)
    asa = members[1]
    asa.email = "asa.dedering@region.example"  # the address is corrected, then the notice sent again
    asa.save()
    mail.outbox.clear()
    delivery = notices.resend_notice(meeting, asa, site_url=SITE)
    assert delivery.dispatch == dispatch
    assert (delivery.email, delivery.status) == ("asa.dedering@region.example", NoticeDelivery.Status.SENT)
    assert [message.to for message in mail.outbox] == [["asa.dedering@region.example"]]
    assert mail.outbox[0].subject == "Kallelse: Länschefsnätverket 10 december 2026"
    assert mail.outbox[0].body == expected_body(meeting)
    assert [(d.email, d.status) for d in dispatch.deliveries.all()] == [
        ("maria@falun.example", "sent"), ("asa@region.example", "failed"), ("asa.dedering@region.example", "sent")]


def test_sending_again_is_refused_after_an_agenda_change_and_without_an_address(meeting, members):
    with pytest.raises(UserError) as raised:
        notices.resend_notice(meeting, members[0], site_url=SITE)
    assert raised.value.message == "Kallelsen är inte skickad än. Granska och skicka den till alla först."
    notices.send_notice(meeting, site_url=SITE)
    with pytest.raises(UserError) as raised:
        notices.resend_notice(meeting, members[2], site_url=SITE)
    assert raised.value.message == "Tomas Ahlin har ingen e-postadress. Lägg till den bland organets medlemmar."
    services.add_item(meeting, "Extra ärende")
    with pytest.raises(UserError) as raised:
        notices.resend_notice(meeting, members[0], site_url=SITE)
    assert raised.value.message == ("Dagordningen har ändrats sedan version 1 skickades. "
                                    "Skicka en ny version till alla i stället.")
    assert len(mail.outbox) == 2


def test_the_history_offers_each_persons_last_delivery_and_new_members(meeting, members, body):
    dispatch = notices.send_notice(meeting, site_url=SITE)
    notices.resend_notice(meeting, members[0], site_url=SITE)
    newcomer = factories.member(body, "Nils Nyberg", email="nils@mora.example")
    history = notices.dispatch_history(meeting)
    assert history.dispatches == [dispatch]
    last = {d.person_id: d.pk for d in dispatch.deliveries.order_by("sent_at", "pk")}
    assert history.resendable == set(last.values())
    assert [m.person for m in history.not_reached] == [newcomer]


# --- The pages ------------------------------------------------------------------------------


@pytest.fixture
def signed_in(client, secretary):
    client.force_login(secretary)
    return client


def test_the_preview_page_shows_the_message_recipients_and_a_counted_send_button(signed_in, meeting, members):
    page = signed_in.get(f"/sekretariat/moten/{meeting.pk}/kallelse/").content.decode()
    assert "<dt>Från</dt><dd>Samverkan &lt;noreply@samverkan.example&gt;</dd>" in page
    assert "<dt>Svar till</dt><dd>sara@region.example</dd>" in page
    assert "<dt>Ämne</dt><dd>Kallelse: Länschefsnätverket 10 december 2026</dd>" in page
    assert "<td>Åsa Dedering</td><td>Region Dalarna</td><td>asa@region.example</td>" in page
    membership = members[2].memberships.get()
    assert (f'<a href="/sekretariat/organ/lchnv/medlemmar/{membership.pk}/">Lägg till e-postadress för '
            "Tomas Ahlin</a>") in page
    assert '<button type="submit">Skicka till 2 mottagare</button>' in page


def test_the_send_button_sends_and_the_agenda_lists_each_delivery(signed_in, meeting, members):
    token = notices.notice_preview(meeting, SITE).token
    response = signed_in.post(f"/sekretariat/moten/{meeting.pk}/kallelse/skicka/", {"token": token}, follow=True)
    page = response.content.decode()
    assert "Kallelsen (version 1) är skickad till 2 mottagare." in page
    assert "<td>Maria Jonsson</td><td>maria@falun.example</td>" in page
    assert 'aria-label="Skicka igen till Åsa Dedering"' in page
    assert len(mail.outbox) == 2
    assert f"Mötets sida: https://samverkan.example/moten/{meeting.pk}/" in mail.outbox[0].body


def test_a_stale_preview_goes_back_to_the_preview_with_the_reason(signed_in, meeting, members):
    response = signed_in.post(f"/sekretariat/moten/{meeting.pk}/kallelse/skicka/", {"token": "gammal"})
    assert response.status_code == 302
    assert response["Location"] == f"/sekretariat/moten/{meeting.pk}/kallelse/"
    assert mail.outbox == []


def test_the_resend_button_sends_to_that_person_only(signed_in, meeting, members):
    notices.send_notice(meeting, site_url=SITE)
    mail.outbox.clear()
    asa = members[1]
    response = signed_in.post(f"/sekretariat/moten/{meeting.pk}/kallelse/skicka-igen/{asa.pk}/", follow=True)
    assert "Kallelsen (version 1) är skickad igen till Åsa Dedering, asa@region.example." in response.content.decode()
    assert [message.to for message in mail.outbox] == [["asa@region.example"]]


def test_a_person_who_is_not_a_member_cannot_be_sent_the_notice(signed_in, meeting, members):
    notices.send_notice(meeting, site_url=SITE)
    stranger = factories.member(factories.council(), "Stina Främling", email="stina@example.se")
    response = signed_in.post(f"/sekretariat/moten/{meeting.pk}/kallelse/skicka-igen/{stranger.pk}/")
    assert response.status_code == 404


def test_the_meeting_form_saves_the_digital_link(signed_in, meeting):
    response = signed_in.post(f"/sekretariat/moten/{meeting.pk}/uppgifter/", {
        "body": meeting.body_id, "date": "2026-12-10", "start_time": "09:30", "end_time": "12:00",
        "location": "Teams", "online_link": "teams.example/mote/9", "mode": "digital", "registry_number": "",
        "version": meeting.lock_version,
    })
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.online_link == "https://teams.example/mote/9"
    page = signed_in.get(f"/sekretariat/moten/{meeting.pk}/").content.decode()
    assert '· <a href="https://teams.example/mote/9">Digital länk</a>' in page


def test_a_new_meeting_keeps_its_digital_link(signed_in, body):
    signed_in.post("/sekretariat/moten/nytt/", {
        "body": body.pk, "date": "2027-01-14", "start_time": "09:30", "end_time": "", "location": "",
        "online_link": "https://teams.example/mote/10", "mode": "digital", "registry_number": "",
    })
    assert Meeting.objects.get(date=datetime.date(2027, 1, 14)).online_link == "https://teams.example/mote/10"


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_agenda_page_asks_the_same_number_of_queries_for_more_deliveries(signed_in, meeting, members, body):
    url = f"/sekretariat/moten/{meeting.pk}/"
    notices.send_notice(meeting, site_url=SITE)
    few = count_queries(signed_in, url)
    for number in range(4):
        factories.member(body, f"Ny Medlem {number}", email=f"ny{number}@mora.example")
    services.add_item(meeting, "Extra ärende")
    notices.send_notice(meeting, site_url=SITE)
    assert count_queries(signed_in, url) == few


def test_the_preview_page_asks_the_same_number_of_queries_for_more_members(signed_in, meeting, members, body):
    url = f"/sekretariat/moten/{meeting.pk}/kallelse/"
    services.add_subitem(meeting.items.get(number="4"), "Rapport från Styrgruppen")
    few = count_queries(signed_in, url)
    for number in range(10):
        factories.member(body, f"Ny Medlem {number}", email=f"ny{number}@mora.example")
    services.add_subitem(meeting.items.get(number="4"), "Rapport från Välfärdsrådet")
    assert count_queries(signed_in, url) == few
