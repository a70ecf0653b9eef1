"""Rich Text Format (.rtf) via striprtf."""

from __future__ import annotations

from pathlib import Path

from striprtf.striprtf import rtf_to_text

from .errors import ExtractError

RTF_MAGIC = b"{\\rtf"


def rtf_text(data: bytes, path: Path) -> str:
    try:
        # RTF is 7-bit; its \\'xx escapes are Windows-1252 in Swedish Word and LibreOffice files.
        return rtf_to_text(data.decode("latin-1"), encoding="cp1252", errors="replace")
    except Exception as error:  # striprtf is a regular-expression parser; a damaged file can break it anywhere
        raise ExtractError(path, f"RTF-filen är trasig och kan inte läsas ({type(error).__name__})") from None
