"""How alike a matter and an agenda item are: TF-IDF cosine over Swedish stems.

Both sides are bags of stems from samverkan.language.stemming.stems (Snowball Swedish, stop words
dropped). Titles count TITLE_WEIGHT times. An item is compared passage by passage (its title,
then each paragraph of its texts and decisions, each together with the title) and scores its
best passage, so one paragraph about the matter in a long report item is enough.
"""

import math
import re
from collections import Counter
from collections.abc import Iterable

from samverkan.language.gazetteer import default_gazetteer
from samverkan.language.lexicon import GENERIC_ITEM_WORDS
from samverkan.language.stemming import stems

TITLE_WEIGHT = 3
MIN_STEM_LENGTH = 2
PARAGRAPH = re.compile(r"\n\s*\n|(?<=[.:])\s*\n")


def _generic_terms() -> frozenset[str]:
    """Stems that tell nothing about an item: its usual words and the bodies' one-word names."""
    bodies = default_gazetteer().bodies
    names = [a for body in bodies for a in (body.name, *body.aliases) if " " not in a]
    return frozenset(stems(" ".join((*GENERIC_ITEM_WORDS, *names))))


GENERIC = _generic_terms()


def terms(text: str) -> list[str]:
    return [s for s in stems(text) if len(s) >= MIN_STEM_LENGTH and not s.isdigit() and s not in GENERIC]


def bag(title: str, texts: Iterable[str] = ()) -> Counter:
    counts = Counter()
    for term in terms(title):
        counts[term] += TITLE_WEIGHT
    for text in texts:
        counts.update(terms(text))
    return counts


def passages(title: str, texts: Iterable[str]) -> list[Counter]:
    """The title alone, then the title with each paragraph."""
    result = [bag(title)]
    for text in texts:
        for paragraph in PARAGRAPH.split(text or ""):
            if terms(paragraph):
                result.append(bag(title, [paragraph]))
    return result


class Corpus:
    """Document frequencies over a set of documents (bags), for IDF weights."""

    def __init__(self, documents: Iterable[Counter]):
        self.size = 0
        self.frequency = Counter()
        for document in documents:
            self.size += 1
            self.frequency.update(document.keys())

    def idf(self, term: str) -> float:
        return math.log((1 + self.size) / (1 + self.frequency.get(term, 0))) + 1

    def vector(self, counts: Counter) -> dict[str, float]:
        weights = {term: (1 + math.log(n)) * self.idf(term) for term, n in counts.items() if n > 0}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def best_passage_score(corpus: Corpus, query: dict[str, float], item_passages: list[Counter]) -> float:
    return max((cosine(query, corpus.vector(p)) for p in item_passages), default=0.0)
