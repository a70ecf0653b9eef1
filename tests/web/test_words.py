"""Where people land after signing in, and the words the pages use."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "Hemligt-lösen-9"


def sign_in(client, username, next_url=None):
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("web:login"), data)


def test_the_secretariat_lands_on_its_start_page(client, network):
    factories.secretary_of(network, password=PASSWORD)
    response = sign_in(client, "sekreterare")
    assert (response.status_code, response["Location"]) == (302, "/sekretariat/")


def test_a_member_lands_on_their_own_person_page(client, network):
    person = factories.member(network, "Maria Jonsson", factories.municipality("Falun"))
    person.user = factories.user("maria", password=PASSWORD)
    person.save()
    response = sign_in(client, "maria")
    assert response["Location"] == f"/personer/{person.pk}/"


def test_anyone_else_lands_on_the_start_page(client, db):
    factories.user("besokare", password=PASSWORD)
    assert sign_in(client, "besokare")["Location"] == "/"


def test_an_explicit_next_wins(client, network):
    factories.secretary_of(network, password=PASSWORD)
    assert sign_in(client, "sekreterare", next_url="/moten/")["Location"] == "/moten/"
    client.logout()
    assert sign_in(client, "sekreterare", next_url="https://annan.example/")["Location"] == "/sekretariat/"


def test_appointments_are_fortroendeuppdrag_and_assignments_are_uppdrag(client, network):
    client.force_login(factories.secretary_of(network, password=PASSWORD))
    dashboard = client.get(reverse("meetings:dashboard")).content.decode()
    assert ">Förtroendeuppdrag och val</a> – ordförande, vice ordförande" in dashboard
    public = client.get(reverse("appointments:public", args=[network.slug])).content.decode()
    assert f"<h1>Förtroendeuppdrag i {network.display_name}</h1>" in public
    assert "<h1>Förtroendeuppdrag och arbetsordning</h1>" in client.get(reverse("appointments:bodies")).content.decode()
    assert "<h1>Uppdrag</h1>" in client.get(reverse("matters:assignments")).content.decode()
    bodies = client.get(reverse("web:bodies")).content.decode()
    assert ">förtroendeuppdrag</a>" in bodies and ">uppdrag</a>" not in bodies
