"""Writes to the funds, named for what the secretariat does; each runs in one transaction.

Errors a user can act on are raised as ``FundsError`` (a ``UserError``) with a Swedish message.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.directory.models import Body, Organization
from samverkan.directory.services import get_or_create_organization
from samverkan.language.dates import swedish_date

from . import distribution as dist
from .models import (
    Agreement,
    Allocation,
    Distribution,
    FocusArea,
    PopulationFigure,
    Receipt,
    UseReport,
)
from .population import ParsedFile, parse
from .selectors import agreement_totals, allocation_used, population_on
from .selectors import municipalities as directory_municipalities


class FundsError(UserError):
    """A write refused for a reason the user can act on."""


def _whole_kronor(amount, what="Beloppet") -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise FundsError(f"{what} ska vara ett helt antal kronor.")
    if amount < 0:
        raise FundsError(f"{what} kan inte vara negativt.")
    return amount


def _locked(agreement: Agreement) -> Agreement:
    """The agreement row locked for the rest of the transaction, so two writes cannot both spend the rest."""
    return Agreement.objects.select_for_update().get(pk=agreement.pk)


def _same_name(name: str, queryset) -> bool:
    """Case-insensitive for all letters (SQLite's iexact folds only ASCII: not Ö and ö)."""
    return any(other.casefold() == name.casefold() for other in queryset.values_list("name", flat=True))


FOCUS_LINE = re.compile(r"^(?P<code>\d+(?:\.\d+)*)\.?\s+(?P<name>.+)$")


def focus_area_from_line(line: str) -> tuple[str, str]:
    """'3.3 Samsjuklighet' → ('3.3', 'Samsjuklighet'); 'Brukarinflytande' → ('', 'Brukarinflytande')."""
    line = " ".join(line.split())
    match = FOCUS_LINE.match(line)
    return (match["code"], match["name"]) if match else ("", line)


@action
def record_agreement(body: Body, name: str, year: int, title: str = "", notes: str = "",
                     focus_areas: Iterable[str] = ()) -> Agreement:
    """A state agreement for a year, with its focus areas (one per line, optionally numbered)."""
    name = " ".join(name.split())
    if not name:
        raise FundsError("Överenskommelsen behöver ett namn.")
    if _same_name(name, Agreement.objects.filter(body=body, year=year)):
        raise FundsError(f"{name} {year} finns redan för {body.display_name}.")
    agreement = Agreement.objects.create(body=body, name=name, year=year, title=title.strip(), notes=notes)
    for line in focus_areas:
        if line.strip():
            add_focus_area(agreement, *reversed(focus_area_from_line(line)))
    return agreement


@action
def add_focus_area(agreement: Agreement, name: str, code: str = "") -> FocusArea:
    name = " ".join(name.split())
    if not name:
        raise FundsError("Inriktningsområdet behöver ett namn.")
    if _same_name(name, agreement.focus_areas.all()):
        raise FundsError(f"Inriktningsområdet {name} finns redan.")
    return FocusArea.objects.create(agreement=agreement, name=name, code=code.strip())


@action
def record_receipt(agreement: Agreement, amount: int, received_on: datetime.date | None = None,
                   note: str = "") -> Receipt:
    """Money that came in under the agreement."""
    _whole_kronor(amount)
    if amount == 0:
        raise FundsError("Beloppet ska vara större än noll.")
    return Receipt.objects.create(agreement=agreement, amount=amount, received_on=received_on, note=note)


def _check_decision(agreement: Agreement, focus_area: FocusArea | None, decision_item) -> None:
    if focus_area is not None and focus_area.agreement_id != agreement.pk:
        raise FundsError("Inriktningsområdet hör till en annan överenskommelse.")
    if decision_item is not None and decision_item.meeting.body_id != agreement.body_id:
        raise FundsError("Beslutspunkten hör till ett annat organs möte.")


@action
def allocate(agreement: Agreement, amount: int, *, recipient_organization: Organization | None = None,
             recipient_project: str = "", focus_area: FocusArea | None = None,
             decided_on: datetime.date | None = None, decision_item=None, decision_reference: str = "",
             note: str = "") -> Allocation:
    """Allocate money of the agreement by a meeting's decision; never more than is left."""
    _whole_kronor(amount)
    if amount == 0:
        raise FundsError("Beloppet ska vara större än noll.")
    recipient_project = recipient_project.strip()
    if recipient_organization is None and not recipient_project:
        raise FundsError("Ange en mottagare: en organisation eller ett projekt.")
    agreement = _locked(agreement)
    _check_decision(agreement, focus_area, decision_item)
    left = agreement_totals(agreement).left
    if amount > left:
        raise FundsError(f"Beloppet {amount} kr är mer än vad som finns kvar att fördela ({left} kr).")
    if decision_item is not None and not decided_on:
        decided_on = decision_item.meeting.date
    return Allocation.objects.create(
        agreement=agreement, amount=amount, recipient_organization=recipient_organization,
        recipient_project=recipient_project, focus_area=focus_area, decided_on=decided_on,
        decision_item=decision_item, decision_reference=decision_reference.strip(), note=note,
    )


@action
def report_use(allocation: Allocation, amount: int, reported_on: datetime.date | None = None,
               description: str = "") -> UseReport:
    """Use of an allocation reported by its recipient; never more than the allocation holds."""
    _whole_kronor(amount)
    _locked(allocation.agreement)
    allocation = Allocation.objects.get(pk=allocation.pk)
    room = allocation.net_amount - allocation_used(allocation)
    if amount > room:
        raise FundsError(f"Redovisad användning {amount} kr är mer än vad som finns kvar av anslaget ({room} kr).")
    return UseReport.objects.create(allocation=allocation, amount=amount, reported_on=reported_on,
                                    description=description)


@action
def return_unspent(allocation: Allocation, amount: int | None = None) -> Allocation:
    """Return what an allocation did not use to the agreement, so that it can be distributed again.

    Without an amount, everything not reported as used is returned.
    """
    _locked(allocation.agreement)
    allocation = Allocation.objects.get(pk=allocation.pk)
    unspent = allocation.net_amount - allocation_used(allocation)
    amount = unspent if amount is None else _whole_kronor(amount)
    if amount > unspent:
        raise FundsError(f"Det går inte att återföra {amount} kr; ej förbrukat är {unspent} kr.")
    if amount == 0:
        raise FundsError("Det finns inget ej förbrukat belopp att återföra.")
    allocation.returned += amount
    allocation.save(update_fields=["returned", "modified"])
    return allocation


# --- Distribution ------------------------------------------------------------------------------

def plan_distribution(total: int, region: Organization | None, region_weight: int, municipalities_weight: int,
                      population_date: datetime.date | None,
                      municipalities: Sequence[Organization] | None = None) -> dist.Plan:
    """What a distribution would give each recipient; nothing is saved (the preview)."""
    _whole_kronor(total)
    _whole_kronor(region_weight, "Regionens andel")
    _whole_kronor(municipalities_weight, "Kommunernas andel")
    if region_weight + municipalities_weight == 0:
        raise FundsError("Minst en av andelarna ska vara större än noll.")
    if region_weight and region is None:
        raise FundsError("Välj regionen som ska få regionens andel.")
    people: list[dist.Municipality] = []
    if municipalities_weight:
        if population_date is None:
            raise FundsError("Välj det datum vars folkmängd fördelningen ska bygga på.")
        chosen = list(directory_municipalities() if municipalities is None else municipalities)
        if not chosen:
            raise FundsError("Det finns inga kommuner med kommunkod i katalogen.")
        figures = population_on(population_date, [m.code for m in chosen])
        missing = [m.name for m in chosen if m.code not in figures]
        if missing:
            raise FundsError(f"Folkmängd per {population_date.isoformat()} saknas för: {', '.join(missing)}.")
        people = [dist.Municipality(m.code, m.name, figures[m.code].population) for m in chosen]
    try:
        return dist.plan(total, region.name if region else "", region_weight, municipalities_weight, people)
    except UserError as error:
        raise FundsError(error.message) from error


@action
def distribute_leftover(agreement: Agreement, total: int, *, region: Organization | None,
                        region_weight: int = 50, municipalities_weight: int = 50,
                        population_date: datetime.date | None = None,
                        municipalities: Sequence[Organization] | None = None,
                        focus_area: FocusArea | None = None, decided_on: datetime.date | None = None,
                        decision_item=None, decision_reference: str = "", note: str = "") -> Distribution:
    """Distribute what is left of an agreement: between the principals, the municipalities' part by population.

    One allocation per recipient, all linked to the distribution; the amounts add up to the total
    exactly (largest remainder, see ``distribution.TIE_RULE``). Refused if the total is more than is left.
    """
    agreement = _locked(agreement)
    _check_decision(agreement, focus_area, decision_item)
    if total == 0:
        raise FundsError("Beloppet ska vara större än noll.")
    left = agreement_totals(agreement).left
    if _whole_kronor(total) > left:
        raise FundsError(f"Beloppet {total} kr är mer än vad som finns kvar att fördela ({left} kr).")
    chosen = list(directory_municipalities() if municipalities is None else municipalities)
    plan = plan_distribution(total, region, region_weight, municipalities_weight, population_date, chosen)
    if decision_item is not None and not decided_on:
        decided_on = decision_item.meeting.date
    distribution = Distribution.objects.create(
        agreement=agreement, total=total, region=region if region_weight else None,
        region_weight=region_weight, municipalities_weight=municipalities_weight,
        population_date=population_date if municipalities_weight else None, focus_area=focus_area,
        decided_on=decided_on, decision_item=decision_item, decision_reference=decision_reference.strip(),
        note=note,
    )
    by_code = {m.code: m for m in chosen}
    for line in plan.lines:
        if line.amount == 0:
            continue
        organization = region if line.kind == "region" else by_code[line.code]
        Allocation.objects.create(
            agreement=agreement, distribution=distribution, amount=line.amount,
            recipient_organization=organization, focus_area=focus_area, decided_on=decided_on,
            decision_item=decision_item, decision_reference=distribution.decision_reference,
            basis_population=line.population, note=note,
        )
    return distribution


# --- Population ---------------------------------------------------------------------------------

@dataclass
class PopulationImport:
    format: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dates: list[datetime.date] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def __str__(self):
        dates = ", ".join(d.isoformat() for d in self.dates)
        text = (f"{self.created} nya, {self.updated} ändrade, {self.unchanged} oförändrade "
                f"folkmängdsuppgifter ({dates}).")
        if self.skipped:
            text += f" Hoppade över {len(self.skipped)} regioner som inte är kommuner."
        return text


def _source_for(parsed: ParsedFile, source: str, filename: str, date: datetime.date) -> str:
    """The source line shown with the figures, in Swedish and without file names: the one given
    ({year}, {date} and {day} ("31 december 2023") filled in), or SCB's and the figures' date when
    the file is SCB's export, or none."""
    if source:
        return (source.replace("{year}", str(date.year)).replace("{date}", date.isoformat())
                .replace("{day}", swedish_date(date)))
    if parsed.format == "scb":
        table = f" (tabellen ”{parsed.title}”)" if parsed.title else ""
        return f"Befolkning enligt SCB, {swedish_date(date)}{table}"
    return ""


@action
def import_population(data: bytes | str | Path, filename: str = "", date: datetime.date | None = None,
                      source: str = "") -> PopulationImport:
    """Population per municipality from a CSV file (SCB's export or the simple format), all or nothing.

    Figures are kept per municipality and date: importing the same file again changes nothing,
    a newer file adds its dates and keeps the earlier ones. ``source`` may contain ``{year}``.
    """
    if isinstance(data, (str, Path)):
        path = Path(data)
        filename = filename or path.name
        data = path.read_bytes()
    parsed = parse(data, filename or "filen", date)
    result = PopulationImport(parsed.format, skipped=parsed.skipped)
    for figure in parsed.figures:
        figure_source = _source_for(parsed, source, filename, figure.date)
        existing = PopulationFigure.objects.filter(code=figure.code, date=figure.date).first()
        if existing is None:
            PopulationFigure.objects.create(code=figure.code, name=figure.name, date=figure.date,
                                            population=figure.population, source=figure_source)
            result.created += 1
        elif (existing.name, existing.population, existing.source) != (figure.name, figure.population,
                                                                       figure_source):
            existing.name, existing.population, existing.source = figure.name, figure.population, figure_source
            existing.save()
            result.updated += 1
        else:
            result.unchanged += 1
    for code, name in {(figure.code, figure.name) for figure in parsed.figures}:
        _register_municipality(code, name)
    result.dates = sorted({figure.date for figure in parsed.figures})
    return result


def _register_municipality(code: str, name: str) -> None:
    """A municipality in a population table is a municipality in the directory, with its code."""
    organization = (Organization.objects.filter(code=code).first()
                    or get_or_create_organization(name))
    changed = {"code": code, "kind": Organization.Kind.MUNICIPALITY}
    if any(getattr(organization, field) != value for field, value in changed.items()):
        for field, value in changed.items():
            setattr(organization, field, value)
        organization.save()
