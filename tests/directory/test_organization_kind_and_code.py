"""An organisation found in a document gets its kind and SCB code from Sweden's reference list."""

import pytest

from samverkan.directory.models import Organization
from samverkan.directory.services import get_or_create_organization

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "name", "kind", "code"),
    [
        ("Ale kommun", "Ale", Organization.Kind.MUNICIPALITY, "1440"),
        ("Kiruna", "Kiruna", Organization.Kind.MUNICIPALITY, "2584"),
        ("Region Skåne", "Region Skåne", Organization.Kind.REGION, "12"),
        ("Region  Gotland", "Region Gotland", Organization.Kind.REGION, "09"),
        ("Avesta kommun", "Avesta", Organization.Kind.MUNICIPALITY, "2084"),
    ],
)
def test_a_municipality_or_region_anywhere_in_sweden_gets_its_code(written, name, kind, code):
    organization = get_or_create_organization(written)
    assert (organization.name, organization.kind, organization.code) == (name, kind, code)


def test_an_organisation_not_in_the_list_is_other_without_code():
    organization = get_or_create_organization("Försäkringskassan")
    assert (organization.kind, organization.code) == (Organization.Kind.OTHER, "")
