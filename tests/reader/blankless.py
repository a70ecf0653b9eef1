"""Stress helper: generated documents with every blank line removed (as PDF text comes out),
read and compared field by field with what the generator wrote."""

from __future__ import annotations

from collections import Counter

from bench.generate import generate_documents
from samverkan.archive.reader import read_text

FIELDS = ("items", "subitems", "titles", "types", "clauses", "presenters", "attachments", "attendees")


def strip_blank_lines(text: str) -> str:
    """The text without blank (or white-space only) lines."""
    return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"


def join_lines(text: str, seed: int = 0) -> str:
    """The text without blank lines and with every 2-3 lines joined by a space (PDF text that lost
    its line breaks, in short lines too)."""
    import random

    rng = random.Random(seed)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    joined, i = [], 0
    while i < len(lines):
        size = rng.choice((2, 3))
        joined.append(" ".join(lines[i : i + size]))
        i += size
    return "\n".join(joined) + "\n"


def _norm(text: str) -> str:
    return " ".join(text.replace("*", "").split()).strip(" .").lower()


def differences(expected, got) -> dict[str, str]:
    """Field -> first difference between the generator's record and the reader's result."""
    diffs: dict[str, str] = {}
    want_numbers = [i.number for i in expected.items]

    def check(key, have, want):
        if have != want and key not in diffs:
            diffs[key] = next(
                (f"item {n}: {h!r} != {w!r}" for n, h, w in zip(want_numbers, have, want) if h != w),
                f"count {len(have)} != {len(want)}",
            )

    check("items", [i.number for i in got.items], want_numbers)
    check("subitems", [[s.number for s in i.subitems] for i in got.items],
          [[s.number for s in i.subitems] for i in expected.items])
    check("titles", [_norm(i.title) for i in got.items], [_norm(i.title) for i in expected.items])
    check("types", [i.type for i in got.items], [i.type for i in expected.items])
    want_p, want_d = expected.all_clauses()
    got_p = [_norm(c) for i in got.items for n in [i, *i.subitems] for c in n.proposals]
    got_d = [_norm(c) for i in got.items for n in [i, *i.subitems] for c in n.decisions]
    check("clauses", [got_p, got_d], [[_norm(c) for c in want_p], [_norm(c) for c in want_d]])
    check("presenters", [[(p.name, p.title) for p in i.presenters] for i in got.items],
          [[(n, t) for n, t in i.presenters] for i in expected.items])
    check("attachments", [i.attachments for i in got.items], [i.attachments for i in expected.items])
    check("attendees", [a.name for a in got.attendees], expected.attendees)
    return diffs


def agreement(count: int = 60, seed: int = 7, strip: bool = True, join: bool = False):
    """(share of documents right per field, {field: [(name, difference), ...]}); `join` also joins
    every 2-3 lines into one."""
    right: Counter = Counter()
    failures: dict[str, list[tuple[str, str]]] = {}
    documents = generate_documents(count, seed=seed)
    for index, (name, doc) in enumerate(documents):
        text = join_lines(doc.text, seed * 1000 + index) if join else strip_blank_lines(doc.text) if strip else doc.text
        diffs = differences(doc, read_text(text, source=name))
        for key in FIELDS:
            if key in diffs:
                failures.setdefault(key, []).append((name, diffs[key]))
            else:
                right[key] += 1
    return {key: right[key] / len(documents) for key in FIELDS}, failures


if __name__ == "__main__":
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    # `python -m tests.reader.blankless 60 7 joined`: every 2-3 lines joined into one as well.
    join = len(sys.argv) > 3 and sys.argv[3] == "joined"
    shares, failures = agreement(count, seed, join=join)
    for key in FIELDS:
        print(f"{key:12} {shares[key]:6.1%}")
    for key, cases in failures.items():
        print(f"--- {key} ({len(cases)})")
        for name, diff in cases[:8]:
            print(f"  {name}: {diff[:200]}")
