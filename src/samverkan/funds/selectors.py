"""Reads of the funds: totals per agreement, population on a date, what a user may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, Sum

from samverkan.directory.access import member_body_ids
from samverkan.directory.models import Organization

from .models import Agreement, Allocation, PopulationFigure


@dataclass(frozen=True)
class Totals:
    """Granted (received), allocated (net of what was returned), used, and left to allocate."""

    granted: int
    allocated: int
    used: int

    @property
    def left(self) -> int:
        return self.granted - self.allocated

    @property
    def unused(self) -> int:
        """Allocated but not (yet) reported as used."""
        return self.allocated - self.used


def agreement_totals(agreement: Agreement) -> Totals:
    granted = agreement.receipts.aggregate(s=Sum("amount"))["s"] or 0
    sums = agreement.allocations.aggregate(amount=Sum("amount"), returned=Sum("returned"))
    used = Allocation.objects.filter(agreement=agreement).aggregate(s=Sum("uses__amount"))["s"] or 0
    return Totals(granted, (sums["amount"] or 0) - (sums["returned"] or 0), used)


def allocation_used(allocation: Allocation) -> int:
    """What has been reported used of an allocation; from its prefetched uses when it has them."""
    if "uses" in getattr(allocation, "_prefetched_objects_cache", {}):
        return sum(use.amount for use in allocation.uses.all())
    return allocation.uses.aggregate(s=Sum("amount"))["s"] or 0


def with_use(allocations) -> list[Allocation]:
    """The allocations, each with `used` and `unspent` set for a page."""
    allocations = list(allocations)
    for allocation in allocations:
        allocation.used = allocation_used(allocation)
        allocation.unspent = allocation.net_amount - allocation.used
    return allocations


def visible_agreements(user):
    """The agreements of the bodies the user belongs to or keeps."""
    return Agreement.objects.filter(body_id__in=member_body_ids(user)).select_related("body")


def overview(user) -> list[tuple[int, list[tuple[Agreement, Totals]]]]:
    """Per year, newest first: each visible agreement with its totals."""
    years: dict[int, list] = {}
    for agreement in visible_agreements(user).order_by("-year", "name"):
        years.setdefault(agreement.year, []).append((agreement, agreement_totals(agreement)))
    return list(years.items())


def agreement_detail(pk: int) -> Agreement:
    return (Agreement.objects.select_related("body")
            .prefetch_related("focus_areas", "receipts", "distributions",
                              Prefetch("allocations", Allocation.objects.select_related(
                                  "recipient_organization", "focus_area", "decision_item__meeting",
                                  "distribution").prefetch_related("uses")))
            .get(pk=pk))


def population_dates() -> list[dict]:
    """Each date with figures: how many municipalities, their sum, and the sources."""
    rows = (PopulationFigure.objects.values("date")
            .annotate(count=Count("pk"), total=Sum("population"), source=Max("source"))
            .order_by("-date"))
    return list(rows)


def population_on(date: datetime.date, codes=None) -> dict[str, PopulationFigure]:
    figures = PopulationFigure.objects.filter(date=date)
    if codes is not None:
        figures = figures.filter(code__in=list(codes))
    return {figure.code: figure for figure in figures}


def municipalities():
    """The municipalities of the directory that have a municipality code, in code order."""
    return Organization.objects.filter(kind=Organization.Kind.MUNICIPALITY).exclude(code="").order_by("code")


def regions():
    return Organization.objects.filter(kind=Organization.Kind.REGION).order_by("name")
