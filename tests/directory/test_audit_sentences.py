"""The audit log reads as Swedish sentences: who, what they did, to what, and what changed."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from samverkan.directory import audit
from samverkan.meetings import recording, services
from samverkan.meetings.models import AgendaItem, Clause, Meeting
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(network):
    account = factories.secretary_of(network, password="Hemligt-lösen-1")
    person = factories.member(network, "Anna Berg")
    person.user = account
    person.save()
    return account


@pytest.fixture
def meeting(network, secretary):
    return services.plan_meeting(network, datetime.date(2023, 11, 9), datetime.time(9, 30), datetime.time(12),
                                 "Falun", acting_user=secretary)


def latest(model, action=None):
    entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
    if action is not None:
        entries = entries.filter(action=action)
    return entries.order_by("-timestamp", "-pk").first()


def test_a_changed_item_reads_with_its_number_title_and_meeting(meeting, secretary):
    item = services.add_item(meeting, "Kalender", AgendaItem.Type.INFORMATION, acting_user=secretary)
    services.update_item(item, None, title="Kalendarium", type=AgendaItem.Type.DECISION, agenda_text="",
                         proposals=[], presenters=[], acting_user=secretary)
    assert audit.sentence(latest(AgendaItem, LogEntry.Action.UPDATE)) == (
        "Anna Berg ändrade punkt 5 Kalendarium (Länschefsnätverket 9 november 2023): "
        "rubrik från ”Kalender” till ”Kalendarium”; typ från ”Information” till ”Beslut”.")


def test_a_decision_reads_as_the_decision_in_its_item(meeting, secretary):
    item = meeting.items.get(number="2")
    recording.record_item(item, None, minutes_text="", decisions=["att godkänna dagordningen."], outcome="",
                          acting_user=secretary)
    assert audit.sentence(latest(Clause, LogEntry.Action.CREATE)) == (
        "Anna Berg skapade beslutet i punkt 2 (Länschefsnätverket 9 november 2023).")


def test_a_meeting_reads_by_body_and_date_and_times_in_swedish(meeting, secretary):
    meeting.end_time = datetime.time(12, 30)
    services.update_meeting(meeting, acting_user=secretary)
    assert audit.sentence(latest(Meeting, LogEntry.Action.UPDATE)) == (
        "Anna Berg ändrade mötet Länschefsnätverket 9 november 2023: sluttid från 12.00 till 12.30.")


def test_a_change_without_a_user_is_the_systems_and_a_deleted_item_keeps_its_label(meeting):
    item = services.add_item(meeting, "Ekonomi")
    services.remove_item(item)
    assert audit.sentence(latest(AgendaItem, LogEntry.Action.DELETE)) == "Systemet tog bort punkt ”5. Ekonomi”."


def test_an_account_without_a_person_is_named_by_its_user_name(network):
    factories.user("andra")
    first = factories.secretary_of(network, username="forsta")
    from samverkan.directory.bodies import add_secretary
    add_secretary(network, "andra", acting_user=first)
    entry = LogEntry.objects.get_for_object(network).filter(changes__icontains="secretaries", actor=first).get()
    assert audit.sentence(entry) == "forsta ändrade organet Länsnätverket för förvaltningschefer: sekretariat: lade till andra."


def test_the_log_page_shows_sentences_and_no_internal_words(client, meeting, secretary):
    client.force_login(secretary)
    item = meeting.items.get(number="4")
    client.post(reverse("meetings:item", args=[item.pk]), {
        "version": item.lock_version, "title": "Rapporter från kommunerna", "type": item.type,
        "agenda_text": "", "presenters": "", "proposals": ""})
    page = client.get(reverse("meetings:audit_log")).content.decode()
    assert ("Anna Berg ändrade punkt 4 Rapporter från kommunerna (Länschefsnätverket 9 november 2023): "
            "rubrik från ”Rapporter” till ”Rapporter från kommunerna”.") in page
    for internal in ("update", "object (", "agenda item", "{", "→"):
        assert internal not in page.split("<main")[1], internal


def test_other_apps_say_what_their_objects_are(network, secretary):
    from samverkan.matters import services as matters
    from samverkan.matters.models import Assignment

    matters.create_assignment("Utreda hemsjukvården", owner=network, decided_on=datetime.date(2023, 11, 9),
                              deadline=datetime.date(2024, 3, 1), acting_user=secretary)
    assert audit.sentence(latest(Assignment, LogEntry.Action.CREATE)) == (
        "Anna Berg skapade uppdraget ”Utreda hemsjukvården”.")
