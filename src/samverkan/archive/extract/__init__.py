"""Turn a meeting document file (.txt, .md, .pdf, .docx) into plain text, checking its content."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExtractError
from .pdf import pdf_text
from .plain import decode_text
from .word import docx_text

__all__ = ["DEFAULT_MAX_BYTES", "ExtractError", "Extracted", "extract_text"]

DEFAULT_MAX_BYTES = 20_000_000


@dataclass
class Extracted:
    text: str
    warnings: list[str] = field(default_factory=list)


def extract_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Extracted:
    """Read a file and return its text; raise ExtractError naming the file and reason."""
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    if data.startswith(b"%PDF"):
        return Extracted(pdf_text(data, path))
    if data.startswith(b"PK\x03\x04"):
        if not _is_zip(data):
            raise ExtractError(path, "Word-/zipfilen är trasig och kan inte öppnas")
        if not _is_docx(data):
            raise ExtractError(path, "filen är ett zip-arkiv men inte ett Word-dokument (.docx)")
        return Extracted(docx_text(data, path))
    text, warnings = decode_text(data, path)
    if not text.strip():
        raise ExtractError(path, "filen är tom")
    return Extracted(text, warnings)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ExtractError(path, f"filen kan inte öppnas ({error.strerror})") from None
    if size == 0:
        raise ExtractError(path, "filen är tom")
    if size > max_bytes:
        raise ExtractError(path, f"filen är {size:,} byte, större än gränsen {max_bytes:,} byte".replace(",", " "))
    return path.read_bytes()


def _is_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.testzip() is None
    except (zipfile.BadZipFile, OSError, EOFError):
        return False


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
