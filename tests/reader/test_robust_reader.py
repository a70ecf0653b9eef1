"""The reader on hostile text: no recursion, linear time, clear limits."""

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan.archive.reader import LimitExceeded, Limits, read_text
from samverkan.archive.reader.clauses import is_block_opener
from samverkan.archive.reader.lines import _split_heading_from_sentence

# The patterns the splitter used before it was made linear: the specification it must still meet.
_SENTENCES = r"[^.!?]*[.!?](?:\s[A-ZÅÄÖ][^.!?]*[.!?])*(?:\s[A-ZÅÄÖ][^.!?]*)?$"
OLD_AFTER_TITLE = re.compile(r"(?<=[a-zåäö0-9)])\s+(?=[A-ZÅÄÖ][a-zåäö]+\s[a-zåäö]" + _SENTENCES + ")")
OLD_AFTER_PRESENTER = re.compile(
    r"\s+(?=[A-ZÅÄÖ][a-zåäö]+(?:\s[a-zåäö]+){2,}[^.!?,]*[.!?](?:\s[A-ZÅÄÖ][^.!?]*[.!?])*(?:\s[A-ZÅÄÖ][^.!?]*)?$)"
)


def old_split(piece: str) -> list[str]:
    """_split_heading_from_sentence as it was, with the quadratic searches."""
    if piece.startswith("Föredragande"):
        match = OLD_AFTER_PRESENTER.search(piece)
    elif re.match(r"^(?:§\s*\d{1,3}\s*[.:)]?|\d{1,2}\s*[.:)])\s*[\"”“]?[A-ZÅÄÖ]", piece):
        offset = re.match(r"^(?:§\s*(\d{1,3})\s*[.:)]?|(\d{1,2})\s*[.:)])", piece).end()
        match = OLD_AFTER_TITLE.search(piece[offset:].lstrip())
        if match:
            start = len(piece) - len(piece[offset:].lstrip()) + match.start()
            return [p for p in (piece[:start].strip(), piece[start:].strip()) if p]
        return [piece]
    else:
        return [piece]
    if not match:
        return [piece]
    return [p for p in (piece[:match.start()].strip(), piece[match.start():].strip()) if p]


WORDS = st.sampled_from(["Ord", "och", "mer", "text", "Anna", "a", "1", ",", ".", "!", "?", " ", "  ", "\t", "Å", "ö", ")"])
PIECES = st.builds(
    lambda start, words: (start + "".join(words)).strip(),
    st.sampled_from(["1. Titel ", "§ 3 Val ", "Föredragande ", "12) Ärende ", "x "]),
    st.lists(WORDS, max_size=40),
)


@settings(max_examples=400, deadline=None)
@given(PIECES)
def test_the_linear_split_cuts_where_the_old_patterns_did(piece):
    assert _split_heading_from_sentence(piece) == old_split(piece)


@pytest.mark.parametrize("line", [
    "1. Titel " + "Ord och mer text " * 20_000,
    "Föredragande " + "Anna och mer text " * 20_000,
    "Föredragande " + "Anna och mer text, " * 20_000 + "slut.",
    "Föredragande Anna och mer text. " + "Anna och mer text " * 20_000,
    "Förslag till beslut: " * 10_000 + "att godkänna.",
])
def test_a_long_line_is_read_in_linear_time(line):
    started = time.monotonic()
    read_text(line, "lång.txt")
    assert time.monotonic() - started < 5


def test_a_line_of_repeated_block_openers_does_not_recurse():
    line = "Förslag till beslut: " * 5_000 + "att godkänna."
    assert is_block_opener(line)
    document = read_text("1. Val\n" + line, "öppnare.txt")
    assert document.items[0].proposals == ["att godkänna."]


def test_too_many_lines_are_refused_naming_file_and_limit():
    with pytest.raises(LimitExceeded, match=r"^många\.txt: dokumentet har fler rader \(11\) än gränsen 10 \(SAMVERKAN_MAX_LINES\)$"):
        read_text("rad\n" * 10 + "sista", "många.txt", limits=Limits(max_lines=10))


def test_a_run_on_line_that_splits_into_too_many_lines_is_refused():
    with pytest.raises(LimitExceeded, match="SAMVERKAN_MAX_LINES"):
        read_text(" ".join(f"{i}. Punkt nummer {i}" for i in range(1, 60)), "rad.txt", limits=Limits(max_lines=20))


def test_too_many_items_are_refused():
    text = "".join(f"{i}. Punkt {i}\nText.\n" for i in range(1, 31))
    with pytest.raises(LimitExceeded, match=r"^p\.txt: dokumentet har fler punkter \(30\) än gränsen 20 \(SAMVERKAN_MAX_ITEMS\)$") as error:
        read_text(text, "p.txt", limits=Limits(max_items=20))
    assert error.value.code == "limit_exceeded"


def test_reading_past_the_time_limit_is_refused():
    with pytest.raises(LimitExceeded, match=r"^t\.txt: läsningen tog längre än gränsen 0 sekunder"):
        read_text("1. Punkt\nText.", "t.txt", limits=Limits(max_seconds=0))
