"""Tokenising, Swedish stemming and highlighting, shared by both database backends.

The stems and stop words are samverkan.language's; this module makes queries and excerpts of them.
Every query stem of at least PREFIX_MIN letters also matches the stems it begins, so the first part
of a Swedish compound finds the compound ("hemsjukvård" finds "hemsjukvårdsavtalet"); an exact
match still ranks above a prefix match.
"""

import re
from html import escape

from samverkan.language.stemming import WORD, stem, stems

MAX_QUERY_LENGTH = 500
SNIPPET_WORDS = 30
SNIPPET_LEAD = 8
PREFIX_MIN = 4  # shorter stems ("hem", "vår") would match half the vocabulary


def stemmed_text(text: str) -> str:
    """A text as space-separated stems: what both backends index."""
    return " ".join(stems(text))


def clean_query(query: str) -> str:
    """User input made safe to send to the database: no NUL bytes, bounded length."""
    return (query or "").replace("\x00", " ").strip()[:MAX_QUERY_LENGTH]


def query_stems(query: str) -> list[str]:
    """The distinct stems of a query, in the order they were typed."""
    return list(dict.fromkeys(stems(clean_query(query))))


def is_prefix(term: str) -> bool:
    """True when a query stem also matches the longer stems it begins."""
    return len(term) >= PREFIX_MIN and not term.isdigit()


def fts5_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression requiring every term (or a stem it begins), each quoted."""
    parts = []
    for term in terms:
        quoted = '"{}"'.format(term.replace('"', '""'))
        parts.append(f"({quoted} OR {quoted}*)" if is_prefix(term) else quoted)
    return " AND ".join(parts)


def tsquery(terms: list[str]) -> str:
    """The same expression for PostgreSQL's to_tsquery('simple', …): terms are \\w+, so quoting suffices."""
    parts = []
    for term in terms:
        quoted = "'{}'".format(term.replace("'", "''").replace("\\", "\\\\"))
        parts.append(f"({quoted} | {quoted}:*)" if is_prefix(term) else quoted)
    return " & ".join(parts)


class TermMatcher:
    """Whether a word of a text is what a query's stems match (exactly, or as a prefix)."""

    def __init__(self, terms):
        self.exact = set(terms)
        self.prefixes = tuple(t for t in self.exact if is_prefix(t))
        self._seen: dict[str, str | None] = {}  # a snippet's texts repeat their words

    def term(self, word: str) -> str | None:
        """The query stem a word matches, or None."""
        if word not in self._seen:
            base = stem(word)
            self._seen[word] = base if base in self.exact else next(
                (p for p in self.prefixes if base.startswith(p)), None)
        return self._seen[word]


def _best_text(texts: list[str], matcher: TermMatcher) -> str:
    """The text matching the most distinct query stems (the first of equals; the first non-empty text if
    none match), read only until it matches them all: attachments can be long."""
    wanted = len(matcher.exact)
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


def highlight(texts: list[str], terms, matcher: TermMatcher | None = None) -> str:
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
