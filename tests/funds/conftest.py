"""The network, its secretary and a member, the 15 municipalities of Dalarna and Region Dalarna."""

import datetime
from pathlib import Path

import pytest

from samverkan.directory.services import get_or_create_organization
from samverkan.funds import services
from samverkan.language.gazetteer import default_gazetteer
from samverkan.meetings import services as meeting_services
from tests import factories

DALARNA_MUNICIPALITIES = default_gazetteer().municipalities  # the sample archive's gazetteer
REGION_DALARNA = "Region Dalarna"

ROOT = Path(__file__).resolve().parents[2]
POPULATION_CSV = ROOT / "samples" / "dalarna-population.csv"
SAMPLE_SOURCE = 'Statistiska centralbyrån (SCB), "Folkmängd i riket, län och kommuner 31 december {year}"'


@pytest.fixture
def body(network):
    return network


@pytest.fixture
def other_body(council):
    return council


@pytest.fixture
def region(db):
    return get_or_create_organization(REGION_DALARNA)


@pytest.fixture
def municipalities(db):
    return [get_or_create_organization(name) for name in DALARNA_MUNICIPALITIES]


@pytest.fixture
def secretary(body):
    return factories.secretary_of(body)


@pytest.fixture
def member_user(body, municipalities):
    return factories.member_user(body, "maria", "Maria Jonsson", municipalities[9])


@pytest.fixture
def other_secretary(other_body):
    return factories.secretary_of(other_body, username="annan-sekreterare")


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
