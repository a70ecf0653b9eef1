"""The meeting form and the agenda actions refuse what cannot be right, in Swedish, by the field."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.core.errors import UserError
from samverkan.meetings import services
from samverkan.meetings.forms import ItemForm, MeetingForm
from samverkan.meetings.models import AgendaItem

pytestmark = pytest.mark.django_db


def meeting_form(body, **changes):
    data = {"body": body.pk, "date": "2026-12-10", "start_time": "09:30", "end_time": "12:00",
            "location": "Falun", "mode": "on_site", "registry_number": ""} | changes
    return MeetingForm(data, bodies=type(body).objects.all())


def in_five_years_and_a_day():
    today = timezone.localdate()
    return today.replace(year=today.year + 5) + datetime.timedelta(days=1)


def test_the_meeting_form_refuses_an_end_before_the_start(body):
    form = meeting_form(body, start_time="13:00", end_time="12:00")
    assert not form.is_valid()
    assert form.errors == {"end_time": ["Sluttiden måste vara efter starttiden."]}


def test_the_meeting_form_refuses_dates_before_1990_and_more_than_five_years_ahead(body):
    form = meeting_form(body, date="1989-12-31")
    assert not form.is_valid()
    assert form.errors == {"date": ["Datumet kan inte vara före år 1990."]}
    too_late = in_five_years_and_a_day()
    form = meeting_form(body, date=too_late.isoformat())
    assert not form.is_valid()
    latest = (too_late - datetime.timedelta(days=1)).isoformat()
    assert form.errors == {"date": [f"Datumet kan inte ligga mer än fem år fram i tiden (senast {latest})."]}
    assert meeting_form(body, date="1990-01-01").is_valid()


def test_planning_refuses_the_same_as_the_form(body):
    with pytest.raises(UserError) as refused:
        services.plan_meeting(body, datetime.date(2026, 12, 10), datetime.time(12), datetime.time(9))
    assert (refused.value.message, refused.value.code) == ("Sluttiden måste vara efter starttiden.",
                                                           "end_before_start")
    with pytest.raises(UserError) as refused:
        services.plan_meeting(body, datetime.date(1985, 3, 1))
    assert refused.value.message == "Datumet kan inte vara före år 1990."


def test_changing_a_meeting_refuses_an_end_before_the_start(meeting):
    meeting.end_time = datetime.time(9, 0)
    with pytest.raises(UserError) as refused:
        services.update_meeting(meeting)
    assert refused.value.message == "Sluttiden måste vara efter starttiden."


def test_item_titles_over_300_characters_are_refused(meeting):
    long_title = "Ö" * 301
    with pytest.raises(UserError) as refused:
        services.add_item(meeting, long_title)
    assert (refused.value.message, refused.value.code) == (
        "Rubriken får vara högst 300 tecken; den här har 301.", "title_too_long")
    item = services.add_item(meeting, "Ö" * 300)
    with pytest.raises(UserError):
        services.update_item(item, None, title=long_title, type=item.type, agenda_text="", proposals=[],
                             presenters=[])
    with pytest.raises(UserError):
        services.add_subitem(item, long_title)
    form = ItemForm({"version": 0, "title": long_title, "type": AgendaItem.Type.DECISION},
                    initial={"title": item.title})
    assert not form.is_valid()
    assert form.errors == {"title": ["Rubriken får vara högst 300 tecken; den här har 301."]}


def test_a_long_title_read_from_the_archive_may_stay_as_it_was(meeting):
    item = services.add_item(meeting, "Kort")
    AgendaItem.objects.filter(pk=item.pk).update(title="A" * 400)
    item.refresh_from_db()
    services.update_item(item, None, title=item.title, type=item.type, agenda_text="Nytt underlag",
                         proposals=[], presenters=[])
    assert ItemForm({"version": 0, "title": "A" * 400, "type": item.type}, initial={"title": "A" * 400}).is_valid()


def test_the_meeting_page_shows_the_message_by_the_field(client, secretary, body):
    client.force_login(secretary)
    response = client.post(reverse("meetings:meeting_new"), {
        "body": body.pk, "date": "2026-12-10", "start_time": "13:00", "end_time": "12:00",
        "location": "Falun", "mode": "on_site", "registry_number": ""})
    page = response.content.decode()
    assert response.status_code == 200
    field = page[page.index('<label for="id_end_time">'):]
    field = field[:field.index("</p>")]
    assert '<strong class="error" role="alert">Sluttiden måste vara efter starttiden.</strong>' in field


def test_the_agenda_page_says_why_a_new_item_was_refused(client, secretary, meeting):
    client.force_login(secretary)
    response = client.post(reverse("meetings:item_add", args=[meeting.pk]), {"title": "x" * 301,
                                                                              "type": "decision"}, follow=True)
    assert "Rubriken får vara högst 300 tecken; den här har 301." in response.content.decode()
