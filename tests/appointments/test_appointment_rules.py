"""Rules of procedure with the seed examples: alternation, chair in Styrgruppen, exceptions, tabled elections."""

import datetime as dt

import pytest

from samverkan.appointments import services
from samverkan.appointments.models import Appointment, Election, RuleException
from samverkan.appointments.rules import (
    check_appointment,
    next_chair_side,
    open_elections,
    rule_breaches,
)
from samverkan.directory.models import Body, Membership, Organization

Role = Appointment.Role
REGION, MUNICIPALITY = Organization.Kind.REGION, Organization.Kind.MUNICIPALITY
pytestmark = pytest.mark.django_db


def year(y):
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


@pytest.fixture
def seed_004(network, steering_group, rules, people):
    """25 September 2020, items 6–8: chair and vice chair to the end of 2020, Styrgruppen, process leader."""
    end_2020 = dt.date(2020, 12, 31)
    chair = services.appoint(people["bjornfot"], network, Role.CHAIR, dt.date(2020, 9, 25), end_2020,
                             appointed_by=network, decided_on=dt.date(2020, 9, 25),
                             decision_text="att utse Ulf Björnfot till ordförande … intill utgången av 2020.")
    vice = services.appoint(people["gardsback"], network, Role.VICE_CHAIR, dt.date(2020, 9, 25), end_2020,
                            appointed_by=network, decided_on=dt.date(2020, 9, 25))
    ahlin = services.appoint(people["ahlin"], steering_group, Role.MEMBER, dt.date(2020, 9, 25), None,
                             appointed_by=network, decided_on=dt.date(2020, 9, 25))
    gnv = Body.objects.create(name="Styrgrupp god och nära vård", abbreviation="Styrgrupp GNV")
    welen = services.appoint(people["welen"], gnv, Role.PROCESS_LEADER, dt.date(2020, 10, 1),
                             dt.date(2021, 12, 31), appointed_by=network, decided_on=dt.date(2020, 9, 25))
    return {"chair": chair, "vice": vice, "ahlin": ahlin, "welen": welen}


def test_appointments_take_the_side_of_the_persons_organisation(seed_004):
    assert seed_004["chair"].side == REGION
    assert seed_004["vice"].side == MUNICIPALITY
    assert seed_004["welen"].end_date == dt.date(2021, 12, 31)


def test_a_seat_in_styrgruppen_is_a_membership_and_ends_with_the_appointment(seed_004, steering_group):
    ahlin = seed_004["ahlin"]
    membership = Membership.objects.get(person=ahlin.person, body=steering_group)
    assert membership.start_date == dt.date(2020, 9, 25) and membership.end_date is None
    services.end_appointment(ahlin, dt.date(2023, 6, 30), "Slutat sin tjänst")
    membership.refresh_from_db()
    assert membership.end_date == dt.date(2023, 6, 30)


def test_the_chair_alternates_so_the_region_holds_it_in_2024(seed_004, network):
    assert next_chair_side(network, 2021).side == MUNICIPALITY
    assert next_chair_side(network, 2022).side == REGION
    turn = next_chair_side(network, 2024)
    assert turn.side == REGION and turn.vice_side == MUNICIPALITY
    assert "Ulf Björnfot" in turn.reason and "2 §" in turn.reason


def test_the_latest_chair_decides_the_turn(seed_004, network, people):
    services.appoint(people["dedering"], network, Role.CHAIR, *year(2022))
    turn = next_chair_side(network, 2024)
    assert turn.side == REGION and turn.based_on.person == people["dedering"]
    assert next_chair_side(network, 2023).side == MUNICIPALITY


def test_a_chair_from_the_wrong_side_is_flagged(seed_004, network, people):
    wrong = services.appoint(people["ahlin"], network, Role.CHAIR, *year(2024))
    breaches = rule_breaches(wrong)
    assert [b.rule for b in breaches] == [RuleException.Rule.ALTERNATION]
    assert "regionen" in breaches[0].message


def test_chair_outside_styrgruppen_is_flagged_until_the_exception_is_recorded(seed_004, network, people):
    """Seed 002, item 5: Åsa Dedering chair 2022, not in Styrgruppen: exception from 3 §."""
    services.appoint(people["gardsback"], network.rules.steering_group, Role.MEMBER, dt.date(2021, 1, 1), None)
    dedering = services.appoint(people["dedering"], network, Role.CHAIR, *year(2022))
    vice = services.appoint(people["gardsback"], network, Role.VICE_CHAIR, *year(2022))
    assert rule_breaches(vice) == []
    breaches = rule_breaches(dedering)
    assert [b.rule for b in breaches] == [RuleException.Rule.STEERING_GROUP]
    assert "Åsa Dedering ingår inte i Styrgruppen" in breaches[0].message and "3 §" in breaches[0].message

    services.record_exception(dedering, RuleException.Rule.STEERING_GROUP, decided_on=dt.date(2021, 12, 17),
                              decision_text="att besluta om ett undantag från arbetsordningen 3 §")
    assert rule_breaches(dedering) == []
    [finding] = check_appointment(dedering)
    assert not finding.breaks_rule and finding.exception.decision_text.endswith("3 §")


def test_a_member_of_styrgruppen_as_chair_follows_the_rules(seed_004, network):
    ahlin_chair = services.appoint(seed_004["ahlin"].person, network, Role.CHAIR, *year(2021))
    assert rule_breaches(ahlin_chair) == []


def test_two_chairs_at_once_are_flagged(seed_004, network, people):
    second = services.appoint(people["dedering"], network, Role.CHAIR, dt.date(2020, 11, 1), dt.date(2020, 12, 31))
    assert "single_seat" in [b.rule for b in rule_breaches(second)]


def test_rules_are_data_per_body(seed_004, network, people):
    services.set_rules(network, alternate_chair=False, chair_in_steering_group=False)
    assert next_chair_side(network, 2024).side is None
    assert rule_breaches(services.appoint(people["ahlin"], network, Role.CHAIR, *year(2025))) == []


def test_tabled_election_stays_open_until_decided(seed_004, network, people):
    """Seed 001, item 7: the 2024 chair tabled (region's turn), vice chair Ulrika Gärdsback."""
    election = services.table_election(network, Role.CHAIR, 2024, tabled_on=dt.date(2023, 11, 9))
    services.appoint(people["gardsback"], network, Role.VICE_CHAIR, *year(2024))
    still_open = open_elections(network, [2024])
    assert [(e.role, e.term_start.year) for e in still_open] == [(Role.CHAIR, 2024)]
    assert still_open[0].election == election

    chair = services.appoint(people["dedering"], network, Role.CHAIR, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    election.refresh_from_db()
    assert election.decided_by == chair and not election.is_open
    assert open_elections(network, [2024]) == []


def test_the_tabled_election_comes_from_the_imported_minutes(sample_archive):
    network = Body.objects.get(abbreviation="LCHNV")
    services.set_rules(network)
    [election] = services.find_tabled_elections(network)
    assert (election.role, election.term_start, election.term_end) == (Role.CHAIR, dt.date(2024, 1, 1),
                                                                     dt.date(2024, 12, 31))
    assert election.tabled_item.number == "7" and election.tabled_on == dt.date(2023, 11, 9)
    assert services.find_tabled_elections(network)[0].pk == election.pk  # again: nothing new
    assert Election.objects.count() == 1
    assert (Role.CHAIR, 2024) in [(e.role, e.term_start.year) for e in open_elections(network, [2024])]
