"""PDF files via pypdf."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .errors import ExtractError


def pdf_text(data: bytes, path: Path) -> str:
    """The text of every page, pages separated by a line break."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractError(path, "PDF-filen är lösenordsskyddad")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as error:
        if "password" in str(error).lower() or "decrypt" in str(error).lower():
            raise ExtractError(path, "PDF-filen är lösenordsskyddad") from None
        raise ExtractError(path, f"PDF-filen är trasig och kan inte läsas ({error})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise ExtractError(path, "PDF-filen har ingen text (inskannad?); den behöver textigenkänning (OCR) först")
    return text
