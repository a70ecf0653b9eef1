"""The secretariat keeps each organisation's registry address (registrator), where extracts are dispatched."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, network):
    client.force_login(factories.secretary_of(network))
    return client


def test_the_registry_address_is_saved_from_the_organisation_page(signed_in):
    borlange = factories.municipality("Borlänge")
    listing = signed_in.get(reverse("directory:organizations")).content.decode()
    assert reverse("directory:organization", args=[borlange.slug]) in listing
    response = signed_in.post(reverse("directory:organization", args=[borlange.slug]),
                              {"registry_email": " registrator@borlange.example "}, follow=True)
    assert "Uppgifterna för Borlänge är sparade." in response.content.decode()
    borlange.refresh_from_db()
    assert borlange.registry_email == "registrator@borlange.example"


def test_an_address_that_is_not_one_is_refused(signed_in):
    borlange = factories.municipality("Borlänge")
    response = signed_in.post(reverse("directory:organization", args=[borlange.slug]),
                              {"registry_email": "registrator.borlange"}, follow=True)
    assert "”registrator.borlange” är ingen e-postadress." in response.content.decode()
    borlange.refresh_from_db()
    assert borlange.registry_email == ""


def test_only_the_secretariat_reaches_the_organisation_pages(client):
    borlange = factories.municipality("Borlänge")
    client.force_login(factories.user("maria"))
    assert client.get(reverse("directory:organization", args=[borlange.slug])).status_code == 404


def test_a_body_can_stop_certifying_extracts(signed_in, network):
    response = signed_in.post(reverse("directory:body", args=[network.slug]), {
        "name": network.name, "short_name": network.short_name, "abbreviation": network.abbreviation,
        "attachments_public_by_default": "on"}, follow=True)
    assert "Organets uppgifter är sparade." in response.content.decode()
    network.refresh_from_db()
    assert network.certify_extracts is False
