"""Lemmas beside the Snowball stems: inflections whose stem changes meet, on SQLite and PostgreSQL."""

import pytest

from samverkan.language.lemmas import lemma, lemma_stem
from samverkan.search.selectors import search
from samverkan.search.text import Term, TermMatcher, fts5_query, highlight, index_text, query_terms, tsquery


def titles(page):
    return [hit.item.title for hit in page.hits]


class TestLemmas:
    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            ("beslöt", "beslut"),  # besluta
            ("valde", "välj"),  # välja
            ("frågan", "fråg"),  # fråga
            ("mötena", "möt"),  # möte
            ("redogjorde", "redogör"),  # redogöra
            ("huvudmännen", "huvudman"),
            ("ledamöter", "ledamot"),
        ],
    )
    def test_a_word_whose_stem_changes_gets_its_lemmas_stem(self, word, expected):
        assert lemma_stem(word) == expected

    @pytest.mark.parametrize(
        "word",
        [
            "beslutade",  # its stem already is the lemma's
            "hemsjukvårdsavtalet",  # not in the dictionary: no guess
            "ska",
            "tkr",
            "kl",  # too short: "skola", "tycker", "klockan"
            "första",  # the lemma "en" is a stop word
            "boende",  # the lemma's stem "bo" is too short
        ],
    )
    def test_no_second_term_where_the_lemma_adds_nothing_or_guesses(self, word):
        assert lemma_stem(word) is None

    def test_the_lemma_is_lower_case_and_nfc(self):
        assert lemma("BESLÖT") == lemma("beslo\u0308t") == "besluta"


class TestTermsAndQueries:
    def test_the_index_has_each_words_stem_then_its_lemmas(self):
        assert index_text("Styrgruppen beslöt att anta mötena") == "styrgrupp beslöt beslut ant möten möt"

    def test_a_query_word_carries_its_lemmas_stem(self):
        assert query_terms("beslöt beslutade") == [Term("beslöt", "beslut"), Term("beslut")]

    def test_the_lemma_is_matched_exactly_the_stem_also_as_a_prefix(self):
        terms = query_terms("frågan hemsjukvård")
        assert fts5_query(terms) == '("frågan" OR "frågan"* OR "fråg") AND ("hemsjukvård" OR "hemsjukvård"*)'
        assert tsquery(terms) == "('frågan' | 'frågan':* | 'fråg') & ('hemsjukvård' | 'hemsjukvård':*)"
        assert fts5_query(query_terms("valde")) == '("vald" OR "vald"* OR "välj")'

    def test_the_highlight_marks_the_other_forms(self):
        texts = ["Nämnden beslöt att välja en ordförande. Besluten gäller från i dag."]
        assert highlight(texts, query_terms("besluta valde")) == (
            "Nämnden <mark>beslöt</mark> att <mark>välja</mark> en ordförande. <mark>Besluten</mark> gäller från i dag."
        )

    def test_a_word_counts_once_for_its_term(self):
        matcher = TermMatcher(query_terms("beslöt"))
        assert matcher.count == 1
        assert matcher.term("beslutade") == matcher.term("beslöt") == "beslöt"
        assert matcher.term("beslutsunderlaget") is None  # the lemma's stem "beslut" is no prefix
        assert matcher.term("valde") is None


@pytest.mark.django_db
class TestSearch:
    def test_an_irregular_past_tense_meets_the_other_forms(self, make_meeting):
        make_meeting(
            items=[
                {"title": "Handlingsplan", "minutes_text": "Styrgruppen beslöt att anta planen."},
                {"title": "Val av ordförande", "minutes_text": "Nätverket valde Anna Berg."},
            ]
        )
        for query in ("besluta", "beslutade", "beslöt"):
            assert titles(search(query)) == ["Handlingsplan"], query
        for query in ("välja", "väljer", "valdes"):
            assert titles(search(query)) == ["Val av ordförande"], query

    def test_definite_and_plural_forms_snowball_keeps_apart_meet(self, make_meeting):
        make_meeting(
            items=[
                {"title": "Kalendarium", "minutes_text": "Det föreslås att mötena förläggs till Falun."},
                {"title": "Övriga frågor"},
            ]
        )
        assert titles(search("möte")) == ["Kalendarium"]
        assert titles(search("frågan")) == ["Övriga frågor"]

    def test_a_compound_is_still_found_by_its_first_part(self, make_meeting):
        make_meeting(
            items=[
                {"title": "Hemsjukvårdsavtalet", "minutes_text": "Avtalet gäller."},
                {"title": "Rapporter", "minutes_text": "Om hemsjukvård i länet."},
            ]
        )
        assert set(titles(search("hemsjukvård"))) == {"Rapporter", "Hemsjukvårdsavtalet"}

    def test_a_title_match_by_lemma_outranks_a_text_match(self, make_meeting):
        make_meeting(
            items=[
                {"title": "Information", "minutes_text": "Frågor om ledamöterna togs upp."},
                {"title": "Ledamöter i nätverket"},
            ]
        )
        assert titles(search("ledamot")) == ["Ledamöter i nätverket", "Information"]
