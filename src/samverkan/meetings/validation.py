"""What a meeting and its items must be before they are saved, said in Swedish next to the field.

The same rules are checked twice: by the forms, so the message stands by the field, and by the
actions, so no other caller (the year calendar, a program) saves what the forms refuse.
"""

from __future__ import annotations

from datetime import date, time

from samverkan.core.errors import UserError

TITLE_MAX_LENGTH = 300
EARLIEST_YEAR = 1990
YEARS_AHEAD = 5

END_BEFORE_START = "Sluttiden måste vara efter starttiden."
DATE_TOO_EARLY = f"Datumet kan inte vara före år {EARLIEST_YEAR}."


def date_too_late(today: date) -> str:
    return f"Datumet kan inte ligga mer än fem år fram i tiden (senast {latest_date(today).isoformat()})."


def latest_date(today: date) -> date:
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def title_too_long(title: str) -> str:
    return f"Rubriken får vara högst {TITLE_MAX_LENGTH} tecken; den här har {len(title)}."


def meeting_problems(meeting_date: date | None, start_time: time | None, end_time: time | None,
                     today: date) -> dict[str, str]:
    """The problems of a meeting's date and times, by the name of the field they belong to."""
    problems = {}
    if meeting_date is not None:
        if meeting_date.year < EARLIEST_YEAR:
            problems["date"] = DATE_TOO_EARLY
        elif meeting_date > latest_date(today):
            problems["date"] = date_too_late(today)
    if start_time is not None and end_time is not None and end_time <= start_time:
        problems["end_time"] = END_BEFORE_START
    return problems


def title_problem(title: str) -> str | None:
    return title_too_long(title) if len(title) > TITLE_MAX_LENGTH else None


def check_meeting(meeting_date, start_time, end_time, today: date) -> None:
    """Raise the first problem of a meeting's date and times as a UserError."""
    problems = meeting_problems(meeting_date, start_time, end_time, today)
    for field, code in (("date", "meeting_date"), ("end_time", "end_before_start")):
        if field in problems:
            raise UserError(problems[field], code=code)


def check_title(title: str) -> None:
    problem = title_problem(title)
    if problem:
        raise UserError(problem, code="title_too_long")
