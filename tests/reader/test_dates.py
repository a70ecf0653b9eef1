"""Swedish dates and times, and the year of a date written without one."""

from datetime import date, time

from samverkan.archive.reader import read_text
from samverkan.language.dates import PartialDate, find_dates, infer_year, parse_time_range


def test_written_swedish_date_with_year():
    assert find_dates("Datum: 19 november 2021") == [PartialDate(19, 11, 2021)]


def test_written_date_without_year_keeps_year_open():
    assert find_dates("19 februari") == [PartialDate(19, 2, None)]


def test_iso_and_compact_dates():
    assert find_dates("2023-11-15") == [PartialDate(15, 11, 2023)]
    assert find_dates("Datum: 200928") == [PartialDate(28, 9, 2020)]


def test_registry_number_is_not_a_date():
    assert find_dates("Dnr:RD20/01035") == []


def test_time_ranges_in_many_spellings():
    assert parse_time_range("Kl. 9.30 - 11.00 OBS! Mötestiden förkortad!") == (time(9, 30), time(11, 0))
    assert parse_time_range("9-12.15") == (time(9, 0), time(12, 15))
    assert parse_time_range("15.00 – 16.30") == (time(15, 0), time(16, 30))
    assert parse_time_range("kl 13:00") == (time(13, 0), None)


def test_missing_year_comes_from_the_dates_the_document_refers_to():
    references = [date(2020, 11, 20), date(2020, 12, 18), date(2021, 1, 28)]
    assert infer_year(PartialDate(19, 2, None), references, []) == date(2021, 2, 19)


def test_document_date_decides_the_meeting_year_and_is_kept_apart():
    text = "Minnesanteckningar\nDatum: 200928\nDnr:RD20/01035\n\n25 september\nTid: 9.30-12\nPlats: Skype\n\n1. Mötets öppnande\n"
    document = read_text(text, "x.txt")
    assert document.meeting_date == date(2020, 9, 25)
    assert document.document_date == date(2020, 9, 28)
    assert document.registry_number == "RD20/01035"


def test_no_date_in_the_text_gives_none():
    document = read_text("1. Mötets öppnande\n2. Övriga frågor\n", "x.txt")
    assert document.meeting_date is None and document.document_date is None
