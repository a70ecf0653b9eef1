"""The year calendar's core, without the database: propose dates, read external .ics calendars.

`propose_dates` takes the wishes (count, weekday, time, months without meetings, alternating on site and
digital), Swedish public holidays (the `holidays` package, with the de facto days off such as Midsummer Eve)
and busy times (other bodies' meetings, imported calendars) and returns one proposal per meeting, each with
its reason in Swedish. `busy_from_ics` expands an iCalendar file, RRULE recurrences included, into busy times.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays as holiday_calendars
from dateutil.rrule import MONTHLY, WEEKLY, rrule, rruleset, rrulestr
from dateutil.rrule import weekday as rrule_weekday
from icalendar import Calendar

from samverkan.core.errors import UserError
from samverkan.language.dates import month_name, swedish_day, weekday_name

STOCKHOLM = ZoneInfo("Europe/Stockholm")
ORDINALS = ["första", "andra", "tredje", "fjärde", "femte"]
ON_SITE, DIGITAL, HYBRID = "on_site", "digital", "hybrid"
MODE_WORDS = {ON_SITE: "på plats", DIGITAL: "digitalt", HYBRID: "på plats och digitalt"}
DEFAULT_LENGTH = timedelta(hours=2)


def swedish_holidays(*years: int) -> dict[date, str]:
    """Public holidays and the de facto days off (Midsummer Eve, Christmas Eve, New Year's Eve), in Swedish."""
    found = holiday_calendars.Sweden(years=list(years), language="sv", categories=("public", "de_facto"))
    return {day: name for day, name in sorted(found.items()) if "söndag" not in name.lower()}


@dataclass(frozen=True)
class Busy:
    """A time when something else happens: a whole day when start is None."""
    day: date
    label: str
    start: time | None = None
    end: time | None = None


@dataclass(frozen=True)
class Proposal:
    date: date
    start_time: time
    end_time: time | None
    mode: str
    preferred_date: date
    reason: str
    conflicts: tuple[str, ...] = ()

    @property
    def moved(self) -> bool:
        return self.date != self.preferred_date


@dataclass
class CalendarProposal:
    proposals: list[Proposal]
    notes: list[str] = field(default_factory=list)


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def overlaps(busy: Busy, start: time, end: time | None) -> bool:
    if busy.start is None:
        return True
    mine_start = _minutes(start)
    mine_end = _minutes(end) if end and end > start else mine_start + DEFAULT_LENGTH.seconds // 60
    their_start = _minutes(busy.start)
    their_end = _minutes(busy.end) if busy.end and busy.end > busy.start else their_start + 60
    return mine_start < their_end and their_start < mine_end


def _spread(slots: int, wanted: int) -> list[int]:
    """Which of `slots` places to use for `wanted` things, spread evenly."""
    return [int((i + 0.5) * slots / wanted) for i in range(wanted)]


def _targets(year: int, count: int, weekday: int, months: list[int]) -> list[date]:
    """The preferred dates: meetings spread over the months, and over each month's chosen weekdays."""
    if not months or count <= 0:
        return []
    per_month = {month: count // len(months) for month in months}
    for index in _spread(len(months), count % len(months)):
        per_month[months[index]] += 1
    targets = []
    for month in months:
        wanted = per_month[month]
        if not wanted:
            continue
        days = [date(year, month, d) for d in range(1, monthrange(year, month)[1] + 1)
                if date(year, month, d).weekday() == weekday]
        targets += [days[min(i, len(days) - 1)] for i in _spread(len(days), wanted)]
    return sorted(set(targets))


def _candidates(target: date):
    """Other days to try, nearest first: same weekday a week or two away, then other weekdays nearby."""
    for weeks in (1, -1, 2, -2):
        yield target + timedelta(weeks=weeks), True
    for weeks in (0, 1, -1):
        for shift in (-1, 1, -2, 2, -3, 3, -4, 4):
            day = target + timedelta(weeks=weeks, days=shift)
            if day.weekday() < 5 and day.isocalendar()[1] == (target + timedelta(weeks=weeks)).isocalendar()[1]:
                yield day, False


def propose_dates(year: int, count: int, weekday: int, start_time: time, end_time: time | None = None, *,
                  excluded_months=(), alternate_modes: bool = False, first_mode: str = ON_SITE,
                  holidays: dict[date, str] | None = None, busy=()) -> CalendarProposal:
    """Propose `count` meetings in `year`; each proposal says why it was chosen or moved."""
    holidays = swedish_holidays(year - 1, year, year + 1) if holidays is None else holidays
    months = [m for m in range(1, 13) if m not in set(excluded_months)]
    busy_by_day: dict[date, list[Busy]] = {}
    for entry in busy:
        busy_by_day.setdefault(entry.day, []).append(entry)
    taken: set[date] = set()

    def problems(day: date) -> list[str]:
        found = []
        if day in holidays:
            found.append(holidays[day])
        elif day.weekday() == 4 and day - timedelta(days=1) in holidays:
            found.append(f"klämdag efter {holidays[day - timedelta(days=1)].lower()}")
        elif day.weekday() == 0 and day + timedelta(days=1) in holidays:
            found.append(f"klämdag före {holidays[day + timedelta(days=1)].lower()}")
        for entry in busy_by_day.get(day, []):
            if overlaps(entry, start_time, end_time):
                found.append(f"krockar med {entry.label}")
        if day in taken:
            found.append("redan ett möte den dagen")
        return found

    def usable(day: date) -> bool:
        return day.year == year and day.month in months and day.weekday() < 5 and not problems(day)

    chosen: list[tuple[date, date, str, tuple[str, ...]]] = []
    for target in _targets(year, count, weekday, months):
        trouble = problems(target)
        if not trouble:
            occurrence = (target.day - 1) // 7
            reason = (f"Önskad veckodag: {ORDINALS[occurrence]} {weekday_name(weekday)}en i "
                      f"{month_name(target.month)}.")
            day, conflicts = target, ()
        else:
            why = ", ".join(trouble)
            day = next((d for d, _ in _candidates(target) if usable(d)), None)
            if day is None:
                day, conflicts = target, tuple(trouble)
                reason = f"Ingen ledig dag hittades nära {swedish_day(target)} ({why}); kontrollera datumet."
            else:
                conflicts = ()
                reason = f"Flyttad från {swedish_day(target)} ({why}) till {swedish_day(day)}."
        taken.add(day)
        chosen.append((day, target, reason, conflicts))

    chosen.sort()
    other = DIGITAL if first_mode != DIGITAL else ON_SITE
    proposals = []
    for index, (day, target, reason, conflicts) in enumerate(chosen):
        mode = first_mode if not alternate_modes or index % 2 == 0 else other
        if alternate_modes:
            reason += f" {MODE_WORDS[mode].capitalize()} (varannan gång på plats och digitalt)."
        proposals.append(Proposal(day, start_time, end_time, mode, target, reason, conflicts))
    return CalendarProposal(proposals, _weekday_notes(year, weekday, months, busy_by_day, start_time, end_time))


def _weekday_notes(year, weekday, months, busy_by_day, start_time, end_time) -> list[str]:
    """A warning when something else takes most of the preferred weekdays (seed 001: Thursdays)."""
    days = [date(year, m, d) for m in months for d in range(1, monthrange(year, m)[1] + 1)
            if date(year, m, d).weekday() == weekday]
    clashes: dict[str, int] = {}
    for day in days:
        for label in {b.label for b in busy_by_day.get(day, []) if overlaps(b, start_time, end_time)}:
            clashes[label] = clashes.get(label, 0) + 1
    plural = weekday_name(weekday) + "ar"
    return [f"{label} krockar med {n} av {len(days)} {plural} – överväg en annan veckodag."
            for label, n in sorted(clashes.items()) if days and n * 2 >= len(days)]


# External calendars (.ics) ----------------------------------------------------------------------

def _local(value) -> datetime:
    """A date or datetime as a naive Stockholm wall-clock datetime."""
    if isinstance(value, datetime):
        return value.astimezone(STOCKHOLM).replace(tzinfo=None) if value.tzinfo else value
    return datetime.combine(value, time())


def _dates_of(prop) -> list:
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    return [d.dt for p in props for d in p.dts]


def _rule_text(event, aware: bool) -> str:
    parts = []
    for part in event["rrule"].to_ical().decode().split(";"):
        key, _, value = part.partition("=")
        if key.upper() == "UNTIL":
            if aware and not value.endswith("Z"):
                value = (value + "T235959Z") if "T" not in value else value + "Z"
            elif not aware and value.endswith("Z"):
                value = value[:-1]
        parts.append(f"{key}={value}")
    return "RRULE:" + ";".join(parts)


def _occurrences(event, start, first: datetime, last: datetime) -> list[datetime]:
    """Every start of the event between first and last (local naive), recurrences expanded."""
    if "rrule" not in event:
        starts = [start] + _dates_of(event.get("rdate"))
        return [s for s in map(_local, starts) if first <= s <= last]
    aware = isinstance(start, datetime) and start.tzinfo is not None
    base = start if isinstance(start, datetime) else datetime.combine(start, time())
    rules = rruleset()
    rules.rrule(rrulestr(_rule_text(event, aware), dtstart=base))
    for extra in _dates_of(event.get("rdate")):
        rules.rdate(extra if isinstance(extra, datetime) else datetime.combine(extra, time()))
    excluded = {_local(d) for d in _dates_of(event.get("exdate"))}
    if aware:
        low, high = (first - timedelta(days=2)).replace(tzinfo=STOCKHOLM), (last + timedelta(days=2)).replace(
            tzinfo=STOCKHOLM)
    else:
        low, high = first - timedelta(days=2), last + timedelta(days=2)
    found = []
    for occurrence in rules.between(low, high, inc=True):
        local = _local(occurrence)
        if first <= local <= last and local not in excluded and local.date() not in {e.date() for e in excluded
                                                                                   if e.time() == time()}:
            found.append(local)
    return found


def parse_ics(data: bytes | str) -> Calendar:
    """The calendar in an .ics file; ValueError with a Swedish message when it is not one."""
    try:
        calendar = Calendar.from_ical(data)
    except Exception as error:  # icalendar raises ValueError and others on broken files
        raise UserError("Filen är inte en iCalendar-fil (.ics).") from error
    if calendar.name != "VCALENDAR":
        raise UserError("Filen är inte en iCalendar-fil (.ics).")
    return calendar


def busy_from_ics(data: bytes | str, year: int, label: str = "") -> list[Busy]:
    """The busy times of a year in an .ics file, recurring events (RRULE, EXDATE, RDATE) expanded.

    An event moved with RECURRENCE-ID replaces its occurrence; cancelled events are left out.
    """
    calendar = parse_ics(data)
    first, last = datetime(year, 1, 1), datetime(year, 12, 31, 23, 59)
    events = list(calendar.walk("VEVENT"))
    moved = {(str(e.get("uid")), _local(e.decoded("recurrence-id"))) for e in events if e.get("recurrence-id")}
    found = []
    for event in events:
        if "dtstart" not in event or str(event.get("status", "")).upper() == "CANCELLED":
            continue
        start = event.decoded("dtstart")
        if "dtend" in event:
            length = _local(event.decoded("dtend")) - _local(start)
        elif "duration" in event:
            length = event.decoded("duration")
        else:
            length = timedelta(days=1) if not isinstance(start, datetime) else timedelta(0)
        name = label or str(event.get("summary", "")) or "extern kalender"
        uid = str(event.get("uid"))
        for occurrence in _occurrences(event, start, first, last):
            if not event.get("recurrence-id") and (uid, occurrence) in moved:
                continue
            if isinstance(start, datetime):
                end = occurrence + length
                found.append(Busy(occurrence.date(), name, occurrence.time(),
                                  end.time() if end.date() == occurrence.date() else time(23, 59)))
            else:
                days = max(length.days, 1)
                found += [Busy(occurrence.date() + timedelta(days=n), name) for n in range(days)]
    return sorted(found, key=lambda b: (b.day, b.start or time()))


# Recurring meetings -----------------------------------------------------------------------------

def series_dates(weekday: int, start_date: date, end_date: date | None, first: date, last: date, *,
                 frequency: str = "weekly", interval: int = 1, holidays: dict[date, str] | None = None,
                 skip_holidays: bool = True) -> tuple[list[date], dict[date, str]]:
    """The days a recurring meeting falls on between first and last, and those skipped for a holiday."""
    holidays = swedish_holidays(*range(first.year, last.year + 1)) if holidays is None else holidays
    until = min(last, end_date) if end_date else last
    if frequency == "monthly":
        rule = rrule(MONTHLY, interval=interval, byweekday=rrule_weekday(weekday, +1),
                     dtstart=datetime.combine(start_date, time()), until=datetime.combine(until, time()))
    else:
        rule = rrule(WEEKLY, interval=interval, byweekday=weekday,
                     dtstart=datetime.combine(start_date, time()), until=datetime.combine(until, time()))
    days, skipped = [], {}
    for occurrence in rule.between(datetime.combine(first, time()), datetime.combine(until, time()), inc=True):
        day = occurrence.date()
        if skip_holidays and day in holidays:
            skipped[day] = holidays[day]
        else:
            days.append(day)
    return days, skipped
