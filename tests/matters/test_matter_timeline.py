"""Hemsjukvårdsavtalet across bodies and years: Välfärdsrådet gives the assignment 21 October
2021, Länschefsnätverket decides an inquiry by an external consultant 19 November 2021, and
9 November 2023 reports Välfärdsrådet's approval."""

import datetime

import pytest

from samverkan.core.errors import UserError
from samverkan.matters import selectors, services
from samverkan.matters.models import Assignment, Matter, MatterItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def matter(hemsjukvard_items, secretary):
    matter = services.open_matter("Översyn av Hemsjukvårdsavtalet", registry_number="RSS 2021/14",
                                  description="Utredning av förutsättningarna för en översyn av hemsjukvårdsavtalet.")
    services.suggest_matters(matters=[matter])
    for link in selectors.suggestions(matter):
        if link.item in hemsjukvard_items.values():
            services.confirm_suggestion(link, acting_user=secretary)
    return matter


def test_the_timeline_runs_across_bodies_in_date_order(matter, secretary, hemsjukvard_items):
    entries = [e for e in selectors.timeline(matter, secretary) if e.kind == "item"]
    assert [(e.date, e.body.display_name) for e in entries] == [
        (datetime.date(2021, 10, 21), "Välfärdsrådet"),
        (datetime.date(2021, 11, 19), "Länschefsnätverket"),
        (datetime.date(2023, 11, 9), "Länschefsnätverket"),
    ]
    given, decided, reported = entries
    assert given.clauses_are_decisions and "i uppdrag att ta fram en utredning" in given.clauses[0].text
    # The 19 November document is the agenda: its proposals are what was to be decided.
    assert not decided.clauses_are_decisions
    assert any("extern konsult" in c.text for c in decided.clauses)
    assert "godkänna utredningsuppdraget" in " ".join(reported.item.minutes_text.split())


def test_assignments_decisions_and_reporting_join_the_timeline(matter, secretary, hemsjukvard_items,
                                                                lchnv, valfardsradet, styrgruppen):
    given = hemsjukvard_items["given"]
    inquiry = services.create_assignment(
        "Utredning av förutsättningarna för en översyn av Hemsjukvårdsavtalet", owner=lchnv,
        item=given, clause=given.clauses.get(), reports_to=valfardsradet, matter=matter)
    decided = hemsjukvard_items["decided"]
    procurement = services.create_assignment(
        "Utforma upphandlingsuppdraget till en extern konsult", owner=styrgruppen, item=decided,
        clause=decided.clauses.get(text__contains="extern konsult"), reports_to=lchnv, matter=matter)
    services.complete_assignment(inquiry, item=hemsjukvard_items["reported"])

    assert inquiry.decided_on == datetime.date(2021, 10, 21)
    assert procurement.decided_on == datetime.date(2021, 11, 19)
    assert "extern konsult" in procurement.decision_text
    kinds = [(e.date, e.kind) for e in selectors.timeline(matter, secretary)]
    assert kinds == [
        (datetime.date(2021, 10, 21), "item"),
        (datetime.date(2021, 10, 21), "assignment"),
        (datetime.date(2021, 11, 19), "item"),
        (datetime.date(2021, 11, 19), "assignment"),
        (datetime.date(2023, 11, 9), "item"),
        (datetime.date(2023, 11, 9), "completed"),
    ]
    assert Assignment.objects.get(pk=inquiry.pk).status == Assignment.Status.COMPLETED


def test_status_follows_the_latest_item_until_closed(matter, hemsjukvard_items):
    matter.refresh_from_db()
    assert matter.status == Matter.Status.DECIDED  # 9 November 2023: decided (information noted)
    services.close_matter(matter)
    services.link_item(matter, hemsjukvard_items["decided"])
    matter.refresh_from_db()
    assert matter.status == Matter.Status.CLOSED


def test_linking_by_hand_confirms_and_unlinking_rejects(hemsjukvard_items):
    matter = services.open_matter("Hemsjukvård")
    link = services.link_item(matter, hemsjukvard_items["given"])
    assert link.state == MatterItem.State.CONFIRMED and link.score is None
    services.unlink_item(matter, hemsjukvard_items["given"])
    assert MatterItem.objects.get(pk=link.pk).state == MatterItem.State.REJECTED
    services.suggest_matters(matters=[matter])
    assert MatterItem.objects.get(matter=matter, item=hemsjukvard_items["given"]).state == MatterItem.State.REJECTED


def test_a_matter_needs_a_title(db):
    with pytest.raises(UserError, match="behöver en rubrik"):
        services.open_matter("  ")
