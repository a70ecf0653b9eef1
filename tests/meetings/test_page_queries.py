"""The secretariat's pages ask the database a fixed number of times, not once per person or item."""

import pytest
from django.contrib.auth.models import User

from samverkan.directory.models import Body
from samverkan.meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, sample_archive):
    secretary = User.objects.create_user("sekreterare")
    Body.objects.get().secretaries.add(secretary)
    client.force_login(secretary)
    return client, Meeting.objects.get(date="2023-11-09")  # 28 present, 12 items


@pytest.mark.parametrize("page", ["narvaro", "anteckningar", ""])
def test_meeting_pages_do_not_query_per_row(signed_in, page, django_assert_max_num_queries):
    client, meeting = signed_in
    with django_assert_max_num_queries(25):
        assert client.get(f"/sekretariat/moten/{meeting.pk}/{page + '/' if page else ''}").status_code == 200


def test_the_public_meeting_page_does_not_query_per_row(client, sample_archive, django_assert_max_num_queries):
    meeting = Meeting.objects.get(date="2023-11-09")
    with django_assert_max_num_queries(20):
        assert client.get(meeting.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("document", ["minnesanteckningar.pdf", "minnesanteckningar.docx", "kallelse.pdf"])
def test_documents_are_rendered_from_one_fetch_of_the_meeting(client, sample_archive, document,
                                                              django_assert_max_num_queries):
    meeting = Meeting.objects.get(date="2023-11-09")
    with django_assert_max_num_queries(25):
        assert client.get(f"/moten/{meeting.pk}/{document}").status_code == 200


@pytest.mark.parametrize("path", ["", "minnesanteckningar.pdf", "kallelse.docx"])
def test_a_published_reading_is_rebuilt_without_a_query_per_row(client, sample_archive, path,
                                                               django_assert_max_num_queries):
    from samverkan.meetings.publishing import keep_published_reading

    meeting = Meeting.objects.get(date="2023-11-09")
    assert keep_published_reading(meeting) is not None  # the public now reads the kept snapshot
    with django_assert_max_num_queries(22 if not path else 27):
        assert client.get(f"/moten/{meeting.pk}/{path}").status_code == 200
