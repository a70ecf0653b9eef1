"""The sample archive with the bodies and the Välfärdsrådet meeting the seeds refer to."""

import datetime

import pytest
from django.utils import timezone

from samverkan.directory.models import Body
from samverkan.meetings.models import AgendaItem, Clause, Meeting
from tests import factories


def find_item(body: Body, when: datetime.date, number: str) -> AgendaItem:
    """The agenda item with a full number ('6', '10.1') at the body's meeting on a date."""
    items = AgendaItem.objects.filter(meeting__body=body, meeting__date=when).select_related("parent")
    return next(item for item in items if item.full_number == number)


@pytest.fixture
def item_at():
    return find_item


@pytest.fixture
def lchnv(sample_archive):
    return Body.objects.get(name="Länsnätverket för förvaltningschefer")


@pytest.fixture
def valfardsradet(council):
    return council


@pytest.fixture
def styrgruppen(db):
    return factories.steering_group(abbreviation="Styrgrupp LCHNV")


@pytest.fixture
def valfardsradet_2021(valfardsradet):
    """Välfärdsrådet 21 October 2021 gives Länschefsnätverket the assignment (not in the archive)."""
    meeting = Meeting.objects.create(body=valfardsradet, date=datetime.date(2021, 10, 21),
                                     status=Meeting.Status.PUBLISHED, published_at=timezone.now())
    item = AgendaItem.objects.create(
        meeting=meeting, number="5", position=4, type=AgendaItem.Type.DECISION,
        title="Översyn av Hemsjukvårdsavtalet", outcome=AgendaItem.Outcome.DECIDED,
        minutes_text="Välfärdsrådet diskuterade behovet av en översyn av Hemsjukvårdsavtalet, avtalet om "
                     "hälso- och sjukvårdsinsatser i ordinärt boende.",
    )
    Clause.objects.create(item=item, kind=Clause.Kind.DECISION, text=(
        "att ge Länschefsnätverket i uppdrag att ta fram en utredning som beskriver förutsättningarna "
        "för en eventuell översyn av Hemsjukvårdsavtalet."))
    return meeting


@pytest.fixture
def hemsjukvard_items(lchnv, valfardsradet_2021):
    return {
        "given": valfardsradet_2021.items.get(number="5"),
        "decided": find_item(lchnv, datetime.date(2021, 11, 19), "6"),
        "reported": find_item(lchnv, datetime.date(2023, 11, 9), "4"),
    }


@pytest.fixture
def secretary(lchnv):
    return factories.secretary_of(lchnv, email="sekretariat@rss.example")


@pytest.fixture
def member(lchnv):
    return factories.member_user(lchnv, "ledamot", "Ledamot Ledamotsson")


@pytest.fixture
def region(db):
    return factories.region()
