"""Searching agenda items and decisions, the same way on SQLite and PostgreSQL."""

from dataclasses import dataclass, field

from django.db.models import Q

from samverkan.directory.models import Body, Organization, Person
from samverkan.meetings.models import AgendaItem, Presentation

from . import vocabulary
from .backends import DATE, RELEVANCE, get_backend
from .models import SearchEntry
from .text import TermMatcher, excerpt, highlight, query_terms

FEW_HITS = 3  # below this many hits a query is also checked for misspellings ("Menade du …?")
ORDERS = (RELEVANCE, DATE)


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
    suggestion: str = ""  # "Menade du …?": a spelling the index knows that finds more


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to; None means any."""

    year: int | None = None
    item_type: str | None = None
    body_id: int | None = None
    presenter_id: int | None = None
    organization_id: int | None = None


def _readable(readable_body_ids):
    """Entries of published meetings, and of any meeting of the bodies the reader belongs to."""
    return SearchEntry.objects.filter(
        Q(meeting__published_at__isnull=False) | Q(body_id__in=list(readable_body_ids)))


def _filtered(filters: Filters, readable_body_ids):
    entries = _readable(readable_body_ids)
    if filters.year is not None:
        entries = entries.filter(year=filters.year)
    if filters.item_type:
        entries = entries.filter(item_type=filters.item_type)
    if filters.body_id is not None:
        entries = entries.filter(body_id=filters.body_id)
    if filters.presenter_id is not None:
        entries = entries.filter(pk__in=Presentation.objects.filter(person_id=filters.presenter_id)
                                 .values("item_id"))
    if filters.organization_id is not None:
        entries = entries.filter(pk__in=Presentation.objects.filter(
            person__organization_id=filters.organization_id).values("item_id"))
    return entries


def _hits(ranked: list[tuple[int, float]], terms: list[str], readable_body_ids) -> list[SearchHit]:
    # A hit shows the item's title, type, meeting and body, and a snippet of the entry's texts.
    entries = (SearchEntry.objects.select_related("item__meeting__body")
               .defer("search_vector", "members_vector", "item__agenda_text", "item__minutes_text")
               .in_bulk([pk for pk, _ in ranked]))
    matcher = TermMatcher(terms)  # one for the page: its words are looked up once
    hits = []
    for pk, rank in ranked:
        entry = entries.get(pk)
        if entry is not None:
            texts = entry.texts(restricted=entry.body_id in readable_body_ids)
            hits.append(SearchHit(entry.item, float(rank), highlight(texts, terms, matcher)))
    return hits


def _suggestion(query: str, total: int, entries, readable_body_ids) -> str:
    """A respelling of the query that finds more than it, or ""."""
    suggested = vocabulary.suggestion(query)
    terms = query_terms(suggested)
    if not terms:
        return ""
    _, found = get_backend().find(terms, entries, 0, 0, readable_body_ids=readable_body_ids)
    return suggested if found > total else ""


def search(query: str, *, year: int | None = None, item_type: str | None = None,
           body_id: int | None = None, presenter_id: int | None = None, organization_id: int | None = None,
           order: str = RELEVANCE, limit: int = 20, offset: int = 0,
           readable_body_ids=frozenset()) -> SearchPage:
    """Agenda items matching a query, best (or newest) first, with highlighted snippets; never raises on input.

    Only published meetings are searched, and unpublished ones of `readable_body_ids`, whose
    non-public attachments are searched too. A query with few hits gets a suggestion when the index
    knows a spelling that finds more.
    """
    terms = query_terms(query)
    if not terms or limit <= 0:
        return SearchPage(query=query or "")
    readable_body_ids = frozenset(readable_body_ids)
    filters = Filters(year, item_type, body_id, presenter_id, organization_id)
    entries = _filtered(filters, readable_body_ids)
    ranked, total = get_backend().find(terms, entries, limit, max(offset, 0), readable_body_ids=readable_body_ids,
                                       order=order if order in ORDERS else RELEVANCE)
    suggestion = _suggestion(query, total, entries, readable_body_ids) if total < FEW_HITS else ""
    return SearchPage(hits=_hits(ranked, terms, readable_body_ids), total=total, query=query,
                      suggestion=suggestion)


def latest_decisions(limit: int = 5, readable_body_ids=frozenset()) -> list[SearchHit]:
    """The newest decision items a reader may read, each with the start of its decision."""
    entries = (_readable(readable_body_ids).filter(item_type=AgendaItem.Type.DECISION).exclude(date=None)
               .select_related("item__meeting__body").order_by("-date", "-pk")[:limit])
    return [SearchHit(entry.item, 0.0, excerpt(entry.clauses_text or entry.body_text)) for entry in entries]


def available_years(readable_body_ids=frozenset()) -> list[int]:
    """The years that have readable indexed items, newest first."""
    years = _readable(readable_body_ids).exclude(year=None).values_list("year", flat=True)
    return list(years.distinct().order_by("-year"))


def filter_choices(readable_body_ids=frozenset()) -> dict[str, list]:
    """What a search can be narrowed to: years, bodies, presenters and their organisations with readable items."""
    readable = _readable(readable_body_ids)
    presentations = Presentation.objects.filter(item_id__in=readable.values("pk"))
    return {
        "years": available_years(readable_body_ids),
        "bodies": list(Body.objects.filter(pk__in=readable.values("body_id")).order_by("name")),
        "presenters": list(Person.objects.filter(pk__in=presentations.values("person_id")).order_by("name")
                           .only("pk", "name")),
        "organizations": list(Organization.objects.filter(
            pk__in=presentations.values("person__organization_id")).order_by("name").only("pk", "name")),
    }
