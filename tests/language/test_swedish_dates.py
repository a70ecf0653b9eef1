"""Swedish dates: read as written, written one way."""

from datetime import date, time

import pytest

from samverkan.language.dates import (
    PartialDate,
    find_dates,
    format_date,
    month_name,
    parse_time_range,
    remove_weekdays,
    weekday_name,
)
from samverkan.language.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS


@pytest.mark.parametrize("number, name", list(enumerate(MONTHS, start=1)))
def test_every_month_of_the_lexicon_is_read(number, name):
    assert find_dates(f"den 9 {name} 2023") == [PartialDate(9, number, 2023)]


@pytest.mark.parametrize("abbreviation, number", MONTH_ABBREVIATIONS.items())
def test_abbreviated_months_are_read(abbreviation, number):
    assert find_dates(f"9 {abbreviation}. 2023") == [PartialDate(9, number, 2023)]


def test_dates_in_other_forms_and_times():
    assert find_dates("2023-11-15, 19 februari och 200928") == [
        PartialDate(15, 11, 2023), PartialDate(19, 2, None), PartialDate(28, 9, 2020),
    ]
    assert parse_time_range("Kl. 9.30 till 11.00") == (time(9, 30), time(11, 0))


def test_a_date_is_written_in_swedish():
    day = date(2023, 11, 9)
    assert format_date(day) == "9 november 2023"
    assert format_date(day, weekday=True) == "torsdag 9 november 2023"
    assert format_date(day, weekday=True, year=False) == "torsdag 9 november"


def test_names_of_months_and_weekdays():
    assert [month_name(n) for n in (1, 5, 12)] == ["januari", "maj", "december"]
    assert weekday_name(date(2024, 5, 9).weekday()) == "torsdag"
    assert remove_weekdays("Tisdagen den 14 mars").split() == ["14", "mars"]
    assert len(WEEKDAYS) == 7 and len(MONTHS) == 12
