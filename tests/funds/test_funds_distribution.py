"""The largest remainder split: whole kronor that add up exactly, with a stated tie rule."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan.core.errors import UserError
from samverkan.funds.distribution import Municipality, largest_remainder, plan

totals = st.integers(min_value=0, max_value=10**12)
populations = st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=1, max_size=300).filter(
    lambda ps: sum(ps) > 0)


def split(total, pops):
    return [share.amount for share in largest_remainder(total, [(f"{i:04d}", p) for i, p in enumerate(pops)])]


@settings(max_examples=300, deadline=None)
@given(totals, populations)
def test_sum_is_exact_and_each_share_is_floor_or_ceiling(total, pops):
    amounts = split(total, pops)
    assert sum(amounts) == total
    weight = sum(pops)
    for amount, pop in zip(amounts, pops, strict=True):
        quota = Fraction(total * pop, weight)
        assert quota - 1 < amount < quota + 1
        assert amount >= 0 and isinstance(amount, int)


@settings(max_examples=300, deadline=None)
@given(totals, populations)
def test_monotonic_in_population(total, pops):
    amounts = split(total, pops)
    for i, (a, pa) in enumerate(zip(amounts, pops, strict=True)):
        for b, pb in zip(amounts[i + 1:], pops[i + 1:], strict=True):
            if pa > pb:
                assert a >= b
            elif pa < pb:
                assert a <= b
            else:
                assert abs(a - b) <= 1


@given(populations)
def test_zero_total_gives_zero_to_all(pops):
    assert split(0, pops) == [0] * len(pops)


@settings(max_examples=200, deadline=None)
@given(totals, populations)
def test_zero_population_gets_nothing(total, pops):
    for amount, pop in zip(split(total, pops), pops, strict=True):
        if pop == 0:
            assert amount == 0


@settings(max_examples=200, deadline=None)
@given(totals, st.integers(0, 1000), st.integers(0, 1000),
       st.lists(st.integers(min_value=1, max_value=1_000_000), min_size=1, max_size=300))
def test_plan_with_any_shares_adds_up(total, region_weight, municipal_weight, pops):
    if region_weight + municipal_weight == 0:
        region_weight = 1
    municipalities = [Municipality(f"{2000 + i}", f"Kommun {i}", p) for i, p in enumerate(pops)]
    result = plan(total, "Region", region_weight, municipal_weight, municipalities)
    assert result.region_amount + result.municipalities_amount == total
    assert sum(line.amount for line in result.lines) == total
    assert sum(line.amount for line in result.municipality_lines) == result.municipalities_amount
    exact_region = Fraction(total * region_weight, region_weight + municipal_weight)
    assert exact_region - 1 < result.region_amount < exact_region + 1


def test_ties_go_to_the_larger_population_then_the_lower_code():
    # 10 kr over 3, 3, 4 people: quotas 3, 3, 4 exactly, no remainder
    assert split(10, [3, 3, 4]) == [3, 3, 4]
    # 1 kr over equal populations: the first code gets it
    assert split(1, [5, 5, 5]) == [1, 0, 0]
    shares = largest_remainder(2, [("2085", 5), ("2021", 5), ("2080", 5)])
    assert [s.amount for s in shares] == [1, 1, 0]  # by position: pass keys sorted by code
    # equal remainders (1/2 each), different weights: the larger population first
    assert split(1, [1, 3]) == [0, 1]
    # the plan sorts municipalities by code itself
    result = plan(2, "R", 0, 1, [Municipality("2085", "Ludvika", 7), Municipality("2021", "Vansbro", 7),
                                 Municipality("2080", "Falun", 7)])
    assert [(line.code, line.amount) for line in result.lines] == [("2021", 1), ("2080", 1), ("2085", 0)]


def test_odd_krona_between_principals_goes_to_the_region():
    result = plan(3, "Region Dalarna", 50, 50, [Municipality("2080", "Falun", 1)])
    assert (result.region_amount, result.municipalities_amount) == (2, 1)


def test_no_line_for_a_principal_with_no_share():
    result = plan(700_000, "Region Dalarna", 1, 0, [])
    assert [(line.kind, line.amount) for line in result.lines] == [("region", 700_000)]


@pytest.mark.parametrize("total, weights", [(-1, [("a", 1)]), (1.5, [("a", 1)]), (10, [("a", 0)]),
                                            (10, []), (10, [("a", 1), ("a", 2)]), (10, [("a", -1)])])
def test_refuses_what_cannot_be_split(total, weights):
    with pytest.raises(UserError):
        largest_remainder(total, weights)
