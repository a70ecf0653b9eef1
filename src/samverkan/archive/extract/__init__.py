"""Turn a meeting document file (.txt, .md, .pdf, .docx) into plain text, checking its content."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from samverkan.archive.reader.limits import Deadline, Limits

from .errors import ExtractError
from .pdf import pdf_text
from .plain import decode_text
from .word import check_docx, docx_text

__all__ = ["DEFAULT_MAX_BYTES", "ExtractError", "Extracted", "extract_data", "extract_text", "read_file_bytes"]

DEFAULT_MAX_BYTES = 20_000_000
_OPEN_ERRORS = {
    errno.ENOENT: "filen finns inte (eller är en genväg till en fil som inte finns)",
    errno.EACCES: "filen får inte läsas (behörighet saknas)",
    errno.EPERM: "filen får inte läsas (behörighet saknas)",
}


@dataclass
class Extracted:
    text: str
    warnings: list[str] = field(default_factory=list)


def extract_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, limits: Limits | None = None,
                 deadline: Deadline | None = None) -> Extracted:
    """Read a file and return its text; raise ExtractError naming the file and reason."""
    path = Path(path)
    return extract_data(read_file_bytes(path, max_bytes), path, limits, deadline)


def extract_data(data: bytes, path: Path, limits: Limits | None = None,
                 deadline: Deadline | None = None) -> Extracted:
    """The text of a file's content, recognised by the content and not by the file name."""
    limits = Limits() if limits is None else limits
    deadline = Deadline(limits.max_seconds, path.name) if deadline is None else deadline
    if data.startswith(b"%PDF"):
        return Extracted(pdf_text(data, path, limits, deadline))
    if data.startswith(b"PK\x03\x04"):
        check_docx(data, path, limits)
        return Extracted(docx_text(data, path))
    text, warnings = decode_text(data, path)
    if not text.strip():
        raise ExtractError(path, "filen är tom")
    return Extracted(text, warnings)


def read_file_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most max_bytes; folders and special files are refused unopened."""
    path = Path(path)
    try:
        _check_regular(path, path.stat())
        # O_NONBLOCK: a FIFO put in the file's place after the check cannot block the open.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise ExtractError(path, _open_error(error)) from None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            info = os.fstat(handle.fileno())
            _check_regular(path, info)
            _check_size(path, info.st_size, max_bytes)
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise ExtractError(path, _open_error(error)) from None
    _check_size(path, len(data), max_bytes)
    return data


def _check_regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ExtractError(path, "är en mapp, inte en fil")
    if not stat.S_ISREG(info.st_mode):
        raise ExtractError(path, "är ingen vanlig fil (utan t.ex. en FIFO eller en enhet) och läses inte")


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size == 0:
        raise ExtractError(path, "filen är tom")
    if size > max_bytes:
        raise ExtractError(path, f"filen är {size:,} byte, större än gränsen {max_bytes:,} byte".replace(",", " "))


def _open_error(error: OSError) -> str:
    if error.errno == errno.EISDIR:
        return "är en mapp, inte en fil"
    return _OPEN_ERRORS.get(error.errno, f"filen kan inte öppnas ({error.strerror or error})")
