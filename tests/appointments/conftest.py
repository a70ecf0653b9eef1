"""Länschefsnätverket with its Styrgrupp, rules of procedure as data, and the people of the seeds."""

import pytest

from samverkan.appointments.services import set_rules
from samverkan.directory.models import Person
from tests import factories


@pytest.fixture
def steering_group(network):
    return factories.steering_group(parent=network)


@pytest.fixture
def rules(network, steering_group):
    return set_rules(network)


@pytest.fixture
def region(db):
    return factories.region()


@pytest.fixture
def leksand(db):
    return factories.municipality("Leksand")


@pytest.fixture
def borlange(db):
    return factories.municipality("Borlänge")


@pytest.fixture
def people(region, leksand, borlange):
    return {
        "bjornfot": Person.objects.create(name="Ulf Björnfot", organization=region),
        "gardsback": Person.objects.create(name="Ulrika Gärdsback", organization=leksand),
        "ahlin": Person.objects.create(name="Tomas Ahlin", organization=borlange),
        "dedering": Person.objects.create(name="Åsa Dedering", organization=region),
        "welen": Person.objects.create(name="Ewa Welén", organization=factories.municipality("Avesta")),
    }


@pytest.fixture
def secretary(network, steering_group):
    return factories.secretary_of(network)
