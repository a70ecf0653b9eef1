"""The benchmark's document generator: deterministic, realistic sizes, and readable by the reader.

No timings here: benchmarks report, tests check behaviour. The reader tests use the
generator's own record of what it wrote (items, att-clauses, kind, date).
"""

import random
import re
from collections import Counter
from datetime import date

import pytest

from bench.generate import (
    AGENDA,
    LAYOUTS,
    MAX_BYTES,
    MIN_BYTES,
    MINUTES,
    SEED_BODY,
    generate_archive,
    generate_document,
    generate_documents,
    wrap,
)

ALL_LAYOUTS = [layout for layouts in LAYOUTS.values() for layout in layouts]


@pytest.fixture(scope="module")
def corpus():
    return generate_documents(80, seed=11)


def test_same_seed_gives_the_same_documents():
    first = [(name, doc.text) for name, doc in generate_documents(15, seed=3)]
    again = [(name, doc.text) for name, doc in generate_documents(15, seed=3)]
    other = [(name, doc.text) for name, doc in generate_documents(15, seed=4)]
    assert first == again
    assert first != other


def test_generate_document_is_deterministic_for_an_rng():
    one = generate_document(random.Random(5))
    two = generate_document(random.Random(5))
    assert one.text == two.text and str(one) == one.text
    assert one.items == two.items


def test_generate_archive_writes_count_files_byte_identically(tmp_path):
    first = generate_archive(tmp_path / "a", 6, seed=2)
    second = generate_archive(tmp_path / "b", 6, seed=2)
    assert len(first) == 6
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [p.name for p in first]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert all(p.suffix == ".txt" for p in first)


def test_sizes_items_and_attendees_are_in_range(corpus):
    for name, doc in corpus:
        assert MIN_BYTES <= doc.size <= MAX_BYTES, (name, doc.size)
        assert 8 <= len(doc.items) <= 15, name
        assert 0 <= len(doc.attendees) <= 30, name
        assert len(set(doc.attendees)) == len(doc.attendees), name
        assert [item.number for item in doc.items] == [str(n) for n in range(1, len(doc.items) + 1)]


def test_the_archive_mixes_kinds_layouts_and_shared_meetings(corpus):
    layouts = Counter(doc.layout for _, doc in corpus)
    assert set(layouts) == set(ALL_LAYOUTS)
    per_date = Counter(doc.meeting_date for _, doc in corpus)
    shared = [d for d, n in per_date.items() if n == 2]
    assert shared, "some meetings must have both an agenda and minutes"
    for d in shared:
        kinds = sorted(doc.kind for _, doc in corpus if doc.meeting_date == d)
        assert kinds == [AGENDA, MINUTES]
    assert {doc.meeting_date.year for _, doc in corpus} <= set(range(2019, 2028))
    assert any(doc.items[i].subitems for _, doc in corpus for i in range(len(doc.items)))


def test_documents_are_written_in_the_seed_styles(corpus):
    docs = {layout: next(doc for _, doc in corpus if doc.layout == layout) for layout in ALL_LAYOUTS}
    texts = {layout: doc.text for layout, doc in docs.items()}
    assert "Förslag till beslut" in texts["agenda_plain"]
    assert f"{docs['agenda_compact'].body.short} beslutar:" in texts["agenda_compact"]
    assert "Närvarande: (Överstruken = icke närvarande)" in texts["minutes_table"]
    assert re.search(r"^Dnr: (HSN \d{4}/\d+|RD\d\d/\d{5})", texts["minutes_table"], re.M)
    assert re.search(r"^Närvarande: ", texts["minutes_list"], re.M)
    assert texts["minutes_markdown"].count("Minnesanteckningar\n\nDatum: ") >= 2  # repeated headers
    assert re.search(r"^Datum: \d{6}  $", texts["minutes_markdown"], re.M)
    assert f"**{docs['minutes_markdown'].body.short} beslutade:**" in texts["minutes_markdown"]
    all_text = "\n".join(doc.text for _, doc in corpus)
    assert re.search(r"^Föregående minnesanteckningar \d{6}", all_text, re.M) or \
        re.search(r"\d\. Föregående minnesanteckningar \d{6}", all_text)
    assert re.search(r"^a\) ", all_text, re.M)
    assert re.search(r"^Föredragande:? \w+", all_text, re.M)
    assert re.search(r"Bilaga \d", all_text)
    assert re.search(r"Datum: \d{1,2} (januari|februari|mars|april|maj|juni|augusti|september|"
                     r"oktober|november|december) 20\d\d", all_text)


def test_agendas_propose_and_minutes_decide(corpus):
    for name, doc in corpus:
        proposals, decisions = doc.all_clauses()
        assert all(c.startswith("att ") for c in proposals + decisions), name
        if doc.kind == AGENDA:
            assert proposals and not decisions, name
            assert doc.attendees == []
        else:
            assert decisions, name


