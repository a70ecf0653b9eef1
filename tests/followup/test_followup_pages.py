"""The follow-through's pages: marking from the meeting page, the chain on the matter, the e-mail link's page,
the organisation page, who may see what, and the query counts over sixteen organisations."""

import datetime
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.directory.models import Organization
from samverkan.followup import services
from samverkan.followup.models import Answer, Recommendation
from samverkan.meetings import publishing
from samverkan.meetings import services as meetings
from samverkan.meetings.models import AgendaItem, Attendance, Clause
from tests import factories
from tests.followup.test_recommendation_actions import MUNICIPALITIES

pytestmark = pytest.mark.django_db

DECIDED = datetime.date(2021, 2, 19)
TITLE = "Reviderad överenskommelse om HVB"


@pytest.fixture
def network(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SAMVERKAN_SITE_URL = "https://samverkan.example"
    body = factories.network()
    for name in MUNICIPALITIES:
        factories.member(body, f"Chef i {name}", factories.municipality(name), email=f"chef@{name.lower()}.example")
    factories.member(body, "Tanja Mårtensson", factories.region(), email="tanja@region.example")
    return body


@pytest.fixture
def secretary(network):
    return factories.secretary_of(network, email="sara@region.example")


@pytest.fixture
def item(network):
    meeting = meetings.plan_meeting(network, DECIDED, location="Teams")
    decision = meetings.add_item(meeting, TITLE, AgendaItem.Type.DECISION, "", [])
    Clause.objects.create(item=decision, kind=Clause.Kind.DECISION, text="att godkänna överenskommelsen.")
    for person in factories.Person.objects.filter(memberships__body=network):
        Attendance.objects.create(meeting=meeting, person=person, organization=person.organization)
    return decision


def test_the_secretariat_marks_a_decision_from_the_meeting_page(client, secretary, item):
    client.force_login(secretary)
    page = client.get(reverse("web:meeting", args=[item.meeting_id])).content.decode()
    assert f'href="/uppfoljning/ny/?punkt={item.pk}"' in page

    form = client.get(reverse("followup:new") + f"?punkt={item.pk}").content.decode()
    assert form.count('checked') >= 17  # the kind, and the sixteen organisations by default
    ids = [str(pk) for pk in Organization.objects.values_list("pk", flat=True)]
    response = client.post(reverse("followup:new") + f"?punkt={item.pk}", {
        "kind": "agreement", "title": TITLE, "answer_by": "2021-02-18", "organizations": ids})
    assert "Svarsdatumet kan inte vara före beslutet (19 februari 2021)." in response.content.decode()

    response = client.post(reverse("followup:new") + f"?punkt={item.pk}", {
        "kind": "agreement", "title": TITLE, "answer_by": "2021-06-30", "organizations": ids})
    recommendation = Recommendation.objects.get()
    assert response.status_code == 302 and response.url == recommendation.get_absolute_url()
    assert recommendation.answers.count() == 16

    page = client.get(reverse("web:meeting", args=[item.meeting_id])).content.decode()
    assert f'href="{recommendation.get_absolute_url()}"' in page


def test_the_link_page_answers_without_signing_in(client, secretary, item):
    recommendation = services.mark_recommendation(item=item, answer_by=datetime.date(2021, 6, 30),
                                                  acting_user=secretary)
    services.send_to_organizations(recommendation, site_url="https://samverkan.example", acting_user=secretary)
    [message] = [m for m in mail.outbox if m.to == ["chef@borlänge.example"]]
    path = re.search(r"https://samverkan\.example(/uppfoljning/besked/\S+/)", message.body).group(1)

    page = client.get(path).content.decode()
    assert "<h1>Besked från Borlänge</h1>" in page
    response = client.post(path, {"status": "adopted", "decided_on": "2021-04-20",
                                  "deciding_body": "Socialnämnden, Borlänge", "registry_number": "SN 2021/7"})
    assert response.status_code == 302
    answer = recommendation.answers.get(organization__name="Borlänge")
    assert (answer.status, answer.answered_via, answer.answered_by) == ("adopted", "link", None)

    refused = client.get(path[:-3] + "xx/")
    assert refused.status_code == 403
    assert "Länken är inte giltig. Kontrollera att hela adressen från e-postmeddelandet kom med." in (
        refused.content.decode())


def test_a_member_answers_only_for_the_organisation_they_represent(client, network, secretary, item):
    recommendation = services.mark_recommendation(item=item, answer_by=datetime.date(2021, 6, 30),
                                                  acting_user=secretary)
    borlange = Organization.objects.get(name="Borlänge")
    member = factories.member_user(network, "rep", "Rep Resentant", borlange)
    client.force_login(member)
    assert client.get(reverse("followup:answer", args=[recommendation.pk, "falun"])).status_code == 404
    response = client.post(reverse("followup:answer", args=[recommendation.pk, borlange.slug]),
                           {"status": "not_applicable"})
    assert response.status_code == 302
    answer = recommendation.answers.get(organization=borlange)
    assert (answer.status, answer.answered_via) == ("not_applicable", "member")


def test_the_public_sees_a_recommendation_once_the_minutes_are_published(client, secretary, item):
    recommendation = services.mark_recommendation(item=item, answer_by=datetime.date(2021, 6, 30),
                                                  acting_user=secretary)
    url = recommendation.get_absolute_url()
    assert client.get(url).status_code == 404
    assert TITLE not in client.get(reverse("web:organization", args=["borlange"])).content.decode()
    publishing.publish_minutes(item.meeting, publish_unrecorded=True)
    page = client.get(url).content.decode()
    assert "0 av 16 har antagit" in page
    assert "Skicka till organisationerna" not in page
    assert TITLE in client.get(reverse("web:organization", args=["borlange"])).content.decode()


def _answer_all(recommendation, secretary, count):
    for answer in recommendation.answers.select_related("organization")[:count]:
        services.record_answer(answer, status=Answer.Status.ADOPTED, decided_on=datetime.date(2021, 4, 1),
                               deciding_body=f"Socialnämnden, {answer.organization.name}", acting_user=secretary)


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_chain_table_and_the_matter_page_read_in_a_fixed_number_of_queries(client, secretary, item):
    recommendation = services.mark_recommendation(item=item, answer_by=datetime.date(2021, 6, 30),
                                                  kind=Recommendation.Kind.AGREEMENT, acting_user=secretary)
    client.force_login(secretary)
    _answer_all(recommendation, secretary, 1)
    few, _ = _queries(client, recommendation.get_absolute_url())
    matter_few, _ = _queries(client, recommendation.matter.get_absolute_url())
    _answer_all(recommendation, secretary, 16)
    many, page = _queries(client, recommendation.get_absolute_url())
    matter_many, matter_page = _queries(client, recommendation.matter.get_absolute_url())
    assert many == few, f"{few} queries with one answer, {many} with sixteen"
    assert matter_many == matter_few
    assert "16 av 16 har antagit" in page and "Överenskommelsen gäller" in page
    assert "16 av 16 har antagit" in matter_page and "Överenskommelsen gäller" in matter_page
    assert page.count("Socialnämnden, ") == 16


def test_the_organisation_page_reads_in_a_fixed_number_of_queries(client, network, secretary, item):
    services.mark_recommendation(item=item, answer_by=datetime.date(2021, 6, 30), acting_user=secretary)
    client.force_login(secretary)
    url = reverse("web:organization", args=["borlange"])
    few, _ = _queries(client, url)
    for day in range(1, 9):  # more meetings, bodies and recommendations: the same queries
        other = factories.Body.objects.create(name=f"Arbetsgrupp {day}")
        factories.member(other, f"Ledamot {day}", Organization.objects.get(name="Borlänge"))
        meeting = meetings.plan_meeting(network, DECIDED + datetime.timedelta(days=30 * day), location="Teams")
        person = factories.Person.objects.get(name="Chef i Borlänge")
        Attendance.objects.create(meeting=meeting, person=person, organization=person.organization)
        decided = meetings.add_item(meeting, f"Beslut {day}", AgendaItem.Type.DECISION, "", [])
        Clause.objects.create(item=decided, kind=Clause.Kind.DECISION, text="att rekommendera.")
        services.mark_recommendation(item=decided, answer_by=DECIDED + datetime.timedelta(days=400),
                                     acting_user=secretary)
    many, page = _queries(client, url)
    assert many == few, f"{few} queries, then {many}"
    assert "Länschefsnätverket: närvarande vid 9 av 9 möten" in page
    assert "Väntar på beslut (9)" in page
    assert "Chef i Borlänge" in page and "Arbetsgrupp 8" in page


def test_the_public_organisation_page_shows_no_grant_money(client, secretary, network, item):
    assert "<h2 id=\"medel\">" not in client.get(reverse("web:organization", args=["borlange"])).content.decode()
    client.force_login(secretary)
    assert "<h2 id=\"medel\">" in client.get(reverse("web:organization", args=["borlange"])).content.decode()
