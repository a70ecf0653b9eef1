"""Swedish stems (Snowball) for search and for comparing texts."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer

from .lexicon import STOP_WORDS

WORD = re.compile(r"\w+")
I_ENDINGS = ("ium", "iet")

_local = threading.local()


def _stemmer():
    # Snowball stemmer objects keep state between calls: one per thread.
    if not hasattr(_local, "stemmer"):
        _local.stemmer = snowballstemmer.stemmer("swedish")
    return _local.stemmer


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Swedish stem of one word, lower-cased first."""
    base = _stemmer().stemWord(word.lower())
    # Snowball leaves "kalendarium", "kalendariet", "partiet" apart from "kalendarier", "parti".
    if len(base) > 4 and base.endswith(I_ENDINGS):
        return base[:-2]
    return base


def stems(text: str) -> list[str]:
    """The stems of the words in a text, in order, without stop words."""
    return [stem(w) for w in WORD.findall(text.lower()) if w not in STOP_WORDS]
