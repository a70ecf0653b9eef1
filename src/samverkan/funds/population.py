"""Reading population per municipality from CSV files: SCB's own export, or the simple shipped format.

SCB's statistical database (PxWeb, e.g. table BE0101N1 ”Folkmängd efter region och år”) exports
CSV with or without a heading: optionally a title line such as ``"Folkmängd efter region och år"``
and blank lines, then a header row with a region column and one column per period, then one row
per region (and per age or sex, in the ”ålder/kön” variants)::

    "region","2023"
    "2080 Falun",59986

Separators may be commas, semicolons or tabs; the encoding UTF-8 (with or without BOM) or
Windows-1252/Latin-1. Period columns are years (``2023``, ``Folkmängd 2023``: 31 December),
months (``2024M06``: the month's last day) or quarters (``2024K2``). Regions are ``code name``;
only municipalities (four-digit codes) are kept, the country and counties are skipped. In the
variants with more variables (``ålder``, ``kön``), rows whose other values are all totals
(”totalt”, ”totalt ålder”, ”totalt kön”) are used when present, otherwise the rows are summed.

The simple format has the header ``municipality_code,municipality,date,population``.
"""

from __future__ import annotations

import calendar
import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from samverkan.core.errors import UserError

SIMPLE_HEADER = ["municipality_code", "municipality", "date", "population"]
REGION_HEADERS = {"region", "kommun", "län", "lan", "region/kommun", "kommuner"}
PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*([MK])(\d{1,2}))?(?!\d)", re.IGNORECASE)
REGION_VALUE = re.compile(r"^\s*(\d{2,4})\s*(.*?)\s*$")
MISSING = {"..", ".", "-", "–"}


class PopulationImportError(UserError):
    """A file that cannot be read, with file name, line and field in the message."""

    def __init__(self, filename: str, message: str, line: int | None = None, column: str | None = None):
        where = filename
        if line is not None:
            where += f", rad {line}"
        if column:
            where += f", fält ”{column}”"
        super().__init__(f"{where}: {message}")
        self.filename, self.line, self.column = filename, line, column


@dataclass(frozen=True)
class Figure:
    code: str
    name: str
    date: datetime.date
    population: int
    line: int


@dataclass
class ParsedFile:
    format: str  # "scb" or "simple"
    title: str
    figures: list[Figure]
    skipped: list[str] = field(default_factory=list)


def decode(data: bytes, filename: str) -> str:
    """UTF-8 (BOM or not), else Windows-1252, else Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _delimiter(line: str) -> str:
    counts = {sep: line.count(sep) for sep in (";", "\t", ",")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Rows with their line numbers (1-based, as an editor shows them)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    for row in reader:
        rows.append((reader.line_num, [cell.strip() for cell in row]))
    return rows


def parse_period(header: str) -> datetime.date | None:
    """The date a period column stands for: a year's 31 December, a month's or quarter's last day."""
    match = PERIOD.search(header)
    if not match:
        return None
    year, kind, number = int(match.group(1)), (match.group(2) or "").upper(), match.group(3)
    if kind == "M":
        month = int(number)
    elif kind == "K":
        month = int(number) * 3
    else:
        return datetime.date(year, 12, 31)
    if not 1 <= month <= 12:
        return None
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_count(value: str, filename: str, line: int, column: str) -> int | None:
    """A whole number of people; spaces as thousands separators allowed; '..' is missing."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", value)
    if cleaned in MISSING or cleaned == "":
        return None
    if not cleaned.isdigit():
        raise PopulationImportError(filename, f"”{value}” är inte en folkmängd (ett helt tal).", line, column)
    return int(cleaned)


def _is_total(value: str) -> bool:
    return value.lower().startswith(("totalt", "total", "samtliga", "båda könen", "alla"))


def parse(data: bytes, filename: str, date: datetime.date | None = None) -> ParsedFile:
    """Figures from a CSV file's bytes, in either format; ``date`` overrides a single period column."""
    text = decode(data, filename)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise PopulationImportError(filename, "filen är tom.")
    delimiter = _delimiter(max(lines[first:first + 5], key=lambda line: sum(line.count(s) for s in ";\t,")))
    rows = [(n, row) for n, row in _rows(text, delimiter) if any(row)]
    header_index = next(
        (i for i, (_, row) in enumerate(rows)
         if len(row) >= 2 and (row[0].lower() in REGION_HEADERS | {"municipality_code"}
                               or any(parse_period(cell) for cell in row[1:]))),
        None,
    )
    if header_index is None:
        raise PopulationImportError(
            filename, "hittar ingen rubrikrad: väntade t.ex. \"region\",\"2023\" (SCB) eller "
            "municipality_code,municipality,date,population.", rows[0][0])
    title = " ".join(" ".join(row) for _, row in rows[:header_index]).strip()
    header_line, header = rows[header_index]
    body = rows[header_index + 1:]
    if [cell.lower() for cell in header[:4]] == SIMPLE_HEADER:
        return ParsedFile("simple", title, _parse_simple(filename, header, body, date))
    return _parse_scb(filename, title, header_line, header, body, date)


