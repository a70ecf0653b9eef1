"""Turn a meeting document file into plain text, checking its content.

The format is recognised by the content, not the name: PDF (scanned pages through OCR), Word .docx and
.doc, OpenDocument .odt, RTF, a saved web page, or plain text (.txt, .md) in any common encoding.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from samverkan.archive.reader.limits import Deadline, Limits

from .errors import ExtractError
from .legacy_word import OLE2_MAGIC, doc_text
from .opendocument import odt_text
from .pdf import pdf_text_and_pages
from .plain import decode_text
from .rich_text import RTF_MAGIC, rtf_text
from .scanned import ocr_text, page_images
from .web_page import html_text, looks_like_html
from .word import DOCX, check_docx, docx_text, zipped_kind

__all__ = ["DEFAULT_MAX_BYTES", "ExtractError", "Extracted", "extract_data", "extract_text", "page_images",
           "read_by_ocr", "read_file_bytes"]

DEFAULT_MAX_BYTES = 20_000_000
OCR_MARK = "texten är framtagen med textigenkänning (OCR)"
OCR_WARNING = f"{OCR_MARK} av inskannade sidor; kontrollera namn och siffror"
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
        return _pdf(data, path, limits, deadline)
    if data.startswith(b"PK\x03\x04"):
        kind = zipped_kind(data) or DOCX
        check_docx(data, path, limits, kind)
        return _checked(docx_text(data, path) if kind is DOCX else odt_text(data, path), path)
    if data.startswith(OLE2_MAGIC):
        return _checked(doc_text(data, path), path)
    if data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(RTF_MAGIC):
        return _checked(rtf_text(data, path), path)
    text, warnings = decode_text(data, path)
    if looks_like_html(data):
        text = html_text(text)
    return _checked(text, path, warnings)


def _checked(text: str, path: Path, warnings: list[str] | None = None) -> Extracted:
    if not text.strip():
        raise ExtractError(path, "filen är tom")
    return Extracted(text, warnings or [])


def _pdf(data: bytes, path: Path, limits: Limits, deadline: Deadline) -> Extracted:
    text, pages = pdf_text_and_pages(data, path, limits, deadline)
    if text.strip():
        return Extracted(text)
    text = ocr_text(data, path, pages, deadline)
    if not text.strip():
        raise ExtractError(path, "PDF-filen har ingen text, och textigenkänningen (OCR) hittade ingen heller")
    return Extracted(text, [f"{path.name}: {OCR_WARNING}"])


def read_by_ocr(warnings: list[str]) -> bool:
    """Whether extraction warned that the text was read from scanned pages."""
    return any(OCR_MARK in w for w in warnings)


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
