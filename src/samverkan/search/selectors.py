"""Searching agenda items and decisions, the same way on SQLite and PostgreSQL."""

from dataclasses import dataclass, field

from django.db.models import Q

from samverkan.meetings.models import AgendaItem

from .backends import get_backend
from .models import SearchEntry
from .text import highlight, query_stems


@dataclass
class SearchHit:
    item: AgendaItem
    rank: float
    snippet: str


@dataclass
class SearchPage:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    query: str = ""


def _readable(readable_body_ids):
    """Entries of published meetings, and of any meeting of the bodies the reader belongs to."""
    return SearchEntry.objects.filter(
        Q(meeting__published_at__isnull=False) | Q(body_id__in=list(readable_body_ids)))


def _filtered(year: int | None, item_type: str | None, body_id: int | None, readable_body_ids):
    entries = _readable(readable_body_ids)
    if year is not None:
        entries = entries.filter(year=year)
    if item_type:
        entries = entries.filter(item_type=item_type)
    if body_id is not None:
        entries = entries.filter(body_id=body_id)
    return entries


def _hits(ranked: list[tuple[int, float]], terms: list[str]) -> list[SearchHit]:
    entries = SearchEntry.objects.select_related("item__meeting__body").in_bulk([pk for pk, _ in ranked])
    stems = set(terms)
    return [SearchHit(entries[pk].item, float(rank), highlight(entries[pk].texts, stems))
            for pk, rank in ranked if pk in entries]


def search(query: str, *, year: int | None = None, item_type: str | None = None,
           body_id: int | None = None, limit: int = 20, offset: int = 0,
           readable_body_ids=frozenset()) -> SearchPage:
    """Agenda items matching a query, best first, with highlighted snippets; never raises on input.

    Only published meetings are searched, and unpublished ones of `readable_body_ids`.
    """
    terms = query_stems(query)
    if not terms or limit <= 0:
        return SearchPage(query=query or "")
    entries = _filtered(year, item_type, body_id, readable_body_ids)
    ranked, total = get_backend().find(query, terms, entries, limit, max(offset, 0))
    return SearchPage(hits=_hits(ranked, terms), total=total, query=query)


def available_years(readable_body_ids=frozenset()) -> list[int]:
    """The years that have readable indexed items, newest first."""
    years = _readable(readable_body_ids).exclude(year=None).values_list("year", flat=True)
    return list(years.distinct().order_by("-year"))
