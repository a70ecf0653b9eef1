"""Länschefsnätverket with its Styrgrupp, rules of procedure as data, and the people of the seeds."""

import pytest
from django.contrib.auth.models import User

from samverkan.appointments.services import set_rules
from samverkan.directory.models import Body, Organization, Person


@pytest.fixture
def network(db):
    return Body.objects.create(name="Länsnätverket för förvaltningschefer", short_name="Länschefsnätverket",
                               abbreviation="LCHNV")


@pytest.fixture
def steering_group(network):
    return Body.objects.create(name="Styrgruppen för Länschefsnätverket", short_name="Styrgruppen",
                               parent=network)


@pytest.fixture
def rules(network, steering_group):
    return set_rules(network)


@pytest.fixture
def region(db):
    return Organization.objects.create(name="Region Dalarna", kind=Organization.Kind.REGION)


@pytest.fixture
def leksand(db):
    return Organization.objects.create(name="Leksand", kind=Organization.Kind.MUNICIPALITY)


@pytest.fixture
def borlange(db):
    return Organization.objects.create(name="Borlänge", kind=Organization.Kind.MUNICIPALITY)


@pytest.fixture
def people(region, leksand, borlange):
    return {
        "bjornfot": Person.objects.create(name="Ulf Björnfot", organization=region),
        "gardsback": Person.objects.create(name="Ulrika Gärdsback", organization=leksand),
        "ahlin": Person.objects.create(name="Tomas Ahlin", organization=borlange),
        "dedering": Person.objects.create(name="Åsa Dedering", organization=region),
        "welen": Person.objects.create(name="Ewa Welén", organization=Organization.objects.create(
            name="Avesta", kind=Organization.Kind.MUNICIPALITY)),
    }


@pytest.fixture
def secretary(network, steering_group):
    user = User.objects.create_user("sekreterare")
    network.secretaries.add(user)
    return user
