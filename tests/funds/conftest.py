"""The network, its secretary and a member, the 15 municipalities of Dalarna and Region Dalarna."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from samverkan.directory.models import Body, Membership, Person
from samverkan.directory.services import get_or_create_organization
from samverkan.funds import services
from samverkan.language.gazetteer import default_gazetteer
from samverkan.meetings import services as meeting_services

DALARNA_MUNICIPALITIES = default_gazetteer().municipalities  # the sample archive's gazetteer
REGION_DALARNA = "Region Dalarna"

ROOT = Path(__file__).resolve().parents[2]
POPULATION_CSV = ROOT / "samples" / "dalarna-population.csv"
SAMPLE_SOURCE = 'Statistiska centralbyrån (SCB), "Folkmängd i riket, län och kommuner 31 december {year}"'


@pytest.fixture
def body(db):
    return Body.objects.create(name="Länsnätverket för förvaltningschefer",
                               short_name="Länschefsnätverket", abbreviation="LCHNV")


@pytest.fixture
def other_body(db):
    return Body.objects.create(name="Välfärdsrådet")


@pytest.fixture
def region(db):
    return get_or_create_organization(REGION_DALARNA)


@pytest.fixture
def municipalities(db):
    return [get_or_create_organization(name) for name in DALARNA_MUNICIPALITIES]


@pytest.fixture
def secretary(body):
    user = User.objects.create_user("sekreterare")
    body.secretaries.add(user)
    return user


@pytest.fixture
def member_user(body, municipalities):
    user = User.objects.create_user("maria")
    person = Person.objects.create(name="Maria Jonsson", organization=municipalities[9], user=user)
    Membership.objects.create(person=person, body=body)
    return user


@pytest.fixture
def outsider(db):
    return User.objects.create_user("utomstaende")


@pytest.fixture
def other_secretary(other_body):
    user = User.objects.create_user("annan-sekreterare")
    other_body.secretaries.add(user)
    return user


@pytest.fixture
def population(db):
    return services.import_population(POPULATION_CSV, source=SAMPLE_SOURCE)


@pytest.fixture
def decision_meeting(body):
    """The network's meeting of 9 November 2023 with item 9, where the leftover was distributed."""
    meeting = meeting_services.plan_meeting(body, datetime.date(2023, 11, 9), location="Leksand samt Teams")
    item = meeting_services.add_item(
        meeting, "Beslut: Hantering av överskjutande länsgemensamma medel enligt ÖK psykisk hälsa 2023")
    return meeting, item


@pytest.fixture
def agreement(body):
    return services.record_agreement(
        body, "ÖK psykisk hälsa", 2023,
        title="Överenskommelse mellan staten och SKR om insatser inom området psykisk hälsa och "
              "suicidprevention 2023",
        focus_areas=["Brukarinflytande", "Ungdomsmottagningar", "Suicidprevention", "3.3 Samsjuklighet"],
    )
