#!/usr/bin/env python3
"""The public pages under load, each beside a bare Django view served by the same server.

    python bench/web.py [--count 500] [--seconds 5] [--rounds 2] [--connections 50]
    python bench/web.py --database-url postgres://postgres@127.0.0.1:5432/samverkan

Imports a generated archive (bench/generate.py, `--count` documents) into a fresh database, then
serves the app with waitress (8 threads, as `samverkan serve`) in this process, with one URL
added by bench/floor_urls.py: `/__floor__`, a view returning HttpResponse("ok") through the same
settings, middleware, server and Python. `wrk` (Debian package `wrk`; a small Python client in a
separate process when it is missing) loads each page with 50 connections, interleaved with the
floor: floor, page, floor, page … (`--rounds` pairs of `--seconds` each), and the figures are the
median over the rounds: requests per second, p50 and p99 latency, and page/floor.

Pages: the start page `/`, a published meeting with 15 items, `/moten/` and `/sok/?q=beslutade`.
Reports only; nothing fails on a timing. Run it on a quiet machine; the load generator shares
the cores with the server.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if (ROOT / "src").is_dir():
    sys.path.insert(1, str(ROOT / "src"))

FLOOR = "/__floor__"


# --------------------------------------------------------------------------- load generators

def _wrk_seconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def run_wrk(url: str, seconds: float, connections: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "10s", url],
        capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for label, key in (("50%", "p50"), ("99%", "p99")):
        result[key] = _wrk_seconds(re.search(rf"^\s+{label}\s+(\S+)", out, re.M).group(1)) * 1000
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: (.*)", out)
    result["errors"] = int(errors.group(1)) if errors else 0
    result["socket"] = socket.group(1) if socket else ""
    return result


CLIENT = r"""
import http.client, json, sys, threading, time
host, port, path, seconds, connections = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
latencies, errors, stop = [], [0], time.perf_counter() + seconds
def worker():
    conn = http.client.HTTPConnection(host, port, timeout=10)
    while time.perf_counter() < stop:
        began = time.perf_counter()
        try:
            conn.request("GET", path); response = conn.getresponse(); response.read()
            if response.status >= 400: errors[0] += 1
        except Exception:
            errors[0] += 1; conn.close(); conn = http.client.HTTPConnection(host, port, timeout=10); continue
        latencies.append(time.perf_counter() - began)
