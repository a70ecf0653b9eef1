"""A few hundred damaged inputs, the same every run: no traceback, hang or memory blow-up."""

import os
import signal
from pathlib import Path

import pytest

from samverkan.archive.services import INTERNAL_ERROR, ImportFailed, import_file
from tests.fuzz.damage import generate
from tests.fuzz.harness import run_parse, write_inputs

COUNT = int(os.environ.get("SAMVERKAN_FUZZ_COUNT", "250"))
SEED = int(os.environ.get("SAMVERKAN_FUZZ_SEED", "20240611"))
IMPORT_TIMEOUT = 20  # seconds per file


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    return write_inputs(list(generate(COUNT, SEED)), tmp_path_factory.mktemp("fuzz"))


def test_parse_survives_damaged_inputs(inputs):
    outcomes = run_parse(inputs)
    assert len(outcomes) == len(inputs)
    failures = [f"{o.status}: {o.name}\n{o.detail}" for o in outcomes if o.failed]
    assert failures == []


class _TimeUp(BaseException):
    """Not an Exception: import_file must not turn it into an ImportFailed."""


def _alarm(signum, frame):
    raise _TimeUp


@pytest.mark.django_db
def test_import_survives_damaged_inputs(inputs):
    previous = signal.signal(signal.SIGALRM, _alarm)
    failures = []
    try:
        for path in inputs:
            signal.alarm(IMPORT_TIMEOUT)
            try:
                import_file(path, default_body="Fuzznätverket")
            except ImportFailed as error:
                if error.reason == INTERNAL_ERROR:
                    failures.append(f"internal error: {path.name}: {error.__cause__!r}")
            except _TimeUp:
                failures.append(f"hang: {path.name}")
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert failures == []
