"""Tokenising, Swedish stemming and lemmas, and highlighting, shared by both database backends.

The stems, lemmas and stop words are samverkan.language's; this module makes queries and excerpts of
them. Every word is indexed as its Snowball stem and, where it differs, the stem of its lemma
("beslöt": "beslöt" and "beslut"), so inflections the stemmer keeps apart meet. A query word matches
its stem, its lemma's stem, or (stems of at least PREFIX_MIN letters) the longer stems its stem begins,
so the first part of a Swedish compound finds the compound ("hemsjukvård" finds
"hemsjukvårdsavtalet"); an exact match still ranks above a prefix match. A lemma's stem is matched
exactly, never as a prefix: the lemma widens a word to its inflections, not to its compounds.
"""

import re
from html import escape
from typing import NamedTuple

from samverkan.language.lemmas import lemma_stem
from samverkan.language.lexicon import STOP_WORDS
from samverkan.language.stemming import WORD, stem

MAX_QUERY_LENGTH = 500
SNIPPET_WORDS = 30
SNIPPET_LEAD = 8
PREFIX_MIN = 4  # shorter stems ("hem", "vår") would match half the vocabulary


class Term(NamedTuple):
    """A query word as the index knows it: its stem, and its lemma's stem when that differs ("")."""

    stem: str
    lemma: str = ""


def _words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOP_WORDS]


def index_text(text: str) -> str:
    """A text as space-separated terms, what both backends index: each word's stem, then its lemma's
    stem where that differs."""
    terms = []
    for word in _words(text):
        terms.append(stem(word))
        if extra := lemma_stem(word):
            terms.append(extra)
    return " ".join(terms)


def clean_query(query: str) -> str:
    """User input made safe to send to the database: no NUL bytes, bounded length."""
    return (query or "").replace("\x00", " ").strip()[:MAX_QUERY_LENGTH]


def query_terms(query: str) -> list[Term]:
    """The distinct terms of a query (by stem), in the order they were typed."""
    terms: dict[str, Term] = {}
    for word in _words(clean_query(query)):
        base = stem(word)
        terms.setdefault(base, Term(base, lemma_stem(word) or ""))
    return list(terms.values())


def is_prefix(term: str) -> bool:
    """True when a query stem also matches the longer stems it begins."""
    return len(term) >= PREFIX_MIN and not term.isdigit()


def fts5_query(terms: list[Term]) -> str:
    """An FTS5 MATCH expression requiring every term: its stem (or a stem it begins) or its lemma's stem."""
    parts = []
    for term in terms:
        quoted = '"{}"'.format(term.stem.replace('"', '""'))
        options = [quoted, f"{quoted}*"] if is_prefix(term.stem) else [quoted]
        if term.lemma:
            options.append('"{}"'.format(term.lemma.replace('"', '""')))
        parts.append(f"({' OR '.join(options)})" if len(options) > 1 else quoted)
    return " AND ".join(parts)


def tsquery(terms: list[Term]) -> str:
    """The same expression for PostgreSQL's to_tsquery('simple', …): terms are \\w+, so quoting suffices."""

    def quoted(text: str) -> str:
        return "'{}'".format(text.replace("'", "''").replace("\\", "\\\\"))

    parts = []
    for term in terms:
        options = [quoted(term.stem), f"{quoted(term.stem)}:*"] if is_prefix(term.stem) else [quoted(term.stem)]
        if term.lemma:
            options.append(quoted(term.lemma))
        parts.append(f"({' | '.join(options)})" if len(options) > 1 else options[0])
    return " & ".join(parts)


class TermMatcher:
    """Which query term a word of a text matches: as the index has the word (its stem and its lemma's
    stem), against each term's stem (exactly, or as a prefix) and lemma's stem (exactly)."""

    def __init__(self, terms: list[Term]):
        self.count = len({t.stem for t in terms})
        self.exact: dict[str, str] = {}
        for term in terms:
            self.exact.setdefault(term.stem, term.stem)
        for term in terms:
            if term.lemma:
                self.exact.setdefault(term.lemma, term.stem)
        self.prefixes = tuple(t.stem for t in terms if is_prefix(t.stem))
        self._seen: dict[str, str | None] = {}  # a snippet's texts repeat their words

    def _match(self, indexed: str) -> str | None:
        found = self.exact.get(indexed)
        return found if found else next((p for p in self.prefixes if indexed.startswith(p)), None)

    def term(self, word: str) -> str | None:
        """The stem of the query term a word matches, or None."""
        if word not in self._seen:
            found = self._match(stem(word))
            if found is None and (extra := lemma_stem(word)):
                found = self._match(extra)
            self._seen[word] = found
        return self._seen[word]


def _best_text(texts: list[str], matcher: TermMatcher) -> str:
    """The text matching the most distinct query stems (the first of equals; the first non-empty text if
    none match), read only until it matches them all: attachments can be long."""
    wanted = matcher.count
    best, best_score = "", -1
    for text in texts:
        if not text:
            continue
        found = set()
        for match in WORD.finditer(text):
            term = matcher.term(match.group())
            if term:
                found.add(term)
                if len(found) == wanted:
                    break
        if len(found) > best_score:
            best, best_score = text, len(found)
            if best_score == wanted:
                break
    return best


def _window(text: str, matcher: TermMatcher) -> tuple[list[re.Match], int, int]:
    """The words of the text up to just past the snippet, and where the snippet starts and ends among them."""
    words: list[re.Match] = []
    first = None
    for match in WORD.finditer(text):
        words.append(match)
        if first is None and matcher.term(match.group()):
            first = len(words) - 1
        if first is not None and len(words) > max(0, first - SNIPPET_LEAD) + SNIPPET_WORDS:
            break  # one word past the snippet: enough to know that more follows
    start = max(0, (first or 0) - SNIPPET_LEAD)
    return words, start, min(len(words), start + SNIPPET_WORDS)


def _gap(text: str) -> str:
    return escape(re.sub(r"\s+", " ", text))


def highlight(texts: list[str], terms: list[Term], matcher: TermMatcher | None = None) -> str:
    """A short HTML-escaped excerpt of the best matching text, matched words in <mark>."""
    matcher = matcher or TermMatcher(terms)
    text = _best_text(texts, matcher)
    words, start, end = _window(text, matcher)
    if not words:
        return ""
    parts = ["… " if start else ""]
    position = words[start].start() if start else 0
    for match in words[start:end]:
        word = escape(match.group())
        parts.append(_gap(text[position:match.start()]))
        parts.append(f"<mark>{word}</mark>" if matcher.term(match.group()) else word)
        position = match.end()
    parts.append(" …" if end < len(words) else _gap(text[position:]))
    return "".join(parts).strip()


def excerpt(text: str, words: int = SNIPPET_WORDS) -> str:
    """The start of a text, HTML-escaped, cut after `words` words."""
    found = list(WORD.finditer(text or ""))
    if len(found) <= words:
        return _gap(text or "").strip()
    return _gap(text[:found[words - 1].end()]).strip() + " …"
