"""Read a meeting document file straight into a MeetingDocument."""

from __future__ import annotations

from pathlib import Path

from .extract import DEFAULT_MAX_BYTES, extract_text
from .reader import MeetingDocument, read_text


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> MeetingDocument:
    """Extract the file's text and read it; extraction warnings come first among the warnings."""
    path = Path(path)
    extracted = extract_text(path, max_bytes=max_bytes)
    document = read_text(extracted.text, path.name)
    document.warnings = extracted.warnings + document.warnings
    return document
