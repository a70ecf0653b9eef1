"""Cancelling a meeting: it stays as "Inställt", and those the notice went to get a calendar cancellation."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from samverkan.core.errors import UserError
from samverkan.meetings import cancelling, notices, recording
from samverkan.meetings.models import Meeting

pytestmark = pytest.mark.django_db

REASON = "För få kan delta; ärendena tas upp den 14 januari."


@pytest.fixture
def notified(meeting, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(datetime.datetime(2026, 11, 20, 9, 0)):
        notices.send_notice(meeting)
    mail.outbox.clear()
    return meeting


def refused(action) -> tuple[str, str]:
    with pytest.raises(UserError) as error:
        action()
    return error.value.code, error.value.message


def test_those_invited_are_told_with_a_calendar_cancellation(notified):
    result = cancelling.cancel_meeting(notified, REASON)

    notified.refresh_from_db()
    assert notified.status == Meeting.Status.CANCELLED and notified.cancellation_reason == REASON
    assert sorted(result.told) == ["asa@region.example", "maria@falun.example"] and result.failed == []
    message = next(m for m in mail.outbox if m.to == ["maria@falun.example"])
    assert message.subject == "Inställt: Länschefsnätverket 10 december 2026"
    assert "Mötet med Länschefsnätverket 10 december 2026 kl. 9.30–12.00 är inställt." in message.body
    assert REASON in message.body
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("mote.ics", "text/calendar; method=CANCEL; charset=utf-8")
    calendar = Calendar.from_ical(content)
    event = calendar.walk("VEVENT")[0]
    assert calendar["METHOD"] == "CANCEL"
    assert (event["STATUS"], event["SEQUENCE"]) == ("CANCELLED", 1)
    assert event["UID"] == f"meeting-{notified.pk}@samverkan"
    assert str(event["SUMMARY"]) == "Inställt: Länschefsnätverket 10 december 2026"


def test_a_meeting_never_notified_is_cancelled_without_mail(meeting):
    result = cancelling.cancel_meeting(meeting, REASON)
    assert result.told == [] and mail.outbox == []


def test_a_cancelled_meeting_is_not_notified(notified):
    cancelling.cancel_meeting(notified, REASON)
    assert notices.notice_preview(notified).refusal_code == "cancelled"


def test_what_cannot_be_cancelled(meeting, members):
    assert refused(lambda: cancelling.cancel_meeting(meeting, " ")) == (
        "reason_missing", "Skriv varför mötet ställs in: det står i meddelandet till de kallade.")
    recording.record_attendance(meeting, [recording.Presence(members[0])], None)
    assert refused(lambda: cancelling.cancel_meeting(meeting, REASON)) == (
        "held", "Mötet är redan genomfört och kan inte ställas in.")


def test_the_secretariat_cancels_on_the_agenda_page(client, secretary, notified):
    client.force_login(secretary)
    agenda = reverse("meetings:agenda", args=[notified.pk])
    assert "Ställ in mötet</button>" in client.get(agenda).content.decode()

    response = client.post(reverse("meetings:meeting_cancel", args=[notified.pk]),
                           {"reason": REASON, "version": notified.lock_version}, follow=True)
    page = response.content.decode()
    assert "Mötet är inställt. 2 kallade har fått ett meddelande med en kalenderavbokning." in page
    assert f"Mötet är inställt: {REASON}" in page
    assert "Ställ in mötet</button>" not in page
    public = client.get(notified.get_absolute_url()).content.decode()
    assert f"Inställt</span>: {REASON}" in public
