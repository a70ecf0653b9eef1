"""Splitting a sum of whole kronor so that the parts add up exactly: the largest remainder method.

Pure arithmetic on integers and fractions, no floats and no database.

Largest remainder (Hamilton): every recipient first gets the whole kronor of its exact quota
``total × weight / sum of weights`` (rounded down); the kronor left over, fewer than the number
of recipients, go one each to the recipients with the largest fractional parts.

Tie rule (when fractional parts are equal): the larger weight (population) first; when weights
are equal too, the recipient whose key comes first (municipality code in ascending order, or, for
the principals, the order given: the region before the municipalities).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from samverkan.core.errors import UserError

TIE_RULE = (
    "Beloppen avrundas till hela kronor med största-restmetoden: var och en får först hela kronor av "
    "sin exakta andel, och de kronor som blir över går en i taget till dem med störst rest. Vid lika "
    "rest går kronan först till den med störst folkmängd, därefter till lägst kommunkod; "
    "mellan huvudmännen går den till regionen före kommunerna."
)


@dataclass(frozen=True)
class Share:
    key: Hashable
    weight: int
    quota: Fraction
    amount: int


def largest_remainder(total: int, weights: Sequence[tuple[Hashable, int]]) -> list[Share]:
    """Split ``total`` kronor over ``(key, weight)`` pairs in proportion to the weights.

    The amounts are whole and add up to ``total`` exactly; each is the floor or the ceiling of
    its exact quota. Ties are broken by larger weight, then by the position of the key in
    ``weights`` (so pass them sorted by the stated key, e.g. municipality code).
    """
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise UserError("Beloppet ska vara ett helt antal kronor, noll eller mer.")
    if any(isinstance(w, bool) or not isinstance(w, int) or w < 0 for _, w in weights):
        raise UserError("Andelarna ska vara hela tal, noll eller mer.")
    keys = [key for key, _ in weights]
    if len(set(keys)) != len(keys):
        raise UserError("Varje mottagare får bara finnas med en gång.")
    weight_sum = sum(w for _, w in weights)
    if not weights or weight_sum == 0:
        if total == 0:
            return [Share(key, w, Fraction(0), 0) for key, w in weights]
        raise UserError("Det finns ingen att fördela till: summan av andelarna är noll.")
    quotas = [Fraction(total * w, weight_sum) for _, w in weights]
    amounts = [q.numerator // q.denominator for q in quotas]
    left_over = total - sum(amounts)
    order = sorted(range(len(weights)),
                   key=lambda i: (-(quotas[i] - amounts[i]), -weights[i][1], i))
    for i in order[:left_over]:
        amounts[i] += 1
    return [Share(key, w, quota, amount)
            for (key, w), quota, amount in zip(weights, quotas, amounts, strict=True)]


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    population: int


@dataclass(frozen=True)
class PlanLine:
    kind: str  # "region" or "municipality"
    name: str
    code: str
    population: int | None
    amount: int
    quota: Fraction
    share: Fraction | None = None  # of the municipalities' part, by population


@dataclass(frozen=True)
class Plan:
    total: int
    region_amount: int
    municipalities_amount: int
    lines: list[PlanLine]

    @property
    def municipality_lines(self) -> list[PlanLine]:
        return [line for line in self.lines if line.kind == "municipality"]

    @property
    def total_population(self) -> int:
        return sum(line.population or 0 for line in self.municipality_lines)


def plan(total: int, region_name: str, region_weight: int, municipalities_weight: int,
         municipalities: Sequence[Municipality]) -> Plan:
    """Split between the region and the municipalities, then the municipalities' part by population.

    Municipalities are taken in code order for the tie rule. A principal with weight 0 gets no line.
    """
    first = largest_remainder(total, [("region", region_weight), ("municipalities", municipalities_weight)])
    region_amount, municipalities_amount = first[0].amount, first[1].amount
    lines = []
    if region_weight:
        lines.append(PlanLine("region", region_name, "", None, region_amount, first[0].quota))
    if municipalities_weight:
        ordered = sorted(municipalities, key=lambda m: m.code)
        if not ordered:
            raise UserError("Inga kommuner att fördela till.")
        if sum(m.population for m in ordered) == 0 and municipalities_amount:
            raise UserError("Kommunernas sammanlagda folkmängd är noll.")
        shares = largest_remainder(municipalities_amount, [(m.code, m.population) for m in ordered])
        population = sum(m.population for m in ordered)
        for municipality, share in zip(ordered, shares, strict=True):
            lines.append(PlanLine("municipality", municipality.name, municipality.code,
                                  municipality.population, share.amount, share.quota,
                                  Fraction(municipality.population, population) if population else None))
    return Plan(total, region_amount, municipalities_amount, lines)
