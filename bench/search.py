#!/usr/bin/env python3
"""search() beside the raw full-text query of its engine, on a large generated index.

    python bench/search.py [--entries 50000] [--queries 200] [--seed 1]
    python bench/search.py --database-url postgres://postgres@127.0.0.1:5432/samverkan

Builds a search index of N agenda items taken from the generator (bench/generate.py: several
bodies, decades, a vocabulary that grows with the archive) and times, query by query and
interleaved, `samverkan.search.selectors.search()` (what the search page calls: readable
meetings, filters, count, ranking, snippets) and the bare engine query for the same words
returning the top 20:

  * SQLite:     SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20
  * PostgreSQL: SELECT item_id FROM search_searchentry WHERE search_vector @@ to_tsquery(
                'simple', %s) ORDER BY ts_rank(search_vector, …) DESC LIMIT 20

The raw query gets the words already stemmed the way the index is, prefixes included (fts5_query / tsquery),
so it measures the engine alone. For speed the index is not built by importing documents: the
meetings and items are inserted with bulk_create and the index rows straight into the index tables
(SearchEntry.bulk_create and the backend's own write(), as the indexer does), then ANALYZE.

The database is a fresh SQLite file in a temporary folder, or with --database-url a throw-away
test database next to the one named ("test_<name>", dropped at the end). Reports only.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if (ROOT / "src").is_dir():
    sys.path.insert(1, str(ROOT / "src"))

from bench.generate import AGENDA, generate_documents  # noqa: E402
from bench.run import Table, _queries, percentile, setup_django  # noqa: E402

DOCUMENTS_PER_ENTRY = 1 / 9  # a generated meeting has about 11 items with its sub-items


def _meetings_for(entries: int, seed: int):
    """Distinct generated meetings (the minutes when both documents exist) with at least `entries` items."""
    count = max(20, int(entries * DOCUMENTS_PER_ENTRY * 1.5))
    while True:
        meetings: dict = {}
        for _, doc in generate_documents(count, seed):
            key = (doc.body.name, doc.meeting_date)
            if key not in meetings or doc.kind != AGENDA:
                meetings[key] = doc
        total = sum(1 + len(i.subitems) for d in meetings.values() for i in d.items)
        if total >= entries:
            return list(meetings.values())
        count *= 2


def build_index(entries: int, seed: int):
    """Bodies, meetings and items with bulk_create, then the index rows; (entries, docs, seconds)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from samverkan.directory.services import get_or_create_body
    from samverkan.meetings.models import AgendaItem, Meeting
    from samverkan.search.backends import get_backend
    from samverkan.search.models import SearchEntry
    from samverkan.search.vocabulary import add as add_words

    start = time.perf_counter()
    docs = _meetings_for(entries, seed)
    now = timezone.now()
    with transaction.atomic():
        bodies = {}
        for doc in docs:
            if doc.body.name not in bodies:
                bodies[doc.body.name] = get_or_create_body(doc.body.name, doc.body.short, doc.body.abbreviation)
        meetings = Meeting.objects.bulk_create(
            [Meeting(body=bodies[d.body.name], date=d.meeting_date, status=Meeting.Status.PUBLISHED,
                     published_at=now) for d in docs], batch_size=500)
        made = 0
        rows = []  # (item, generated item, meeting)
        for meeting, doc in zip(meetings, docs):
            for position, item in enumerate(doc.items):
                if made >= entries:
                    break
                parent = AgendaItem(meeting=meeting, number=item.number, position=position,
                                    title=item.title, type=item.type)
                rows.append((parent, item, meeting, None))
                made += 1
                for sub_position, sub in enumerate(item.subitems):
                    if made >= entries:
                        break
                    rows.append((AgendaItem(meeting=meeting, number=sub.number, position=sub_position,
                                            title=sub.title, type=sub.type), sub, meeting, parent))
                    made += 1
        top = [r for r in rows if r[3] is None]
        AgendaItem.objects.bulk_create([r[0] for r in top], batch_size=500)
        subs = [r for r in rows if r[3] is not None]
        for row in subs:
            row[0].parent = row[3]
        AgendaItem.objects.bulk_create([r[0] for r in subs], batch_size=500)
        index = []
        for item, generated, meeting, _ in rows:
            index.append(SearchEntry(
                item=item, meeting=meeting, body_id=meeting.body_id, date=meeting.date,
                year=meeting.date.year, item_type=item.type, title=item.title,
                body_text="\n".join(generated.paragraphs + generated.minutes_paragraphs),
                clauses_text="\n".join(generated.proposals + generated.decisions),
                presenters="\n".join(name for name, _ in generated.presenters)))
        backend = get_backend()
        for i in range(0, len(index), 2000):
            chunk = index[i:i + 2000]
            SearchEntry.objects.bulk_create(chunk, batch_size=500)
            backend.write(chunk)
            add_words(chunk)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return len(index), docs, time.perf_counter() - start