def _parse_simple(filename, header, body, date) -> list[Figure]:
    figures = []
    for line, row in body:
        if len(row) < 4:
            raise PopulationImportError(filename, f"raden har {len(row)} fält, väntade 4.", line)
        code, name, when, count = row[:4]
        if not re.fullmatch(r"\d{4}", code):
            raise PopulationImportError(filename, f"”{code}” är ingen kommunkod (fyra siffror).", line,
                                        "municipality_code")
        if date is not None:
            figure_date = date
        else:
            try:
                figure_date = datetime.date.fromisoformat(when)
            except ValueError:
                raise PopulationImportError(filename, f"”{when}” är inget datum (ÅÅÅÅ-MM-DD).", line,
                                            "date") from None
        population = parse_count(count, filename, line, "population")
        if population is None:
            raise PopulationImportError(filename, "folkmängd saknas.", line, "population")
        if not name:
            raise PopulationImportError(filename, "kommunens namn saknas.", line, "municipality")
        figures.append(Figure(code, name, figure_date, population, line))
    _check_unique(filename, figures)
    return figures


def _parse_scb(filename, title, header_line, header, body, date) -> ParsedFile:
    periods = {i: parse_period(cell) for i, cell in enumerate(header) if i > 0}
    periods = {i: when for i, when in periods.items() if when is not None}
    if not periods:
        raise PopulationImportError(filename, "rubrikraden har ingen kolumn med år (t.ex. ”2023”).",
                                    header_line)
    if date is not None:
        if len(periods) > 1:
            raise PopulationImportError(
                filename, f"filen har {len(periods)} årskolumner; ett datum kan bara anges för en.", header_line)
        periods = dict.fromkeys(periods, date)
    region_column = 0
    other_columns = [i for i in range(1, len(header)) if i not in periods]
    # (code, date) -> (name, first line, total rows sum, breakdown rows sum)
    totals: dict[tuple[str, datetime.date], list] = {}
    skipped: list[str] = []
    for line, row in body:
        if len(row) == 1 and not PERIOD.search(row[0]) and not REGION_VALUE.match(row[0]):
            continue  # a footnote or a trailing text line
        if len(row) != len(header):
            if len(row) < len(header) and line > header_line and not REGION_VALUE.match(row[0] or ""):
                continue  # notes under the table ("Senast uppdaterad …")
            raise PopulationImportError(filename, f"raden har {len(row)} fält, rubrikraden {len(header)}.", line)
        region = row[region_column]
        match = REGION_VALUE.match(region)
        if not match:
            raise PopulationImportError(filename, f"”{region}” är ingen region med kod och namn (t.ex. ”2080 Falun”).",
                                        line, header[region_column])
        code, name = match.group(1), match.group(2)
        if len(code) != 4:
            if region not in skipped:
                skipped.append(region)
            continue
        if not name:
            raise PopulationImportError(filename, "regionens namn saknas efter koden.", line, header[region_column])
        is_total = all(_is_total(row[i]) for i in other_columns)
        for i, when in periods.items():
            count = parse_count(row[i], filename, line, header[i])
            if count is None:
                continue
            if not other_columns and (code, when) in totals:
                raise PopulationImportError(
                    filename, f"{region} finns redan på rad {totals[(code, when)][1]}.", line, header[i])
            entry = totals.setdefault((code, when), [name, line, None, 0])
            if is_total and other_columns:
                entry[2] = (entry[2] or 0) + count
            else:
                entry[3] += count
    figures = []
    for (code, when), (name, line, total, summed) in totals.items():
        figures.append(Figure(code, name, when, total if total is not None else summed, line))
    if not figures:
        raise PopulationImportError(filename, "filen har inga kommuner (regioner med fyrsiffrig kod).")
    figures.sort(key=lambda f: (f.date, f.code))
    return ParsedFile("scb", title, figures, skipped)


def _check_unique(filename, figures):
    seen = {}
    for figure in figures:
        key = (figure.code, figure.date)
        if key in seen:
            raise PopulationImportError(
                filename, f"kommun {figure.code} per {figure.date.isoformat()} finns redan på rad {seen[key]}.",
                figure.line)
        seen[key] = figure.line
