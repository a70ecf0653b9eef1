"""Corrected readings as truth files for the reader's corpus: each file's text and its reading as JSON.

The JSON has the shape of meeting-document.schema.json (the copy beside the reader) and is checked
against it; `source` names the text file beside it, as in tests/fixtures/corpus/.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from functools import cache
from pathlib import Path, PurePosixPath

import jsonschema

from samverkan.archive import reader

SCHEMA = Path(reader.__file__).parent / "meeting-document.schema.json"
UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


@cache
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def truth_of(reading: dict, source: str) -> dict:
    """The reading in the schema's keys alone (not the import's own notes), naming `source`; checked."""
    keys = schema()["properties"].keys()
    truth = {key: reading.get(key) for key in keys}
    truth["source"] = source
    truth["attendees"] = truth["attendees"] or []
    truth["items"] = truth["items"] or []
    truth["warnings"] = truth["warnings"] or []
    jsonschema.validate(truth, schema())
    return truth


def truth_zip(files: list[tuple[str, str, dict]]) -> bytes:
    """A ZIP of `name.txt` and `name.json` for each (file name, text, corrected reading)."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text, reading in files:
            stem = _unique(UNSAFE.sub("-", PurePosixPath(name).stem).strip("-") or "dokument", used)
            archive.writestr(f"{stem}.txt", text)
            truth = truth_of(reading, f"{stem}.txt")
            archive.writestr(f"{stem}.json", json.dumps(truth, ensure_ascii=False, indent=2) + "\n")
    return buffer.getvalue()


def _unique(stem: str, used: set[str]) -> str:
    candidate, number = stem, 2
    while candidate in used:
        candidate, number = f"{stem}-{number}", number + 1
    used.add(candidate)
    return candidate
