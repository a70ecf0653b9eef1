"""PDF files via pypdf."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError

from samverkan.archive.reader.limits import Deadline, LimitExceeded, Limits, check_count

from .errors import ExtractError

_PASSWORD = "PDF-filen är lösenordsskyddad; spara den utan lösenord och importera den igen"


def pdf_text_and_pages(data: bytes, path: Path, limits: Limits | None = None,
                       deadline: Deadline | None = None) -> tuple[str, int]:
    """The text of every page (empty for a scanned PDF) and the number of pages."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    limits = Limits() if limits is None else limits
    deadline = Deadline(limits.max_seconds, path.name) if deadline is None else deadline
    try:
        pages = _page_texts(PdfReader(io.BytesIO(data)), path, limits, deadline)
    except (ExtractError, LimitExceeded, MemoryError):
        raise
    except DependencyError:
        raise ExtractError(path, "PDF-filen är krypterad på ett sätt som inte kan läsas här") from None
    except Exception as error:  # pypdf raises almost any type (KeyError, NotImplementedError …) on damaged files
        if "password" in str(error).lower() or "decrypt" in str(error).lower():
            raise ExtractError(path, _PASSWORD) from None
        raise ExtractError(path, f"PDF-filen är trasig och kan inte läsas ({type(error).__name__}: {error})") from None
    return "\n".join(pages), len(pages)


def _page_texts(reader: PdfReader, path: Path, limits: Limits, deadline: Deadline) -> list[str]:
    # An empty user password is how most "protected" PDFs only restrict printing or editing.
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractError(path, _PASSWORD)
    check_count(path.name, len(reader.pages), limits.max_pdf_pages, "sidor", "SAMVERKAN_MAX_PDF_PAGES")
    texts = []
    for page in reader.pages:
        deadline.check()
        texts.append(page.extract_text() or "")
    return texts
