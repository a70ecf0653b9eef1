"""Programs from Debian that some formats need (antiword, pdftoppm, tesseract), run with a time limit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .errors import ExtractError

TIMEOUT_SECONDS = 120


def run_tool(program: str, package: str, arguments: list[str], path: Path, what: str) -> bytes:
    """The program's standard output; ExtractError naming the Debian package when it is missing."""
    found = shutil.which(program)
    if found is None:
        raise ExtractError(path, f"{what} behöver programmet {program}, som saknas här: installera Debian-paketet "
                                 f"{package} (apt-get install {package})")
    try:
        done = subprocess.run([found, *arguments], capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise ExtractError(path, f"{what} tog mer än {TIMEOUT_SECONDS} sekunder och avbröts") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExtractError(path, f"{what} misslyckades ({program}: {reason[-1] if reason else done.returncode})")
    return done.stdout
