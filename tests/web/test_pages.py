"""The public archive pages, in Swedish, on the sample archive."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samverkan.archive.models import SourceDocument
from samverkan.directory.models import Organization, Person
from samverkan.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def test_home_lists_the_latest_meetings(client, sample_archive):
    page = client.get("/").content.decode()
    assert "Senaste mötena" in page
    assert "9 november 2023" in page
    assert '<html lang="sv">' in page


def test_meeting_page_shows_attendance_items_and_decisions(client, sample_archive):
    meeting = Meeting.objects.get(date="2023-11-09")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Hotell och restaurang Moskogen" in page
    assert "HSN 2023/78" in page
    assert "Region Dalarna" in page and "Avesta" in page
    assert "Val av ordförande och vice ordförande i Länschefsnätverket 2024" in page
    assert "att bordlägga val av ordförande i Länschefsnätverket 2024." in page
    assert "Länschefsnätverket beslutade" in page or "beslutade" in page
    assert "Föredragande" in page


def test_agenda_page_shows_proposals(client, sample_archive):
    meeting = Meeting.objects.get(date="2021-11-19")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Förslag till beslut" in page
    assert "att fastställa Länschefsnätverkets kalendarium för 2022." in page


def test_meeting_page_links_the_previous_minutes(client, sample_archive):
    undated = Meeting.objects.get(date=None)
    page = client.get(undated.get_absolute_url()).content.decode()
    assert Meeting.objects.get(date="2021-11-19").get_absolute_url() in page


def test_unknown_meeting_is_not_found(client, db):
    assert client.get("/moten/999/").status_code == 404


def test_source_page_shows_text_and_warnings(client, sample_archive):
    source = SourceDocument.objects.first()
    source.warnings = ["rad 3: kunde inte tolka raden"]
    source.save()
    page = client.get(reverse("web:source", args=[source.pk])).content.decode()
    assert "rad 3: kunde inte tolka raden" in page
    assert source.sha256 not in page and "SHA-256" not in page  # the checksum is the secretariat's


def test_person_page_lists_meetings_and_presented_items(client, sample_archive):
    tanja = Person.objects.get(name="Tanja Mårtensson")
    page = client.get(tanja.get_absolute_url()).content.decode()
    assert "Närvarande vid möten" in page
    assert "Hantering av överskjutande" in page


def test_organization_page_lists_its_people(client, sample_archive):
    avesta = Organization.objects.get(name="Avesta")
    page = client.get(avesta.get_absolute_url()).content.decode()
    assert "Carina Johansson" in page
    assert "Kommun" in page


def test_search_finds_inflected_forms_and_filters(client, sample_archive):
    page = client.get("/sok/", {"q": "kalendariet"}).content.decode()
    assert "Kalendarium för Länschefsnätverket 2024" in page
    page = client.get("/sok/", {"q": "kalendarium", "ar": "2023"}).content.decode()
    assert "Kalendarium för Länschefsnätverket 2024" in page
    assert "Kalendarium för Länschefsnätverket 2022" not in page


def test_search_survives_odd_input(client, sample_archive):
    for query in ['"', "AND (", "*", "-", "ar=abc"]:
        assert client.get("/sok/", {"q": query, "ar": "x", "typ": "nope"}).status_code == 200


def test_duplicate_page_needs_the_secretariat(client, sample_archive):
    response = client.get(reverse("web:duplicate_people"))
    assert response.status_code == 302
    assert reverse("web:login") in response["Location"]
    client.force_login(User.objects.create_user("medlem"))
    assert client.get(reverse("web:duplicate_people")).status_code == 404


def test_secretariat_confirms_a_duplicate(client, sample_archive):
    secretary = User.objects.create_user("sekr", password="x-Lösen-123")
    Meeting.objects.first().body.secretaries.add(secretary)
    client.force_login(secretary)
    page = client.get(reverse("web:duplicate_people")).content.decode()
    assert "Gärdsback" in page
    keep = Person.objects.get(name="Ulrika Gärdsback")
    other = Person.objects.get(name="Ulrika Gärdback")
    response = client.post(reverse("web:resolve_duplicate"),
                           {"first": other.pk, "second": keep.pk, "keep": keep.pk, "action": "merge"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=other.pk).exists()


def test_admin_is_available_for_corrections(admin_client, sample_archive):
    meeting = Meeting.objects.get(date="2023-11-09")
    assert admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).status_code == 200
    assert admin_client.get(reverse("admin:meetings_agendaitem_changelist")).status_code == 200


def test_the_meeting_list_shows_one_year_at_a_time_newest_first(client, sample_archive):
    page = client.get("/moten/").content.decode()
    assert "<h1>Möten 2023</h1>" in page
    assert "9 november 2023" in page
    assert "Utan datum (1)" in page
    assert "2021 (2)" in page and 'href="?ar=2021"' in page
    older = client.get("/moten/?ar=2021").content.decode()
    assert "<h1>Möten 2021</h1>" in older
    assert 'aria-current="page">2021 (2)' in older
    assert client.get("/moten/?ar=1850").content.decode().count("<h1>Möten 2023</h1>") == 1