def test_any_count_over_several_bodies_and_decades_with_unique_meetings():
    """6,000 documents (more than the seed network's dates allow) come out; no (body, date, kind) twice.

    The generator draws each body's next meeting after its last one, so it cannot loop; an alarm
    turns a regression into a failure instead of a hung test run.
    """
    import signal

    def hung(signum, frame):
        raise AssertionError("generate_documents(6000) did not finish within 60 s: an endless loop?")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        named = generate_documents(6000, seed=5)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert len(named) == 6000
    assert len({name for name, _ in named}) == 6000
    keys = [(doc.body.name, doc.meeting_date, doc.kind) for _, doc in named]
    assert len(set(keys)) == len(keys)
    bodies = Counter(doc.body.name for _, doc in named)
    assert len(bodies) >= 10 and "Länsnätverket för förvaltningschefer" in bodies
    assert len({doc.body.abbreviation for _, doc in named}) == len(bodies)
    years = {doc.meeting_date.year for _, doc in named}
    assert max(years) - min(years) >= 20  # decades, not the seed network's eight years
    dates = [doc.meeting_date for _, doc in named]
    assert dates == sorted(dates)  # in the order the meetings were held
    # a bigger archive has a bigger vocabulary: later meetings bring topics the first did not have
    first = {item.title for _, doc in named[:600] for item in doc.items}
    last = {item.title for _, doc in named[-600:] for item in doc.items}
    assert len(last - first) > 50


def test_small_archives_have_several_bodies_and_the_seed_network_first():
    named = generate_documents(30, seed=1)
    assert named[0][1].body == SEED_BODY or any(doc.body == SEED_BODY for _, doc in named)
    assert len({doc.body for _, doc in named}) == 3
    for _, doc in named:
        assert doc.body.header in doc.text or doc.body.name in doc.text
    assert [(n, d.text) for n, d in named] == [(n, d.text) for n, d in generate_documents(30, seed=1)]


def test_wrapped_lines_never_start_like_a_heading_or_a_clause():
    rng = random.Random(1)
    words = ["att", "2024.", "Bilaga", "a)", "Föredragande:", "kommunerna", "regionen", "och", "medlen"]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 40)))
        lines = wrap(text, rng.randint(10, 40))
        assert " ".join(" ".join(lines).split()) == text
        for line in lines[1:]:
            first = line.split()[0]
            assert not first[0].isdigit() and first not in {"att", "Bilaga", "a)", "Föredragande:"}


# --------------------------------------------------------------------------- with the reader

def _read_text():
    reader = pytest.importorskip("samverkan.archive.reader")
    if not hasattr(reader, "read_text"):
        pytest.skip("samverkan.archive.reader.read_text does not exist yet")
    return reader.read_text


def _norm(text):
    return " ".join(text.replace("*", "").split()).strip(" .").lower()


def _sample(layout, n=3):
    """n documents of one layout, from their own seeds, so each layout is exercised."""
    rng = random.Random(f"reader-{layout}")
    return [generate_document(rng, layout=layout) for _ in range(n)]


@pytest.mark.parametrize("layout", ALL_LAYOUTS)
def test_reader_finds_the_generated_items(layout):
    read_text = _read_text()
    for doc in _sample(layout):
        got = read_text(doc.text, source=f"{layout}.txt")
        assert [i.number for i in got.items] == [i.number for i in doc.items], doc.text[:300]
        assert [[s.number for s in i.subitems] for i in got.items] == \
            [[s.number for s in i.subitems] for i in doc.items]


@pytest.mark.parametrize("layout", ALL_LAYOUTS)
def test_reader_finds_the_generated_att_clauses(layout):
    read_text = _read_text()
    for doc in _sample(layout):
        got = read_text(doc.text, source=f"{layout}.txt")
        for want, have in zip(doc.items, got.items):
            want_nodes, have_nodes = [want, *want.subitems], [have, *have.subitems]
            assert [_norm(c) for n in have_nodes for c in n.proposals] == \
                [_norm(c) for n in want_nodes for c in n.proposals], f"item {want.number}"
            assert [_norm(c) for n in have_nodes for c in n.decisions] == \
                [_norm(c) for n in want_nodes for c in n.decisions], f"item {want.number}"


@pytest.mark.parametrize("layout", ALL_LAYOUTS)
def test_reader_finds_kind_and_meeting_date(layout):
    read_text = _read_text()
    for doc in _sample(layout):
        got = read_text(doc.text, source=f"{layout}.txt")
        assert got.kind == doc.kind
        assert got.meeting_date == doc.meeting_date
        assert isinstance(got.meeting_date, date)
