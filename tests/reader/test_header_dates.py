"""Meeting date and document date when the header has several "Datum:" lines or a title carrying a date."""

from datetime import date, time

import pytest

from samverkan.archive.reader import read_text

BODY = "Länsnätverket för förvaltningschefer (Länschefsnätverket, LCHNV)"
ITEMS = "1. Mötets öppnande\nLänschefsnätverket beslutade:\natt öppna mötet.\n2. Övriga frågor\n"


def _read(header: str):
    return read_text(f"{header}\n{ITEMS}", "x.pdf")


# Bug 2: two "Datum:" lines within reach of "Tid:" — the document's own date must not win.
@pytest.mark.parametrize("header", [
    # PDF text of seed 001: title, Datum, Dnr, body, meeting Datum, Tid
    f"Minnesanteckningar Länschefsnätverket\nDatum: 2023-11-15\nDnr: HSN 2023/78\n{BODY}\n"
    "Datum: 9 november 2023\nTid: Kl. 15.00–16.30",
    # the same with a page mark and Plats after Tid
    f"Minnesanteckningar Länschefsnätverket\nDatum: 2023-11-15\nDnr: HSN 2023/78\nSida 1 av 4\n{BODY}\n"
    "Datum: 9 november 2023\nTid: Kl. 15.00–16.30\nPlats: Moskogen, Leksand",
    # blank lines between, as in the text file
    f"Minnesanteckningar Länschefsnätverket\n\nDatum: 2023-11-15\n\nDnr: HSN 2023/78\n\n{BODY}\n\n"
    "Datum: 9 november 2023\n\nTid: Kl. 15.00–16.30",
    # no "Dnr:", the document Datum directly under the title
    f"Minnesanteckningar Länschefsnätverket\nDatum: 2023-11-15\n{BODY}\nDatum: 2023-11-09\nTid: 15-16.30",
    # meeting Datum after Tid, document Datum before it
    "Minnesanteckningar Länschefsnätverket\nDatum: 2023-11-15\nDnr: HSN 2023/78\nTid: 15-16.30\n"
    "Datum: 9 november 2023",
])
def test_meeting_date_is_the_datum_next_to_the_meeting_time(header):
    document = _read(header)
    assert document.meeting_date == date(2023, 11, 9)
    assert document.document_date == date(2023, 11, 15)
    assert document.start_time == time(15, 0)


def test_meeting_datum_without_year_takes_it_from_the_document_date():
    document = _read(f"Minnesanteckningar Länschefsnätverket\nDatum: 2023-11-15\nDnr: HSN 2023/78\n{BODY}\n"
                     "Datum: 9 november\nTid: Kl. 15.00–16.30")
    assert (document.meeting_date, document.document_date) == (date(2023, 11, 9), date(2023, 11, 15))


def test_single_datum_under_the_title_of_an_agenda_is_the_meeting_date():
    document = _read("Dagordning Länschefsnätverket\nDatum: 2023-11-09\nTid: 9-12\nPlats: Falun")
    assert document.meeting_date == date(2023, 11, 9)
    assert document.document_date is None


def test_single_datum_near_the_time_is_still_the_meeting_date():
    document = _read(f"{BODY}\nDatum: 2023-11-09\nDnr: HSN 2023/78\nTid: 9-12")
    assert document.meeting_date == date(2023, 11, 9)


# Bug 3: a title line that carries "Datum:" (PDF text joins lines) gives the document date.
@pytest.mark.parametrize("title", [
    "Minnesanteckningar Länschefsnätverket Datum: 2023-11-15 Dnr: HSN 2023/78",
    "Minnesanteckningar Länschefsnätverket Datum: 2023-11-15",
    "Minnesanteckningar Länschefsnätverket Datum 2023-11-15 Dnr HSN 2023/78",
    "Minnesanteckningar Länschefsnätverket Datum: 15 november 2023 Dnr: HSN 2023/78",
])
@pytest.mark.parametrize("meeting_line", ["Datum: 9 november 2023\nTid: Kl. 15.00–16.30",
                                          "9 november 2023\nTid: Kl. 15.00–16.30",
                                          "Torsdag den 9 november 2023 kl. 15.00–16.30"])
def test_datum_in_the_title_line_is_the_document_date(title, meeting_line):
    document = _read(f"{title}\n{BODY}\n{meeting_line}")
    assert document.meeting_date == date(2023, 11, 9)
    assert document.document_date == date(2023, 11, 15)
    assert document.kind == "minutes"
    assert document.start_time == time(15, 0)


def test_registry_number_is_read_from_a_title_line_carrying_it():
    document = _read(f"Minnesanteckningar Länschefsnätverket Datum: 2023-11-15 Dnr: HSN 2023/78\n{BODY}\n"
                     "Datum: 9 november 2023\nTid: Kl. 15.00–16.30")
    assert document.registry_number == "HSN 2023/78"
    assert document.body == "Länsnätverket för förvaltningschefer"


def test_date_in_the_title_itself_is_the_meeting_date():
    document = _read("Minnesanteckningar Socialchefsnätverket 2022-11-10\nTid: 9-12")
    assert document.meeting_date == date(2022, 11, 10)
    assert document.document_date is None


def test_date_in_the_title_and_datum_label_on_the_same_line():
    document = _read("Minnesanteckningar Socialchefsnätverket 2022-11-10 Datum: 2022-11-14 Dnr: SN 2022/12")
    assert document.meeting_date == date(2022, 11, 10)
    assert document.document_date == date(2022, 11, 14)


def test_labels_run_together_on_one_line_are_read_apart():
    document = _read("Minnesanteckningar\nDatum: 9 november 2023 Tid: Kl. 15.00–16.30 Plats: Moskogen, Leksand")
    assert document.meeting_date == date(2023, 11, 9)
    assert (document.start_time, document.end_time) == (time(15, 0), time(16, 30))
    assert document.location == "Moskogen, Leksand"
