"""Member lists from Outlook or Excel: read without writing, every row's errors named, saved in one action."""

import io

import pytest
from openpyxl import Workbook

from samverkan.core.errors import UserError
from samverkan.directory.member_import import Status, import_members, preview, read_member_file
from samverkan.directory.models import Membership, Person
from tests import factories

pytestmark = pytest.mark.django_db

CSV = ("Namn;E-post;Kommun;Titel\n"
       "Anna Berg;anna.berg@avesta.example;Avesta kommun;Socialchef\n"
       "Maria Jonsson;maria@falun.example;Falun;Förvaltningschef\n"
       "Åsa Öberg;asa.oberg@;Mora;Omsorgschef\n")


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def rows_of(member_file):
    return [(row.row, row.name, row.email, row.organization, row.title, row.errors) for row in member_file.rows]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_in_every_encoding_excel_writes(encoding):
    read = read_member_file("lista.csv", CSV.encode(encoding))
    assert rows_of(read) == [
        (2, "Anna Berg", "anna.berg@avesta.example", "Avesta", "Socialchef", []),
        (3, "Maria Jonsson", "maria@falun.example", "Falun", "Förvaltningschef", []),
        (4, "Åsa Öberg", "asa.oberg@", "Mora", "Omsorgschef",
         ["Rad 4, kolumnen E-post: ”asa.oberg@” är ingen e-postadress."]),
    ]


def test_comma_separated_outlook_export_with_given_and_family_names():
    data = ('"First Name","Middle Name","Last Name","Company","Job Title","E-mail Address"\r\n'
            '"Anna","","Berg","Avesta kommun","Socialchef","Anna Berg <anna.berg@avesta.example>"\r\n'
            '"","","","","",""\r\n'
            '"Per","","","Region Dalarna","","mailto:per@region.example"\r\n').encode("utf-8-sig")
    assert rows_of(read_member_file("contacts.CSV", data)) == [
        (2, "Anna Berg", "anna.berg@avesta.example", "Avesta", "Socialchef", []),
        (4, "Per", "per@region.example", "Region Dalarna", "", []),
    ]


def test_xlsx_rows_are_numbered_as_excel_shows_them():
    data = xlsx([["Namn", "E-post", "Organisation", "Befattning"],
                 ["Berg, Anna", "anna.berg@avesta.example", "Avesta", None],
                 [None, None, None, None],
                 [None, "ingen@namn.example", "Falun", "Chef"],
                 ["Bo Ek", "bo ek@falun.example", "Falun", 42]])
    assert rows_of(read_member_file("medlemmar.xlsx", data)) == [
        (2, "Anna Berg", "anna.berg@avesta.example", "Avesta", "", []),
        (4, "", "ingen@namn.example", "Falun", "Chef", ["Rad 4, kolumnen Namn: namnet saknas."]),
        (5, "Bo Ek", "bo ek@falun.example", "Falun", "42",
         ["Rad 5, kolumnen E-post: ”bo ek@falun.example” är ingen e-postadress."]),
    ]


@pytest.mark.parametrize(("filename", "data", "message"), [
    ("lista.csv", b"", "Filen ”lista.csv” är tom."),
    ("lista.csv", b"E-post;Kommun\na@b.example;Falun\n",
     "Rad 1 ska ha kolumnrubriker, bland dem Namn (eller Förnamn och Efternamn). "
     "Kolumnerna E-post, Organisation och Titel läses om de finns."),
    ("lista.csv", b"Namn;E-post\n", "Filen ”lista.csv” har rubriker men inga rader med medlemmar."),
    ("lista.xls", b"\xd0\xcf\x11\xe0", "Äldre Excel-filer (.xls) kan inte läsas. Spara filen som .xlsx eller CSV "
                                       "och försök igen."),
    ("lista.pdf", b"%PDF-1.4", "Filen ”lista.pdf” är varken en CSV-fil eller en Excel-fil (.xlsx)."),
    ("lista.xlsx", b"not a zip", "Filen ”lista.xlsx” går inte att läsa som Excel-fil (.xlsx)."),
])
def test_files_that_are_no_member_list(filename, data, message):
    with pytest.raises(UserError) as error:
        read_member_file(filename, data)
    assert error.value.message == message


def test_preview_says_what_saving_would_do(council):
    factories.member(council, "Maria Jonsson")
    Person.objects.create(name="Anna Berg")
    read = preview(council, read_member_file("lista.csv", (CSV + "anna berg;;;\n").encode()))
    assert [(row.row, row.status, row.errors) for row in read.rows] == [
        (2, Status.EXISTING, []),
        (3, Status.MEMBER, []),
        (4, "", ["Rad 4, kolumnen E-post: ”asa.oberg@” är ingen e-postadress."]),
        (5, "", ["Rad 5, kolumnen Namn: ”anna berg” står redan på rad 2."]),
    ]
    assert Person.objects.count() == 2 and Membership.objects.count() == 1  # nothing written


def test_saving_the_valid_rows_adds_people_and_memberships(council):
    factories.member(council, "Maria Jonsson")
    anna = Person.objects.create(name="Anna Berg", email="anna@gammal.example")
    read = preview(council, read_member_file("lista.csv", (CSV + "Bo Ek;bo@falun.example;Falun;\n").encode()))
    result = import_members(council, [row.as_dict() for row in read.valid])
    assert (result.new_people, result.added, result.already_members) == (1, 2, 1)
    anna.refresh_from_db()
    assert (anna.email, anna.organization.name, anna.title) == ("anna@gammal.example", "Avesta", "Socialchef")
    bo = Person.objects.get(name="Bo Ek")
    assert (bo.email, bo.organization.name) == ("bo@falun.example", "Falun")
    assert sorted(council.memberships.values_list("person__name", flat=True)) == [
        "Anna Berg", "Bo Ek", "Maria Jonsson"]
    assert not Person.objects.filter(name="Åsa Öberg").exists()


def test_saving_is_all_or_nothing(council):
    rows = [{"row": 2, "name": "Bo Ek", "email": "bo@falun.example", "organization": "", "title": "",
             "errors": [], "status": ""},
            {"row": 3, "name": "Eva Ek", "email": "eva@", "organization": "", "title": "", "errors": [],
             "status": ""}]
    with pytest.raises(UserError) as error:
        import_members(council, rows)
    assert error.value.message == "Rad 3, kolumnen E-post: ”eva@” är ingen e-postadress."
    assert not Person.objects.exists()
