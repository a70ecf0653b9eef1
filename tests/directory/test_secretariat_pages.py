"""The secretariat's directory pages: who may open them, and that they call the actions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from samverkan.directory.models import Body, Membership, Person
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(network):
    return factories.secretary_of(network)


@pytest.fixture
def other_secretary(council):
    return factories.secretary_of(council, username="radets-sekreterare")


def routes(body: Body, membership: Membership):
    slug = body.slug
    return [
        ("get", reverse("directory:body", args=[slug])),
        ("post", reverse("directory:secretary_add", args=[slug])),
        ("get", reverse("directory:members", args=[slug])),
        ("get", reverse("directory:member_add", args=[slug])),
        ("post", reverse("directory:member_add_new", args=[slug])),
        ("get", reverse("directory:member_import", args=[slug])),
        ("get", reverse("directory:member_import_preview", args=[slug])),
        ("post", reverse("directory:member_import_confirm", args=[slug])),
        ("get", reverse("directory:membership", args=[slug, membership.pk])),
        ("post", reverse("directory:membership_end", args=[slug, membership.pk])),
    ]


def test_another_bodys_secretary_finds_nothing(client, network, secretary, other_secretary):
    maria = factories.member(network, "Maria Jonsson")
    client.force_login(other_secretary)
    for method, url in routes(network, maria.memberships.get()):
        assert getattr(client, method)(url).status_code == 404, url
    assert client.post(reverse("directory:secretary_remove", args=[network.slug, secretary.pk])).status_code == 404
    assert network.name not in client.get(reverse("directory:bodies")).content.decode()
    assert maria.memberships.get().end_date is None


def test_a_membership_is_found_only_under_its_own_body(client, network, council, secretary):
    council.secretaries.add(secretary)
    membership = factories.member(council, "Maria Jonsson").memberships.get()
    client.force_login(secretary)
    assert client.get(reverse("directory:membership", args=[network.slug, membership.pk])).status_code == 404
    assert client.get(reverse("directory:membership", args=[council.slug, membership.pk])).status_code == 200


def test_the_public_is_sent_to_sign_in(client, network, secretary):
    maria = factories.member(network, "Maria Jonsson")
    for method, url in routes(network, maria.memberships.get()) + [("get", reverse("directory:bodies")),
                                                                   ("get", reverse("directory:body_new"))]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and reverse("web:login") in response["Location"], url


def test_a_member_who_keeps_no_meetings_finds_nothing(client, network, secretary):
    member = factories.member_user(network, "maria", "Maria Jonsson")
    client.force_login(member)
    assert client.get(reverse("directory:bodies")).status_code == 404
    assert client.get(reverse("directory:members", args=[network.slug])).status_code == 404


def test_creating_a_body_makes_the_creator_its_secretary(client, secretary):
    client.force_login(secretary)
    response = client.post(reverse("directory:body_new"), {"name": "Välfärdsrådet", "short_name": "",
                                                           "abbreviation": "", "parent": ""}, follow=True)
    body = Body.objects.get(name="Välfärdsrådet")
    assert response.redirect_chain[-1][0] == reverse("directory:members", args=["valfardsradet"])
    assert "Välfärdsrådet är skapat. Du är dess sekreterare." in response.content.decode()
    assert list(body.secretaries.all()) == [secretary]
    response = client.post(reverse("directory:body_new"), {"name": "välfärdsrådet"})
    assert "Det finns redan ett organ som heter ”välfärdsrådet”." in response.content.decode()


def test_the_member_list_shows_organisation_title_dates_and_email(client, network, secretary):
    falun = factories.municipality("Falun")
    factories.member(network, "Maria Jonsson", falun, title="Socialchef", email="maria@falun.example")
    ended = factories.member(network, "Tomas Ahlin").memberships.get()
    ended.end_date = timezone.localdate() - timezone.timedelta(days=3)
    ended.save()
    client.force_login(secretary)
    page = client.get(reverse("directory:members", args=[network.slug])).content.decode()
    current, _, former = page.partition("Tidigare medlemmar")
    assert "Maria Jonsson" in current and "Falun" in current and "Socialchef" in current
    assert "maria@falun.example" in current and "tills vidare" in current
    assert "Tomas Ahlin" in former and "Tomas Ahlin" not in current


def test_adding_and_ending_a_member_through_the_pages(client, network, secretary):
    Person.objects.create(name="Maria Jonsson")
    client.force_login(secretary)
    page = client.get(reverse("directory:member_add", args=[network.slug])).content.decode()
    assert '<option value="Maria Jonsson">' in page
    response = client.post(reverse("directory:member_add", args=[network.slug]),
                           {"befintlig-person": "maria jonsson", "befintlig-role": "Ordförande"}, follow=True)
    assert "Maria Jonsson är medlem i Länschefsnätverket." in response.content.decode()
    response = client.post(reverse("directory:member_add", args=[network.slug]),
                           {"befintlig-person": "Maria Jonsson"})
    assert "Maria Jonsson är redan medlem i Länschefsnätverket (tills vidare)." in response.content.decode()
    response = client.post(reverse("directory:member_add_new", args=[network.slug]),
                           {"ny-name": "Anna Berg", "ny-email": "anna.berg@"})
    assert "”anna.berg@” är ingen e-postadress." in response.content.decode()
    membership = Membership.objects.get(person__name="Maria Jonsson")
    client.post(reverse("directory:membership_end", args=[network.slug, membership.pk]))
    membership.refresh_from_db()
    assert membership.end_date == timezone.localdate()


def test_importing_shows_a_preview_and_saves_only_on_confirmation(client, network, secretary):
    workbook = Workbook()
    workbook.active.append(["Namn", "E-post", "Kommun", "Titel"])
    workbook.active.append(["Anna Berg", "anna.berg@avesta.example", "Avesta", "Socialchef"])
    workbook.active.append(["Bo Ek", "bo@", "Falun", ""])
    data = io.BytesIO()
    workbook.save(data)
    client.force_login(secretary)
    upload = SimpleUploadedFile("lista.xlsx", data.getvalue())
    response = client.post(reverse("directory:member_import", args=[network.slug]), {"file": upload}, follow=True)
    page = response.content.decode()
    assert "Rad 3, kolumnen E-post: ”bo@” är ingen e-postadress." in page
    assert "Ny person" in page and "Spara 1 medlem" in page
    assert not Person.objects.exists()

    response = client.post(reverse("directory:member_import_confirm", args=[network.slug]), {"token": "fel"},
                           follow=True)
    assert "Granskningen gäller inte längre" in response.content.decode()
    assert not Person.objects.exists()

    token = client.session["directory-member-import"]["token"]
    response = client.post(reverse("directory:member_import_confirm", args=[network.slug]), {"token": token},
                           follow=True)
    assert "1 medlem är tillagd i Länschefsnätverket, varav 1 ny person." in response.content.decode()
    assert list(network.memberships.values_list("person__name", flat=True)) == ["Anna Berg"]
    assert "directory-member-import" not in client.session


def test_a_file_that_is_no_member_list_is_named_on_the_form(client, network, secretary):
    client.force_login(secretary)
    upload = SimpleUploadedFile("lista.csv", b"E-post\na@b.example\n")
    response = client.post(reverse("directory:member_import", args=[network.slug]), {"file": upload})
    assert response.status_code == 200
    assert "Rad 1 ska ha kolumnrubriker, bland dem Namn" in response.content.decode()


def test_secretaries_are_added_and_removed_on_the_body_page(client, network, secretary):
    anna = factories.user("anna", email="anna@rss.example")
    client.force_login(secretary)
    response = client.post(reverse("directory:secretary_add", args=[network.slug]),
                           {"identifier": "anna@rss.example"}, follow=True)
    assert "anna är sekreterare för Länschefsnätverket." in response.content.decode()
    response = client.post(reverse("directory:secretary_remove", args=[network.slug, secretary.pk]))
    assert response["Location"] == reverse("directory:bodies")
    assert list(network.secretaries.all()) == [anna]


def test_the_dashboard_links_to_the_directory_pages(client, secretary):
    client.force_login(secretary)
    assert reverse("directory:bodies") in client.get(reverse("meetings:dashboard")).content.decode()
