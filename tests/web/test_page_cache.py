"""The anonymous reading of a published meeting is rendered once per change, not once per reader.

Real commits (transactional tests), as in production: the page cache's generation moves when a
change commits (samverkan.core.pagecache). No timing here; query counts and contents.
"""

import datetime

import pytest
from django.contrib.auth.models import User
from django.db import transaction

from samverkan.directory.models import Body
from samverkan.meetings.models import Meeting

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published(sample_paths):
    from samverkan.archive.services import import_file

    for path in sample_paths:
        import_file(path)
    meeting = Meeting.objects.get(date="2023-11-09")  # imported minutes: public, 28 present, 12 items
    assert meeting.published_at is not None
    return meeting


def test_a_second_anonymous_reader_gets_the_page_without_a_query(client, published, django_assert_num_queries):
    url = published.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200 and second.content == first.content
    assert second["ETag"] == first["ETag"] and second["ETag"].startswith('"')
    assert second["Last-Modified"] == first["Last-Modified"]
    assert "no-cache" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]


def test_a_conditional_get_is_answered_304(client, published, django_assert_num_queries):
    url = published.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
        assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_change_to_what_the_page_shows_is_seen_at_once(client, published):
    url = published.get_absolute_url()
    attendance = published.attendances.select_related("person").first()
    assert attendance.person.name in client.get(url).content.decode()
    attendance.person.name = "Helt Annat Namn"
    attendance.person.save()
    page = client.get(url).content.decode()
    assert "Helt Annat Namn" in page


def test_a_published_correction_is_seen_at_once_and_a_rolled_back_one_never(client, published):
    from samverkan.meetings.publishing import keep_published_reading, publish_minutes
    from samverkan.meetings.services import update_item

    url = published.get_absolute_url()
    before = client.get(url)
    item = published.items.filter(parent=None).order_by("position")[3]
    keep_published_reading(published)
    update_item(item, None, title="Rättad rubrik för punkten", type=item.type, agenda_text=item.agenda_text,
                proposals=[], presenters=[])
    assert "Rättad rubrik för punkten" not in client.get(url).content.decode()  # a draft, not public yet
    with pytest.raises(RuntimeError), transaction.atomic():
        publish_minutes(Meeting.objects.get(pk=published.pk), note="Rubriken rättad.")
        raise RuntimeError("rolled back")
    assert "Rättad rubrik för punkten" not in client.get(url).content.decode()
    publish_minutes(Meeting.objects.get(pk=published.pk), note="Rubriken rättad.")
    after = client.get(url)
    assert "Rättad rubrik för punkten" in after.content.decode()
    assert after["ETag"] != before["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_signed_in_readers_get_their_own_page_and_never_the_kept_one(client, published):
    url = published.get_absolute_url()
    anonymous = client.get(url).content.decode()
    assert "Arbeta med mötet" not in anonymous
    secretary = User.objects.create_user("sekreterare")
    Body.objects.get().secretaries.add(secretary)
    client.force_login(secretary)
    signed_in = client.get(url)
    assert "Arbeta med mötet" in signed_in.content.decode()
    assert "ETag" not in signed_in
    client.logout()
    client.cookies.clear()
    assert "Arbeta med mötet" not in client.get(url).content.decode()
    assert "Logga ut" not in client.get(url).content.decode()


def test_a_query_string_or_an_unpublished_meeting_is_never_kept(client, published, django_assert_max_num_queries):
    url = published.get_absolute_url()
    client.get(url + "?x=1")
    assert "ETag" not in client.get(url + "?x=1")
    from samverkan.meetings.services import plan_meeting

    upcoming = plan_meeting(Body.objects.get(), datetime.date.today() + datetime.timedelta(days=30))
    assert client.get(upcoming.get_absolute_url()).status_code == 404  # not public: never kept
    with django_assert_max_num_queries(30) as queries:
        response = client.get(upcoming.get_absolute_url())
    assert response.status_code == 404 and "ETag" not in response
    assert len(queries) > 0


def test_the_start_page_is_kept_for_the_day_and_renewed_by_an_import(client, published, sample_paths,
                                                                     django_assert_num_queries, tmp_path):
    from samverkan.archive.services import import_file

    first = client.get("/")
    assert "9 november 2023" in first.content.decode()
    with django_assert_num_queries(0):
        assert client.get("/").content == first.content
    text = next(p for p in sample_paths if p.name.startswith("001")).read_text(encoding="utf-8")
    changed = tmp_path / "001_ny.txt"
    changed.write_text(text.replace("9 november 2023", "16 november 2023"), encoding="utf-8")
    assert import_file(changed).status == "imported"
    assert "16 november 2023" in client.get("/").content.decode()


def test_the_meeting_list_is_kept_per_year_and_other_queries_are_not(client, published, django_assert_num_queries):
    year = client.get("/moten/?ar=2023")
    assert "9 november 2023" in year.content.decode()
    with django_assert_num_queries(0):
        assert client.get("/moten/?ar=2023").content == year.content
        assert client.get("/moten/?ar=2023", HTTP_IF_NONE_MATCH=year["ETag"]).status_code == 304
    assert client.get("/moten/").content != b""
    with django_assert_num_queries(0):
        client.get("/moten/")
    assert "ETag" not in client.get("/moten/?ar=2023&x=1")
    assert "ETag" not in client.get("/moten/?ar=2023&ar=2022")
    published.body.name = "Länsnätverket med nytt namn"
    published.body.save()
    assert "Länsnätverket med nytt namn" in client.get(published.get_absolute_url()).content.decode()


def test_the_search_filters_are_counted_once_per_change(client, published, sample_paths, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samverkan.archive.services import import_file

    client.get("/sok/?q=beslut")
    with CaptureQueriesContext(connection) as first:
        assert client.get("/sok/?q=budget").status_code == 200
    with CaptureQueriesContext(connection) as again:
        client.get("/sok/?q=budget")
    assert len(again.captured_queries) == len(first.captured_queries)
    assert not any("directory_organization" in q["sql"] for q in again.captured_queries)
    assert '<option value="2023"' in client.get("/sok/?q=budget").content.decode()
    assert '<option value="2019"' not in client.get("/sok/?q=budget").content.decode()
    text = next(p for p in sample_paths if p.name.startswith("001")).read_text(encoding="utf-8")
    other = tmp_path / "ny.txt"
    other.write_text(text.replace("9 november 2023", "16 november 2019"), encoding="utf-8")
    assert import_file(other).status == "imported"
    page = client.get("/sok/?q=budget").content.decode()
    assert '<option value="2019"' in page


def test_a_dispatched_extract_is_named_on_the_kept_meeting_page_at_once(client, published):
    from samverkan.meetings.extracts import RecipientChoice, send_extract
    from tests import factories

    meeting, url = published, published.get_absolute_url()
    assert "Utdrag expedierat" not in client.get(url).content.decode()
    item = next(item for item in meeting.items.order_by("position") if item.decisions)
    borlange = factories.municipality("Borlänge")
    borlange.registry_email = "registrator@borlange.example"
    borlange.save()
    send_extract(item, RecipientChoice(organizations=[borlange.pk]),
                 acting_user=factories.secretary_of(meeting.body, username="utdrag"))
    assert "Utdrag expedierat till Borlänge" in client.get(url).content.decode()
