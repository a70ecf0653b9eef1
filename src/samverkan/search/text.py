"""Tokenising, Swedish stemming and highlighting, shared by both database backends.

The stems and stop words are samverkan.language's; this module makes queries and excerpts of them.
"""

import re
from html import escape

from samverkan.language.lexicon import STOP_WORDS
from samverkan.language.stemming import WORD, stem, stems

OTHER_PUNCTUATION = re.compile(r'[^\w\s"]+')
MAX_QUERY_LENGTH = 500
SNIPPET_WORDS = 30
SNIPPET_LEAD = 8


def stemmed_text(text: str) -> str:
    """A text as space-separated stems: what both backends index."""
    return " ".join(stems(text))


def clean_query(query: str) -> str:
    """User input made safe to send to the database: no NUL bytes, bounded length."""
    return (query or "").replace("\x00", " ").strip()[:MAX_QUERY_LENGTH]


def query_stems(query: str) -> list[str]:
    """The distinct stems of a query, in the order they were typed."""
    return list(dict.fromkeys(stems(clean_query(query))))


def _stem_or_drop(match: re.Match) -> str:
    word = match.group().lower()
    return "" if word in STOP_WORDS else stem(word)


def _space_or_minus(match: re.Match) -> str:
    at_word_start = match.start() == 0 or match.string[match.start() - 1].isspace()
    return "-" if match.group() == "-" and at_word_start else " "


def websearch_query(query: str) -> str:
    """A query for websearch_to_tsquery stemmed like the index; only quotes, "-" and "or" kept."""
    spaced = OTHER_PUNCTUATION.sub(_space_or_minus, clean_query(query))
    return WORD.sub(_stem_or_drop, spaced)


def fts5_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression requiring every term, each quoted so nothing is an operator."""
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


def _matches(text: str, terms: set[str]) -> list[re.Match]:
    return [m for m in WORD.finditer(text) if stem(m.group()) in terms]


def _best_text(texts: list[str], terms: set[str]) -> str:
    """The text matching the most distinct query stems; the first non-empty text if none do."""
    def score(text):
        return len({stem(m.group()) for m in _matches(text, terms)})
    candidates = [t for t in texts if t]
    return max(candidates, key=score, default="")


def _window(words: list[re.Match], terms: set[str]) -> tuple[int, int]:
    first = next((i for i, m in enumerate(words) if stem(m.group()) in terms), 0)
    start = max(0, first - SNIPPET_LEAD)
    return start, min(len(words), start + SNIPPET_WORDS)


def _gap(text: str) -> str:
    return escape(re.sub(r"\s+", " ", text))


def highlight(texts: list[str], terms: set[str]) -> str:
    """A short HTML-escaped excerpt of the best matching text, matched words in <mark>."""
    text = _best_text(texts, terms)
    words = list(WORD.finditer(text))
    if not words:
        return ""
    start, end = _window(words, terms)
    parts = ["… " if start else ""]
    position = words[start].start() if start else 0
    for match in words[start:end]:
        word = escape(match.group())
        parts.append(_gap(text[position:match.start()]))
        parts.append(f"<mark>{word}</mark>" if stem(match.group()) in terms else word)
        position = match.end()
    parts.append(" …" if end < len(words) else _gap(text[position:]))
    return "".join(parts).strip()
