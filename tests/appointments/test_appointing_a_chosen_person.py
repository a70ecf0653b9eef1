"""An appointment is of a person chosen from the directory; a new person only on purpose; a rule breach
can stop the saving (the secretariat's page asks first), and every step reads as a Swedish sentence."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from samverkan.appointments import services
from samverkan.appointments.models import Appointment, Election
from samverkan.core.errors import UserError
from samverkan.directory import audit
from samverkan.directory.models import Organization, Person
from tests import factories

Role = Appointment.Role
pytestmark = pytest.mark.django_db
YEAR_2022 = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
NOT_IN_STEERING_GROUP = ("Åsa Dedering ingår inte i Styrgruppen; enligt arbetsordningen 3 § ska ordförande "
                         "och vice ordförande ingå där.")


@pytest.fixture
def anna(network):
    """The secretary, named in the log by her person."""
    account = factories.secretary_of(network)
    Person.objects.create(name="Anna Berg", user=account)
    return account


def entries(model):
    return LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))


def test_a_name_is_no_person(network):
    with pytest.raises(TypeError, match="appoint takes a Person from the directory, not a name"):
        services.appoint("Åsa Dedring", network, Role.VICE_CHAIR, *YEAR_2022)
    assert not Person.objects.filter(name="Åsa Dedring").exists()


def test_a_breach_refused_saves_nothing_and_names_the_breach(network, rules, people, anna):
    with pytest.raises(services.RuleConflict) as refused:
        services.appoint(people["dedering"], network, Role.CHAIR, *YEAR_2022, appointed_by=network,
                         refuse_breaches=True, acting_user=anna)
    assert refused.value.code == "rule_conflict"
    assert refused.value.breaches == [NOT_IN_STEERING_GROUP]
    assert refused.value.message == f"Förtroendeuppdraget strider mot arbetsordningen: {NOT_IN_STEERING_GROUP}"
    assert not Appointment.objects.exists()
    assert not entries(Appointment).exists()


def test_a_tabled_election_stays_open_when_the_breach_is_refused(network, rules, people):
    election = services.table_election(network, Role.CHAIR, 2022)
    with pytest.raises(services.RuleConflict):
        services.appoint(people["dedering"], network, Role.CHAIR, *YEAR_2022, refuse_breaches=True)
    election.refresh_from_db()
    assert election.is_open


def test_saved_anyway_the_breach_is_flagged_as_before(network, rules, people):
    appointment = services.appoint(people["dedering"], network, Role.CHAIR, *YEAR_2022, refuse_breaches=False)
    assert Appointment.objects.get() == appointment


def test_an_appointment_that_keeps_the_rules_is_saved_when_breaches_are_refused(network, rules, people,
                                                                                steering_group):
    ahlin = people["ahlin"]
    services.appoint(ahlin, steering_group, Role.MEMBER, dt.date(2021, 1, 1), None)
    appointment = services.appoint(ahlin, network, Role.VICE_CHAIR, *YEAR_2022, refuse_breaches=True)
    assert appointment.side == Organization.Kind.MUNICIPALITY


def test_a_new_person_is_created_on_purpose_and_appointed(network, region, anna):
    appointment = services.appoint_new_person(
        "Karin Vikström", network, Role.VICE_CHAIR, *YEAR_2022, person_organization="Region Dalarna",
        title="Hälso- och sjukvårdsdirektör", email="karin.vikstrom@regiondalarna.example", appointed_by=network,
        acting_user=anna)
    person = appointment.person
    assert (person.name, person.organization, person.title, person.email) == (
        "Karin Vikström", region, "Hälso- och sjukvårdsdirektör", "karin.vikstrom@regiondalarna.example")
    assert (appointment.organization, appointment.side) == (region, Organization.Kind.REGION)


def test_a_new_person_whose_name_is_recorded_is_refused(network, people):
    with pytest.raises(UserError) as refused:
        services.appoint_new_person(" åsa  DEDERING ", network, Role.VICE_CHAIR, *YEAR_2022)
    assert refused.value.code == "person_exists"
    assert refused.value.message == ("Det finns redan en person som heter ”Åsa Dedering” (Region Dalarna). "
                                     "Välj personen i listan i stället.")
    assert not Appointment.objects.exists()


def test_a_new_person_needs_a_name_and_a_real_address(network):
    with pytest.raises(UserError, match="^Ange personens namn.$"):
        services.appoint_new_person("  ", network, Role.CHAIR, *YEAR_2022)
    with pytest.raises(UserError, match="^”karin@” är ingen e-postadress.$"):
        services.appoint_new_person("Karin Vikström", network, Role.CHAIR, *YEAR_2022, email="karin@")
    assert not Person.objects.filter(name="Karin Vikström").exists()


def test_the_new_person_is_not_kept_when_the_breach_is_refused(network, rules):
    with pytest.raises(services.RuleConflict) as refused:
        services.appoint_new_person("Karin Vikström", network, Role.CHAIR, *YEAR_2022,
                                    person_organization="Region Dalarna", refuse_breaches=True)
    assert refused.value.breaches == [
        "Karin Vikström ingår inte i Styrgruppen; enligt arbetsordningen 3 § ska ordförande och vice "
        "ordförande ingå där."]
    assert not Person.objects.filter(name="Karin Vikström").exists()


def test_a_term_that_ends_before_it_starts_is_refused(network, people):
    with pytest.raises(UserError, match="^Förtroendeuppdraget kan inte sluta innan det börjar.$"):
        services.appoint(people["dedering"], network, Role.CHAIR, dt.date(2022, 12, 31), dt.date(2022, 1, 1))
    with pytest.raises(UserError, match="^Förtroendeuppdraget kan inte sluta innan det börjar.$"):
        services.appoint_new_person("Karin Vikström", network, Role.CHAIR, dt.date(2022, 12, 31),
                                    dt.date(2022, 1, 1))
    assert not Person.objects.filter(name="Karin Vikström").exists()


def test_appointments_read_as_swedish_sentences(network, rules, people, anna):
    appointment = services.appoint_new_person("Karin Vikström", network, Role.VICE_CHAIR, *YEAR_2022,
                                              person_organization="Region Dalarna", acting_user=anna)
    assert audit.sentence(entries(Person).get(object_pk=str(appointment.person.pk))) == (
        "Anna Berg skapade personen Karin Vikström.")
    assert audit.sentence(entries(Appointment).get()) == (
        "Anna Berg skapade förtroendeuppdraget för Karin Vikström som vice ordförande i Länschefsnätverket 2022.")
    services.end_appointment(appointment, dt.date(2022, 6, 30), "Slutade sin tjänst", acting_user=anna)
    assert audit.sentence(entries(Appointment).filter(action=LogEntry.Action.UPDATE).get()) == (
        "Anna Berg ändrade förtroendeuppdraget för Karin Vikström som vice ordförande i Länschefsnätverket 2022: "
        "avslutat från tomt till 30 juni 2022; skäl till avslut från tomt till ”Slutade sin tjänst”.")
    services.record_exception(appointment, "chair_in_steering_group", decision_text="att göra ett undantag",
                              acting_user=anna)
    assert audit.sentence(entries(appointment.exceptions.model).get()) == (
        "Anna Berg skapade undantaget från arbetsordningen (ordförande och vice ordförande i styrgruppen) för "
        "förtroendeuppdraget för Karin Vikström som vice ordförande i Länschefsnätverket 2022.")
    services.table_election(network, Role.CHAIR, 2023, acting_user=anna)
    assert audit.sentence(entries(Election).get()) == (
        "Anna Berg skapade valet av ordförande 2023 i Länschefsnätverket.")
    assert audit.sentence(entries(rules.__class__).order_by("pk").first()) == (
        "Systemet skapade arbetsordningen för Länschefsnätverket.")
