"""From an imported meeting: "Lägg till de närvarande som medlemmar" — those present who are not members
are listed, all ticked, with the organisation and title recorded at the meeting; the ticked ones become
members. The attendance page links there and to the member list, never to the admin."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.directory.models import Body, Membership, Person
from samverkan.meetings import recording, services
from samverkan.meetings.recording import Presence
from samverkan.meetings.selectors import present_non_members
from tests import factories

pytestmark = pytest.mark.django_db
MEETING_DAY = datetime.date(2023, 11, 9)


@pytest.fixture
def secretary(network):
    return factories.secretary_of(network)


@pytest.fixture
def meeting(network):
    """A meeting as the import leaves it: three present, one of them already a member."""
    meeting = services.plan_meeting(network, MEETING_DAY)
    avesta, region = factories.municipality("Avesta"), factories.region()
    carina = Person.objects.create(name="Carina Johansson", organization=avesta)
    asa = Person.objects.create(name="Åsa Dedering", organization=region)
    member = factories.member(network, "Ulrika Gärdsback", factories.municipality("Leksand"))
    recording.record_attendance(meeting, [Presence(carina, avesta, "Socialchef"),
                                          Presence(asa, region, "Hälso- och sjukvårdsdirektör"),
                                          Presence(member, None, "")], None)
    return meeting


def url(meeting):
    return reverse("meetings:present_as_members", args=[meeting.pk])


def test_those_present_who_are_not_members_are_listed_all_ticked(client, secretary, meeting):
    client.force_login(secretary)
    page = client.get(url(meeting)).content.decode()
    carina, asa = (a.person for a in present_non_members(meeting))
    assert (carina.name, asa.name) == ("Carina Johansson", "Åsa Dedering")
    assert "Ulrika Gärdsback" not in page
    assert (f'<input type="checkbox" name="person" value="{carina.pk}" id="narvarande-{carina.pk}" checked> '
            f'<label for="narvarande-{carina.pk}">Carina Johansson</label></td>\n<td>Avesta</td>\n'
            "<td>Socialchef</td>") in page
    assert "<td>Region Dalarna</td>\n<td>Hälso- och sjukvårdsdirektör</td>" in page
    assert "<caption>Närvarande som inte är medlemmar (2)</caption>" in page


def test_the_ticked_become_members_for_the_organisation_recorded(client, secretary, meeting, network):
    client.force_login(secretary)
    carina, asa = (a.person for a in present_non_members(meeting))
    response = client.post(url(meeting), {"person": [str(carina.pk)], "start_date": "2023-11-09"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("directory:members", args=[network.slug])
    assert [(m.level_tag, m.message) for m in response.context["messages"]] == [
        ("success", "1 person är medlem i Länschefsnätverket: Carina Johansson.")]
    membership = Membership.objects.get(person=carina)
    assert (membership.body, membership.organization.name, membership.start_date) == (
        network, "Avesta", MEETING_DAY)
    assert not Membership.objects.filter(person=asa).exists()
    assert [a.person for a in present_non_members(meeting)] == [asa]


def test_all_of_them_by_default_and_none_is_refused(client, secretary, meeting):
    client.force_login(secretary)
    people = [str(a.person_id) for a in present_non_members(meeting)]
    response = client.post(url(meeting), {"person": []}, follow=True)
    assert [m.message for m in response.context["messages"]] == ["Välj minst en person."]
    response = client.post(url(meeting), {"person": people}, follow=True)
    assert [m.message for m in response.context["messages"]] == [
        "2 personer är medlemmar i Länschefsnätverket: Carina Johansson, Åsa Dedering."]
    assert present_non_members(meeting) == []
    page = client.get(url(meeting)).content.decode()
    assert "Alla som är antecknade som närvarande är redan medlemmar i Länschefsnätverket." in page


def test_a_date_that_is_none_is_refused(client, secretary, meeting):
    client.force_login(secretary)
    response = client.post(url(meeting), {"person": [str(a.person_id) for a in present_non_members(meeting)],
                                          "start_date": "9 nov"})
    assert [m.message for m in response.context["messages"]] == ["”9 nov” är inget datum. Skriv det som 2023-11-09."]
    assert Membership.objects.count() == 1


def test_a_member_whose_membership_ended_is_listed_again(client, secretary, meeting, network):
    ended = Membership.objects.get(person__name="Ulrika Gärdsback")
    ended.end_date = datetime.date(2020, 12, 31)
    ended.save()
    assert [a.person.name for a in present_non_members(meeting)] == [
        "Carina Johansson", "Åsa Dedering", "Ulrika Gärdsback"]


def test_the_attendance_page_links_to_the_members_pages_not_the_admin(client, secretary, meeting, network):
    client.force_login(secretary)
    page = client.get(reverse("meetings:attendance", args=[meeting.pk])).content.decode()
    assert "administrationen" not in page
    assert (f'2 av de närvarande är inte medlemmar i Länschefsnätverket. <a href="{url(meeting)}">Lägg till '
            "de närvarande som medlemmar</a>") in page
    empty = services.plan_meeting(Body.objects.create(name="Välfärdsrådet"), MEETING_DAY)
    empty.body.secretaries.add(secretary)
    page = client.get(reverse("meetings:attendance", args=[empty.pk])).content.decode()
    assert ('Organet har inga registrerade medlemmar. Lägg till dem under <a href="/sekretariat/organ/'
            'valfardsradet/medlemmar/">Medlemmar i Välfärdsrådet</a>, eller skriv in de närvarande nedan.') in page
    assert "administrationen" not in page


def test_only_the_bodys_secretariat_reaches_the_page(client, meeting):
    other = factories.secretary_of(Body.objects.create(name="Välfärdsrådet"), username="annan")
    client.force_login(other)
    assert client.get(url(meeting)).status_code == 404
    assert client.post(url(meeting), {"person": ["1"]}).status_code == 404
    assert Membership.objects.count() == 1


def queries_for(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_the_pages_ask_the_database_as_often_for_many_present_as_for_few(client, secretary, meeting):
    client.force_login(secretary)
    attendance_url = reverse("meetings:attendance", args=[meeting.pk])
    few = (queries_for(client, url(meeting)), queries_for(client, attendance_url))
    more = [Presence(Person.objects.create(name=f"Gäst {number:02d} Testsson",
                                           organization=factories.municipality(f"Kommun {number}")), None, "Gäst")
            for number in range(8)]
    present = [Presence(a.person, a.organization, a.title) for a in meeting.attendances.all()]
    recording.record_attendance(meeting, present + more, None)
    assert (queries_for(client, url(meeting)), queries_for(client, attendance_url)) == few
