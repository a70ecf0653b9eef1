"""Relevance over the sample archive: recall@10 and MRR of a hand-made set of Swedish queries.

Each query in relevance_queries.tsv names the items it must find. A query that finds nothing and
offers "Menade du …?" is scored on the suggestion's results, as a reader clicking it would see.
The figures are printed (run with -s) and held above floors just below what the search reaches.
"""

from pathlib import Path

from django.db import connection

from samverkan.search.selectors import search

QUERIES = Path(__file__).with_name("relevance_queries.tsv")
RECALL_FLOOR = 0.98
MRR_FLOOR = 0.97
TOP = 10


def _relevance_set() -> list[tuple[str, str, list[tuple[str, str]]]]:
    rows = []
    lines = [line for line in QUERIES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        query, kind, *expected = line.split("\t")
        rows.append((query, kind, [tuple(key.split("|", 1)) for key in expected]))
    return rows


def _is(hit, key: tuple[str, str]) -> bool:
    date, title = key
    item = hit.item
    item_date = item.meeting.date.isoformat() if item.meeting.date else "-"
    return item_date == date and item.title.startswith(title)


def _results(query: str):
    page = search(query, limit=TOP)
    suggestion = getattr(page, "suggestion", "")
    if not page.hits and suggestion:
        page = search(suggestion, limit=TOP)
    return page.hits


def _score(query: str, expected) -> tuple[float, float]:
    hits = _results(query)
    found = [next((rank for rank, hit in enumerate(hits, 1) if _is(hit, key)), None) for key in expected]
    recall = sum(rank is not None for rank in found) / len(expected)
    first = min((rank for rank in found if rank is not None), default=None)
    return recall, (1 / first if first else 0.0)


def test_the_relevance_set_is_large_enough_and_names_existing_items(sample_archive):
    from samverkan.meetings.models import AgendaItem

    queries = _relevance_set()
    assert len(queries) >= 40
    items = list(AgendaItem.objects.select_related("meeting"))

    class Hit:
        def __init__(self, item):
            self.item = item

    for query, _, expected in queries:
        for key in expected:
            assert any(_is(Hit(item), key) for item in items), (query, key)


def test_recall_and_mrr_over_the_sample_archive(sample_archive):
    rows = []
    for query, kind, expected in _relevance_set():
        recall, reciprocal = _score(query, expected)
        rows.append((query, kind, recall, reciprocal))
    recall = sum(r[2] for r in rows) / len(rows)
    mrr = sum(r[3] for r in rows) / len(rows)
    print(f"\nSearch relevance on {connection.vendor}: {len(rows)} queries, "
          f"recall@{TOP} = {recall:.3f}, MRR = {mrr:.3f}")
    for kind in sorted({r[1] for r in rows}):
        of_kind = [r for r in rows if r[1] == kind]
        print(f"  {kind:12} {len(of_kind):3} queries  recall@{TOP} {sum(r[2] for r in of_kind) / len(of_kind):.3f}"
              f"  MRR {sum(r[3] for r in of_kind) / len(of_kind):.3f}")
    for query, kind, q_recall, reciprocal in rows:
        if q_recall < 1 or reciprocal < 1:
            print(f"  missed: {query!r} ({kind}) recall {q_recall:.2f}, reciprocal rank {reciprocal:.2f}")
    assert recall >= RECALL_FLOOR
    assert mrr >= MRR_FLOOR
