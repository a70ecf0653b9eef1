"""How far a reading can be trusted without a person's look: pure Python, from the reading and its text.

The score starts at 100 and loses points for what a person would otherwise check: a warning of
the reader, a scanned page read by OCR, a header without date or body, minutes without attendees
or decisions, items numbered with gaps, and text lines the reading accounts for in no way (the
coverage: a line counts when most of its words are found in what was read). Each lost point has a
reason in Swedish, shown beside the score. A person's correction makes the reading trusted where
it corrects, so the score is computed on the corrected reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samverkan.archive.extract import read_by_ocr

WORD = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü]{3,}")
PER_WARNING, MAX_WARNINGS = 10, 40
OCR = 15
NO_DATE = 40
NO_BODY = 15
NO_ATTENDEES = 15
NO_DECISIONS = 15
GAP = 10
# Below this share of lines accounted for, points are lost in proportion.
COVERAGE_FLOOR = 0.6
COVERAGE_WEIGHT = 50


@dataclass(frozen=True)
class Confidence:
    percent: int
    reasons: list[str] = field(default_factory=list)
    coverage: float = 1.0


def confidence(reading: dict, text: str = "", default_body: str | None = None) -> Confidence:
    """The reading's confidence in percent, with the reasons it is less than 100."""
    lost: list[tuple[int, str]] = []
    warnings = [w for w in reading.get("warnings", []) if w not in reading.get("extract_warnings", [])]
    if warnings:
        lost.append((min(PER_WARNING * len(warnings), MAX_WARNINGS),
                     f"{len(warnings)} {'varning' if len(warnings) == 1 else 'varningar'} från läsaren"))
    if read_by_ocr(reading.get("extract_warnings", [])):
        lost.append((OCR, "texten är inskannad och läst med textigenkänning"))
    if not reading.get("meeting_date"):
        lost.append((NO_DATE, "mötesdatumet saknas"))
    if not reading.get("body"):
        lost.append((NO_BODY, "dokumentet säger inte vilket organ som möttes" + (
            f" (organet från uppladdningen: {default_body})" if default_body else "")))
    items = reading.get("items", [])
    if reading.get("kind") == "minutes":
        if not reading.get("attendees"):
            lost.append((NO_ATTENDEES, "minnesanteckningar utan närvarolista"))
        if not any(_decisions(item) for item in items):
            lost.append((NO_DECISIONS, "minnesanteckningar utan något beslut"))
    gaps = _gaps([item.get("number", "") for item in items])
    if gaps:
        lost.append((GAP, "punkterna är inte numrerade i följd (saknas: " + ", ".join(gaps) + ")"))
    covered = reading["coverage"] if "coverage" in reading else (coverage(reading, text) if text else 1.0)
    if covered < COVERAGE_FLOOR:
        lost.append((round((COVERAGE_FLOOR - covered) / COVERAGE_FLOOR * COVERAGE_WEIGHT),
                     f"läsningen täcker {round(covered * 100)} % av textens rader"))
    percent = max(0, 100 - sum(points for points, _ in lost))
    return Confidence(percent, [reason for _, reason in lost], covered)


def coverage(reading: dict, text: str) -> float:
    """The share of the text's lines (with words) whose words are mostly found in the reading."""
    known = {word.lower() for word in WORD.findall(" ".join(_strings(reading)))}
    lines = [WORD.findall(line) for line in text.splitlines()]
    lines = [words for words in lines if words]
    if not lines:
        return 1.0
    covered = sum(sum(w.lower() in known for w in words) * 2 >= len(words) for words in lines)
    return covered / len(lines)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, child in value.items():
            if key not in ("warnings", "extract_warnings", "source"):
                yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)


def _decisions(item: dict) -> bool:
    return bool(item.get("decisions")) or any(_decisions(sub) for sub in item.get("subitems", []))


def _gaps(numbers: list[str]) -> list[str]:
    """The numbers missing between the first and the last item (only when all are plain numbers)."""
    if not numbers or not all(n.isdigit() for n in numbers):
        return []
    present = {int(n) for n in numbers}
    return [str(n) for n in range(min(present), max(present)) if n not in present]
