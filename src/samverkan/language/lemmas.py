"""Swedish lemmas (simplemma's dictionary) beside the Snowball stems, for search.

Snowball cuts endings, so forms whose stem changes stay apart: "beslöt" and "beslutade", "valde" and
"väljer", "frågan" and "frågor", "mötena" and "mötet". A word's lemma ("besluta", "välja", "fråga",
"möte"), stemmed the same way, is the second term that brings them together (`lemma_stem`).

Only simplemma's dictionary is looked up, never its rules or affix guesses: a word it does not know
has no lemma. It is simplemma's low-memory dictionary (about 15 MB, under a second to load), loaded
once per process on the first word looked up, and every word's answer is cached.

What is left out, as the dictionary gets it wrong more often than right there: words of fewer than
MIN_WORD letters ("ska" would be "skola", "tkr" "tycker", "kl" "klockan"), lemmas much longer than
the word (abbreviations written out: "nov" -> "november"), stop words as lemmas ("första" -> "en")
and lemma stems of fewer than MIN_STEM letters ("boende" -> "bo").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .lexicon import STOP_WORDS
from .stemming import WORD, stem

LANGUAGE = "sv"
MIN_WORD = 4
MIN_STEM = 3
LONGER_BY = 2  # a lemma more letters longer than this is an abbreviation written out


@lru_cache(maxsize=1)
def _dictionary():
    """simplemma's Swedish dictionary lookup, made once (the dictionary loads on the first word)."""
    from simplemma.strategies import DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    return DictionaryLookupStrategy(LOW_MEMORY_DICTIONARY_FACTORY)


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str | None:
    """The dictionary form of a Swedish word, lower-cased ("beslöt" -> "besluta"), or None if unknown."""
    word = unicodedata.normalize("NFC", word.lower())
    if len(word) < MIN_WORD:
        return None
    found = _dictionary().get_lemma(word, LANGUAGE)
    if not found:
        return None
    found = found.lower()
    if len(found) > len(word) + LONGER_BY or found in STOP_WORDS or not WORD.fullmatch(found):
        return None
    return found


@lru_cache(maxsize=100_000)
def lemma_stem(word: str) -> str | None:
    """The stem of the word's lemma when it is not the word's own stem ("beslöt" -> "beslut"), else None."""
    found = lemma(word)
    if found is None:
        return None
    base = stem(found)
    return base if len(base) >= MIN_STEM and base != stem(word) else None
