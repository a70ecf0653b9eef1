"""The secretariat adds, edits and ends memberships: an existing person by name, or a new person on purpose."""

import datetime

import pytest
from django.utils import timezone

from samverkan.core.errors import UserError
from samverkan.directory.members import (
    add_member,
    add_new_person,
    end_membership,
    find_person,
    update_membership,
)
from samverkan.directory.models import Membership, Organization, Person
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def test_an_existing_person_is_found_by_the_normalised_name(council):
    falun = factories.municipality("Falun")
    maria = Person.objects.create(name="Maria Jonsson", organization=falun, title="Socialchef")
    assert find_person(" maria  JONSSON ") == maria
    membership = add_member(council, maria, role="Ordförande", start_date=TODAY)
    assert (membership.body, membership.organization, membership.role, membership.start_date) == (
        council, falun, "Ordförande", TODAY)


def test_a_member_may_represent_another_organisation(council):
    maria = Person.objects.create(name="Maria Jonsson", organization=factories.municipality("Falun"))
    membership = add_member(council, maria, organization="Region Dalarna")
    assert membership.organization == Organization.objects.get(name="Region Dalarna")
    assert membership.organization.kind == Organization.Kind.REGION


def test_an_unknown_name_is_not_a_person(council):
    with pytest.raises(UserError) as error:
        find_person("Okänd Person")
    assert error.value.message == ("Det finns ingen person som heter ”Okänd Person”. Välj ett namn i listan, "
                                   "eller lägg till en ny person.")
    with pytest.raises(UserError) as error:
        find_person("  ")
    assert error.value.message == "Välj en person."


def test_no_one_is_a_member_twice_at_once(council):
    maria = factories.member(council, "Maria Jonsson")
    with pytest.raises(UserError) as error:
        add_member(council, maria, start_date=TODAY)
    assert error.value.message == "Maria Jonsson är redan medlem i Välfärdsrådet (tills vidare)."


def test_a_former_member_may_come_back(council):
    maria = Person.objects.create(name="Maria Jonsson")
    Membership.objects.create(person=maria, body=council, start_date=datetime.date(2020, 1, 1),
                              end_date=datetime.date(2022, 12, 31))
    with pytest.raises(UserError) as error:
        add_member(council, maria, start_date=datetime.date(2022, 6, 1))
    assert error.value.message == ("Maria Jonsson är redan medlem i Välfärdsrådet "
                                   "(från 1 januari 2020 till 31 december 2022).")
    add_member(council, maria, start_date=datetime.date(2023, 1, 1))
    assert maria.memberships.count() == 2


def test_a_membership_cannot_end_before_it_starts(council):
    maria = Person.objects.create(name="Maria Jonsson")
    with pytest.raises(UserError) as error:
        add_member(council, maria, start_date=TODAY, end_date=TODAY - DAY)
    assert error.value.message == "Medlemskapet kan inte sluta innan det börjar."


def test_a_new_person_is_created_on_purpose(council):
    membership = add_new_person(council, " Anna  Berg ", organization="Avesta kommun", title="Förvaltningschef",
                                email=" anna.berg@avesta.example ", role="Ledamot")
    anna = membership.person
    assert (anna.name, anna.organization.name, anna.title, anna.email) == (
        "Anna Berg", "Avesta", "Förvaltningschef", "anna.berg@avesta.example")
    assert (membership.organization, membership.role, membership.start_date) == (anna.organization, "Ledamot", None)


@pytest.mark.parametrize(("name", "email", "message"), [
    ("", "", "Ange personens namn."),
    ("Anna Berg", "anna.berg@", "”anna.berg@” är ingen e-postadress."),
    ("maria jonsson", "", "Det finns redan en person som heter ”Maria Jonsson” (Falun). "
                          "Välj personen i listan i stället."),
])
def test_a_new_person_needs_a_name_not_yet_recorded(council, name, email, message):
    Person.objects.create(name="Maria Jonsson", organization=factories.municipality("Falun"))
    with pytest.raises(UserError) as error:
        add_new_person(council, name, email=email)
    assert error.value.message == message
    assert Person.objects.count() == 1
    assert not Membership.objects.exists()


def test_editing_a_membership_sets_its_period_organisation_and_the_email(council):
    maria = factories.member(council, "Maria Jonsson")
    membership = maria.memberships.get()
    update_membership(membership, organization="Mora", role="Vice ordförande", start_date=datetime.date(2024, 1, 1),
                      end_date=datetime.date(2026, 12, 31), acting=True, email="maria@mora.example")
    membership.refresh_from_db()
    maria.refresh_from_db()
    assert (membership.organization.name, membership.role, membership.start_date, membership.end_date,
            membership.acting) == ("Mora", "Vice ordförande", datetime.date(2024, 1, 1),
                                   datetime.date(2026, 12, 31), True)
    assert maria.email == "maria@mora.example"


def test_editing_refuses_a_bad_email_and_overlapping_periods(council):
    maria = Person.objects.create(name="Maria Jonsson", email="maria@falun.example")
    first = Membership.objects.create(person=maria, body=council, end_date=datetime.date(2022, 12, 31))
    second = Membership.objects.create(person=maria, body=council, start_date=datetime.date(2023, 1, 1))
    with pytest.raises(UserError) as error:
        update_membership(second, start_date=datetime.date(2023, 1, 1), email="maria.falun.example")
    assert error.value.message == "”maria.falun.example” är ingen e-postadress."
    with pytest.raises(UserError) as error:
        update_membership(first, end_date=datetime.date(2023, 6, 30))
    assert error.value.message == "Maria Jonsson är redan medlem i Välfärdsrådet (från 1 januari 2023 tills vidare)."
    maria.refresh_from_db()
    assert maria.email == "maria@falun.example"


def test_ending_a_membership_ends_it_today(council):
    maria = factories.member(council, "Maria Jonsson")
    membership = end_membership(maria.memberships.get())
    assert membership.end_date == TODAY
    with pytest.raises(UserError) as error:
        end_membership(membership)
    assert error.value.message == f"Medlemskapet slutade redan {TODAY.day} {_month(TODAY)} {TODAY.year}."


def test_a_membership_not_begun_is_not_ended(council):
    maria = Person.objects.create(name="Maria Jonsson")
    coming = Membership.objects.create(person=maria, body=council, start_date=datetime.date(2099, 1, 1))
    with pytest.raises(UserError) as error:
        end_membership(coming)
    assert error.value.message == "Medlemskapet börjar först 1 januari 2099. Ändra datumen i stället."


def _month(day):
    from samverkan.language.dates import month_name

    return month_name(day.month)
