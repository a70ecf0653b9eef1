"""Sending the notice and publishing the minutes, with versions kept."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from samverkan.core.errors import UserError
from samverkan.meetings import notices, publishing, recording, services
from samverkan.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def test_the_notice_goes_to_every_member_with_an_address(meeting, members, secretary):
    dispatch = notices.send_notice(meeting, acting_user=secretary)
    assert dispatch.version == 1
    assert sorted(r["email"] for r in dispatch.recipients) == ["asa@region.example", "maria@falun.example"]
    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.subject == "Kallelse: Länschefsnätverket 10 december 2026"
    names = [name for name, _, _ in message.attachments]
    assert names == ["kallelse-2026-12-10.pdf", "mote.ics"]
    assert message.attachments[0][1].startswith(b"%PDF")
    assert "BEGIN:VEVENT" in message.attachments[1][1]  # text/calendar is decoded as text
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.NOTIFIED


def test_an_unchanged_agenda_is_not_sent_twice(meeting, members):
    notices.send_notice(meeting)
    with pytest.raises(UserError, match="redan skickad"):
        notices.send_notice(meeting)
    assert len(mail.outbox) == 2


def test_a_changed_agenda_is_sent_as_a_new_version(meeting, members):
    notices.send_notice(meeting)
    services.add_item(meeting, "Extra ärende")
    assert notices.agenda_changed_since_notice(meeting)
    dispatch = notices.send_notice(meeting)
    assert dispatch.version == 2
    assert mail.outbox[-1].subject.endswith("(ändrad dagordning, version 2)")
    assert "SEQUENCE:1" in mail.outbox[-1].attachments[1][1]


@pytest.fixture
def held(meeting):
    """The meeting, held a week ago."""
    meeting.date = timezone.localdate() - datetime.timedelta(days=7)
    meeting.save()
    return meeting


def test_publishing_makes_the_minutes_public(client, held, members):
    meeting = held
    recording.adopt_proposals(meeting.items.get(number="2"))
    assert client.get(meeting.get_absolute_url()).status_code == 404
    version = publishing.publish_minutes(meeting, publish_unrecorded=True)
    assert version.version == 1
    assert "att godkänna dagordningen." in version.text
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "att godkänna dagordningen." in page


def test_a_correction_keeps_the_published_version_and_shows_the_change(client, held):
    meeting = held
    item = meeting.items.get(number="2")
    recording.adopt_proposals(item)
    first = publishing.publish_minutes(meeting, publish_unrecorded=True)
    recording.record_item(item, None, minutes_text="", decisions=["att godkänna dagordningen med ett tillägg."],
                          outcome="decided")
    with pytest.raises(UserError, match="Beskriv vad som rättats"):
        publishing.publish_minutes(meeting)
    second = publishing.publish_minutes(meeting, note="Tillägg i punkt 2.")
    first.refresh_from_db()
    assert "att godkänna dagordningen." in first.text
    assert publishing.corrections(second) == [
        {"before": ["att godkänna dagordningen."], "after": ["att godkänna dagordningen med ett tillägg."]}]
    page = client.get(f"/minnesanteckningar/{second.pk}/").content.decode()
    assert "Tillägg i punkt 2." in page
    assert "<p><strong>Tidigare:</strong> att godkänna dagordningen.</p>" in page
    assert "<p><strong>Nu:</strong> att godkänna dagordningen med ett tillägg.</p>" in page
    assert "+att" not in page and "@@" not in page


def test_unchanged_minutes_are_not_published_again(held):
    meeting = held
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    with pytest.raises(UserError, match="oförändrade"):
        publishing.publish_minutes(meeting, note="ingen ändring")