def raw_query(connection):
    """The engine's own top-20 query for a user query, stemmed as the index is."""
    from samverkan.search.backends import CONFIG, FTS_TABLE
    from samverkan.search.text import fts5_query, query_terms, tsquery

    if connection.vendor == "sqlite":
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY rank LIMIT 20"

        def prepare(query):
            terms = query_terms(query)
            return [fts5_query(terms)] if terms else None
    else:
        sql = (f"SELECT item_id FROM search_searchentry WHERE search_vector @@ to_tsquery("
               f"'{CONFIG}', %s) ORDER BY ts_rank(search_vector, to_tsquery('{CONFIG}', %s)) "
               f"DESC LIMIT 20")

        def prepare(query):
            terms = query_terms(query)
            return [tsquery(terms)] * 2 if terms else None

    def run(params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return prepare, run, sql


def phase_search(table: Table, seed: int, count: int, named_docs) -> None:
    from django.db import connection

    from samverkan.search.selectors import search

    prepare, run, _ = raw_query(connection)
    rng = random.Random(seed * 7919 + 1)
    queries = [q for q, _ in _queries(rng, named_docs, count + 20)]  # the words only, no filters
    timed = []
    for position, query in enumerate(queries):
        params = prepare(query)
        if params is None:
            continue
        began = time.perf_counter()
        page = search(query)
        _ = [hit.snippet for hit in page.hits]
        middle = time.perf_counter()
        rows = run(params)
        end = time.perf_counter()
        if position >= 20:  # the first 20 warm up caches and connections
            timed.append(((middle - began) * 1000, (end - middle) * 1000, page.total, len(rows)))
    app = [t[0] for t in timed]
    raw = [t[1] for t in timed]
    table.add("queries", f"{len(timed)}", "after 20 warm-up; search() and the raw query alternate")
    for label, p in (("p50", 50), ("p95", 95)):
        a, r = percentile(app, p), percentile(raw, p)
        table.add(f"search() {label}", f"{a:,.1f} ms")
        table.add(f"raw engine top-20 {label}", f"{r:,.2f} ms")
        table.add(f"search() / raw {label}", f"{a / r:,.1f}×")
    totals = sorted(t[2] for t in timed)
    table.add("hits per query (median)", f"{totals[len(totals) // 2]:,}",
              f"{sum(1 for t in timed if t[2] == 0)} queries found nothing; max {totals[-1]:,}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="search() beside the raw engine query (reports only).")
    parser.add_argument("--entries", type=int, default=50_000, help="indexed items (default 50,000)")
    parser.add_argument("--queries", type=int, default=200, help="queries to time (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", help="PostgreSQL server to make a throw-away test database on")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="samverkan-bench-search-"))
    table = Table()
    print(f"Samverkan search benchmark — {time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPU (figures from whatever else runs on this machine too)")
    connection = old_name = None
    try:
        connection, old_name = setup_django(workdir / "data", args.database_url)
        table.section(f"Index ({connection.vendor})")
        entries, docs, seconds = build_index(args.entries, args.seed)
        years = sorted({d.meeting_date.year for d in docs})
        table.add("indexed entries", f"{entries:,}",
                  f"{len(docs):,} meetings of {len({d.body.name for d in docs})} bodies, {years[0]}–{years[-1]}; "
                  f"built in {seconds:,.1f} s (bulk inserts straight into the index tables, then ANALYZE)")
        named_docs = [(None, d) for d in docs]
        table.section("Latency: search() vs the raw engine query, same words, top 20")
        phase_search(table, args.seed, args.queries, named_docs)
    except KeyboardInterrupt:
        return 130
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        if connection is not None and old_name is not None:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        if connection is not None:
            connection.close()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\n{datetime.date.today()}; figures are reported, not asserted; see bench/README.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
