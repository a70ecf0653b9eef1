"""Run damaged inputs through `samverkan parse` in a worker process with a memory cap and a time limit.

`python -m tests.fuzz.harness --count 2000 --seed 7` runs a longer campaign (see `make fuzz`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import select
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.damage import Damaged, generate

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1_500_000_000
TIMEOUT = 20.0  # seconds per input; the limits make reading far faster


@dataclass
class Outcome:
    name: str
    status: str  # "read", "refused" (a UserError), "traceback", "memory", "hang", "died"
    detail: str = ""
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.status not in ("read", "refused")


def run_parse(paths: list[Path], timeout: float = TIMEOUT, memory: int = MEMORY_LIMIT) -> list[Outcome]:
    """Each file through the function behind `samverkan parse`, in workers restarted after a hang or death."""
    outcomes: list[Outcome] = []
    while len(outcomes) < len(paths):
        outcomes += _run_worker(paths[len(outcomes):], timeout, memory)
    return outcomes


def _run_worker(paths: list[Path], timeout: float, memory: int) -> list[Outcome]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.fuzz.harness", "--worker", str(memory)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, cwd=ROOT,
    )
    worker.stdin.write("".join(f"{path}\n" for path in paths))
    worker.stdin.close()
    outcomes = []
    try:
        for path in paths:
            ready, _, _ = select.select([worker.stdout], [], [], timeout)
            line = worker.stdout.readline() if ready else None
            if not line:
                status = "hang" if line is None else "died"
                outcomes.append(Outcome(path.name, status, f"after {timeout:g} s" if line is None else ""))
                return outcomes
            outcomes.append(Outcome(**json.loads(line)))
    finally:
        worker.kill()
        worker.wait()
    return outcomes


def _worker(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    from samverkan.archive.parse_cli import read_document_file
    from samverkan.core.errors import UserError
    from samverkan.language.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    for line in sys.stdin:
        path = Path(line.rstrip("\n"))
        started = time.monotonic()
        try:
            read_document_file(path, gazetteer).to_dict()
            status, detail = "read", ""
        except UserError as error:
            status, detail = "refused", str(error)
        except MemoryError:
            status, detail = "memory", ""
        except Exception:
            status, detail = "traceback", traceback.format_exc()
        outcome = {"name": path.name, "status": status, "detail": detail, "seconds": time.monotonic() - started}
        print(json.dumps(outcome), flush=True)


def write_inputs(inputs: list[Damaged], folder: Path) -> list[Path]:
    return [damaged.write(folder) for damaged in inputs]


def main() -> int:
    parser = argparse.ArgumentParser(description="Kör skadade indata genom samverkan parse.")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker)
        return 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        paths = write_inputs(list(generate(args.count, args.seed)), Path(folder))
        outcomes = run_parse(paths)
    failed = [o for o in outcomes if o.failed]
    for outcome in failed:
        print(f"{outcome.status}: {outcome.name}\n{outcome.detail}", file=sys.stderr)
    slowest = max(outcomes, key=lambda o: o.seconds)
    print(f"seed {args.seed}: {len(outcomes)} inputs, {len(failed)} failures, "
          f"{time.monotonic() - started:.1f} s; slowest {slowest.name} {slowest.seconds:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
