"""A body with members, a secretary, and a planned meeting, built through the services."""

import datetime

import pytest
import time_machine

from samverkan.meetings import publishing, recording, services, verification
from samverkan.meetings.models import AgendaItem
from tests import factories


@pytest.fixture
def body(network):
    return network


@pytest.fixture
def other_body(council):
    return council


@pytest.fixture
def members(body):
    falun, region = factories.municipality("Falun"), factories.region()
    return [
        factories.member(body, "Maria Jonsson", falun, email="maria@falun.example"),
        factories.member(body, "Åsa Dedering", region, title="Hälso- och sjukvårdsdirektör",
                         email="asa@region.example"),
        factories.member(body, "Tomas Ahlin", falun, email=""),
    ]


@pytest.fixture
def secretary(body):
    return factories.secretary_of(body, password="Hemligt-lösen-1")


@pytest.fixture
def member_user(members):
    user = factories.user("maria", password="Hemligt-lösen-2")
    members[0].user = user
    members[0].save()
    return user


@pytest.fixture
def meeting(body, members):
    return services.plan_meeting(body, datetime.date(2026, 12, 10), datetime.time(9, 30),
                                 datetime.time(12, 0), "Myntgatan 2, Falun samt Teams", registry_number="HSN 2026/12")


DECISION = "att anta de reviderade överenskommelserna och rekommendera huvudmännen att anta dem."
NOTES = "Tanja Mårtensson redogjorde för revideringen.\n\nÖverenskommelserna gäller från 1 april 2027."


@pytest.fixture
def anna(body):
    """A secretary with a name, who certifies extracts."""
    return factories.secretary_of(body, username="anna", first_name="Anna", last_name="Berg",
                                  email="anna@rss.example")


@pytest.fixture
def item(meeting, members):
    """Item 5, a decision recorded with notes, on a meeting with every other item recorded."""
    decision = services.add_item(meeting, "Reviderade överenskommelser", AgendaItem.Type.DECISION,
                                 proposals=[DECISION])
    recording.record_attendance(meeting, [recording.Presence(person) for person in members], None)
    recording.record_item(decision, None, minutes_text=NOTES, decisions=[DECISION], outcome="decided")
    recording.adopt_remaining_proposals(meeting)
    recording.record_item(meeting.items.get(title="Övriga frågor"), None, minutes_text="Inga.", decisions=[],
                          outcome="")
    return AgendaItem.objects.select_related("meeting__body").get(pk=decision.pk)


@pytest.fixture
def verified(item, members, member_user, anna):
    """The item's minutes verified by Maria (11 December) and, recorded by Anna, Åsa (12 December), then published."""
    maria, asa, _ = members
    verification.name_verifiers(item.meeting, [maria, asa])
    with time_machine.travel(datetime.datetime(2026, 12, 11, 9, 0)):
        verification.verify(item.meeting, acting_user=member_user)
    with time_machine.travel(datetime.datetime(2026, 12, 12, 9, 0)):
        verification.record_verified(item.meeting.verifiers.get(person=asa), acting_user=anna)
        publishing.publish_minutes(item.meeting, acting_user=anna)
    item.meeting.refresh_from_db()
    return item
