"""Population per municipality: SCB's CSV export and the shipped file, errors with line numbers, re-import."""

import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from samverkan.funds.models import PopulationFigure
from samverkan.funds.population import PopulationImportError, parse
from samverkan.funds.services import import_population

POPULATION_CSV = Path(__file__).resolve().parents[2] / "samples" / "dalarna-population.csv"

pytestmark = pytest.mark.django_db

DEC_2023 = datetime.date(2023, 12, 31)

# As SCB's statistical database exports table BE0101N1 ("Kommaavgränsad med rubrik").
SCB_WITH_HEADING = """"Folkmängd efter region och år"

"region","2022","2023"
"00 Riket",10521556,10551707
"20 Dalarnas län",287966,287253
"2080 Falun",59641,59986
"2081 Borlänge",52800,52643
"""

# Semicolons, Windows-1252, the "ålder/kön" variant with totals and breakdowns.
SCB_AGE_SEX = """"region";"ålder";"kön";"Folkmängd 2023"
"2021 Vansbro";"totalt ålder";"totalt";6728
"2021 Vansbro";"0 år";"män";20
"2039 Älvdalen";"totalt ålder";"män";3700
"2039 Älvdalen";"totalt ålder";"kvinnor";3400
"""


def test_scb_export_with_heading_skips_country_and_county():
    parsed = parse(SCB_WITH_HEADING.encode("utf-8"), "be0101.csv")
    assert parsed.format == "scb"
    assert parsed.title == "Folkmängd efter region och år"
    assert [(f.code, f.name, f.date, f.population) for f in parsed.figures] == [
        ("2080", "Falun", datetime.date(2022, 12, 31), 59641),
        ("2081", "Borlänge", datetime.date(2022, 12, 31), 52800),
        ("2080", "Falun", DEC_2023, 59986),
        ("2081", "Borlänge", DEC_2023, 52643),
    ]
    assert parsed.skipped == ["00 Riket", "20 Dalarnas län"]


def test_scb_export_with_bom_semicolons_latin1_and_age_sex_variant():
    parsed = parse(SCB_AGE_SEX.encode("cp1252"), "folk.csv")
    figures = {f.code: f for f in parsed.figures}
    assert figures["2021"].population == 6728  # the total row, not total + breakdown
    assert figures["2039"].population == 7100  # no total row: men and women summed
    assert figures["2039"].name == "Älvdalen"
    with_bom = ("\ufeff" + SCB_WITH_HEADING).encode("utf-8")
    assert len(parse(with_bom, "bom.csv").figures) == 4
    tabs = '"region"\t"2024M06"\n"2080 Falun"\t"60 012"\n'
    [figure] = parse(tabs.encode(), "tab.csv").figures
    assert (figure.date, figure.population) == (datetime.date(2024, 6, 30), 60012)


def test_date_option_applies_to_a_single_year_column():
    text = '"region","2023"\n"2080 Falun",59986\n'
    [figure] = parse(text.encode(), "a.csv", datetime.date(2023, 11, 1)).figures
    assert figure.date == datetime.date(2023, 11, 1)
    with pytest.raises(PopulationImportError, match="2 årskolumner"):
        parse(SCB_WITH_HEADING.encode(), "b.csv", datetime.date(2023, 11, 1))


@pytest.mark.parametrize("text, message", [
    ('"region","2023"\n"2080 Falun",59986\n"2081 Borlänge",5x\n', "x.csv, rad 3, fält ”2023”: ”5x” är inte"),
    ('"region","2023"\n"2080 Falun",59986,12\n', "x.csv, rad 2: raden har 3 fält"),
    ('"region","2023"\n"Falun",59986\n', "x.csv, rad 2, fält ”region”: ”Falun” är ingen region"),
    ('"region","2023"\n"2080 Falun",1\n"2080 Falun",2\n', "x.csv, rad 3, fält ”2023”: 2080 Falun finns redan på rad 2"),
    ('"kommun","namn"\n"2080","Falun"\n', "x.csv, rad 1: rubrikraden har ingen kolumn med år"),
    ('"Folkmängd"\n\n"något annat"\n', "x.csv, rad 1: hittar ingen rubrikrad"),
    ("municipality_code,municipality,date,population\n2080,Falun,2023-12-31,59986\n208,Borlänge,2023-12-31,1\n",
     "x.csv, rad 3, fält ”municipality_code”"),
    ("municipality_code,municipality,date,population\n2080,Falun,31/12/2023,59986\n", "x.csv, rad 2, fält ”date”"),
    ("municipality_code,municipality,date,population\n2080,Falun,2023-12-31,-4\n",
     "x.csv, rad 2, fält ”population”"),
    ("", "x.csv: filen är tom"),
])
def test_errors_name_file_line_and_field(text, message):
    with pytest.raises(PopulationImportError) as error:
        parse(text.encode(), "x.csv")
    assert message in str(error.value)


def test_shipped_file_imports_with_source_and_reimport_changes_nothing():
    first = import_population(POPULATION_CSV, source="SCB, Folkmängd 31 december {year}")
    assert (first.format, first.created, first.updated) == ("simple", 45, 0)
    assert first.dates == [datetime.date(2019, 12, 31), DEC_2023, datetime.date(2024, 12, 31)]
    figures = PopulationFigure.objects.filter(date=DEC_2023)
    assert figures.count() == 15
    assert sum(f.population for f in figures) == 287_253  # the county total SCB published
    assert figures.get(code="2080").source == "SCB, Folkmängd 31 december 2023"
    again = import_population(POPULATION_CSV, source="SCB, Folkmängd 31 december {year}")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 45)
    assert PopulationFigure.objects.count() == 45


def test_a_newer_year_keeps_earlier_years_and_a_correction_updates():
    import_population(POPULATION_CSV)
    result = import_population(b'"region","2025"\n"2080 Falun",60100\n', filename="scb2025.csv")
    assert result.created == 1
    assert PopulationFigure.objects.count() == 46
    fix = import_population(b'"region","2023"\n"2080 Falun",59987\n', filename="fix.csv")
    assert fix.updated == 1
    assert PopulationFigure.objects.get(code="2080", date=DEC_2023).population == 59987


def test_a_bad_file_imports_nothing():
    bad = b'"region","2023"\n"2080 Falun",59986\n"2081 Borl\xc3\xa4nge",n/a\n'
    with pytest.raises(PopulationImportError, match="rad 3"):
        import_population(bad, filename="bad.csv")
    assert not PopulationFigure.objects.exists()


def test_management_command(tmp_path, capsys):
    path = tmp_path / "be0101.csv"
    path.write_bytes(SCB_WITH_HEADING.encode("cp1252"))
    call_command("import_population", str(path), "--source", "SCB BE0101N1")
    assert PopulationFigure.objects.filter(source="SCB BE0101N1").count() == 4
    call_command("import_population", str(path), "--source", "SCB BE0101N1")
    assert "0 nya, 0 ändrade, 4 oförändrade" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text('"region","2023"\n"2080 Falun",x\n', encoding="utf-8")
    with pytest.raises(CommandError, match="bad.csv, rad 2"):
        call_command("import_population", str(bad))


def test_sample_loader_labels_the_source():
    call_command("load_sample_population", "--file", str(POPULATION_CSV))
    figure = PopulationFigure.objects.get(code="2062", date=datetime.date(2024, 12, 31))
    assert figure.source == "Befolkning enligt SCB, 31 december 2024"
