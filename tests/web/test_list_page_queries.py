"""List pages ask the database as often for ten rows as for two: their query shape does not grow with rows.

Each page is opened with a few rows, then with more of the same rows, and the queries are counted both times.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverkan.appointments import services as appointments
from samverkan.appointments.models import Appointment
from samverkan.directory.models import Person
from samverkan.funds import services as funds
from samverkan.matters import services as matters
from samverkan.meetings import services as meetings
from tests import factories

pytestmark = pytest.mark.django_db

JANUARY, DECEMBER = dt.date(2024, 1, 1), dt.date(2024, 12, 31)


def query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grows_with_rows(client, url: str, add_rows) -> bool:
    add_rows(0, 2)
    few = query_count(client, url)
    add_rows(2, 10)
    return query_count(client, url) != few


@pytest.fixture
def secretariat(client, network):
    client.force_login(factories.secretary_of(network))
    return client


def add_appointments(network):
    def add(start, end):
        for number in range(start, end):
            organization = factories.municipality(f"Kommun {number}")
            person = Person.objects.create(name=f"Person {number}", organization=organization)
            appointments.appoint(person, network, Appointment.Role.MEMBER, JANUARY, DECEMBER,
                                 organization=organization, appointed_by=network)
    return add


def add_matters(network):
    def add(start, end):
        for number in range(start, end):
            matter = matters.open_matter(f"Ärende {number}", body=network)
            matters.create_assignment(f"Uppdrag {number}", owner=network, matter=matter,
                                      deadline=dt.date(2030, 1, 1) + dt.timedelta(days=number))
    return add


def add_allocations(agreement):
    def add(start, end):
        for number in range(start, end):
            funds.record_receipt(agreement, 100_000)
            allocation = funds.allocate(agreement, 50_000, recipient_organization=factories.municipality(f"K{number}"))
            funds.report_use(allocation, 10_000)
    return add


def add_meetings(network):
    def add(start, end):
        for number in range(start, end):
            meeting = meetings.plan_meeting(network, dt.date(2020, 1, 1) + dt.timedelta(days=30 * number))
            meetings.add_item(meeting, f"Beslut om insats {number}", "decision", proposals=["att godkänna."])
    return add


@pytest.mark.parametrize("url", ["/sekretariat/uppdrag/", "/sekretariat/organ/lansnatverket-for-forvaltningschefer/uppdrag/",
                                 "/organ/lansnatverket-for-forvaltningschefer/uppdrag/", "/organ/"])
def test_appointment_pages(secretariat, network, url):
    url = url.replace("lansnatverket-for-forvaltningschefer", network.slug)
    assert not grows_with_rows(secretariat, url, add_appointments(network))


@pytest.mark.parametrize("url", ["/arenden/", "/arenden/uppdrag/", "/arenden/forslag/", "/arenden/organ/{slug}/"])
def test_matter_pages(secretariat, network, url):
    assert not grows_with_rows(secretariat, url.format(slug=network.slug), add_matters(network))


def test_funds_pages(secretariat, network):
    agreement = funds.record_agreement(network, "ÖK psykisk hälsa", 2024)
    for url in ("/medel/", f"/medel/overenskommelser/{agreement.pk}/"):
        assert not grows_with_rows(secretariat, url, add_allocations(agreement)), url


@pytest.mark.parametrize("url", ["/sekretariat/", "/moten/", "/"])
def test_meeting_lists(secretariat, network, url):
    assert not grows_with_rows(secretariat, url, add_meetings(network))
