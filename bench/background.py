#!/usr/bin/env python3
"""Background import throughput: documents per minute read and imported by one and by two workers,
beside `samverkan import` of the same generated files.

    python bench/background.py [--count 60] [--database-url postgres://…/throwaway]

Each run starts from an empty database: a new SQLite file in a temporary folder, or the database
named by --database-url (flushed before each run: name a throw-away one). The browser upload is
made with review off (each file imported as soon as it is read), through the database task backend,
and `samverkan worker` processes do the work. On SQLite one worker is what production should run;
the two-worker figure is printed there too, for comparison. Nothing here fails on a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _env(data_dir: Path, database_url: str | None) -> dict:
    env = dict(os.environ, SAMVERKAN_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT / "src") + os.pathsep + str(ROOT))
    env.pop("SAMVERKAN_TASKS_BACKEND", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def _samverkan(env, *args) -> None:
    subprocess.run([PYTHON, "-m", "samverkan.cli", *args], env=env, check=True, capture_output=True)


def run(scenario: str, count: int, database_url: str | None, folder: Path) -> tuple[float, float | None, int]:
    """Seconds for `scenario` ("cli", "1", "2" workers) to import the generated files into an empty database,
    with the workers' own span (first reading started to last finished) and how many files failed."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"bench-{scenario}-", dir=folder))
    env = _env(data_dir, database_url)
    _samverkan(env, "migrate", "--no-input")
    if database_url:
        _samverkan(env, "flush", "--no-input")
    documents = folder / "documents"
    if scenario == "cli":
        started = time.perf_counter()
        _samverkan(env, "import", str(documents))
        return time.perf_counter() - started, None, 0
    subprocess.run([PYTHON, __file__, "--upload", str(documents)], env=env, check=True)
    started = time.perf_counter()
    workers = [subprocess.Popen([PYTHON, "-m", "samverkan.cli", "worker", "--interval", "0.1",
                                 "--no-startup-delay", "--worker-id", f"bench-{index}"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for index in range(int(scenario))]
    try:
        while True:
            left = subprocess.run([PYTHON, __file__, "--left"], env=env, check=True, capture_output=True, text=True)
            state = json.loads(left.stdout)
            if state["left"] == 0:
                return time.perf_counter() - started, state["span"], state["failed"]
            time.sleep(0.5)
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(timeout=30)


def _django():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    django.setup()


def upload(documents: Path) -> None:
    """The browser's upload, review off, queued for the workers (run in a process of its own)."""
    _django()
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile

    from samverkan.imports.services import upload_files

    user = User.objects.create_superuser("bench", password="bench-lösen-1")
    files = [SimpleUploadedFile(path.name, path.read_bytes()) for path in sorted(documents.iterdir())]
    upload_files(files, review=False, acting_user=user)


def left() -> None:
    _django()
    from django.db.models import Max, Min

    from samverkan.imports.models import ImportFile

    waiting = ImportFile.objects.filter(state__in=[ImportFile.State.QUEUED, ImportFile.State.READING]).count()
    failed = ImportFile.objects.filter(state=ImportFile.State.FAILED).count()
    span = ImportFile.objects.aggregate(first=Min("read_started"), last=Max("read_finished"))
    seconds = (span["last"] - span["first"]).total_seconds() if span["first"] and span["last"] else None
    print(json.dumps({"left": waiting, "failed": failed, "span": seconds}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url")
    parser.add_argument("--upload", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--left", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.upload:
        upload(args.upload)
        return 0
    if args.left:
        left()
        return 0
    sys.path.insert(0, str(ROOT))
    from bench.generate import generate_documents

    with tempfile.TemporaryDirectory(prefix="samverkan-background-") as temporary:
        folder = Path(temporary)
        documents = folder / "documents"
        documents.mkdir()
        for name, document in generate_documents(args.count, args.seed):
            (documents / name).write_text(document.text, encoding="utf-8")
        print(f"{args.count} generated documents, {'PostgreSQL' if args.database_url else 'SQLite'}")
        for scenario, label in (("cli", "samverkan import"), ("1", "1 worker"), ("2", "2 workers")):
            seconds, span, failed = run(scenario, args.count, args.database_url, folder)
            line = f"  {label:<18} {seconds:7.1f} s  {args.count / seconds * 60:7.0f} documents/minute (wall clock)"
            if span:
                line += f"; workers busy {span:.1f} s = {args.count / span * 60:.0f} documents/minute"
            if failed:
                line += f"; {failed} failed"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
