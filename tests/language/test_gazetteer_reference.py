"""Sweden's reference list of municipalities and regions (language/data/municipalities.csv)."""

import csv
from collections import Counter
from pathlib import Path

import pytest

from samverkan.language.gazetteer import REFERENCE_FILE, reference

ROOT = Path(__file__).resolve().parents[2]
POPULATION = ROOT / "samples" / "dalarna-population.csv"
SAMPLE_ORGANISATIONS = ROOT / "samples" / "gazetteer" / "organisations.csv"
# Municipalities per county (county code: count) in SCB's list (MIS 2011:1; no change since, see data/README.md).
# fmt: off
PER_COUNTY = {"01": 26, "03": 8, "04": 9, "05": 13, "06": 13, "07": 8, "08": 12, "09": 1, "10": 5,
              "12": 33, "13": 6, "14": 49, "17": 16, "18": 12, "19": 10, "20": 15, "21": 10,
              "22": 7, "23": 8, "24": 15, "25": 14}
# fmt: on
COUNTY_CODES = sorted(PER_COUNTY)


def _rows():
    with REFERENCE_FILE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_the_reference_has_all_290_municipalities_and_21_regions():
    data = reference()
    assert len(data.municipalities) == len(set(data.municipalities)) == 290
    assert len([o for o in data.organizations if o.kind == "region"]) == 21
    assert {o.kind for o in data.organizations} == {"municipality", "region"}


def test_codes_are_unique_and_belong_to_their_county():
    rows = _rows()
    municipalities = [r for r in rows if r["kind"] == "municipality"]
    regions = [r for r in rows if r["kind"] == "region"]
    codes = [r["code"] for r in municipalities]
    assert len(set(codes)) == 290 and all(len(c) == 4 and c.isdigit() for c in codes)
    assert all(r["code"][:2] == r["county_code"] for r in municipalities)
    assert Counter(r["county_code"] for r in municipalities) == PER_COUNTY
    assert sorted(r["code"] for r in regions) == COUNTY_CODES
    assert all(r["code"] == r["county_code"] for r in regions)
    counties = {(r["county_code"], r["county"]) for r in rows}
    assert len(counties) == 21 and all(name.endswith(" län") for _, name in counties)


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("Ale", "municipality", "1440"),
        ("Ale kommun", "municipality", "1440"),
        ("Kiruna", "municipality", "2584"),
        ("Upplands Väsby", "municipality", "0114"),
        ("Leksands kommun", "municipality", "2029"),  # the genitive before "kommun"
        ("Gotland", "municipality", "0980"),
        ("Region Gotland", "region", "09"),
        ("Region Skåne", "region", "12"),
        ("Västra Götalandsregionen", "region", "14"),
        ("region jämtland härjedalen", "region", "23"),
    ],
)
def test_the_reference_knows_names_kinds_and_codes(name, kind, code):
    assert reference().kind_of(name) == kind
    assert reference().code_of(name) == code


def test_dalarna_agrees_with_the_population_file_and_the_sample_gazetteer():
    with POPULATION.open(encoding="utf-8") as file:
        sourced = {row["municipality"]: row["municipality_code"] for row in csv.DictReader(file)}
    with SAMPLE_ORGANISATIONS.open(encoding="utf-8") as file:
        sample = {row["name"]: row["code"] for row in csv.DictReader(file) if row["kind"] == "municipality"}
    data = reference()
    dalarna = {name: data.code_of(name) for name in data.municipalities if data.code_of(name).startswith("20")}
    assert dalarna == sourced == sample
    assert data.code_of("Region Dalarna") == "20"
