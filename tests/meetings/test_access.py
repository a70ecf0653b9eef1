"""Every route tried as each role: secretariat, member, another body's secretary, the public."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from samverkan.meetings import services

pytestmark = pytest.mark.django_db

ALLOWED = (200, 204, 302, 400, 409)  # 400/409: let through, then refused for its (empty, versionless) input


@pytest.fixture
def roles(client, secretary, member_user, outsider, other_body):
    other_secretary = User.objects.create_user("annan-sekreterare")
    other_body.secretaries.add(other_secretary)
    return {"secretary": secretary, "member": member_user, "other_secretary": other_secretary,
            "outsider": outsider, "public": None}


def as_role(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def draft(meeting):
    item = services.add_item(meeting, "Utkast om hemsjukvårdsavtalet")
    return meeting, item


def secretariat_routes(meeting, item):
    return [
        ("get", reverse("meetings:dashboard")),
        ("get", reverse("meetings:audit_log")),
        ("get", reverse("meetings:meeting_new")),
        ("get", reverse("meetings:agenda", args=[meeting.pk])),
        ("get", reverse("meetings:meeting_edit", args=[meeting.pk])),
        ("get", reverse("meetings:attendance", args=[meeting.pk])),
        ("get", reverse("meetings:record", args=[meeting.pk])),
        ("get", reverse("meetings:item", args=[item.pk])),
        ("post", reverse("meetings:item_move", args=[item.pk])),
        ("post", reverse("meetings:item_add", args=[meeting.pk])),
        ("post", reverse("meetings:adopt_proposals", args=[item.pk])),
        ("post", reverse("meetings:reorder", args=[meeting.pk])),
    ]


def member_routes(meeting):
    return [
        ("get", meeting.get_absolute_url()),
        ("get", reverse("web:packet_pdf", args=[meeting.pk])),
        ("get", reverse("web:meeting_ics", args=[meeting.pk])),
    ]


@pytest.mark.parametrize("role", ["secretary", "member", "other_secretary", "outsider", "public"])
def test_secretariat_routes_open_only_to_the_bodys_secretariat(client, roles, draft, role):
    meeting, item = draft
    for method, url in secretariat_routes(meeting, item):
        response = getattr(as_role(client, roles[role]), method)(url)
        if role == "secretary":
            assert response.status_code in ALLOWED, (url, response.status_code)
        elif role == "public":
            assert response.status_code == 302 and reverse("web:login") in response["Location"], url
        elif role == "other_secretary" and url in (reverse("meetings:dashboard"), reverse("meetings:audit_log"),
                                                  reverse("meetings:meeting_new")):
            assert response.status_code == 200, url  # their own body's pages
        else:
            assert response.status_code == 404, (role, url, response.status_code)


@pytest.mark.parametrize("role", ["secretary", "member", "other_secretary", "outsider", "public"])
def test_drafts_are_read_by_members_only(client, roles, draft, role):
    meeting, _ = draft
    for method, url in member_routes(meeting):
        response = getattr(as_role(client, roles[role]), method)(url)
        expected = 200 if role in ("secretary", "member") else 404
        assert response.status_code == expected, (role, url, response.status_code)


def test_the_public_finds_nothing_of_a_draft(client, draft):
    _meeting, _ = draft
    assert "Utkast om hemsjukvårdsavtalet" not in client.get("/").content.decode()
    assert "Utkast om hemsjukvårdsavtalet" not in client.get("/moten/").content.decode()
    assert client.get("/sok/", {"q": "hemsjukvårdsavtalet"}).context["result"].total == 0


def test_members_find_their_drafts_in_search(client, draft, member_user):
    client.force_login(member_user)
    assert client.get("/sok/", {"q": "hemsjukvårdsavtalet"}).context["result"].total == 1


def test_published_meetings_are_public_but_the_packet_is_not(client, draft):
    meeting, _ = draft
    meeting.published_at = timezone.now()
    meeting.save()
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert client.get(reverse("web:packet_pdf", args=[meeting.pk])).status_code == 404


def test_attachments_follow_their_public_mark(client, draft, member_user):
    from samverkan.meetings.attachments import attach_file
    from tests.meetings.test_agenda import pdf_upload

    meeting, item = draft
    secret = attach_file(item, pdf_upload("intern.pdf"))
    open_one = attach_file(item, pdf_upload("offentlig.pdf"), public=True)
    meeting.published_at = timezone.now()
    meeting.save()
    assert client.get(reverse("web:attachment", args=[secret.pk])).status_code == 404
    assert client.get(reverse("web:attachment", args=[open_one.pk])).status_code == 200
    client.force_login(member_user)
    assert client.get(reverse("web:attachment", args=[secret.pk])).status_code == 200


def test_sign_in_is_limited_after_five_failures(client, secretary):
    for _ in range(5):
        response = client.post(reverse("web:login"), {"username": "sekreterare", "password": "fel"})
    assert response.status_code in (403, 429)
    response = client.post(reverse("web:login"), {"username": "sekreterare", "password": "Hemligt-lösen-1"})
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_sign_in_works_and_speaks_swedish(client, secretary):
    page = client.get(reverse("web:login")).content.decode()
    assert "Logga in" in page and "Lösenord" in page
    response = client.post(reverse("web:login"), {"username": "sekreterare", "password": "Hemligt-lösen-1"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(secretary.pk)


def test_changes_through_the_pages_are_in_the_audit_log(client, secretary, meeting):
    from auditlog.models import LogEntry

    client.force_login(secretary)
    client.post(reverse("meetings:item_add", args=[meeting.pk]), {"title": "Ekonomisk uppföljning", "type": "decision"})
    entry = LogEntry.objects.filter(object_repr__contains="Ekonomisk uppföljning").first()
    assert entry is not None and entry.actor == secretary
    assert "Ekonomisk uppföljning" in client.get(reverse("meetings:audit_log")).content.decode()
