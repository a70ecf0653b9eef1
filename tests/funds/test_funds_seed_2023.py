"""Seed 001, items 9 and 10, recorded end to end.

Item 9: the joint money of ÖK psykisk hälsa 2023 for people with co-occurring conditions was not
used; the minutes say the unspent money is ”ca 4 mkr”. This test uses exactly 4 000 000 kr for
it (and, since the minutes do not give what was received, records a receipt of the same amount).
The network decided 50/50 between the principals, the municipalities' half by population, here
from SCB's figures of 31 December 2023 shipped in samples/dalarna-population.csv.

Item 10: 350 000 kr each to two recipients under ÖK god och nära vård 2023, 700 000 kr unspent,
all of it to Region Dalarna.
"""

import csv
import datetime
import io
from fractions import Fraction

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from samverkan.funds import documents, selectors, services
from samverkan.meetings import services as meeting_services

pytestmark = pytest.mark.django_db

DEC_2023 = datetime.date(2023, 12, 31)


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def pdf_text(data: bytes) -> str:
    return plain(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


@pytest.fixture
def february_meeting(body):
    meeting = meeting_services.plan_meeting(body, datetime.date(2023, 2, 24))
    return meeting_services.add_item(meeting, "Beslut: Länsgemensamma medel 2023")


def test_unspent_4_mkr_split_50_50_and_by_population(agreement, region, municipalities, population,
                                                      february_meeting, decision_meeting):
    samsjuklighet = agreement.focus_areas.get(code="3.3")
    services.record_receipt(agreement, 4_000_000, note="Länsgemensamma medel, samsjuklighet (antaget belopp)")
    joint = services.allocate(agreement, 4_000_000, recipient_project="Bostad först, HVB och Minimaria",
                              focus_area=samsjuklighet, decision_item=february_meeting)
    assert selectors.agreement_totals(agreement).left == 0
    services.return_unspent(joint)  # nothing was used: ”ca 4 mkr” unspent
    assert selectors.agreement_totals(agreement).left == 4_000_000

    _, item9 = decision_meeting
    distribution = services.distribute_leftover(
        agreement, 4_000_000, region=region, region_weight=50, municipalities_weight=50,
        population_date=DEC_2023, focus_area=samsjuklighet, decision_item=item9,
        note="Medlen ska användas i enlighet med överenskommelsen och inriktningsområde 3.3. "
             "Insatser för medlen ska redovisas till RSS Dalarna.")
    assert selectors.agreement_totals(agreement).left == 0

    lines = documents.lines(distribution)
    assert [(line.kind, line.name, line.amount) for line in lines[:1]] == [("region", "Region Dalarna", 2_000_000)]
    municipal = [line for line in lines if line.kind == "municipality"]
    assert len(municipal) == 15
    assert sum(line.amount for line in municipal) == 2_000_000
    assert sum(line.population for line in municipal) == 287_253
    falun = next(line for line in municipal if line.code == "2080")
    assert falun.population == 59_986
    assert Fraction(2_000_000 * 59_986, 287_253) - 1 < falun.amount < Fraction(2_000_000 * 59_986, 287_253) + 1
    assert falun.amount == 417_653  # 417 653,36… kr

    text = plain(documents.decision_text(distribution))
    assert text.startswith("att överskjutande medel enligt ÖK psykisk hälsa 2023, 4 000 000 kr, fördelas till "
                           "vardera huvudman enligt en fördelning 50/50: 2 000 000 kr till Region Dalarna och "
                           "2 000 000 kr till kommunerna")
    assert "31 december 2023" in text

    pdf_total = csv_total = 0
    for line in municipal:
        body = pdf_text(documents.invoice_pdf(distribution, line))
        amount = documents.kronor(line.amount).replace("\u00a0", " ")
        assert "Fakturaunderlag" in body and f"{line.name} kommun" in body and amount in body
        assert "Region Dalarna" in body and f"Länschefsnätverket 9 november 2023, punkt {item9.full_number}" in body
        assert body.count("Statistiska centralbyrån (SCB)") == 1
        pdf_total += line.amount
        rows = dict(csv.reader(io.StringIO(documents.invoice_csv(distribution, line).decode("utf-8-sig")),
                               delimiter=";"))
        assert rows["kommunkod"] == line.code and rows["folkmängd_datum"] == "2023-12-31"
        csv_total += int(rows["belopp_kr"])
    assert pdf_total == csv_total == 2_000_000

    sheet = load_workbook(io.BytesIO(documents.distribution_xlsx(distribution))).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row and row[1] in ("Region", "Kommun")]
    assert [row[1] for row in rows].count("Kommun") == 15 and [row[1] for row in rows].count("Region") == 1
    assert sum(row[5] for row in rows) == 4_000_000
    assert sum(row[5] for row in rows if row[1] == "Kommun") == 2_000_000
    assert all(isinstance(row[5], int) for row in rows)


def test_unspent_700_tkr_to_region_dalarna(body, region, municipalities, february_meeting, decision_meeting):
    agreement = services.record_agreement(body, "ÖK god och nära vård", 2023,
                                          focus_areas=["1 Utvecklingen av den nära vården med primärvården som nav"])
    area = agreement.focus_areas.get()
    services.record_receipt(agreement, 700_000)
    for recipient in ("Regionalt stöd enligt den länsgemensamma strategin för god och nära vård",
                      "Regionala styrgruppen för välfärdsteknik och digitalisering"):
        allocation = services.allocate(agreement, 350_000, recipient_project=recipient, focus_area=area,
                                       decision_item=february_meeting)
        services.return_unspent(allocation)
    meeting, _ = decision_meeting
    item10 = meeting_services.add_item(meeting, "Beslut: Hantering av överskjutande gemensamt anslagna medel")
    distribution = services.distribute_leftover(agreement, 700_000, region=region, region_weight=1,
                                                municipalities_weight=0, focus_area=area, decision_item=item10)
    assert [(a.recipient_organization, a.amount) for a in distribution.allocations.all()] == [(region, 700_000)]
    assert plain(documents.decision_text(distribution)) == (
        "att överskjutande medel enligt ÖK god och nära vård 2023, 700 000 kr, fördelas till Region Dalarna.")
