"""The access rules decided on purpose in samverkan.directory.access, one test each (each failed before)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from samverkan.directory.models import Membership, Organization, Person
from samverkan.matters import services as matter_services
from samverkan.matters.models import Assignment
from samverkan.meetings import recording, services
from samverkan.meetings.models import AgendaItem, Clause, Meeting, NoticeDispatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_secretary(other_body):
    user = User.objects.create_user("valfardsradets-sekreterare")
    other_body.secretaries.add(user)
    return user


def _page(client, user, url):
    client.force_login(user)
    return client.get(url)


# --- (a) Matters and assignments of another body's unpublished meeting ---------------------------

@pytest.fixture
def unpublished_elsewhere(other_body):
    """A matter and two assignments tied only to Välfärdsrådet's planned, unpublished meeting."""
    hidden = services.plan_meeting(other_body, datetime.date(2026, 11, 5))
    item = services.add_item(hidden, "Avtal om hemsjukvård", type=AgendaItem.Type.DECISION,
                             proposals=["att godkänna utkastet till avtal."])
    matter = matter_services.open_matter("Hemsjukvårdsavtalet", body=other_body, items=[item])
    owned = matter_services.create_assignment("Förhandla avtalet", owner=other_body, item=item)
    region = Organization.objects.create(name="Region Dalarna", kind=Organization.Kind.REGION)
    bodiless = matter_services.create_assignment("Räkna på kostnaderna", owner=region, item=item)
    return hidden, matter, [owned, bodiless]


def test_a_secretariat_does_not_read_matters_of_another_bodys_unpublished_meeting(
        client, secretary, other_secretary, unpublished_elsewhere):
    _, matter, assignments = unpublished_elsewhere
    assert _page(client, secretary, matter.get_absolute_url()).status_code == 404
    assert "Hemsjukvårdsavtalet" not in _page(client, secretary, reverse("matters:list")).content.decode()
    listed = _page(client, secretary, reverse("matters:assignments")).content.decode()
    for assignment in assignments:
        assert _page(client, secretary, assignment.get_absolute_url()).status_code == 404
        assert assignment.title not in listed
        assert _page(client, other_secretary, assignment.get_absolute_url()).status_code == 200
    assert _page(client, other_secretary, matter.get_absolute_url()).status_code == 200


def test_once_the_meeting_is_published_every_secretariat_reads_them(client, secretary, unpublished_elsewhere):
    hidden, matter, assignments = unpublished_elsewhere
    Meeting.objects.filter(pk=hidden.pk).update(published_at=timezone.now())
    assert _page(client, secretary, matter.get_absolute_url()).status_code == 200
    for assignment in assignments:
        assert _page(client, secretary, assignment.get_absolute_url()).status_code == 200


def test_a_secretariat_reads_its_own_bodys_matters_and_those_of_no_body(client, body, secretary):
    own = matter_services.open_matter("Kompetensförsörjning", body=body)
    shared = matter_services.open_matter("Gemensam fråga utan organ")
    person = Person.objects.create(name="Karin Ek")
    task = matter_services.create_assignment("Samla underlag", owner=person)
    for url in (own.get_absolute_url(), shared.get_absolute_url(), task.get_absolute_url()):
        assert _page(client, secretary, url).status_code == 200
    assert _page(client, User.objects.create_user("allman"), own.get_absolute_url()).status_code == 404
    assert Assignment.objects.count() == 1


# --- (b) Merging people, or marking them distinct ------------------------------------------------

@pytest.fixture
def look_alikes():
    return Person.objects.create(name="Ulrika Gärdsback"), Person.objects.create(name="Ulrika Gärdback")


def _resolve(client, user, first, second, action="merge"):
    client.force_login(user)
    return client.post(reverse("web:resolve_duplicate"), {"first": first.pk, "second": second.pk,
                                                          "action": action, "keep": first.pk})


@pytest.mark.parametrize("action", ["merge", "distinct"])
def test_people_of_another_body_are_not_resolved_by_this_secretariat(client, secretary, other_body, look_alikes,
                                                                     action):
    first, second = look_alikes
    Membership.objects.create(person=second, body=other_body)
    listed = _page(client, secretary, reverse("web:duplicate_people")).content.decode()
    assert "Gärdback" not in listed
    assert _resolve(client, secretary, first, second, action).status_code == 404
    assert Person.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
    assert "Gärdback" in _page(client, User.objects.create_superuser("admin"), reverse("web:duplicate_people")
                               ).content.decode()


