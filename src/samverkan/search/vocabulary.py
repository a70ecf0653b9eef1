"""The index's own vocabulary, and "Menade du …?" by edit distance over it.

Each indexed word (lower-cased, three letters or more, not a number or stop word) is kept with the
number of entries it occurs in; indexing adds to the counts, removing entries takes from them and a
rebuild of the index rebuilds the vocabulary. Non-public attachments add nothing, so no suggestion
reveals what only members may read; a suggestion is offered only when it finds more than the query.
"""

from collections import Counter

from django.db import connection
from django.db.models import Q

from samverkan.language.lexicon import STOP_WORDS
from samverkan.language.stemming import WORD

from .models import SearchEntry, SearchWord
from .text import clean_query

MIN_LENGTH = 3
MAX_LENGTH = SearchWord._meta.get_field("word").max_length
VOCABULARY_LOCK = 7_305_001  # any constant key of pg_advisory_xact_lock, the same in every process
TEXT_FIELDS = ("title", "body_text", "clauses_text", "presenters", "attachments_text")


def _words(texts) -> set[str]:
    return {w for w in WORD.findall(" ".join(texts).lower())
            if MIN_LENGTH <= len(w) <= MAX_LENGTH and not w.isdigit() and w not in STOP_WORDS}


def _counts(rows) -> Counter:
    counts: Counter = Counter()
    for texts in rows:
        counts.update(_words(texts))
    return counts


def _take_vocabulary_lock(cursor) -> None:
    """Two imports index meetings whose words overlap, each counting words in several statements of one
    transaction; PostgreSQL would deadlock on the row locks, so the counts are taken one transaction at
    a time (held until commit). SQLite has one writer at a time anyway."""
    if connection.vendor == "postgresql":
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [VOCABULARY_LOCK])


def add(entries: list[SearchEntry]) -> None:
    """Count the words of newly indexed entries."""
    counts = _counts([getattr(e, name) for name in TEXT_FIELDS] for e in entries)
    if not counts:
        return
    with connection.cursor() as cursor:
        _take_vocabulary_lock(cursor)
        cursor.executemany(
            "INSERT INTO search_searchword (word, initial, length, count) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (word) DO UPDATE SET count = search_searchword.count + excluded.count",
            [(word, word[0], len(word), n) for word, n in sorted(counts.items())])


def remove(entries) -> None:
    """Take the words of entries about to be removed from the counts (a queryset of SearchEntry)."""
    counts = _counts(entries.values_list(*TEXT_FIELDS))
    if not counts:
        return
    with connection.cursor() as cursor:
        _take_vocabulary_lock(cursor)
        cursor.executemany("UPDATE search_searchword SET count = count - %s WHERE word = %s",
                           [(n, word) for word, n in sorted(counts.items())])
    SearchWord.objects.filter(count__lte=0).delete()


def clear() -> None:
    SearchWord.objects.all().delete()


def distances(a: str, b: str, limit: int) -> list[int] | None:
    """Edit distances (insert, delete, substitute, swap two neighbours) from `a` to each start of `b`
    (index n: to b[:n]), or None once every one of them is above `limit`."""
    before, row = None, list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (x != y))
            if before is not None and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return None
        before, row = row, current
    return row


def _limit(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def _best(word: str, candidates: list[tuple[str, int]]) -> str | None:
    """The closest known word, or the start of one (the first part of a compound, ending as the word
    ends); among equals the commoner, then the longer."""
    limit = _limit(word)
    best = None
    for known, count in candidates:
        reach = known[:len(word) + limit]
        row = distances(word, reach, limit)
        if row is None:
            continue
        options = []
        if len(known) == len(reach):
            options.append((row[len(known)], 0, 0, known))
        for size in range(max(len(word) - limit, MIN_LENGTH), min(len(reach), len(known) - 1) + 1):
            options.append((row[size], 1, known[size - 1] != word[-1], known[:size]))
        for found, is_part, other_end, text in options:
            score = (found, is_part, other_end, -count, -len(text), text)
            if 0 < found <= limit and text != word and (best is None or score < best):
                best = score
    return best[-1] if best else None


def suggestion(query: str) -> str:
    """The query with each word the index does not know replaced by the closest one it does; "" if none."""
    words = WORD.findall(clean_query(query))
    unknown = {w.lower() for w in words
               if len(w) >= MIN_LENGTH and not w.isdigit() and w.lower() not in STOP_WORDS}
    unknown -= set(SearchWord.objects.filter(word__in=unknown).values_list("word", flat=True))
    if not unknown:
        return ""
    near = Q()
    for word in unknown:
        near |= Q(initial=word[0], length__gte=len(word) - _limit(word))
    candidates: dict[str, list] = {w: [] for w in unknown}
    for known, count in SearchWord.objects.filter(near).values_list("word", "count"):
        for word in unknown:
            if known[0] == word[0] and len(known) >= len(word) - _limit(word):
                candidates[word].append((known, count))
    corrected = {word: _best(word, found) for word, found in candidates.items()}
    if not any(corrected.values()):
        return ""
    return " ".join(corrected.get(w.lower()) or w for w in words)


def rebuild() -> None:
    """Count every entry's words again."""
    clear()
    for start in range(0, SearchEntry.objects.count(), 2000):
        add(list(SearchEntry.objects.order_by("pk").only(*TEXT_FIELDS)[start:start + 2000]))
