"""The reader on the development corpus with every line break removed (PDF text that lost its lines).

Each corpus text is flattened to one line, read, and scored against the same hand-made truth as the
normal corpus test (issue 11: the segmentation stage cuts the text back into lines). The score is
printed per field; the floor is a ratchet, raised as the segmentation improves, never lowered.
"""

import importlib.util
import json
from pathlib import Path

from samverkan.archive.reader import read_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SCORER = ROOT / "tests" / "fixtures" / "score_import.py"
FLOOR = 0.835  # overall on 2026-12-03: 0.565 before the segmentation work, 0.833 after (reader-layout), 0.839
# with a first item numbered 2 in the run-on text
TRUTHS = sorted(CORPUS.glob("*.json"))


def flattened(text: str) -> str:
    """The text as one line: every line break (and the white space around it) becomes one space."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _scorer():
    spec = importlib.util.spec_from_file_location("score_import_flattened", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_flattened_text_has_no_line_break_left():
    assert flattened("1. Mötets öppnande\r\n\n  Ordföranden öppnade mötet.\n") == (
        "1. Mötets öppnande Ordföranden öppnade mötet."
    )


def test_the_flattened_corpus_score_does_not_fall(capsys):
    scorer = _scorer()
    total = scorer.Tally()
    for truth_file in TRUTHS:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        text = flattened((CORPUS / truth["source"]).read_text(encoding="utf-8"))
        scores = scorer.score_document(truth, read_text(text, truth["source"]).to_dict())
        for field in scorer.FIELDS:
            if scores.mean(field) is not None:
                total.add(field, scores.mean(field))
    means = {field: total.mean(field) for field in scorer.FIELDS if total.mean(field) is not None}
    overall = sum(means.values()) / len(means)
    with capsys.disabled():
        print(f"\nflattened corpus ({len(TRUTHS)} documents): "
              + ", ".join(f"{f} {m:.3f}" for f, m in means.items()) + f"; overall {overall:.3f}")
    assert overall >= FLOOR
