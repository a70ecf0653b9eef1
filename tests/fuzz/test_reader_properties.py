"""Hypothesis on the pure reader: any text is read or refused with LimitExceeded, never a traceback.

A handful of examples in `make test`; `make fuzz` runs thousands (SAMVERKAN_FUZZ_EXAMPLES).
"""

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.archive.reader import LimitExceeded, Limits, read_text
from tests.fuzz.damage import ODDITIES, sample_texts

EXAMPLES = int(os.environ.get("SAMVERKAN_FUZZ_EXAMPLES", "40"))
LINES = sorted({line for text in sample_texts() for line in text.splitlines()})
PIECES = st.one_of(
    st.sampled_from(LINES),
    st.sampled_from(["1. ", "a) ", "§ 3 ", "Förslag till beslut: ", "Beslut: ", "att ", "Föredragande: ", "Bilaga ",
                     "Närvarande:", "Nätverket beslutade att ", ". ", ":", "\n", "\n\n", *ODDITIES]),
    st.text(max_size=30),
)
TEXTS = st.lists(PIECES, max_size=300).map("".join)
SMALL = Limits(max_lines=2_000, max_items=100, max_seconds=10)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["\n", " ", ""]))
def test_any_text_is_read_or_refused(text, joiner):
    text = joiner.join(text.splitlines()) if joiner else text
    try:
        document = read_text(text, "fuzz.txt", limits=SMALL)
    except LimitExceeded as error:
        assert str(error).startswith("fuzz.txt: ")
        return
    json.dumps(document.to_dict(), ensure_ascii=False)
