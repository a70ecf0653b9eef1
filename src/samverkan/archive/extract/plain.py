"""Text files (.txt, .md): UTF-8 with or without BOM, Windows-1252 as a fallback."""

from __future__ import annotations

from pathlib import Path

from .errors import ExtractError

_CONTROL = set(range(9)) | {11, 12} | set(range(14, 32)) | {127}


def decode_text(data: bytes, path: Path) -> tuple[str, list[str]]:
    """Decode text bytes; warn when Windows-1252 had to be used."""
    if b"\x00" in data or _control_share(data) > 0.05:
        raise ExtractError(path, "filen innehåller binära data, inte text, PDF eller Word")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ExtractError(path, "texten är varken UTF-8 eller Windows-1252") from None
    return text, [f"rad 1: {path.name} är inte UTF-8 och lästes som Windows-1252"]


def _control_share(data: bytes) -> float:
    sample = data[:4096]
    return sum(1 for b in sample if b in _CONTROL) / max(len(sample), 1)
