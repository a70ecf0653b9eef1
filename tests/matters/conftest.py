"""The sample archive with the bodies and the Välfärdsrådet meeting the seeds refer to."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from samverkan.directory.models import Body, Membership, Organization, Person
from samverkan.meetings.models import AgendaItem, Clause, Meeting


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
def valfardsradet(db):
    return Body.objects.create(name="Välfärdsrådet")


@pytest.fixture
def styrgruppen(db):
    return Body.objects.create(name="Styrgruppen för Länschefsnätverket", short_name="Styrgruppen",
                               abbreviation="Styrgrupp LCHNV")


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
    user = User.objects.create_user("sekreterare", email="sekretariat@rss.example")
    lchnv.secretaries.add(user)
    return user


@pytest.fixture
def member(lchnv):
    user = User.objects.create_user("ledamot")
    person = Person.objects.create(name="Ledamot Ledamotsson", user=user)
    Membership.objects.create(person=person, body=lchnv)
    return user


@pytest.fixture
def outsider(db):
    return User.objects.create_user("utomstaende")


@pytest.fixture
def region(db):
    return Organization.objects.get_or_create(name="Region Dalarna", defaults={"kind": Organization.Kind.REGION})[0]
