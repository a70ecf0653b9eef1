"""Read a meeting document file straight into a MeetingDocument."""

from __future__ import annotations

from pathlib import Path

from .extract import DEFAULT_MAX_BYTES, extract_text
from .reader import Deadline, Limits, MeetingDocument, read_text


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, limits: Limits | None = None) -> MeetingDocument:
    """Extract the file's text and read it; extraction warnings come first among the warnings."""
    path = Path(path)
    limits = Limits() if limits is None else limits
    deadline = Deadline(limits.max_seconds, path.name)
    extracted = extract_text(path, max_bytes=max_bytes, limits=limits, deadline=deadline)
    document = read_text(extracted.text, path.name, limits=limits, deadline=deadline)
    document.warnings = extracted.warnings + document.warnings
    return document