threads = [threading.Thread(target=worker) for _ in range(connections)]
start = time.perf_counter()
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.perf_counter() - start
latencies.sort()
pick = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else float("nan")
print(json.dumps({"rps": len(latencies) / elapsed, "p50": pick(50), "p99": pick(99), "errors": errors[0], "socket": ""}))
"""


def run_python_client(host: str, port: int, path: str, seconds: float, connections: int) -> dict:
    """Fallback load generator: threads in a separate process (it must not share the server's GIL)."""
    out = subprocess.run([sys.executable, "-c", CLIENT, host, str(port), path, str(seconds), str(connections)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


# --------------------------------------------------------------------------- the app

def setup(workdir: Path, database_url: str | None, count: int, seed: int) -> tuple:
    from bench.generate import generate_archive
    from bench.run import setup_django

    connection, old_name = setup_django(workdir / "data", database_url)
    from django.conf import settings

    settings.ROOT_URLCONF = "bench.floor_urls"  # the app's URLs and /__floor__, for this process only
    from samverkan.archive.services import ImportFailed, import_file

    started = time.perf_counter()
    failed = 0
    for path in generate_archive(workdir / "archive", count, seed):
        try:
            import_file(path)
        except ImportFailed:
            failed += 1
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return connection, old_name, time.perf_counter() - started, failed


def meeting_with_items(wanted: int = 15):
    """A published meeting with `wanted` top-level items (or the one with most), and its item count."""
    from django.db.models import Count, Q

    from samverkan.meetings.models import Meeting

    meetings = (Meeting.objects.filter(published_at__isnull=False)
                .annotate(top=Count("items", filter=Q(items__parent=None))).order_by("-top", "pk"))
    exact = meetings.filter(top=wanted).first()
    meeting = exact or meetings.first()
    return meeting, meeting.top


def start_server(threads: int):
    from waitress import create_server

    from samverkan.wsgi import application

    server = create_server(application, host="127.0.0.1", port=0, threads=threads, ident="Samverkan-bench")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    return server, server.effective_port


class Gunicorn:
    """`gunicorn --workers N --threads T` serving bench/floor_wsgi.py in its own processes, on this data."""

    def __init__(self, workers: int, threads: int, connection):
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "src")]))
        if connection.vendor == "postgresql":  # the throw-away test database this process made
            s = connection.settings_dict
            env["DATABASE_URL"] = (f"postgres://{s['USER']}{':' + s['PASSWORD'] if s['PASSWORD'] else ''}@"
                                   f"{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}")
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
             "--log-level", "error", "bench.floor_wsgi:application"], env=env, cwd=ROOT)
        import urllib.request

        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}{FLOOR}", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.3)

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def drain(server, limit: float = 30) -> None:
    """Wait until the server has answered what a finished run left queued, so runs do not overlap."""
    if isinstance(server, Gunicorn):
        time.sleep(1)  # its queue is not visible from here; a finished run's stragglers end within this
        return
    dispatcher = server.task_dispatcher
    deadline = time.monotonic() + limit
    while (dispatcher.queue or dispatcher.active_count) and time.monotonic() < deadline:
        time.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pages under load beside a bare Django view (reports only).")
    parser.add_argument("--count", type=int, default=500, help="documents to import (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=5, help="seconds per run (default 5)")
    parser.add_argument("--rounds", type=int, default=2, help="floor/page pairs per page (default 2)")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads (default 8, as serve)")
    parser.add_argument("--server", choices=["waitress", "gunicorn"], default="waitress",
                        help="waitress in this process (as `samverkan serve`), or gunicorn processes (README)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--gunicorn-threads", type=int, default=4, help="threads per gunicorn worker (default 4)")
    parser.add_argument("--pages", help="comma-separated labels of the pages to load (default all)")
    parser.add_argument("--database-url", help="PostgreSQL server to make a throw-away test database on")
    parser.add_argument("--python-client", action="store_true", help="use the Python client even with wrk")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="samverkan-bench-web-"))
    use_wrk = shutil.which("wrk") and not args.python_client
    print(f"Samverkan web benchmark — {time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPU; load generator: {'wrk' if use_wrk else 'Python client (wrk not found)'}, "
          f"{args.connections} connections; server and load generator share the machine")
    connection = old_name = server = None
    try:
        connection, old_name, seconds, failed = setup(workdir, args.database_url, args.count, args.seed)
        from samverkan.meetings.models import AgendaItem, Meeting

        meeting, items = meeting_with_items()
        print(f"  {connection.vendor}: {args.count} documents imported in {seconds:,.1f} s ({failed} failed); "
              f"{Meeting.objects.count():,} meetings, {AgendaItem.objects.count():,} items; "
              f"meeting page: /moten/{meeting.pk}/ ({items} items)")
        if args.server == "gunicorn":
            server = Gunicorn(args.workers, args.gunicorn_threads, connection)
            port = server.port
            print(f"  gunicorn: {args.workers} workers × {args.gunicorn_threads} threads (gthread)")
        else:
            server, port = start_server(args.threads)
            print(f"  waitress: {args.threads} threads in one process")
        # A query string is never served from the page cache (samverkan.core.pagecache), so
        # "?uncached" renders the anonymous meeting page every time.
        pages = [("start page", "/"), (f"meeting ({items} items)", f"/moten/{meeting.pk}/"),
                 ("meeting, uncached", f"/moten/{meeting.pk}/?uncached"),
                 ("meetings list", "/moten/"), ("search", "/sok/?q=beslutade")]
        if args.pages:
            wanted = args.pages.split(",")
            pages = [(label, path) for label, path in pages if any(label.startswith(w) for w in wanted)]

        def load(path: str) -> dict:
            if use_wrk:
                result = run_wrk(f"http://127.0.0.1:{port}{path}", args.seconds, args.connections)
            else:
                result = run_python_client("127.0.0.1", port, path, args.seconds, args.connections)
            drain(server)
            return result

        from django.test import Client

        for _, path in [("floor", FLOOR), *pages]:  # every URL answers 200, and warms up once
            status = Client().get(path).status_code
            if status != 200:
                print(f"  {path} answers {status}")
        load(FLOOR)
        header = f"  {'page':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}   {'floor req/s':>11}{'p50':>9}{'p99':>9}" \
                 f"   {'page/floor req/s':>16}"
        print("\n" + header)
        for label, path in pages:
            floors, runs = [], []
            for _ in range(args.rounds):
                floors.append(load(FLOOR))
                runs.append(load(path))

            def median(results, key):
                return statistics.median(r[key] for r in results)

            page_rps, floor_rps = median(runs, "rps"), median(floors, "rps")
            errors = sum(r["errors"] for r in runs + floors)
            print(f"  {label:<22}{page_rps:>9,.0f}{median(runs, 'p50'):>9,.1f}{median(runs, 'p99'):>9,.1f}   "
                  f"{floor_rps:>11,.0f}{median(floors, 'p50'):>9,.1f}{median(floors, 'p99'):>9,.1f}   "
                  f"{page_rps / floor_rps:>15.1%}" + (f"  ({errors} error responses)" if errors else ""),
                  flush=True)
    except KeyboardInterrupt:
        return 130
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        if isinstance(server, Gunicorn):
            server.close()
        elif server is not None:
            drain(server)
            server.task_dispatcher.shutdown(timeout=5)
            server.close()
        if connection is not None and old_name is not None:
            connection.close()
            connection.creation.destroy_test_db(old_name, verbosity=0)
        if connection is not None:
            connection.close()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\n{datetime.date.today()}: medians of {args.rounds} rounds of {args.seconds:g} s each, page and floor "
          "alternating; reported, not asserted; see bench/README.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
