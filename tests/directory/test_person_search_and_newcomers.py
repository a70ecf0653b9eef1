"""The directory's person search (a list of choices for htmx, a page without it), and several people made
members at once (those present at a meeting): all of them or none."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.core.errors import UserError
from samverkan.directory import audit
from samverkan.directory.bodies import create_body
from samverkan.directory.members import Newcomer, add_members, create_person
from samverkan.directory.models import Membership, Person
from samverkan.directory.selectors import PEOPLE_FOUND, person_choices, search_people
from tests import factories

pytestmark = pytest.mark.django_db
SEARCH = reverse("directory:person_search")


@pytest.fixture
def people(db):
    falun = factories.municipality("Falun")
    return {
        "asa": Person.objects.create(name="Åsa Dedering", organization=factories.region(), title="HS-direktör"),
        "maria": Person.objects.create(name="Maria Jonsson", organization=falun),
        "mats": Person.objects.create(name="Mats Jonsson"),
    }


def test_every_word_typed_is_part_of_the_name_in_any_case(people):
    assert search_people("jonsson") == [people["maria"], people["mats"]]
    assert search_people(" JONS  mar ") == [people["maria"]]
    assert search_people("åsa ded") == [people["asa"]]
    assert search_people("Dedring") == []
    assert search_people("  ") == []


def test_a_search_lists_at_most_ten_and_says_there_are_more(db):
    for number in range(PEOPLE_FOUND + 2):
        Person.objects.create(name=f"Ledamot {number:02d} Testsson")
    assert len(search_people("testsson")) == PEOPLE_FOUND
    choices = person_choices("testsson")
    assert choices["more"] and len(choices["people"]) == PEOPLE_FOUND


def test_the_chosen_person_stays_first_among_the_choices(people):
    choices = person_choices("jonsson", people["asa"])
    assert choices["people"] == [people["asa"], people["maria"], people["mats"]]
    assert choices["selected"] == people["asa"].pk


def test_the_search_gives_htmx_radio_buttons_and_a_page_without_it(client, network, people):
    client.force_login(factories.secretary_of(network))
    fragment = client.get(SEARCH, {"q": "jonsson"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment
    assert f'<input type="radio" name="person" value="{people["maria"].pk}" id="person-{people["maria"].pk}">' \
        in fragment
    assert "Maria Jonsson, Falun" in fragment and "Mats Jonsson" in fragment and "Dedering" not in fragment
    nothing = client.get(SEARCH, {"q": "Dedring"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Ingen person i registret heter ”Dedring”." in nothing
    page = client.get(SEARCH, {"q": "dedering"}).content.decode()
    assert "<h1>Sök person</h1>" in page and "Åsa Dedering</a>, Region Dalarna" in page


def test_only_a_secretariat_searches_people(client, network, people):
    assert client.get(SEARCH, {"q": "jonsson"})["Location"].startswith(reverse("web:login"))
    client.force_login(factories.member_user(network, "ledamot", "Karin Ledamot"))
    assert client.get(SEARCH, {"q": "jonsson"}).status_code == 404


def test_no_body_may_take_the_address_of_the_search(network):
    with pytest.raises(UserError) as refused:
        create_body("Personerna", "", "Personer", None, acting_user=factories.secretary_of(network))
    assert refused.value.message == ("Adressen ”personer” är redan upptagen av ett annat organ. "
                                     "Ange en annan förkortning.")


def test_a_person_created_on_purpose_needs_a_name_not_yet_recorded(people):
    with pytest.raises(UserError) as refused:
        create_person("maria jonsson")
    assert refused.value.code == "person_exists"
    assert refused.value.message == ("Det finns redan en person som heter ”Maria Jonsson” (Falun). "
                                     "Välj personen i listan i stället.")
    with pytest.raises(UserError, match="^Ange personens namn.$"):
        create_person(" ")
    karin = create_person("  Karin   Vikström ", organization="Mora kommun", title="Socialchef")
    assert (karin.name, karin.organization.name, karin.title) == ("Karin Vikström", "Mora", "Socialchef")


def test_several_people_become_members_at_once_for_the_organisation_they_came_for(council, people):
    mora = factories.municipality("Mora")
    added = add_members(council, [Newcomer(people["maria"], mora), Newcomer(people["mats"])],
                        start_date=datetime.date(2023, 11, 9))
    assert [(m.person, m.organization, m.start_date, m.end_date, m.role) for m in added] == [
        (people["maria"], mora, datetime.date(2023, 11, 9), None, ""),
        (people["mats"], None, datetime.date(2023, 11, 9), None, "")]


def test_one_who_is_already_a_member_stops_them_all(council, people):
    Membership.objects.create(person=people["mats"], body=council, start_date=datetime.date(2024, 1, 1))
    with pytest.raises(UserError) as refused:
        add_members(council, [Newcomer(people["maria"]), Newcomer(people["mats"])])
    assert refused.value.code == "already_member"
    assert refused.value.message == "Mats Jonsson är redan medlem i Välfärdsrådet (från 1 januari 2024 tills vidare)."
    assert not council.memberships.filter(person=people["maria"]).exists()


def test_nobody_chosen_is_refused(council):
    with pytest.raises(UserError) as refused:
        add_members(council, [])
    assert (refused.value.code, refused.value.message) == ("nobody_chosen", "Välj minst en person.")


def test_each_new_membership_reads_as_a_sentence(council, people):
    account = factories.secretary_of(council)
    Person.objects.create(name="Anna Berg", user=account)
    add_members(council, [Newcomer(people["maria"])], acting_user=account)
    entry = LogEntry.objects.get(content_type=ContentType.objects.get_for_model(Membership))
    assert audit.sentence(entry) == "Anna Berg skapade medlemskapet för Maria Jonsson i Välfärdsrådet."


def test_the_search_asks_the_database_as_often_for_ten_found_as_for_one(client, network, people):
    client.force_login(factories.secretary_of(network))

    def queries(text: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(SEARCH, {"q": text}, HTTP_HX_REQUEST="true")
        return len(captured)

    one = queries("maria")
    for number in range(PEOPLE_FOUND):
        Person.objects.create(name=f"Maria {number:02d} Testsson", organization=factories.municipality(f"K {number}"))
    assert queries("maria") == one
