"""Assignments from decisions, and their history of deadlines: seed 004 extends the working
groups' deadlines 2020-12-31 and 2021-02-07 by six months to 2021-06-30 and 2021-10-31."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from samverkan.core.errors import UserError
from samverkan.matters import selectors, services
from samverkan.matters.models import Assignment
from samverkan.meetings import services as meeting_services

pytestmark = pytest.mark.django_db
SEP_2020 = datetime.date(2020, 9, 25)


@pytest.fixture
def working_groups(lchnv, region):
    """The two assignments of early 2020; those meetings are not in the archive."""
    children = services.create_assignment(
        "Överenskommelse om samverkan kring barns och ungas hälsa", owner=region, reports_to=lchnv,
        deadline=datetime.date(2021, 2, 7), decided_on=datetime.date(2020, 2, 7),
        decision_text="Länschefsnätverket 2020-02-07")
    adults = services.create_assignment(
        "Överenskommelse om samverkan kring personer med psykisk funktionsnedsättning", owner=region,
        reports_to=lchnv, deadline=datetime.date(2020, 12, 31), decided_on=datetime.date(2020, 3, 6))
    return children, adults


def test_seed_004_extends_both_deadlines_and_keeps_the_history(working_groups, lchnv, item_at, secretary):
    children, adults = working_groups
    item = item_at(lchnv, SEP_2020, "9")
    decision = item.clauses.get(kind="decision")
    services.extend_deadline(children, datetime.date(2021, 10, 31), clause=decision, acting_user=secretary)
    services.extend_deadline(adults, datetime.date(2021, 6, 30), clause=decision, acting_user=secretary)

    for assignment, before, after in ((children, "2021-02-07", "2021-10-31"), (adults, "2020-12-31", "2021-06-30")):
        assignment = selectors.assignment_with_history(assignment.pk, secretary)
        history = list(assignment.deadlines.all())
        assert [d.due.isoformat() for d in history] == [before, after]
        assert history[0].item is None and history[0].decided_on.year == 2020
        assert history[1].item == item and history[1].clause == decision
        assert history[1].decided_on == SEP_2020
        assert history[1].decision_text == "att besluta i enlighet med Stygruppens förslag p 1-2."
        assert history[1].set_by == secretary
        assert assignment.deadline.isoformat() == after


def test_the_extension_decision_keeps_its_words_when_the_clause_goes(working_groups, lchnv, item_at):
    children, _ = working_groups
    item = item_at(lchnv, SEP_2020, "9")
    deadline = services.extend_deadline(children, datetime.date(2021, 10, 31), item=item)
    item.clauses.all().delete()
    deadline.refresh_from_db()
    assert "i enlighet med Stygruppens förslag" in deadline.decision_text


def test_an_assignment_to_the_next_meeting(lchnv, styrgruppen, item_at):
    """004 item 10: 'ge Styrgrupp LCHNV i uppdrag att bereda ärendet ... till nästa möte'."""
    item = item_at(lchnv, SEP_2020, "10")
    clause = item.clauses.get(text__contains="Familjecentraler")
    assert services.next_meeting_date(lchnv, SEP_2020) == datetime.date(2021, 2, 19)  # next in the archive
    meeting_services.plan_meeting(lchnv, datetime.date(2020, 10, 23))
    due = services.next_meeting_date(lchnv, SEP_2020)
    assignment = services.create_assignment("Bereda gemensam vägledning avseende familjecentraler",
                                            owner=styrgruppen, clause=clause, reports_to=lchnv, deadline=due)
    assert assignment.item == item and assignment.deadline == datetime.date(2020, 10, 23)
    assert assignment.decided_on == SEP_2020
    assert assignment.owner_name == "Styrgruppen"


def test_owner_is_exactly_one_of_body_organisation_person(lchnv, region):
    with pytest.raises(UserError, match="bärs av ett organ, en organisation eller en person"):
        services.create_assignment("Något", owner=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.create(title="Två ägare", owner_body=lchnv, owner_organization=region)


def test_a_clause_must_belong_to_the_item(lchnv, item_at, styrgruppen):
    other = item_at(lchnv, SEP_2020, "10").clauses.first()
    with pytest.raises(UserError, match="Beslutet hör inte till punkten"):
        services.create_assignment("Fel", owner=styrgruppen, item=item_at(lchnv, SEP_2020, "9"), clause=other)


def test_finished_assignments_are_not_extended(working_groups):
    children, _ = working_groups
    services.complete_assignment(children, on=datetime.date(2021, 10, 1))
    with pytest.raises(UserError, match="inte längre pågående"):
        services.extend_deadline(children, datetime.date(2022, 1, 1))
    with pytest.raises(UserError, match="inte längre pågående"):
        services.complete_assignment(children)


def test_overdue_and_due_soon(lchnv, styrgruppen, secretary):
    today = datetime.date(2021, 6, 20)
    styrgruppen.secretaries.add(secretary)  # a secretariat sees the assignments of the bodies it serves

    def make(title, due):
        return services.create_assignment(title, owner=styrgruppen, deadline=due)

    late = make("Försenat", datetime.date(2021, 6, 1))
    soon = make("Snart", datetime.date(2021, 6, 30))
    later = make("Senare", datetime.date(2021, 10, 31))
    done = make("Klart men sent", datetime.date(2021, 5, 1))
    services.complete_assignment(done, on=datetime.date(2021, 4, 30))
    assignments = selectors.visible_assignments(secretary)
    assert list(selectors.overdue(assignments, today)) == [late]
    assert list(selectors.due_soon(assignments, today, 14)) == [soon]
    assert later not in selectors.due_soon(assignments, today, 14)
