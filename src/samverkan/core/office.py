"""Office documents (Word, OpenDocument, RTF) to PDF with LibreOffice headless (Debian's soffice).

Each conversion runs in its own temporary directory with its own LibreOffice profile
(`-env:UserInstallation`), so conversions running at the same time never share a profile lock,
and is stopped, with every process it started, after a time limit.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 120
PACKAGE = "libreoffice-writer-nogui"
# What Writer (the only part of LibreOffice the project installs) opens.
CONVERTIBLE_SUFFIXES = frozenset({".docx", ".doc", ".odt", ".rtf"})


class ConversionError(Exception):
    """A document LibreOffice could not turn into PDF; `reason` says why, in Swedish."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def convertible(name: str) -> bool:
    """True for the file names LibreOffice Writer converts: .docx, .doc, .odt, .rtf."""
    return Path(name).suffix.lower() in CONVERTIBLE_SUFFIXES


def soffice_path() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def run_program(arguments: list[str], timeout: float) -> tuple[int, str]:
    """(exit code, error output) of a program; on timeout its whole process group is killed."""
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    return process.returncode, stderr.decode("utf-8", "replace")


def office_to_pdf(data: bytes, suffix: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The document as PDF bytes; ConversionError when soffice is missing, fails or takes too long."""
    program = soffice_path()
    if program is None:
        raise ConversionError(f"LibreOffice (programmet soffice) saknas på servern: installera Debian-paketet "
                              f"{PACKAGE}")
    with tempfile.TemporaryDirectory(prefix="samverkan-office-") as work:
        root = Path(work)
        source, outdir, profile = root / f"dokument{suffix.lower()}", root / "ut", root / "profil"
        source.write_bytes(data)
        arguments = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                     "--nologo", "--convert-to", "pdf", "--outdir", str(outdir), str(source)]
        try:
            code, errors = run_program(arguments, timeout)
        except subprocess.TimeoutExpired:
            raise ConversionError(f"LibreOffice tog mer än {timeout:g} sekunder och avbröts") from None
        except OSError as error:
            raise ConversionError(f"LibreOffice kunde inte startas ({error.strerror or error})") from None
        result = outdir / "dokument.pdf"
        if code != 0 or not result.is_file() or result.stat().st_size == 0:
            lines = [line for line in errors.splitlines() if line.strip() and "javaldx" not in line]
            detail = lines[-1].strip() if lines else f"slutkod {code}"
            raise ConversionError(f"LibreOffice kunde inte läsa filen ({detail})")
        return result.read_bytes()
