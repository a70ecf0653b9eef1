"""Documents of a distribution: the decision text, invoice bases (PDF, CSV) and a spreadsheet for finance.

Amounts are whole kronor: shown Swedish style in text (”2 000 000 kr”), plain integers in data files.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from fractions import Fraction

from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from samverkan.core.rendering import html_to_pdf, render_html
from samverkan.language.dates import swedish_date

from .distribution import TIE_RULE
from .models import Allocation, Distribution

NBSP = "\u00a0"
def kronor(amount: int | None, unit: bool = True) -> str:
    """4000000 → '4 000 000 kr' with non-breaking spaces."""
    if amount is None:
        return ""
    sign = "−" if amount < 0 else ""
    digits = f"{abs(int(amount)):,}".replace(",", NBSP)
    return f"{sign}{digits}{NBSP}kr" if unit else f"{sign}{digits}"


def percent(value: Fraction, places: int = 4) -> str:
    """A fraction as a Swedish percentage with a decimal comma, rounded half up: '20,8800 %'."""
    scaled = value * 100 * 10**places
    rounded = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    whole, part = divmod(rounded, 10**places)
    return f"{whole},{part:0{places}d}{NBSP}%" if places else f"{whole}{NBSP}%"


def split_words(region_weight: int, municipalities_weight: int) -> str:
    """'50/50' when the shares are whole percentages, otherwise 'i proportionen 1:2'."""
    total = region_weight + municipalities_weight
    region_pct = Fraction(100 * region_weight, total)
    if region_pct.denominator == 1:
        return f"{region_pct.numerator}/{100 - region_pct.numerator}"
    return f"{region_weight}:{municipalities_weight}"


@dataclass(frozen=True)
class Line:
    allocation: Allocation
    kind: str
    name: str
    code: str
    population: int | None
    amount: int
    share: Fraction | None  # of the municipalities' part


def lines(distribution: Distribution) -> list[Line]:
    """The region first, then the municipalities in code order."""
    allocations = list(distribution.allocations.select_related("recipient_organization"))
    municipal = [a for a in allocations if a.basis_population is not None]
    population = sum(a.basis_population for a in municipal)
    result = []
    for allocation in allocations:
        organization = allocation.recipient_organization
        if allocation.basis_population is None:
            result.append(Line(allocation, "region", organization.name, organization.code, None,
                               allocation.amount, None))
    for allocation in sorted(municipal, key=lambda a: a.recipient_organization.code):
        organization = allocation.recipient_organization
        share = Fraction(allocation.basis_population, population) if population else None
        result.append(Line(allocation, "municipality", organization.name, organization.code,
                           allocation.basis_population, allocation.amount, share))
    return result


def municipalities_amount(distribution: Distribution) -> int:
    return sum(line.amount for line in lines(distribution) if line.kind == "municipality")


def region_amount(distribution: Distribution) -> int:
    return sum(line.amount for line in lines(distribution) if line.kind == "region")


def meeting_reference(distribution: Distribution) -> str:
    """'Länschefsnätverket 9 november 2023, punkt 9', from the linked item or the free text."""
    item = distribution.decision_item
    if item is not None:
        meeting = item.meeting
        return f"{meeting.body.display_name} {swedish_date(meeting.date)}, punkt {item.full_number}"
    return distribution.decision_reference


def decision_text(distribution: Distribution) -> str:
    """The att-clause for the minutes, with the amounts."""
    agreement = distribution.agreement
    region = distribution.region.name if distribution.region_id else "regionen"
    total = kronor(distribution.total)
    if not distribution.municipalities_weight:
        return f"att överskjutande medel enligt {agreement}, {total}, fördelas till {region}."
    municipal = municipalities_amount(distribution)
    date = swedish_date(distribution.population_date)
    if not distribution.region_weight:
        return (f"att överskjutande medel enligt {agreement}, {total}, fördelas till kommunerna utifrån "
                f"befolkningsunderlag (folkmängd den {date} enligt SCB).")
    split = split_words(distribution.region_weight, distribution.municipalities_weight)
    how = f"enligt en fördelning {split}" if "/" in split else f"i proportionen {split}"
    return (f"att överskjutande medel enligt {agreement}, {total}, fördelas till vardera huvudman {how}: "
            f"{kronor(region_amount(distribution))} till {region} och {kronor(municipal)} till kommunerna, "
            f"vars del fördelas utifrån befolkningsunderlag (folkmängd den {date} enligt SCB) enligt bilaga.")


def population_source(distribution: Distribution) -> str:
    from .models import PopulationFigure

    if not distribution.population_date:
        return ""
    sources = set(PopulationFigure.objects.filter(date=distribution.population_date)
                  .values_list("source", flat=True))
    return "; ".join(sorted(filter(None, sources)))


# --- Invoice basis per municipality ----------------------------------------------------------

def invoice_context(distribution: Distribution, line: Line) -> dict:
    agreement = distribution.agreement
    return {
        "distribution": distribution, "agreement": agreement, "line": line,
        "amount": kronor(line.amount), "municipalities_amount": kronor(municipalities_amount(distribution)),
        "total_population": kronor(sum(other.population or 0 for other in lines(distribution)
                                       if other.kind == "municipality"), unit=False),
        "population": kronor(line.population, unit=False),
        "share": percent(line.share) if line.share is not None else "",
        "population_date": swedish_date(distribution.population_date),
        "population_source": population_source(distribution),
        "reference": meeting_reference(distribution), "decided_on": swedish_date(distribution.decided_on),
        "decision_text": decision_text(distribution),
        "payer": distribution.region.name if distribution.region_id else "",
        "today": swedish_date(timezone.localdate()), "tie_rule": TIE_RULE,
        "reference_code": invoice_reference(distribution, line),
    }


def invoice_reference(distribution: Distribution, line: Line) -> str:
    agreement = distribution.agreement
    return f"{slugify(agreement.name).upper()}-{agreement.year}-F{distribution.pk}-{line.code}"


def line_for(distribution: Distribution, organization_id: int) -> Line | None:
    return next((line for line in lines(distribution)
                 if line.kind == "municipality" and line.allocation.recipient_organization_id == organization_id),
                None)


def invoice_html(distribution: Distribution, line: Line) -> str:
    return render_html("funds/invoice_basis.html", invoice_context(distribution, line))


def invoice_pdf(distribution: Distribution, line: Line) -> bytes:
    return html_to_pdf(invoice_html(distribution, line))


def invoice_csv(distribution: Distribution, line: Line) -> bytes:
    """One municipality's basis as CSV for Swedish Excel: UTF-8 with BOM, semicolons, integer kronor."""
    context = invoice_context(distribution, line)
    rows = [
        ["fält", "värde"],
        ["referens", context["reference_code"]],
        ["överenskommelse", str(distribution.agreement)],
        ["beslut", context["reference"]],
        ["beslutsdatum", distribution.decided_on.isoformat() if distribution.decided_on else ""],
        ["mottagare", line.name],
        ["kommunkod", line.code],
        ["folkmängd", line.population],
        ["folkmängd_datum", distribution.population_date.isoformat() if distribution.population_date else ""],
        ["folkmängd_kommunerna", sum(other.population or 0 for other in lines(distribution)
                                     if other.kind == "municipality")],
        ["kommunernas_del_kr", municipalities_amount(distribution)],
        ["belopp_kr", line.amount],
        ["betalare", context["payer"]],
        ["källa_folkmängd", context["population_source"]],
    ]
    return _csv_bytes(rows)


