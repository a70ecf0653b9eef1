"""The five real seed documents read as the hand-made ground truth says."""

import importlib.util
import json
from pathlib import Path

import jsonschema

from samverkan.archive.reader import read_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "samples" / "archive"
TRUTH = ROOT / "tests" / "fixtures" / "ground-truth"
SCHEMA = ROOT / "src" / "samverkan" / "archive" / "reader" / "meeting-document.schema.json"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_import", TRUTH.parent / "score_import.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_seed(path: Path) -> dict:
    return read_text(path.read_text(encoding="utf-8"), path.name).to_dict()


def test_seeds_score_at_least_097_overall():
    scorer = _scorer()
    total = scorer.Tally()
    for truth_file in sorted(TRUTH.glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        predicted = _read_seed(SEEDS / f"{truth_file.stem}.txt")
        scores = scorer.score_document(truth, predicted)
        for field in scorer.FIELDS:
            if scores.mean(field) is not None:
                total.add(field, scores.mean(field))
    means = [total.mean(f) for f in scorer.FIELDS if total.mean(f) is not None]
    assert sum(means) / len(means) >= 0.97


def test_every_seed_validates_against_the_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for seed in sorted(SEEDS.glob("*.txt")):
        jsonschema.validate(_read_seed(seed), schema)


def test_seeds_give_few_warnings():
    for seed in sorted(SEEDS.glob("*.txt")):
        assert len(_read_seed(seed)["warnings"]) <= 1, seed.name


def test_items_keep_heading_line_and_running_text():
    seed = SEEDS / "001_73dc00971b4a7cc9.txt"
    document = read_text(seed.read_text(encoding="utf-8"), seed.name)
    covid = document.items[4]
    assert covid.line == 114
    assert covid.text.startswith("Susanne beskrev det aktuella läget")
    assert "beslutade" not in covid.text and "Föredragande" not in covid.text
