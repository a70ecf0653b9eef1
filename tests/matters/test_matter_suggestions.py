"""Imported items are suggested to existing matters by similarity (Swedish stems); the
secretariat confirms or rejects each suggestion, and nothing is linked silently."""

import datetime

import pytest
from django.core.management import call_command

from samverkan.core.errors import UserError
from samverkan.matters import selectors, services
from samverkan.matters.models import MatterItem
from samverkan.meetings.models import AgendaItem

pytestmark = pytest.mark.django_db


def suggested(matter):
    return {(link.item.meeting.date, link.item.full_number) for link in selectors.suggestions(matter)}


def test_the_hemsjukvard_items_are_found_in_the_archive(lchnv):
    matter = services.open_matter("Översyn av Hemsjukvårdsavtalet")
    services.suggest_matters(matters=[matter])
    found = suggested(matter)
    # 19 Nov 2021 item 6 (spelled "Hemsjukvårdavtalet" in its title) and the report of 9 Nov 2023.
    assert {(datetime.date(2021, 11, 19), "6"), (datetime.date(2023, 11, 9), "4")} <= found
    assert (datetime.date(2021, 11, 19), "5") not in found  # Kalendarium


def test_the_assignments_of_seed_004_are_found(lchnv):
    matter = services.open_matter("Överenskommelse om samverkan kring barns och ungas hälsa")
    services.suggest_matters(matters=[matter])
    found = suggested(matter)
    assert {(datetime.date(2020, 9, 25), "9"), (datetime.date(2020, 9, 25), "10.1")} <= found


def test_suggestions_are_never_links(lchnv, secretary):
    matter = services.open_matter("Översyn av Hemsjukvårdsavtalet")
    created = services.suggest_matters()
    assert created and all(link.state == MatterItem.State.SUGGESTED for link in created)
    assert all(link.score >= services.SUGGESTION_THRESHOLD for link in created)
    assert matter.links.filter(state=MatterItem.State.CONFIRMED).count() == 0
    assert [e for e in selectors.timeline(matter, secretary) if e.kind == "item"] == []


def test_confirmed_and_rejected_are_not_suggested_again(lchnv, secretary):
    matter = services.open_matter("Översyn av Hemsjukvårdsavtalet")
    services.suggest_matters(matters=[matter])
    links = list(selectors.suggestions(matter))
    services.confirm_suggestion(links[0], acting_user=secretary)
    for link in links[1:]:
        services.reject_suggestion(link, acting_user=secretary)
    assert services.suggest_matters(matters=[matter]) == []
    assert selectors.suggestions(matter).count() == 0
    confirmed = matter.links.get(state=MatterItem.State.CONFIRMED)
    assert confirmed.decided_by == secretary and confirmed.decided_at is not None
    with pytest.raises(UserError, match="Förslaget är redan hanterat"):
        services.reject_suggestion(confirmed)


def test_each_item_gets_its_best_matters_only(lchnv, item_at):
    matters = [services.open_matter(f"Kalendarium för Länschefsnätverket {year}") for year in range(2020, 2026)]
    services.suggest_matters(matters=matters, per_item=2)
    calendar_item = item_at(lchnv, datetime.date(2023, 11, 9), "6")
    assert MatterItem.objects.filter(item=calendar_item).count() == 2


def test_procedural_items_and_closed_matters_get_no_suggestions(lchnv):
    open_ = services.open_matter("Godkännande av dagordning och föregående minnesanteckningar")
    closed = services.close_matter(services.open_matter("Kalendarium för Länschefsnätverket"))
    services.suggest_matters()
    assert not MatterItem.objects.filter(item__type=AgendaItem.Type.PROCEDURAL).exists()
    assert not closed.links.exists()
    assert open_.pk  # matter exists, nothing procedural suggested to it


def test_suggestions_for_a_newly_imported_meeting(lchnv, item_at):
    matter = services.open_matter("Kalendarium för Länschefsnätverket")
    meeting = item_at(lchnv, datetime.date(2023, 11, 9), "6").meeting
    created = services.suggest_for_meeting(meeting)
    assert {(link.item.meeting_id, link.item.number) for link in created} == {(meeting.pk, "6")}
    assert all(link.matter == matter for link in created)


def test_the_command_lists_new_suggestions(lchnv, capsys):
    services.open_matter("Översyn av Hemsjukvårdsavtalet")
    call_command("suggest_matters")
    out = capsys.readouterr().out
    assert "Hemsjukvårdavtalet" in out and "nya förslag" in out
    call_command("suggest_matters")
    assert "0 nya förslag" in capsys.readouterr().out
