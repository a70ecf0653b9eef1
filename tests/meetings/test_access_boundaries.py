"""Where one body's secretariat, a member and the public meet their limits, and edits that are refused
write nothing. (Each test once showed a bug found in review.)

Roles as in samverkan.directory.access: the public reads published meetings; a member reads
their body's drafts; a body's secretariat edits that body's things and nothing of other bodies.
"""

import datetime
import os

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samverkan.directory.models import Organization, Person
from samverkan.matters import services as matter_services
from samverkan.matters.models import Assignment, Deadline, Matter
from samverkan.meetings import attachments, recording, services
from samverkan.meetings.models import Attachment
from tests.meetings.test_agenda import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_secretary(other_body):
    """A secretary of Välfärdsrådet only: no business with Länschefsnätverket's drafts."""
    user = User.objects.create_user("annan-sekreterare")
    other_body.secretaries.add(user)
    return user


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


# --- 1. The audit log shows every body's drafts to every secretary ---------------------------


def test_audit_log_does_not_show_another_bodys_draft_items(client, secretary, other_secretary, meeting):
    client.force_login(secretary)
    client.post(reverse("meetings:item_add", args=[meeting.pk]),
                {"title": "Hemlig omorganisation av hemtjänsten", "type": "decision"})
    assert meeting.published_at is None
    client.force_login(other_secretary)
    page = client.get(reverse("meetings:audit_log")).content.decode()
    assert "Hemlig omorganisation av hemtjänsten" not in page


# --- 2. Organisation pages name people known only from unpublished meetings -------------------


def test_organization_page_does_not_name_people_seen_only_at_unpublished_meetings(client, meeting, members):
    falun = members[0].organization
    guest = Person.objects.create(name="Hemlig Konsultsson")  # no organisation of their own
    recording.record_attendance(meeting, [recording.Presence(guest, falun)], None)
    assert meeting.published_at is None
    page = client.get(reverse("web:organization", args=[falun.slug])).content.decode()
    assert "Hemlig Konsultsson" not in page


# --- 3. Assignment pages show a draft decision's text to other bodies' secretaries ------------


def test_assignment_page_hides_draft_decision_text_from_another_bodys_secretary(
        client, body, meeting, other_secretary):
    item = services.add_item(meeting, "Nattpatrull",
                             proposals=["att uppdra åt förvaltningen att utreda den hemliga nattpatrullen."])
    assignment = matter_services.create_assignment(
        "Utred nattpatrull", owner=body, item=item, clause=item.clauses.get(), reports_to=body)
    assert meeting.published_at is None
    client.force_login(other_secretary)
    page = client.get(assignment.get_absolute_url()).content.decode()
    assert "hemliga nattpatrullen" not in page


# --- 4. Any secretary can change any body's assignments (IDOR by pk) -------------------------


@pytest.fixture
def body_assignment(body):
    return matter_services.create_assignment(
        "Ta fram en länsgemensam rutin", owner=body, reports_to=body, deadline=datetime.date(2027, 3, 1))


def test_another_bodys_secretary_cannot_extend_an_assignment(client, body_assignment, other_secretary):
    client.force_login(other_secretary)
    response = client.post(reverse("matters:assignment_extend", args=[body_assignment.pk]),
                           {"due": "2029-12-31"})
    body_assignment.refresh_from_db()
    assert response.status_code == 404
    assert body_assignment.deadline == datetime.date(2027, 3, 1)
    assert Deadline.objects.filter(assignment=body_assignment).count() == 1


def test_another_bodys_secretary_cannot_mark_an_assignment_reported(client, body_assignment, other_secretary):
    client.force_login(other_secretary)
    response = client.post(reverse("matters:assignment_complete", args=[body_assignment.pk]), {})
    body_assignment.refresh_from_db()
    assert response.status_code == 404
    assert body_assignment.status == Assignment.Status.ACTIVE


def test_another_bodys_secretary_cannot_edit_a_bodys_matter(client, body, other_secretary):
    matter = matter_services.open_matter("Hemsjukvårdsavtalet", body=body)
    client.force_login(other_secretary)
    response = client.post(reverse("matters:matter_edit", args=[matter.pk]), {
        "title": "Nedlagt", "registry_number": "", "body": body.pk, "status": Matter.Status.CLOSED,
        "description": ""})
    matter.refresh_from_db()
    assert response.status_code == 404
    assert (matter.title, matter.status) == ("Hemsjukvårdsavtalet", Matter.Status.OPEN)


# --- 5. A refused attendance save still writes people and organisations -----------------------


def test_a_refused_attendance_save_writes_nothing(client, secretary, meeting):
    meeting.refresh_from_db()
    stale = meeting.lock_version + 7
    client.force_login(secretary)
    response = client.post(reverse("meetings:attendance", args=[meeting.pk]), {
        "version": stale, "others": "Okänd Gästsson, Nyköpings kommun, konsult"})
    assert response.status_code == 200  # the edit conflict is reported, nothing is saved …
    assert not meeting.attendances.exists()
    # … yet the person and organisation typed in the refused form are in the directory (and public).
    assert not Person.objects.filter(name="Okänd Gästsson").exists()
    assert not Organization.objects.filter(name="Nyköpings kommun").exists()


# --- 6. Attachment files are written/deleted outside the transaction --------------------------


def _boom(*args, **kwargs):
    raise RuntimeError("databasen svarar inte")


def test_a_failed_attachment_removal_keeps_the_file(media, meeting, monkeypatch):
    item = services.add_item(meeting, "Budget 2027")
    attachment = attachments.attach_file(item, pdf_upload("budget.pdf"))
    pk, path = attachment.pk, attachment.file.path
    monkeypatch.setattr(attachments, "renumber_attachments", _boom)
    with pytest.raises(RuntimeError):
        attachments.remove_attachment(attachment)
    assert Attachment.objects.filter(pk=pk).exists()  # the row is rolled back …
    assert os.path.exists(path)  # … but its file is already gone: the attachment is broken


def test_a_failed_attachment_upload_leaves_no_file(media, meeting, monkeypatch):
    item = services.add_item(meeting, "Budget 2027")
    monkeypatch.setattr(attachments, "renumber_attachments", _boom)
    with pytest.raises(RuntimeError):
        attachments.attach_file(item, pdf_upload("budget.pdf"))
    assert not Attachment.objects.exists()
    left = [os.path.join(root, name) for root, _, names in os.walk(media) for name in names]
    assert left == []


# --- 7. Search keeps a moved meeting under its old body ----------------------------------------


def test_search_follows_a_meeting_moved_to_another_body(client, body, other_body, meeting, secretary, member_user):
    other_body.secretaries.add(secretary)
    services.add_item(meeting, "Hemlig flytt av korttidsboendet")
    client.force_login(member_user)
    assert client.get("/sok/", {"q": "korttidsboendet"}).context["result"].total == 1
    client.force_login(secretary)
    response = client.post(reverse("meetings:meeting_edit", args=[meeting.pk]), {
        "body": other_body.pk, "date": "2026-12-10", "start_time": "09:30", "end_time": "12:00",
        "location": meeting.location, "mode": meeting.mode, "registry_number": meeting.registry_number})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.body == other_body
    # Maria is a member of Länschefsnätverket only: the draft is no longer hers to read …
    client.force_login(member_user)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    # … but search still shows its title and text under the old body.
    assert client.get("/sok/", {"q": "korttidsboendet"}).context["result"].total == 0
