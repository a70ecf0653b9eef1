"""The record page as a working surface: all remaining items as proposed, inline saves answered in place."""

import pytest
from django.urls import reverse

from samverkan.meetings import recording, services
from samverkan.meetings.models import AgendaItem

pytestmark = pytest.mark.django_db


def outcomes(meeting) -> dict[str, str]:
    return {item.title: item.outcome for item in meeting.items.order_by("position")}


def test_all_remaining_are_decided_as_proposed_and_the_recorded_stay(meeting):
    information = services.add_item(meeting, "Läget i hemsjukvården", AgendaItem.Type.INFORMATION)
    tabled = services.add_item(meeting, "Avtal om hjälpmedel", AgendaItem.Type.DECISION)
    recording.table_item(tabled)

    adopted = recording.adopt_remaining_proposals(meeting)

    assert [item.title for item in adopted] == [
        "Mötets öppnande", "Godkännande av dagordning", "Föregående minnesanteckningar", "Rapporter"]
    assert outcomes(meeting) == {
        "Mötets öppnande": "decided", "Godkännande av dagordning": "decided",
        "Föregående minnesanteckningar": "decided", "Rapporter": "decided",
        "Läget i hemsjukvården": "", "Avtal om hjälpmedel": "tabled", "Övriga frågor": "",
    }
    assert [c.text for c in meeting.items.get(title="Godkännande av dagordning").decisions] == [
        "att godkänna dagordningen."]
    assert information.clauses.count() == 0


def test_an_item_with_a_typed_decision_is_not_overwritten(meeting):
    item = meeting.items.get(title="Godkännande av dagordning")
    recording.record_item(item, None, minutes_text="", decisions=["att godkänna dagordningen med tillägg."],
                          outcome="")
    recording.adopt_remaining_proposals(meeting)
    assert [c.text for c in item.decisions] == ["att godkänna dagordningen med tillägg."]


def test_the_page_offers_all_remaining_until_none_remain(client, secretary, meeting):
    client.force_login(secretary)
    page = client.get(reverse("meetings:record", args=[meeting.pk])).content.decode()
    assert "Alla återstående enligt förslagen</button>" in page

    response = client.post(reverse("meetings:adopt_remaining", args=[meeting.pk]), follow=True)
    assert "Beslut enligt förslagen i 4 punkter: 1, 2, 3, 4." in response.content.decode()
    assert "Alla återstående enligt förslagen" not in response.content.decode()


def test_an_inline_save_answers_with_the_item_and_its_message(client, secretary, meeting):
    client.force_login(secretary)
    item = meeting.items.get(title="Godkännande av dagordning")
    response = client.post(reverse("meetings:record_item", args=[item.pk]), {
        f"item-{item.pk}-version": item.lock_version, f"item-{item.pk}-minutes_text": "Dagordningen godkändes.",
        f"item-{item.pk}-decisions": "att godkänna dagordningen.", f"item-{item.pk}-outcome": "decided",
    }, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<section class="item record-item" id="punkt-{item.pk}"')
    assert '<li class="message message-success">Punkt 2 är sparad.</li>' in html
    assert f'<li id="hopp-{item.pk}" hx-swap-oob="true">' in html and "Beslutad" in html
    assert 'id="inline-status" class="visually-hidden" role="status" hx-swap-oob="true">Punkt 2 är sparad.' in html
    assert f'name="item-{item.pk}-version" value="{item.lock_version + 1}"' in html


def test_an_inline_save_that_is_refused_keeps_what_was_typed(client, secretary, meeting):
    client.force_login(secretary)
    item = meeting.items.get(title="Godkännande av dagordning")
    response = client.post(reverse("meetings:record_item", args=[item.pk]), {
        f"item-{item.pk}-version": item.lock_version, f"item-{item.pk}-minutes_text": "Skrivet i mötet.",
        f"item-{item.pk}-outcome": "forwarded",
    }, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert '<li class="message message-error">Ange vilket organ ärendet överlämnas till.</li>' in html
    assert "Skrivet i mötet.</textarea>" in html
