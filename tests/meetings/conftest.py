"""A body with members, a secretary, and a planned meeting, built through the services."""

import datetime

import pytest

from samverkan.meetings import services
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
