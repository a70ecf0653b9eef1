"""Members of a body from a list exported from Outlook or Excel (CSV or XLSX).

Reading a file writes nothing: `read_member_file` gives every row with what is wrong with it
(row number as the spreadsheet shows it, and the column by its heading in the file), and `preview`
says what saving would do with each valid row. `import_members` saves the valid rows in one action.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import date

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.core.text import normalize_name

from .members import clean_text, is_email, organization_named, overlapping_membership, person_for_import
from .models import Body, Membership, Person

MAX_BYTES = 2_000_000
MAX_ROWS = 2000

# Headings, compared in lower case without spaces, hyphens or dots: Swedish and English Outlook and Excel.
HEADINGS = {
    "name": {"namn", "name", "fullständigtnamn", "fullname", "visningsnamn", "displayname", "person"},
    "given": {"förnamn", "firstname", "givenname"},
    "family": {"efternamn", "lastname", "surname", "familyname"},
    "email": {"epost", "epostadress", "email", "emailaddress", "mail", "emailadress", "mejl", "mejladress"},
    "organization": {"organisation", "organization", "kommun", "region", "företag", "company",
                     "arbetsgivare", "förvaltning"},
    "title": {"titel", "befattning", "title", "jobtitle", "yrkestitel", "roll", "tjänst"},
}
LIMITS = {"name": 200, "organization": 200, "title": 200, "email": 254}


class Status:
    NEW = "new"
    EXISTING = "existing"
    MEMBER = "member"
    LABELS = {NEW: "Ny person", EXISTING: "Befintlig person", MEMBER: "Redan medlem"}


@dataclass
class ImportRow:
    row: int
    name: str = ""
    email: str = ""
    organization: str = ""
    title: str = ""
    errors: list[str] = field(default_factory=list)
    status: str = ""

    @property
    def status_label(self) -> str:
        return Status.LABELS.get(self.status, "")

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class MemberFile:
    filename: str
    rows: list[ImportRow]
    name_label: str = "Namn"

    @property
    def valid(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.errors]

    @property
    def errors(self) -> list[str]:
        return [error for row in self.rows for error in row.errors]


@dataclass(frozen=True)
class ImportResult:
    new_people: int
    added: int
    already_members: int


# --- Reading ---------------------------------------------------------------------------------

def _heading_key(text: str) -> str:
    return re.sub(r"[\s\-_.]+", "", str(text or "").replace("\ufeff", "")).casefold()


def _decode(data: bytes) -> str:
    """UTF-8 with or without BOM, UTF-16 with BOM (Excel's Unicode text), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_rows(data: bytes) -> list[tuple[int, list[str]]]:
    text = _decode(data)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    for record in reader:
        rows.append((reader.line_num, record))
        if len(rows) > MAX_ROWS + 1:
            break
    return rows


def _xlsx_rows(data: bytes, filename: str) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UserError(f"Filen ”{filename}” går inte att läsa som Excel-fil (.xlsx).", code="bad_file") from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, ["" if value is None else str(value) for value in values]))
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def _columns(heading: list[str]) -> dict[str, tuple[int, str]]:
    """Which column holds what: field → (index, heading as written); the first of each kind counts."""
    found: dict[str, tuple[int, str]] = {}
    for index, text in enumerate(heading):
        key = _heading_key(text)
        for kind, names in HEADINGS.items():
            if key in names and kind not in found:
                found[kind] = (index, clean_text(str(text).replace("\ufeff", "")))
    return found


def _email_in(text: str) -> str:
    """The address in "Anna Berg <anna.berg@falun.se>" or "mailto:anna.berg@falun.se"; else the text."""
    text = text.strip()
    bracketed = re.search(r"<([^<>]+)>", text)
    if bracketed:
        text = bracketed.group(1).strip()
    return text.removeprefix("mailto:").removeprefix("MAILTO:")


def _person_name(text: str) -> str:
    """"Berg, Anna" (Outlook's "file as") becomes "Anna Berg"."""
    text = clean_text(text)
    if text.count(",") == 1:
        family, given = (part.strip() for part in text.split(","))
        if family and given:
            return f"{given} {family}"
    return text


