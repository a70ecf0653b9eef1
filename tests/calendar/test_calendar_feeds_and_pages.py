"""iCalendar feeds per body and per person, and the calendar pages by role."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samverkan.calendar import feeds, services
from samverkan.calendar.models import CalendarPlan, CalendarSubscription, ExternalCalendar
from samverkan.directory.models import Membership, Person
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import NoticeDispatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(network):
    draft = meeting_services.plan_meeting(network, dt.date(2030, 3, 14), dt.time(9), dt.time(12), "Teams")
    meeting_services.add_item(draft, "Hemligt utkast om avtalet")
    published = meeting_services.plan_meeting(network, dt.date(2023, 11, 9), dt.time(15), dt.time(16, 30),
                                              "Moskogen, Leksand samt Teams")
    published.published_at = timezone.now()
    published.save()
    return draft, published


@pytest.fixture
def status_meeting(network):
    return services.create_series(network, "Veckovis avstämningsmöte", 4, dt.time(8), dt.date(2023, 11, 10),
                                  end_time=dt.time(8, 30), location="Teams")


def events(data: bytes):
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_public_body_feed_has_times_but_no_draft_agenda(client, network, meetings, status_meeting):
    # Announced: its notice is sent (only then is it in the public feed), its agenda still a draft.
    NoticeDispatch.objects.create(meeting=meetings[0], version=1, fingerprint="0" * 64)
    response = client.get(reverse("calendar:body_feed", args=[network.slug]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    found = events(response.content)
    assert len(found) == 2  # the status meeting is not public
    by_day = {e.decoded("dtstart").date(): e for e in found}
    draft = by_day[dt.date(2030, 3, 14)]
    assert "description" not in draft and str(draft["location"]) == "Teams"
    assert "Hemligt utkast" not in response.content.decode()
    assert "Dagordning" in str(by_day[dt.date(2023, 11, 9)]["description"])
    assert str(by_day[dt.date(2023, 11, 9)]["url"]).endswith(f"/moten/{meetings[1].pk}/")


def test_recurring_meeting_is_one_event_with_rrule_and_holidays_left_out(network, status_meeting):
    status_meeting.public = True
    status_meeting.save()
    [event] = events(feeds.body_feed(network))
    assert event["rrule"]["FREQ"] == ["WEEKLY"] and event["rrule"]["BYDAY"] == ["FR"]
    assert event.decoded("dtstart").time() == dt.time(8)
    excluded = {d.dt.date() for exdate in (event["exdate"] if isinstance(event["exdate"], list)
                                           else [event["exdate"]]) for d in exdate.dts}
    assert dt.date(2024, 3, 29) in excluded and dt.date(2024, 6, 21) in excluded


def test_person_feed_is_behind_a_secret_address(client, network, meetings, status_meeting, secretary):
    person = Person.objects.create(name="Ulrika Gärdsback")
    Membership.objects.create(person=person, body=network)
    user = User.objects.create_user("ulrika")
    person.user = user
    person.save()
    client.force_login(user)
    page = client.get(reverse("calendar:mine"))
    token = CalendarSubscription.objects.get(person=person).token
    assert token in page.content.decode()
    client.logout()
    data = client.get(reverse("calendar:person_feed", args=[token])).content
    found = events(data)
    assert len(found) == 3
    assert any("Hemligt utkast" in str(e.get("description", "")) for e in found)  # members read drafts
    assert client.get(reverse("calendar:person_feed", args=["fel"])).status_code == 404
    client.force_login(user)
    client.post(reverse("calendar:mine"))
    assert client.get(reverse("calendar:person_feed", args=[token])).status_code == 404


def test_calendar_pages_by_role(client, network, council, secretary):
    plan = services.propose_calendar(network, 2030, 4, 3, dt.time(9))
    planned = plan.dates.first()
    other = User.objects.create_user("annan")
    council.secretaries.add(other)
    gets = [reverse("calendar:body", args=[network.slug]), reverse("calendar:plan", args=[plan.pk]),
            reverse("calendar:series", args=[network.slug])]
    posts = [reverse("calendar:planned_date_edit", args=[planned.pk]),
             reverse("calendar:planned_date_remove", args=[planned.pk]),
             reverse("calendar:planned_date_add", args=[plan.pk]), reverse("calendar:adopt", args=[plan.pk])]
    client.force_login(other)
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url).status_code == 404, url
    assert client.get(reverse("calendar:bodies")).status_code == 200
    client.logout()
    for url in gets + [reverse("calendar:bodies"), reverse("calendar:external")]:
        assert client.get(url).status_code == 302, url
    client.force_login(secretary)
    for url in gets + [reverse("calendar:bodies"), reverse("calendar:external")]:
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("calendar:plan", args=[plan.pk])).content.decode()
    assert "Önskad veckodag" in page and "torsdag" in page


def test_secretariat_proposes_imports_and_adopts_through_the_pages(client, network, secretary, hjalpmedel_ics):
    client.force_login(secretary)
    response = client.post(reverse("calendar:external"), {
        "name": "Hjälpmedelsnämnden", "bodies": [network.pk],
        "file": SimpleUploadedFile("hjm.ics", hjalpmedel_ics.encode(), content_type="text/calendar")})
    assert response.status_code == 302 and ExternalCalendar.objects.get().event_count == 1
    response = client.post(reverse("calendar:body", args=[network.slug]), {
        "year": 2024, "count": 8, "weekday": 3, "start_time": "09:00", "end_time": "12:00",
        "excluded_months": [7], "alternate_modes": "on", "first_mode": "on_site",
        "location": "Myntgatan 2, Falun", "digital_location": "Teams"})
    plan = CalendarPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("calendar:plan", args=[plan.pk])
    page = client.get(response["Location"]).content.decode()
    assert "krockar med Hjälpmedelsnämnden" in page and "överväg en annan veckodag" in page
    client.post(reverse("calendar:adopt", args=[plan.pk]))
    assert network.meetings.count() == 8
    public = client.get(reverse("calendar:public", args=[network.slug])).content.decode()
    assert "Fastställt kalendarium 2024" in public


def test_a_broken_ics_upload_is_refused_with_a_message(client, network, secretary):
    client.force_login(secretary)
    response = client.post(reverse("calendar:external"), {
        "name": "Trasig", "file": SimpleUploadedFile("x.ics", b"inte en kalender")}, follow=True)
    assert "inte en iCalendar-fil" in response.content.decode() and not ExternalCalendar.objects.exists()
