"""Justering: one or two justerare verify the minutes before they are first published."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse

from samverkan.core.errors import UserError
from samverkan.meetings import publishing, recording, verification
from samverkan.meetings.documents.minutes import minutes_text
from samverkan.meetings.selectors import meeting_with_items

pytestmark = pytest.mark.django_db

PAGE = "https://samverkan.example/moten/1/justera/"


@pytest.fixture
def held(meeting, members):
    recording.record_attendance(meeting, [recording.Presence(person) for person in members], None)
    recording.adopt_remaining_proposals(meeting)
    recording.record_item(meeting.items.get(title="Övriga frågor"), None, minutes_text="Inga övriga frågor.",
                          decisions=[], outcome="")
    return meeting


def refused(action) -> tuple[str, str]:
    with pytest.raises(UserError) as error:
        action()
    return error.value.code, error.value.message


def test_justerare_with_an_address_are_asked_by_email(held, members):
    maria, _, tomas = members
    named = verification.name_verifiers(held, [maria, tomas], page_url=PAGE)

    assert [v.person for v in named] == [maria, tomas]
    assert len(mail.outbox) == 1  # Tomas has no e-mail address
    message = mail.outbox[0]
    assert message.to == ["maria@falun.example"]
    assert message.subject == "Justera minnesanteckningarna från Länschefsnätverket 10 december 2026"
    assert PAGE in message.body


def test_naming_again_keeps_who_stays_and_asks_only_the_new(held, members):
    maria, asa, tomas = members
    verification.name_verifiers(held, [maria, tomas], page_url=PAGE)
    verification.name_verifiers(held, [maria, asa], page_url=PAGE)

    assert [v.person for v in held.verifiers.all()] == [maria, asa]
    assert [m.to for m in mail.outbox] == [["maria@falun.example"], ["asa@region.example"]]


def test_at_most_two_justerare(held, members):
    assert refused(lambda: verification.name_verifiers(held, members)) == (
        "too_many_verifiers", "Välj högst 2 justerare.")


def test_publishing_waits_for_every_justerare(held, members, member_user):
    maria, asa, _ = members
    verification.name_verifiers(held, [maria, asa])
    with time_machine.travel(datetime.datetime(2026, 12, 11, 9, 0)):
        assert refused(lambda: publishing.publish_minutes(held)) == (
            "not_verified", "Minnesanteckningarna är inte justerade: Maria Jonsson och Åsa Dedering har inte "
                            "justerat. Vänta på justeringen, eller registrera ”Justerat utan ändringar”.")
        verification.verify(held, acting_user=member_user)
        assert refused(lambda: publishing.publish_minutes(held))[1].startswith(
            "Minnesanteckningarna är inte justerade: Åsa Dedering har inte justerat.")


def test_the_published_minutes_say_who_verified_them_and_when(held, members, member_user, secretary):
    maria, asa, _ = members
    verification.name_verifiers(held, [maria, asa])
    with time_machine.travel(datetime.datetime(2026, 12, 11, 9, 0)):
        verification.verify(held, acting_user=member_user)
    with time_machine.travel(datetime.datetime(2026, 12, 12, 9, 0)):
        verification.record_verified(held.verifiers.get(person=asa), acting_user=secretary)
        version = publishing.publish_minutes(held)

    assert version.text.rstrip().endswith(
        "Justerade av Maria Jonsson 11 december 2026 och Åsa Dedering 12 december 2026")
    assert held.verifiers.get(person=asa).recorded_by == secretary
    assert minutes_text(meeting_with_items(held.pk)) == version.text


def test_only_a_named_justerare_verifies_and_only_once(held, members, member_user):
    assert refused(lambda: verification.verify(held, acting_user=member_user)) == (
        "not_a_verifier", "Du är inte justerare för de här minnesanteckningarna.")
    verification.name_verifiers(held, [members[0]])
    with time_machine.travel(datetime.datetime(2026, 12, 11, 9, 0)):
        verification.verify(held, acting_user=member_user)
    assert refused(lambda: verification.verify(held, acting_user=member_user)) == (
        "already_verified", "Du justerade minnesanteckningarna 11 december 2026.")


def test_published_minutes_are_not_verified_again(held, members):
    with time_machine.travel(datetime.datetime(2026, 12, 11, 9, 0)):
        publishing.publish_minutes(held)
    assert refused(lambda: verification.name_verifiers(held, [members[0]])) == (
        "published", "Minnesanteckningarna är redan publicerade och justeras inte igen.")


def test_verifying_is_in_the_audit_log_as_a_sentence(client, held, members, member_user):
    verification.name_verifiers(held, [members[0]])
    client.force_login(member_user)
    response = client.post(reverse("web:verify", args=[held.pk]), follow=True)

    assert "Tack! Du har justerat minnesanteckningarna." in response.content.decode()
    entry = LogEntry.objects.filter(content_type__model="verifier").latest("timestamp")
    assert entry.actor == member_user and "verified_at" in entry.changes_dict


def test_the_justering_page_is_only_for_the_justerare(client, held, members, member_user, secretary):
    client.force_login(member_user)
    assert client.get(reverse("web:verify", args=[held.pk])).status_code == 404
    verification.name_verifiers(held, [members[0]])
    page = client.get(reverse("web:verify", args=[held.pk])).content.decode()
    assert "Jag justerar minnesanteckningarna" in page
    assert "att godkänna dagordningen." in page


def test_the_secretariat_names_justerare_among_those_present(client, held, members, secretary):
    client.force_login(secretary)
    maria, asa, _ = members
    response = client.post(reverse("meetings:name_verifiers", args=[held.pk]),
                           {"verifier": [str(maria.pk), str(asa.pk)]}, follow=True)
    assert "Justerare: Maria Jonsson och Åsa Dedering." in response.content.decode()

    response = client.post(reverse("meetings:record_verified", args=[held.verifiers.get(person=asa).pk]),
                           follow=True)
    assert "Åsa Dedering: justerat utan ändringar." in response.content.decode()
    assert "registrerat av sekretariatet: justerat utan ändringar" in response.content.decode()
