#!/usr/bin/env python3
"""The Samverkan benchmark: parse, import and search a generated archive, and print the figures.

    python bench/run.py [--count 1000] [--seed 1] [--database-url postgres://…]
    make bench

Generates a synthetic archive (bench/generate.py) into a temporary folder and measures

  * the reader (text already in memory, best of 3 runs) and its peak memory (tracemalloc),
  * how well the reader agrees with what the generator wrote (items, clauses, kind, date),
  * import_file() into a fresh database (first-time imports), then re-import (all unchanged),
  * search() latency over ~200 queries drawn from the corpus vocabulary, after a warm-up.

The database is always fresh: a new SQLite file in the temporary folder, or, with
--database-url, a throw-away test database created next to the one named (Django's
test-database machinery: "test_<name>", dropped at the end). The user's data is never
touched. Benchmarks report; nothing here fails on a timing.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if (ROOT / "src").is_dir():
    sys.path.insert(1, str(ROOT / "src"))

import contextlib  # noqa: E402

from bench.generate import (  # noqa: E402
    MUNICIPALITIES,
    SUBTOPICS,
    TOPICS,
    generate_documents,
)

PARSE_TARGET = 200  # docs/s
ITEM_TYPES = ("decision", "report", "information", "procedural", "other_business")


# --------------------------------------------------------------------------- output

class Table:
    def __init__(self):
        self.rows: list[tuple[str, str, str]] = []

    def add(self, figure: str, value: str, note: str = "") -> None:
        self.rows.append((figure, value, note))
        print(f"  {figure:<34} {value:>16}  {note}", flush=True)

    def section(self, title: str) -> None:
        print(f"\n{title}", flush=True)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def norm(text: str) -> str:
    return " ".join(str(text).replace("*", "").split()).strip(" .").lower()


# --------------------------------------------------------------------------- phases

def phase_parse(table: Table, named_docs, texts: list[tuple[str, str]], total_bytes: int):
    try:
        from samverkan.archive.reader import read_text
    except ImportError as error:
        table.add("parse", "skipped", f"reader not importable: {error}")
        return None
    failures: list[tuple[str, str]] = []
    results = {}
    best = float("inf")
    for run in range(3):
        start = time.perf_counter()
        for name, text in texts:
            try:
                document = read_text(text, source=name)
            except Exception as error:
                if run == 0:
                    failures.append((name, f"{type(error).__name__}: {error}"))
                continue
            if run == 0:
                results[name] = document
        best = min(best, time.perf_counter() - start)
    rate = len(texts) / best
    met = "met" if rate >= PARSE_TARGET else "NOT met"
    table.add("parse docs/s (best of 3)", f"{rate:,.0f}", f"target ≥ {PARSE_TARGET} docs/s: {met}")
    table.add("parse MB/s", f"{total_bytes / 1e6 / best:,.2f}", f"{best * 1000:,.0f} ms for all")
    table.add("parse ms/doc (mean)", f"{best / len(texts) * 1000:,.2f}")

    tracemalloc.start()
    for name, text in texts:
        with contextlib.suppress(Exception):
            read_text(text, source=name)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    table.add("parse peak memory (tracemalloc)", f"{peak / 1e6:,.2f} MB", "one document at a time")
    if failures:
        table.add("parse exceptions", str(len(failures)), failures[0][0] + ": " + failures[0][1][:80])
    _agreement(table, named_docs, results)
    return results


def _agreement(table: Table, named_docs, results) -> None:
    """How often the reader finds what the generator wrote (not a test; a health figure)."""
    counts = Counter()
    examples: dict[str, str] = {}
    for name, expected in named_docs:
        got = results.get(name)
        if got is None:
            continue
        counts["docs"] += 1

        def check(key, ok, detail, name=name):
            counts[key] += bool(ok)
            if not ok and key not in examples:
                examples[key] = f"{name}: {detail}"

        check("kind", got.kind == expected.kind, f"{got.kind} ≠ {expected.kind}")
        check("date", got.meeting_date == expected.meeting_date,
              f"{got.meeting_date} ≠ {expected.meeting_date}")
        got_numbers = [i.number for i in got.items]
        want_numbers = [i.number for i in expected.items]
        check("items", got_numbers == want_numbers, f"{len(got_numbers)} items ≠ {len(want_numbers)}")
        got_titles = [norm(i.title) for i in got.items]
        want_titles = [norm(i.title) for i in expected.items]
        check("titles", got_titles == want_titles,
              next((f"{g!r} ≠ {w!r}" for g, w in zip(got_titles, want_titles) if g != w), "count"))
        got_types = [i.type for i in got.items]
        want_types = [i.type for i in expected.items]
        check("types", got_types == want_types,
              next((f"item {n}: {g} ≠ {w}" for n, g, w in zip(want_numbers, got_types, want_types)
                    if g != w), "count"))
        got_subs = [[s.number for s in i.subitems] for i in got.items]
        want_subs = [[s.number for s in i.subitems] for i in expected.items]
        check("subitems", got_subs == want_subs, f"{got_subs} ≠ {want_subs}")
        want_p, want_d = expected.all_clauses()
        got_p = [norm(c) for i in got.items for n in [i, *i.subitems] for c in n.proposals]
        got_d = [norm(c) for i in got.items for n in [i, *i.subitems] for c in n.decisions]
        check("clauses", (got_p, got_d) == ([norm(c) for c in want_p], [norm(c) for c in want_d]),
              f"{len(got_p)}/{len(got_d)} proposals/decisions ≠ {len(want_p)}/{len(want_d)}")
        got_att = [a.name for a in got.attendees]
        check("attendees", got_att == expected.attendees, f"{len(got_att)} ≠ {len(expected.attendees)}")
        got_pres = [[p.name for p in i.presenters] for i in got.items]
        want_pres = [[p[0] for p in i.presenters] for i in expected.items]
        check("presenters", got_pres == want_pres,
              next((f"item {n}: {g} ≠ {w}" for n, g, w in zip(want_numbers, got_pres, want_pres)
                    if g != w), "count"))
        got_bil = [i.attachments for i in got.items]
        want_bil = [i.attachments for i in expected.items]
        check("attachments", got_bil == want_bil,
              next((f"item {n}: {g} ≠ {w}" for n, g, w in zip(want_numbers, got_bil, want_bil)
                    if g != w), "count"))
    total = counts["docs"] or 1
    parts = ["kind", "date", "items", "subitems", "titles", "types", "clauses", "attendees",
             "presenters", "attachments"]
    print("  reader vs generator (documents where the whole field is exactly right):", flush=True)
    for key in parts:
        table.add(f"  {key}", f"{counts[key] / total:6.1%}",
                  "" if counts[key] == total else "e.g. " + examples.get(key, "")[:110])


def setup_django(data_dir: Path, database_url: str | None):
    os.environ["SAMVERKAN_DATA_DIR"] = str(data_dir)
    os.environ["DEBUG"] = "0"  # no query log growing in memory
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)  # never the user's database
    os.environ["DJANGO_SETTINGS_MODULE"] = "samverkan.settings"
    from samverkan.datadir import prepare

    prepare()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        call_command("migrate", verbosity=0)
        return connection, None
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    return connection, old_name


def _tenths(table: Table, label: str, durations: list[float]) -> None:
    """Speed of the first and the last tenth of the documents: does a document cost more in a bigger archive?"""
    tenth = max(1, len(durations) // 10)
    first, last = tenth / sum(durations[:tenth]), tenth / sum(durations[-tenth:])
    table.add(label, f"{first:,.1f} → {last:,.1f}",
              f"docs/s of documents 1–{tenth} and the last {tenth}; batch 10 at {last / first:.0%} of batch 1")


def phase_import(table: Table, paths: list[Path]) -> float | None:
    """Import every file, then again; the first-time import rate (docs/s), None when skipped."""
    try:
        from samverkan.archive.services import ImportFailed, import_file
    except ImportError as error:
        table.add("import", "skipped", f"loader not importable: {error}")
        return None
    rates = []
    for label in ("import docs/s (first time)", "re-import docs/s (unchanged)"):
        statuses: Counter = Counter()
        failures: list[str] = []
        durations: list[float] = []
        start = time.perf_counter()
        for path in paths:
            began = time.perf_counter()
            try:
                statuses[import_file(path).status] += 1
            except ImportFailed as error:
                statuses["failed"] += 1
                failures.append(f"{path.name}: {error.reason}")
            except Exception as error:
                statuses["error"] += 1
                failures.append(f"{path.name}: {type(error).__name__}: {error}")
            durations.append(time.perf_counter() - began)
        elapsed = time.perf_counter() - start
        summary = ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
        rates.append(len(paths) / elapsed)
        table.add(label, f"{rates[-1]:,.1f}", f"{elapsed:,.1f} s; {summary}")
        if failures:
            table.add("  first failure", "", failures[0][:140])
        if len(rates) == 1:
            _tenths(table, "  import batch 1 vs batch 10", durations)
    return rates[0]


def phase_floor(table: Table, import_rate: float) -> None:
    """The same rows the import wrote, inserted again with bulk_create, one transaction per document.

    What an import could cost at best on this database: no reading, no lookups, no index. The rows
    (meetings, items, clauses, presentations, attachments, attendance, source documents) are taken
    from the database after the import, deleted, and inserted again in the order the files came,
    each meeting with its first document. People, organisations and bodies stay; the search index
    is not rebuilt (so run this after the search phase).
    """
    from collections import defaultdict

    from django.db import transaction

    from samverkan.archive.models import SourceDocument
    from samverkan.meetings.models import AgendaItem, Attachment, Attendance, Clause, Meeting, Presentation

    sources = list(SourceDocument.objects.order_by("pk"))
    meetings = {m.pk: m for m in Meeting.objects.all()}
    items: dict[int, list] = defaultdict(list)
    for item in AgendaItem.objects.order_by("parent_id", "pk"):
        items[item.meeting_id].append(item)
    part_models = (Clause, Presentation, Attachment, Attendance)
    parts = {model: defaultdict(list) for model in part_models}
    unsourced = 0
    for model in part_models:
        for row in model.objects.order_by("pk"):
            parts[model][row.source_id].append(row)
            unsourced += row.source_id is None
    rows = len(sources) + len(meetings) + sum(len(v) for v in items.values()) + sum(
        len(r) for by_source in parts.values() for r in by_source.values())
    Meeting.objects.all().delete()  # cascades to everything above (and the search entries)

    durations: list[float] = []
    inserted: set[int] = set()
    start = time.perf_counter()
    for source in sources:
        began = time.perf_counter()
        with transaction.atomic():
            if source.meeting_id not in inserted:
                inserted.add(source.meeting_id)
                Meeting.objects.bulk_create([meetings[source.meeting_id]])
                AgendaItem.objects.bulk_create(items[source.meeting_id])
            SourceDocument.objects.bulk_create([source])
            for model in part_models:
                if parts[model][source.pk]:
                    model.objects.bulk_create(parts[model][source.pk])
        durations.append(time.perf_counter() - began)
    elapsed = time.perf_counter() - start
    rate = len(sources) / elapsed
    back = sum(model.objects.count() for model in (SourceDocument, Meeting, AgendaItem, *part_models))
    table.add("bulk_create floor docs/s", f"{rate:,.1f}",
              f"{elapsed:,.2f} s for {rows:,} rows ({back:,} in the tables after), one transaction per document"
              + (f"; {unsourced} rows without a source skipped" if unsourced else ""))
    table.add("import / floor", f"{import_rate / rate:.1%}",
              f"the import runs at this share of the floor ({rate / import_rate:,.0f}× slower)")
    _tenths(table, "  floor batch 1 vs batch 10", durations)


def phase_counts(table: Table, expected_meetings: int, expected_items: int) -> None:
    from samverkan.meetings.models import AgendaItem, Meeting
    from samverkan.search.models import SearchEntry

    meetings = Meeting.objects.count()
    table.add("meetings", f"{meetings:,}", f"generator made {expected_meetings:,}")
    top = AgendaItem.objects.filter(parent=None).count() if hasattr(AgendaItem, "parent") else None
    table.add("agenda items (all levels)", f"{AgendaItem.objects.count():,}",
              f"top-level {top:,}; generator: {expected_items:,} top-level after merging"
              if top is not None else "")
    table.add("search entries (indexed items)", f"{SearchEntry.objects.count():,}")


def _queries(rng: random.Random, named_docs, count: int) -> list[tuple[str, dict]]:
    years = sorted({d.meeting_date.year for _, d in named_docs})
    # presenters are indexed with their items (attendees are not)
    names = sorted({p[0] for _, d in named_docs for i in d.items for p in i.presenters}) or ["Anna Berg"]
    words = sorted({w for t in TOPICS + SUBTOPICS for w in t.replace("{year}", "").split()
                    if len(w) > 4 and w.isalpha()})
    topic_words = [ws for ws in ([w for w in t.split() if w.isalpha() and len(w) > 2] for t in TOPICS)
                   if len(ws) >= 2]
    templates = [
        lambda: rng.choice(TOPICS).format(year=rng.choice(years)),
        lambda: rng.choice(words),
        lambda: " ".join(rng.sample(rng.choice(topic_words), 2)),
        lambda: rng.choice(names),
        lambda: rng.choice(names).split()[-1],
        lambda: rng.choice(MUNICIPALITIES),
        lambda: rng.choice(["godkänna dagordningen", "lägga informationen till handlingarna",
                            "kalendarium", "stimulansmedel psykisk hälsa", "Styrgruppens förslag",
                            "uppdragstiden", "hedersrelaterat våld", "god och nära vård"]),
        lambda: rng.choice(words) + " " + str(rng.choice(years)),
    ]
    out = []
    for _ in range(count):
        query = rng.choice(templates)()
        filters: dict = {}
        roll = rng.random()
        if roll < 0.25:
            filters["year"] = rng.choice(years)
        elif roll < 0.40:
            filters["item_type"] = rng.choice(ITEM_TYPES)
        elif roll < 0.50:
            filters = {"year": rng.choice(years), "item_type": rng.choice(ITEM_TYPES[:3])}
        out.append((query, filters))
    return out


def phase_search(table: Table, named_docs, seed: int, count: int) -> None:
    try:
        from samverkan.search.selectors import search
    except ImportError as error:
        table.add("search", "skipped", f"search not importable: {error}")
        return
    rng = random.Random(seed * 7919 + 1)
    warmup = _queries(rng, named_docs, 20)
    queries = _queries(rng, named_docs, count)
    for query, filters in warmup:
        search(query, **filters)
    timings, totals, zero, errors = [], [], 0, []
    for query, filters in queries:
        start = time.perf_counter()
        try:
            page = search(query, **filters)
            _ = [hit.snippet for hit in page.hits]  # everything a results page would use
        except Exception as error:
            errors.append(f"{query!r} {filters}: {type(error).__name__}: {error}")
            continue
        timings.append((time.perf_counter() - start) * 1000)
        totals.append(page.total)
        zero += page.total == 0
        if page.total == 0 and os.environ.get("BENCH_DEBUG"):
            print("    zero:", query, filters)
    if timings:
        table.add("search queries", f"{len(timings)}",
                  f"after {len(warmup)} warm-up; ~half with year/type filters")
        table.add("search p50", f"{percentile(timings, 50):,.1f} ms")
        table.add("search p95", f"{percentile(timings, 95):,.1f} ms")
        table.add("search max", f"{max(timings):,.1f} ms")
        table.add("search hits per query (median)", f"{statistics.median(totals):,.0f}",
                  f"{zero} queries found nothing")
    if errors:
        table.add("search exceptions", str(len(errors)), errors[0][:140])


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Samverkan benchmark (reports, never fails on timings).")
    parser.add_argument("--count", type=int, default=1000, help="documents to generate (default 1000)")
    parser.add_argument("--no-floor", action="store_true", help="skip the bulk_create floor")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--queries", type=int, default=200, help="search queries to time (default 200)")
    parser.add_argument("--database-url", help="run import/search on a throw-away test database "
                        "created on this server (e.g. postgres://user:pw@host/samverkan)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="samverkan-bench-"))
    archive, data_dir = workdir / "archive", workdir / "data"
    table = Table()
    print(f"Samverkan benchmark — {time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPU, {platform.machine()} {platform.system()}")
    connection = old_name = None
    try:
        table.section("Archive")
        start = time.perf_counter()
        named_docs = generate_documents(args.count, args.seed)
        archive.mkdir(parents=True)
        paths, texts = [], []
        for name, document in named_docs:
            path = archive / name
            path.write_text(document.text, encoding="utf-8")
            paths.append(path)
            texts.append((name, path.read_text(encoding="utf-8")))
        total_bytes = sum(len(t.encode("utf-8")) for _, t in texts)
        dates = {(d.body.name, d.meeting_date) for _, d in named_docs}  # one meeting per body and day
        kinds = Counter(d.kind for _, d in named_docs)
        table.add("documents", f"{len(paths):,}",
                  f"{kinds['agenda']} agendas, {kinds['minutes']} minutes, {len(dates)} meetings "
                  f"of {len({d.body.name for _, d in named_docs})} bodies (seed {args.seed})")
        table.add("total size", f"{total_bytes / 1e6:,.2f} MB",
                  f"{min(d.size for _, d in named_docs) / 1e3:.1f}–"
                  f"{max(d.size for _, d in named_docs) / 1e3:.1f} KB per document")
        table.add("generation", f"{time.perf_counter() - start:,.2f} s")

        table.section("Reader (read_text, in memory)")
        phase_parse(table, named_docs, texts, total_bytes)

        table.section("Loader (import_file)")
        try:
            connection, old_name = setup_django(data_dir, args.database_url)
        except Exception as error:
            table.add("database", "unavailable", f"{type(error).__name__}: {error}")
            return 0
        table.add("database", connection.vendor,
                  connection.settings_dict["NAME"] if args.database_url else "fresh file in temp dir")
        import_rate = phase_import(table, paths)
        if import_rate is not None:
            expected_items = 0
            by_date: dict = {}
            for _, d in named_docs:
                key = (d.body.name, d.meeting_date)
                by_date[key] = max(by_date.get(key, 0), len(d.items))
            expected_items = sum(by_date.values())
            phase_counts(table, len(dates), expected_items)
            table.section("Search (search())")
            phase_search(table, named_docs, args.seed, args.queries)
            if not args.no_floor:
                table.section("Floor (the same rows with bulk_create)")
                phase_floor(table, import_rate)
    except KeyboardInterrupt:
        print("\ninterrupted")
        return 130
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        if connection is not None and old_name is not None:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        if connection is not None:
            connection.close()
        if args.keep:
            print(f"\nkept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print("\nFigures are reported, not asserted; see bench/README.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
