"""The archive overview: per body and year, what the archive holds, what is missing, what waits and what failed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from samverkan.archive.models import SourceDocument
from samverkan.directory.access import served_body_ids
from samverkan.directory.models import Body
from samverkan.language.lexicon import MONTHS
from samverkan.meetings.models import Meeting

from .models import ImportFile
from .selectors import files_of
from .services import corrected_reading

State = ImportFile.State
HELD = (Meeting.Status.NOTIFIED, Meeting.Status.RECORDED, Meeting.Status.PUBLISHED)


@dataclass
class YearRow:
    year: int
    meetings: int = 0
    months_without_minutes: list[str] = field(default_factory=list)
    months_without_agenda: list[str] = field(default_factory=list)
    waiting: list[ImportFile] = field(default_factory=list)


@dataclass
class BodyOverview:
    body: Body
    years: list[YearRow]


@dataclass
class Overview:
    bodies: list[BodyOverview]
    waiting_elsewhere: list[ImportFile]  # waiting for review, with no body or date of a body kept here
    failed: list[ImportFile]

    @property
    def rereadable(self) -> list[ImportFile]:
        return [row for row in self.failed if row.file]


def archive_overview(user) -> Overview:
    """What the user's bodies' archive holds per year (in the months from its first meeting to its last)."""
    bodies = list(Body.objects.filter(pk__in=served_body_ids(user)).order_by("name"))
    documents = SourceDocument.objects.filter(meeting=OuterRef("pk"))
    meetings = (Meeting.objects.filter(body__in=bodies, date__isnull=False)
                .annotate(agenda=Exists(documents.filter(kind=SourceDocument.Kind.AGENDA)),
                          minutes=Exists(documents.filter(kind=SourceDocument.Kind.MINUTES)),
                          imported=Exists(documents))
                .values_list("body_id", "date", "status", "agenda", "minutes", "imported"))
    months: dict[int, dict[tuple[int, int], list[bool]]] = defaultdict(dict)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for body_id, day, status, agenda, minutes, imported in meetings:
        seen = months[body_id].setdefault((day.year, day.month), [False, False])
        # A meeting held in Samverkan (nothing imported) has its agenda once noticed, its minutes once published.
        seen[0] |= agenda or (not imported and status in HELD)
        seen[1] |= minutes or (not imported and status == Meeting.Status.PUBLISHED)
        counts[(body_id, day.year)] += 1
    waiting = _waiting(user)
    by_name = {body.name.lower(): body for body in bodies}
    placed: dict[tuple[int, int], list[ImportFile]] = defaultdict(list)
    elsewhere = []
    for row, body_name, year in waiting:
        body = by_name.get((body_name or "").lower())
        if body is None or year is None:
            elsewhere.append(row)
        else:
            placed[(body.pk, year)].append(row)
    result = []
    for body in bodies:
        held = {year for year, _ in months[body.pk]}
        # Every year from the first meeting to the last: a year without any is missing everything.
        span = set(range(min(held), max(held) + 1)) if held else set()
        years = sorted(span | {year for (pk, year) in placed if pk == body.pk})
        rows = [_year(body.pk, year, months[body.pk], counts, placed) for year in years]
        if rows:
            result.append(BodyOverview(body, rows))
    return Overview(result, elsewhere, _failed(user))


def _year(body_id, year, months, counts, placed) -> YearRow:
    row = YearRow(year, counts[(body_id, year)], waiting=placed.get((body_id, year), []))
    if months:
        first, last = min(months), max(months)
        for month in range(1, 13):
            if not first <= (year, month) <= last:
                continue
            agenda, minutes = months.get((year, month), (False, False))
            if not minutes:
                row.months_without_minutes.append(MONTHS[month - 1])
            if not agenda:
                row.months_without_agenda.append(MONTHS[month - 1])
    return row


def _files_of(user):
    return files_of(user).select_related("batch__body").prefetch_related("corrections")


def _waiting(user) -> list[tuple[ImportFile, str | None, int | None]]:
    """Each file waiting for review once (the same file uploaded twice is one), with its body and year."""
    found, seen = [], set()
    for row in _files_of(user).filter(state=State.NEEDS_REVIEW).order_by("pk"):
        if row.sha256 in seen:
            continue
        seen.add(row.sha256)
        reading = corrected_reading(row)
        body = reading.get("body") or (row.batch.body.name if row.batch.body_id else None)
        day = reading.get("meeting_date")
        found.append((row, body, int(day[:4]) if day else None))
    return found


def _failed(user) -> list[ImportFile]:
    return list(_files_of(user).filter(state=State.FAILED).order_by("-modified", "pk"))
