"""The secretariat's appointment pages and the public list, by role."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samverkan.appointments import services
from samverkan.appointments.models import Appointment, RuleException
from samverkan.directory.models import Body

pytestmark = pytest.mark.django_db


@pytest.fixture
def dedering(network, rules, people):
    return services.appoint(people["dedering"], network, Appointment.Role.CHAIR, dt.date(2022, 1, 1),
                            dt.date(2022, 12, 31), appointed_by=network)


def secretariat_urls(network, appointment):
    return [
        reverse("appointments:bodies"),
        reverse("appointments:body", args=[network.slug]),
        reverse("appointments:appoint", args=[network.slug]),
        reverse("appointments:rules", args=[network.slug]),
        reverse("appointments:record_exception", args=[appointment.pk]),
    ]


def test_secretariat_pages_by_role(client, network, secretary, dedering):
    other = User.objects.create_user("annan")
    Body.objects.create(name="Välfärdsrådet").secretaries.add(other)
    for url in secretariat_urls(network, dedering):
        client.force_login(secretary)
        assert client.get(url).status_code == 200, url
        client.force_login(other)
        expected = 200 if url == reverse("appointments:bodies") else 404
        assert client.get(url).status_code == expected, url
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and reverse("web:login") in response["Location"]


def test_the_page_flags_the_breach_and_says_whose_turn_it_is(client, network, secretary, dedering):
    client.force_login(secretary)
    page = client.get(reverse("appointments:body", args=[network.slug])).content.decode()
    assert "Strider mot regeln" in page and "Åsa Dedering ingår inte i Styrgruppen" in page
    assert "Öppna val" in page


def test_appoint_and_record_the_exception_through_the_pages(client, network, secretary, rules, people):
    client.force_login(secretary)
    response = client.post(reverse("appointments:appoint", args=[network.slug]), {
        "person": people["dedering"].pk, "role": "chair", "body": network.pk, "start_date": "2022-01-01",
        "end_date": "2022-12-31", "decided_on": "2021-12-17", "spara_anda": "1",
        "decision_text": "att utse Åsa Dedering som ordförande i Länschefsnätverket under 2022."}, follow=True)
    assert "strider mot arbetsordningen" in response.content.decode()
    appointment = Appointment.objects.get(person=people["dedering"])
    assert appointment.appointed_by == network and appointment.side == "region"
    client.post(reverse("appointments:record_exception", args=[appointment.pk]), {
        "rule": RuleException.Rule.STEERING_GROUP, "decided_on": "2021-12-17",
        "decision_text": "att besluta om ett undantag från arbetsordningen 3 §"})
    assert appointment.exceptions.get().rule == RuleException.Rule.STEERING_GROUP
    page = client.get(reverse("appointments:body", args=[network.slug])).content.decode()
    assert "Undantag beslutat" in page


def test_public_appointments_show_only_published_decisions(client, network, rules, people):
    from samverkan.meetings import services as meeting_services

    meeting = meeting_services.plan_meeting(network, dt.date(2023, 11, 9))
    item = meeting_services.add_item(meeting, "Val av ordförande och vice ordförande 2024")
    services.appoint(people["gardsback"], network, Appointment.Role.VICE_CHAIR, dt.date(2024, 1, 1),
                     dt.date(2024, 12, 31), decision_item=item)
    services.appoint(people["bjornfot"], network, Appointment.Role.CHAIR, dt.date(2020, 9, 25),
                     dt.date(2020, 12, 31))
    page = client.get(reverse("appointments:public", args=[network.slug])).content.decode()
    assert "Ulf Björnfot" in page and "Ulrika Gärdsback" not in page
    assert client.get(reverse("web:bodies")).status_code == 200
