"""The words are written once, in samverkan.language, and the language layer stays pure."""

import ast
import re
from pathlib import Path

import pytest

from samverkan.language import lexicon
from samverkan.language.items import item_type, without_type_word
from samverkan.language.stemming import stem, stems

SRC = Path(__file__).resolve().parents[2] / "src" / "samverkan"
LANGUAGE = sorted((SRC / "language").glob("*.py"))
READER = sorted((SRC / "archive" / "reader").glob("*.py"))
# The sample network and county: data, never code, in the reader and the language layer.
SAMPLE_NAMES = re.compile(
    r"dalarna|länschef|lchnv|välfärdsråd|\brss\b|falun|borlänge|avesta|förvaltningschefer",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", LANGUAGE, ids=lambda p: p.name)
def test_the_language_layer_imports_neither_django_nor_the_project(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if not node.level else []
        else:
            continue
        roots = {name.split(".")[0] for name in names}
        assert not roots & {"django", "samverkan"}, (path.name, names)


@pytest.mark.parametrize("path", LANGUAGE + READER, ids=lambda p: p.name)
def test_no_place_or_network_is_named_in_code(path):
    assert not SAMPLE_NAMES.search(path.read_text(encoding="utf-8")), path.name


def _code_strings(path: Path) -> str:
    """The string literals of a module that are code, not docstrings: its patterns and words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node)
    }
    return "\n".join(
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    )


@pytest.mark.parametrize("path", READER, ids=lambda p: p.name)
def test_the_reader_writes_no_month_label_or_deciding_verb_of_its_own(path):
    code = _code_strings(path)
    words = (*lexicon.MONTHS, *lexicon.DECIDING_VERBS, *lexicon.PROPOSING_VERBS,
             *lexicon.PRESENT_LABELS, *lexicon.PRESENTER_LABELS, *lexicon.TYPE_WORDS)
    for word in words:
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", code), (path.name, word)


def test_the_type_words_of_the_lexicon_give_the_item_type():
    for word, kind in lexicon.TYPE_WORDS.items():
        assert item_type(f"{word}: Kalendarium 2024", []) == kind
        assert without_type_word(f"{word}: Kalendarium 2024") == "Kalendarium 2024"
    assert item_type("Mötets öppnande", []) == "procedural"
    assert item_type("Övriga frågor", []) == "other_business"
    filing = "att lägga informationen till handlingarna"
    assert item_type("Kalendarium 2024", [filing]) == "information"
    assert item_type("Kalendarium 2024", ["att fastställa kalendariet"]) == "decision"


def test_stems_drop_the_stop_words_of_the_lexicon():
    assert stems("Beslut om kalendarium") == [stem("beslut"), stem("kalendarium")]
    assert stem("kalendarium") == stem("kalendariet") == stem("kalendarier")
    assert not set(stems(" ".join(lexicon.STOP_WORDS)))
