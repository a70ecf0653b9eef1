"""Swedish dates and times: read "19 november 2021", "19 februari", "2023-11-15", "200928",
"Kl. 9.30 - 11.00"; write "9 november 2023" and "torsdag 9 november 2023"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from .lexicon import (
    CLOCK_WORD,
    CLOCK_WORD_IN_FULL,
    DATE_ARTICLE,
    MONTH_ABBREVIATIONS,
    MONTHS,
    UNTIL_WORD,
    WEEKDAYS,
)
from .patterns import alternation, longest_first

MONTH_NUMBERS = {name: n for n, name in enumerate(MONTHS, start=1)} | MONTH_ABBREVIATIONS
_MONTH_ALTERNATION = alternation(longest_first(MONTH_NUMBERS))

_ISO = re.compile(r"(?<!\d)(20\d{2}|19\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
_WRITTEN = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?::[ae])?\s+({_MONTH_ALTERNATION})\.?(?![a-zåäö])(?:\s+(\d{{4}}))?",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:[\s-]+(\d{4}))?(?![\d/])")
_COMPACT = re.compile(r"(?<![\d/.,-])(\d{2})(\d{2})(\d{2})(?![\d/-]|[.,]\d)")
_YEAR = re.compile(r"(?<![\d/-])(20[0-4]\d)(?![\d/-])")

_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_KL = rf"(?:{CLOCK_WORD}\.?\s*)?"  # "kl. " before a time, optional
_DASH = rf"\s*(?:-|–|—|{UNTIL_WORD})\s*"
_TIME_RANGE = re.compile(rf"{_KL}(?<![\d.:]){_CLOCK}{_DASH}{_KL}{_CLOCK}(?![\d])", re.IGNORECASE)
_CLOCK_WORD = rf"(?:{CLOCK_WORD_IN_FULL}|{CLOCK_WORD}\.?)"  # "kl.", "klockan"
_SINGLE_TIME = re.compile(rf"\b{_CLOCK_WORD}\s*{_CLOCK}(?!\d)", re.IGNORECASE)
# A label's value that is only a time: "Tid" / "18:00".
_ONLY_TIME = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*$")
_BARE_CLOCK = r"\d{1,2}(?:[.:]\d{2})?"
_CLOCK_WORDS = re.compile(
    rf"\b{_KL}{_BARE_CLOCK}{_DASH}{_KL}{_BARE_CLOCK}\b|\b{CLOCK_WORD}\.?\s*{_BARE_CLOCK}\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    rf"\b(?:{alternation(WEEKDAYS)})(?:en)?\b|\b{DATE_ARTICLE}\b", re.IGNORECASE
)


@dataclass(frozen=True)
class PartialDate:
    """A date as written; year is None when the text left it out."""

    day: int
    month: int
    year: int | None

    def with_year(self, year: int) -> date | None:
        return _safe_date(year, self.month, self.day)

    def complete(self) -> date | None:
        return self.with_year(self.year) if self.year else None


def find_dates(text: str, compact: bool = True) -> list[PartialDate]:
    """Every date written in the text, in order; compact YYMMDD only when compact is True."""
    found: list[tuple[int, PartialDate]] = []
    for m in _ISO.finditer(text):
        found.append((m.start(), PartialDate(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
    for m in _WRITTEN.finditer(text):
        year = int(m.group(3)) if m.group(3) else None
        month = MONTH_NUMBERS[m.group(2).lower()]
        found.append((m.start(), PartialDate(int(m.group(1)), month, year)))
    for m in _SLASHED.finditer(text):
        year = int(m.group(3)) if m.group(3) else None
        found.append((m.start(), PartialDate(int(m.group(1)), int(m.group(2)), year)))
    if compact:
        for m in _COMPACT.finditer(text):
            yy, mm, dd = (int(g) for g in m.groups())
            found.append((m.start(), PartialDate(dd, mm, 2000 + yy)))
    valid = [(pos, d) for pos, d in found if _valid(d)]
    return [d for _, d in sorted(valid, key=lambda pair: pair[0])]


def parse_date(text: str) -> PartialDate | None:
    """The first date in the text, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


def referenced_dates(text: str) -> list[date]:
    """Complete dates mentioned anywhere in the text, for inferring a missing year."""
    return [d for d in (p.complete() for p in find_dates(text)) if d]


def infer_year(partial: PartialDate, references: list[date], years: list[int]) -> date | None:
    """Give a year-less date the year closest to the dates the document refers to."""
    if partial.year:
        return partial.complete()
    if references:
        middle = sorted(references)[len(references) // 2]
        candidates = [partial.with_year(y) for y in (middle.year - 1, middle.year, middle.year + 1)]
        candidates = [c for c in candidates if c]
        return min(candidates, key=lambda c: abs((c - middle).days)) if candidates else None
    if years:
        return partial.with_year(max(set(years), key=years.count))
    return None


def years_in(text: str) -> list[int]:
    """Four-digit years (2000-2049) mentioned in the text."""
    return [int(y) for y in _YEAR.findall(text)]


def remove_dates(text: str) -> str:
    """The text without its written and ISO dates ("7 juni 2023", "2023-06-07")."""
    return _ISO.sub(" ", _WRITTEN.sub(" ", text))


def parse_time_range(text: str) -> tuple[time | None, time | None]:
    """Start and end time from "Kl. 9.30 - 11.00", "9-12.15", "15.00 – 16.30"; None when absent."""
    without_dates = _ISO.sub(" ", _WRITTEN.sub(" ", text))
    match = _TIME_RANGE.search(without_dates)
    if match:
        start = _clock(match.group(1), match.group(2))
        end = _clock(match.group(3), match.group(4))
        if start and end and end > start:
            return start, end
    single = _SINGLE_TIME.search(without_dates) or _ONLY_TIME.match(without_dates)
    if single:
        return _clock(single.group(1), single.group(2)), None
    return None, None


def remove_times(text: str) -> str:
    """The text without its clock times ("kl. 9.30", "13.00–15.30")."""
    return _CLOCK_WORDS.sub(" ", text)


def remove_weekdays(text: str) -> str:
    """The text without weekday names ("tisdag", "onsdagen") and the "den" of "den 14 mars"."""
    return _WEEKDAY.sub(" ", text)


def format_date(day: date, *, weekday: bool = False, year: bool = True) -> str:
    """A date in Swedish: "9 november 2023"; with weekday "torsdag 9 november 2023"."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    if weekday:
        text = f"{WEEKDAYS[day.weekday()]} {text}"
    return f"{text} {day.year}" if year else text


def swedish_date(day: date | None) -> str:
    """"9 november 2023", or "" for no date (a page or document leaves the field empty)."""
    return format_date(day) if day else ""


def swedish_day(day: date, *, year: bool = False) -> str:
    """"torsdag 9 maj" (or "torsdag 9 maj 2024"): a meeting day in running text."""
    return format_date(day, weekday=True, year=year)


def month_name(number: int) -> str:
    """The Swedish name of a month, 1 = "januari"."""
    return MONTHS[number - 1]


def weekday_name(number: int) -> str:
    """The Swedish name of a weekday, 0 = "måndag" (as date.weekday())."""
    return WEEKDAYS[number]


def _clock(hours: str, minutes: str | None) -> time | None:
    h, m = int(hours), int(minutes or 0)
    return time(h, m) if h < 24 and m < 60 else None


def _valid(partial: PartialDate) -> bool:
    if not (1 <= partial.month <= 12 and 1 <= partial.day <= 31):
        return False
    return partial.year is None or _safe_date(partial.year, partial.month, partial.day) is not None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
