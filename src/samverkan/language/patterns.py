"""Regular-expression building blocks made from the lexicon's word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

NEVER = r"(?!)"


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """The words as a regex alternation, in order; a space in a phrase matches `space`."""
    parts = [re.escape(word).replace(r"\ ", space) for word in words]
    return "|".join(parts) if parts else NEVER


def longest_first(words: Iterable[str]) -> list[str]:
    """The words longest first, so an alternation prefers "Bilagor" to "Bil"."""
    return sorted(words, key=len, reverse=True)
