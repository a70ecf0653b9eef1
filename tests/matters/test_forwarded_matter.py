"""A forwarded item taken up by the receiving body joins its matter: the timeline shows both bodies."""

import datetime

import pytest

from samverkan.matters import selectors, services
from samverkan.matters.models import Matter, MatterItem
from samverkan.meetings import forwarding, publishing, recording
from samverkan.meetings import services as meetings
from samverkan.meetings.models import AgendaItem, Forwarding
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def after_the_meetings(time_machine):
    """Spring 2027: the meetings of these tests have been held, so their minutes may be published."""
    time_machine.move_to(datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC))

TITLE = "Gemensam rutin för hemsjukvård"


@pytest.fixture
def secretary(network, council):
    return factories.secretary_of(network, council)


@pytest.fixture
def forwarded(network, council):
    """Länschefsnätverket forwards the item to Välfärdsrådet on 10 December 2026 and publishes."""
    meeting = meetings.plan_meeting(network, datetime.date(2026, 12, 10))
    item = meetings.add_item(meeting, TITLE, AgendaItem.Type.DECISION, proposals=["att anta rutinen."])
    recording.record_item(item, None, minutes_text="", decisions=["att överlämna ärendet till Välfärdsrådet."],
                          outcome=AgendaItem.Outcome.FORWARDED, forwarded_to=council)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    return Forwarding.objects.get(item=item)


@pytest.fixture
def council_meeting(council):
    return meetings.plan_meeting(council, datetime.date(2027, 1, 20))


def item_entries(matter, user):
    return [(e.date, e.body.display_name, e.item.title) for e in selectors.timeline(matter, user) if e.kind == "item"]


def test_the_item_taken_up_joins_the_forwarded_items_matter(forwarded, council_meeting, secretary, network):
    matter = services.open_matter("Hemsjukvård i Dalarna", body=network, items=[forwarded.item])

    taken_up = forwarding.receive_forwarding(forwarded, council_meeting, acting_user=secretary)

    assert Matter.objects.count() == 1
    link = MatterItem.objects.get(matter=matter, item=taken_up)
    assert (link.state, link.decided_by) == (MatterItem.State.CONFIRMED, secretary)
    assert item_entries(matter, secretary) == [
        (datetime.date(2026, 12, 10), "Länschefsnätverket", TITLE),
        (datetime.date(2027, 1, 20), "Välfärdsrådet", TITLE),
    ]


def test_an_item_in_no_matter_opens_one_of_the_receiving_body(forwarded, council_meeting, secretary, council):
    taken_up = forwarding.receive_forwarding(forwarded, council_meeting, acting_user=secretary)

    matter = Matter.objects.get()
    assert (matter.title, matter.body) == (TITLE, council)
    assert set(matter.links.values_list("item", "state")) == {
        (forwarded.item.pk, MatterItem.State.CONFIRMED), (taken_up.pk, MatterItem.State.CONFIRMED)}


def test_the_public_timeline_lists_both_bodies_meetings_in_date_order(client, forwarded, council_meeting,
                                                                      secretary):
    forwarding.receive_forwarding(forwarded, council_meeting, acting_user=secretary)
    matter = Matter.objects.get()
    page = client.get(f"/arenden/{matter.pk}/").content.decode()
    assert "10 december 2026</strong> · Länschefsnätverket" in page
    assert "</strong> · Välfärdsrådet" not in page and "20 januari 2027" not in page  # its meeting is not published

    publishing.publish_minutes(council_meeting, publish_unrecorded=True)
    page = client.get(f"/arenden/{matter.pk}/").content.decode()
    first = page.index("10 december 2026</strong> · Länschefsnätverket")
    second = page.index("20 januari 2027</strong> · Välfärdsrådet")
    assert first < second