def all_lines_csv(distribution: Distribution) -> bytes:
    rows = [["mottagare", "kommunkod", "folkmängd", "folkmängd_datum", "belopp_kr"]]
    for line in lines(distribution):
        rows.append([line.name, line.code, line.population if line.population is not None else "",
                     distribution.population_date.isoformat() if line.population is not None else "",
                     line.amount])
    rows.append(["Summa", "", "", "", distribution.total])
    return _csv_bytes(rows)


def _csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def invoices_zip(distribution: Distribution) -> bytes:
    """Every municipality's invoice basis, PDF and CSV, in one ZIP file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for line in lines(distribution):
            if line.kind != "municipality":
                continue
            name = invoice_filename(distribution, line)
            archive.writestr(f"{name}.pdf", invoice_pdf(distribution, line))
            archive.writestr(f"{name}.csv", invoice_csv(distribution, line))
    return buffer.getvalue()


def invoice_filename(distribution: Distribution, line: Line) -> str:
    return f"fakturaunderlag-{slugify(str(distribution.agreement))}-{line.code}-{slugify(line.name)}"


# --- Spreadsheet for the finance department ---------------------------------------------------

def distribution_xlsx(distribution: Distribution) -> bytes:
    """All shares in one sheet: the region, then each municipality with population and amount."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Fördelning"
    bold = Font(bold=True)
    sheet.append([f"Fördelning av överskjutande medel, {distribution.agreement}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(["Beslut", meeting_reference(distribution)])
    sheet.append(["Beslutsdatum", distribution.decided_on])
    sheet.append(["Belopp (kr)", distribution.total])
    sheet.append(["Fördelning region/kommuner",
                  split_words(distribution.region_weight, distribution.municipalities_weight)])
    sheet.append(["Folkmängd per", distribution.population_date])
    sheet.append(["Källa folkmängd", population_source(distribution)])
    sheet.append([])
    header = ["Mottagare", "Typ", "Kommunkod", "Folkmängd", "Andel av kommunernas del", "Belopp (kr)"]
    sheet.append(header)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = bold
    first = header_row + 1
    for line in lines(distribution):
        sheet.append([line.name, "Region" if line.kind == "region" else "Kommun", line.code or None,
                      line.population, None, line.amount])
    last = sheet.max_row
    population_total = sum(line.population or 0 for line in lines(distribution))
    for row in range(first, last + 1):
        if sheet.cell(row, 4).value is not None and population_total:
            share = sheet.cell(row, 5)
            share.value = f"=D{row}/{population_total}"
            share.number_format = "0.0000%"
    sheet.append(["Summa", None, None, population_total or None, None, distribution.total])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for row in sheet.iter_rows(min_row=first, max_row=sheet.max_row, min_col=4, max_col=6):
        row[0].number_format = "# ##0"
        row[2].number_format = "# ##0"
    for cell in (sheet["B3"], sheet["B6"]):
        cell.number_format = "yyyy-mm-dd"
    sheet["B4"].number_format = "# ##0"
    for column, width in zip("ABCDEF", (34, 10, 12, 12, 24, 16), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