def test_attendance_and_presentations_elsewhere_count_too(client, secretary, other_body, look_alikes):
    first, second = look_alikes
    elsewhere = services.plan_meeting(other_body, datetime.date(2024, 5, 2))
    elsewhere.attendances.create(person=first)
    assert _resolve(client, secretary, first, second).status_code == 404
    elsewhere.attendances.all().delete()
    item = services.add_item(elsewhere, "Lägesrapport")
    item.presentations.create(person=second, position=0)
    assert _resolve(client, secretary, first, second).status_code == 404


def test_people_of_the_secretariats_bodies_or_of_none_are_resolved(client, body, secretary, look_alikes):
    first, second = look_alikes
    assert "Gärdback" in _page(client, secretary, reverse("web:duplicate_people")).content.decode()
    Membership.objects.create(person=first, body=body)
    assert _resolve(client, secretary, first, second).status_code == 302
    assert list(Person.objects.filter(name__startswith="Ulrika")) == [first]


# --- (c) The public calendar: announced meetings only --------------------------------------------

@pytest.fixture
def coming(body):
    return services.plan_meeting(body, timezone.localdate() + datetime.timedelta(days=40), datetime.time(9, 30),
                                 location="Lugnet, Falun")


def _public(client, body):
    page = client.get(reverse("calendar:public", args=[body.slug])).content.decode()
    feed = client.get(reverse("calendar:body_feed", args=[body.slug])).content.decode()
    return page, feed.replace("\r\n ", "")


def test_a_planned_meeting_is_not_public_until_its_notice_is_sent(client, body, coming):
    page, feed = _public(client, body)
    assert "Lugnet" not in page and "Lugnet" not in feed
    NoticeDispatch.objects.create(meeting=coming, version=1, fingerprint="0" * 64)
    page, feed = _public(client, body)
    assert "Lugnet, Falun" in page and "Lugnet" in feed


def test_a_published_meeting_is_public_without_a_notice(client, body, coming):
    Meeting.objects.filter(pk=coming.pk).update(published_at=timezone.now())
    page, feed = _public(client, body)
    assert "Lugnet, Falun" in page and "Lugnet" in feed


# --- (d) A form without its version is stale ------------------------------------------------------

@pytest.fixture
def agenda(meeting):
    first = services.add_item(meeting, "Budget 2027", type=AgendaItem.Type.DECISION,
                              proposals=["att fastställa budgeten."])
    second = services.add_item(meeting, "Lägesrapport")
    meeting.refresh_from_db()
    return meeting, first, second


def _order(meeting):
    return list(meeting.items.order_by("position").values_list("title", flat=True))


@pytest.mark.parametrize("version", [None, "", "gammal"])
def test_moving_and_reordering_without_a_version_is_refused(client, secretary, agenda, version):
    meeting, first, second = agenda
    before = _order(meeting)
    data = {} if version is None else {"version": version}
    client.force_login(secretary)
    moved = client.post(reverse("meetings:item_move", args=[first.pk]), {"direction": "down", **data}, follow=True)
    assert "har ändrats av någon annan" in moved.content.decode()
    reordered = client.post(reverse("meetings:reorder", args=[meeting.pk]),
                            {"order": f"{second.pk},{first.pk}", **data})
    assert reordered.status_code == 409
    assert _order(meeting) == before


def test_moving_with_the_current_version_works(client, secretary, agenda):
    meeting, first, _ = agenda
    at = _order(meeting).index("Budget 2027")
    client.force_login(secretary)
    client.post(reverse("meetings:item_move", args=[first.pk]), {"direction": "down", "version": meeting.lock_version})
    assert _order(meeting).index("Budget 2027") == at + 1


def test_adopting_proposals_and_attendance_without_a_version_are_refused(client, secretary, agenda, members):
    meeting, first, _ = agenda
    client.force_login(secretary)
    client.post(reverse("meetings:adopt_proposals", args=[first.pk]))
    assert not first.clauses.filter(kind=Clause.Kind.DECISION).exists()
    client.post(reverse("meetings:attendance", args=[meeting.pk]), {f"present-{members[0].pk}": "on"})
    assert not meeting.attendances.exists()
    client.post(reverse("meetings:adopt_proposals", args=[first.pk]), {"version": first.lock_version})
    assert first.clauses.filter(kind=Clause.Kind.DECISION).exists()


def test_programs_without_a_version_still_win(agenda, members):
    meeting, first, _ = agenda
    at = _order(meeting).index("Budget 2027")
    services.move_item(first, 1, None)
    recording.adopt_proposals(first, None)
    recording.record_attendance(meeting, [recording.Presence(members[0])], None)
    assert _order(meeting).index("Budget 2027") == at + 1 and meeting.attendances.count() == 1
