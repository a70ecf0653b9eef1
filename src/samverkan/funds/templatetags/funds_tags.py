"""Amounts and dates the Swedish way, and whether a user sees the funds at all."""

from django import template

from samverkan.directory.access import member_body_ids
from samverkan.funds import documents
from samverkan.language.dates import swedish_date

register = template.Library()


@register.filter
def kr(amount):
    """4000000 → '4 000 000 kr' (non-breaking spaces)."""
    return documents.kronor(amount)


@register.filter
def thousands(amount):
    """59986 → '59 986'."""
    return documents.kronor(amount, unit=False)


@register.filter
def sv_date(value):
    return swedish_date(value)


@register.filter
def pct(fraction):
    return documents.percent(fraction, 2) if fraction is not None else ""


@register.filter
def bar_width(amount, maximum):
    """A bar's width in percent of the largest amount, as a plain number for CSS."""
    if not maximum or not amount:
        return 0
    return max(0, min(100, (100 * int(amount)) // int(maximum)))


@register.filter
def sees_funds(user):
    """Members and secretaries of some body see the funds; everyone else does not."""
    return bool(member_body_ids(user))
