"""A body with members, a secretary, and a planned meeting, built through the services."""

import datetime

import pytest
from django.contrib.auth.models import User

from samverkan.directory.models import Body, Membership, Organization, Person
from samverkan.meetings import services


@pytest.fixture
def body(db):
    return Body.objects.create(name="Länsnätverket för förvaltningschefer",
                               short_name="Länschefsnätverket", abbreviation="LCHNV")


@pytest.fixture
def other_body(db):
    return Body.objects.create(name="Välfärdsrådet")


@pytest.fixture
def members(body):
    falun = Organization.objects.create(name="Falun", kind=Organization.Kind.MUNICIPALITY)
    region = Organization.objects.create(name="Region Dalarna", kind=Organization.Kind.REGION)
    people = [
        Person.objects.create(name="Maria Jonsson", organization=falun, email="maria@falun.example"),
        Person.objects.create(name="Åsa Dedering", organization=region, title="Hälso- och sjukvårdsdirektör",
                              email="asa@region.example"),
        Person.objects.create(name="Tomas Ahlin", organization=falun, email=""),
    ]
    for person in people:
        Membership.objects.create(person=person, body=body)
    return people


@pytest.fixture
def secretary(body):
    user = User.objects.create_user("sekreterare", password="Hemligt-lösen-1")
    body.secretaries.add(user)
    return user


@pytest.fixture
def member_user(members):
    user = User.objects.create_user("maria", password="Hemligt-lösen-2")
    members[0].user = user
    members[0].save()
    return user


@pytest.fixture
def outsider(db):
    return User.objects.create_user("utomstaende", password="Hemligt-lösen-3")


@pytest.fixture
def meeting(body, members):
    return services.plan_meeting(body, datetime.date(2026, 12, 10), datetime.time(9, 30),
                                 datetime.time(12, 0), "Myntgatan 2, Falun samt Teams", registry_number="HSN 2026/12")