def read_member_file(filename: str, data: bytes) -> MemberFile:
    """The rows of a member list, each with its errors. Writes nothing."""
    filename = filename or "filen"
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if len(data) > MAX_BYTES:
        raise UserError(f"Filen ”{filename}” är större än {MAX_BYTES // 1_000_000} MB.", code="too_large")
    if suffix == "xls":
        raise UserError("Äldre Excel-filer (.xls) kan inte läsas. Spara filen som .xlsx eller CSV och försök igen.",
                        code="bad_file")
    if suffix == "xlsx" or data.startswith(b"PK\x03\x04"):
        records = _xlsx_rows(data, filename)
    elif suffix in ("csv", "txt", ""):
        records = _csv_rows(data)
    else:
        raise UserError(f"Filen ”{filename}” är varken en CSV-fil eller en Excel-fil (.xlsx).", code="bad_file")

    records = [(number, values) for number, values in records if any(str(value).strip() for value in values)]
    if not records:
        raise UserError(f"Filen ”{filename}” är tom.", code="empty")
    heading_row, heading = records[0]
    columns = _columns(heading)
    if "name" not in columns and "given" not in columns:
        raise UserError(f"Rad {heading_row} ska ha kolumnrubriker, bland dem Namn (eller Förnamn och Efternamn). "
                        "Kolumnerna E-post, Organisation och Titel läses om de finns.", code="no_name_column")
    data_rows = records[1:]
    if not data_rows:
        raise UserError(f"Filen ”{filename}” har rubriker men inga rader med medlemmar.", code="empty")
    if len(data_rows) > MAX_ROWS:
        raise UserError(f"Filen har fler än {MAX_ROWS} rader. Dela upp den i mindre filer.", code="too_many_rows")
    name_label = columns["name"][1] if "name" in columns else columns["given"][1]
    return MemberFile(filename, [_read_row(number, values, columns) for number, values in data_rows], name_label)


def _cell(values: list[str], columns, kind: str) -> str:
    if kind not in columns:
        return ""
    index = columns[kind][0]
    return str(values[index]).replace("\u00a0", " ").strip() if index < len(values) else ""


def _read_row(number: int, values: list[str], columns) -> ImportRow:
    row = ImportRow(number)
    if "name" in columns:
        row.name, name_label = _person_name(_cell(values, columns, "name")), columns["name"][1]
    else:
        row.name = clean_text(f"{_cell(values, columns, 'given')} {_cell(values, columns, 'family')}")
        name_label = columns["given"][1]
    row.email = _email_in(_cell(values, columns, "email"))
    row.organization = clean_text(_cell(values, columns, "organization")).removesuffix(" kommun")
    row.title = clean_text(_cell(values, columns, "title"))

    def error(label: str, message: str):
        row.errors.append(f"Rad {number}, kolumnen {label}: {message}")

    if not row.name:
        error(name_label, "namnet saknas.")
    labels = {"name": name_label, **{kind: columns[kind][1] for kind in ("email", "organization", "title")
                                     if kind in columns}}
    for kind, limit in LIMITS.items():
        if len(getattr(row, kind)) > limit:
            error(labels[kind], f"får vara högst {limit} tecken.")
    if row.email and not is_email(row.email):
        error(labels["email"], f"”{row.email}” är ingen e-postadress.")
    return row


def _mark_repeated_names(rows: list[ImportRow], label: str) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        if row.errors or not row.name:
            continue
        key = normalize_name(row.name)
        if key in seen:
            row.errors.append(f"Rad {row.row}, kolumnen {label}: ”{row.name}” står redan på rad {seen[key]}.")
        else:
            seen[key] = row.row


# --- What saving would do ---------------------------------------------------------------------

def preview(body: Body, member_file: MemberFile, start_date: date | None = None) -> MemberFile:
    """Mark each valid row as a new person, an existing person, or someone already a member."""
    _mark_repeated_names(member_file.rows, member_file.name_label)
    people = {person.name_key: person for person in Person.objects.filter(
        name_key__in=[normalize_name(row.name) for row in member_file.valid])}
    for row in member_file.valid:
        person = people.get(normalize_name(row.name))
        if person is None:
            row.status = Status.NEW
        elif overlapping_membership(body, person, start_date, None) is not None:
            row.status = Status.MEMBER
        else:
            row.status = Status.EXISTING
    return member_file


@action
def import_members(body: Body, rows: list[dict], start_date: date | None = None) -> ImportResult:
    """Save the rows of a previewed file: people found or created, memberships added; all or nothing."""
    checked = [_read_row(row["row"], [row["name"], row["email"], row["organization"], row["title"]],
                         {"name": (0, "Namn"), "email": (1, "E-post"), "organization": (2, "Organisation"),
                          "title": (3, "Titel")}) for row in rows]
    _mark_repeated_names(checked, "Namn")
    errors = [error for row in checked for error in row.errors]
    if errors:
        raise UserError(" ".join(errors), code="invalid_rows")
    if not checked:
        raise UserError("Det finns inga rader att spara.", code="empty")
    new_people = added = already = 0
    for row in checked:
        new_people += not Person.objects.filter(name_key=normalize_name(row.name)).exists()
        organization = organization_named(row.organization)
        person = person_for_import(row.name, organization, row.title, row.email)
        if overlapping_membership(body, person, start_date, None) is not None:
            already += 1
            continue
        Membership.objects.create(person=person, body=body, organization=organization or person.organization,
                                  start_date=start_date)
        added += 1
    return ImportResult(new_people, added, already)
