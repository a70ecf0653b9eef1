"""Searching items and decisions behaves the same on SQLite and PostgreSQL."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection

from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.search.models import SearchEntry
from samverkan.search.selectors import available_years, search
from samverkan.search.services import index_meeting, rebuild_index

pytestmark = pytest.mark.django_db

DECISION = AgendaItem.Type.DECISION
INFORMATION = AgendaItem.Type.INFORMATION


def titles(page):
    return [hit.item.title for hit in page.hits]


def fts_rows():
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fts")
        return cursor.fetchone()[0]


class TestStemming:
    def test_inflected_verb_finds_the_decision(self, make_meeting):
        make_meeting(items=[{"title": "Handlingsplan", "decisions": ["besluta att anta handlingsplanen"]}])
        assert titles(search("beslutade")) == ["Handlingsplan"]

    def test_noun_and_verb_forms_share_a_stem(self, make_meeting):
        make_meeting(items=[{"title": "Beslut om budget", "minutes_text": "Styrgruppen beslutade."}])
        for query in ("beslut", "besluta", "beslutet", "BESLUTADE"):
            assert titles(search(query)) == ["Beslut om budget"], query

    def test_definite_plural_finds_indefinite_plural(self, make_meeting):
        make_meeting(items=[{"title": "Föregående minnesanteckningar", "type": AgendaItem.Type.PROCEDURAL}])
        assert titles(search("minnesanteckningarna")) == ["Föregående minnesanteckningar"]

    def test_latin_loanwords_and_definite_forms_meet(self, make_meeting):
        make_meeting(items=[{"title": "Kalendarium för 2024", "minutes_text": "Partiet och kriterierna."}])
        for query in ("kalendariet", "kalendarier", "parti", "kriterium"):
            assert titles(search(query)) == ["Kalendarium för 2024"], query

    def test_all_words_must_match(self, make_meeting):
        make_meeting(items=[{"title": "Budget för 2025"}, {"title": "Budget och verksamhetsplan"}])
        assert titles(search("budget verksamhetsplanen")) == ["Budget och verksamhetsplan"]

    def test_presenter_names_are_searchable(self, make_meeting):
        make_meeting(items=[{"title": "Nulägesrapport", "presenters": ["Åsa Öberg"]}])
        assert titles(search("öberg")) == ["Nulägesrapport"]

    def test_words_are_not_confused_by_diacritics(self, make_meeting):
        make_meeting(items=[{"title": "Hälsofrämjande arbete"}])
        assert search("halsoframjande").total == 0


class TestRanking:
    def test_title_match_ranks_above_text_only_match(self, make_meeting):
        make_meeting(items=[
            {"title": "Information från regionen",
             "agenda_text": "Regionen informerar om det nya avtalet och om samverkan kring demens."},
            {"title": "Avtal om samverkan", "agenda_text": "Förslaget presenteras."},
        ])
        page = search("avtalet")
        assert titles(page) == ["Avtal om samverkan", "Information från regionen"]
        assert page.hits[0].rank > page.hits[1].rank

    def test_hits_carry_their_meeting_and_body(self, make_meeting, django_assert_num_queries):
        make_meeting(items=[{"title": "Budget"}])
        hit = search("budget").hits[0]
        with django_assert_num_queries(0):
            assert hit.item.meeting.body.display_name == "Styrgruppen"


class TestFilters:
    @pytest.fixture
    def archive(self, make_meeting):
        make_meeting(date=datetime.date(2023, 5, 1), items=[
            {"title": "Budget 2023", "type": DECISION},
            {"title": "Budgetuppföljning", "type": INFORMATION, "minutes_text": "Om budget."},
        ])
        make_meeting(date=datetime.date(2024, 5, 1), items=[{"title": "Budget 2024", "type": DECISION}])

    def test_filter_by_year(self, archive):
        assert sorted(titles(search("budget", year=2023))) == ["Budget 2023", "Budgetuppföljning"]

    def test_filter_by_item_type(self, archive):
        assert sorted(titles(search("budget", item_type=DECISION))) == ["Budget 2023", "Budget 2024"]

    def test_filters_combine(self, archive):
        assert titles(search("budget", year=2024, item_type=DECISION)) == ["Budget 2024"]
        assert search("budget", year=2024, item_type=INFORMATION).total == 0

    def test_filter_by_body(self, archive, make_meeting):
        from samverkan.directory.models import Body

        council = Body.objects.create(name="Brukarrådet")
        make_meeting(meeting_body=council, items=[{"title": "Budget för rådet"}])
        assert titles(search("budget", body_id=council.pk)) == ["Budget för rådet"]

    def test_paging_keeps_the_total(self, archive):
        first, second = search("budget", limit=2), search("budget", limit=2, offset=2)
        assert (first.total, second.total) == (3, 3)
        assert len(first.hits) == 2 and len(second.hits) == 1
        assert not set(titles(first)) & set(titles(second))

    def test_available_years_newest_first(self, archive, make_meeting):
        make_meeting(date=None, items=[{"title": "Utan datum"}])
        assert available_years() == [2024, 2023]


class TestHostileInput:
    @pytest.mark.parametrize("query", [
        '"', '""', 'budget"', "AND (", "OR", "NOT", "*", "budget*", "-x", "-budget", "NEAR(",
        "NEAR(budget beslut, 2)", "'); DROP TABLE search_searchentry; --", "title:budget",
        "^budget", "budget + beslut", "(", ")", "{}", "\x00budget", "budget " * 500, "😀", "&<>",
    ])
    def test_never_raises(self, make_meeting, query):
        make_meeting(items=[{"title": "Budget", "decisions": ["besluta om budget"]}])
        page = search(query)
        assert page.total == len(page.hits) <= 1
        assert SearchEntry.objects.count() == 1

    @pytest.mark.parametrize("query", ["", "   ", None, "och att", "***"])
    def test_blank_or_meaningless_query_gives_an_empty_page(self, make_meeting, query):
        make_meeting(items=[{"title": "Budget och att"}])
        page = search(query)
        assert (page.hits, page.total) == ([], 0)


class TestIndexing:
    def test_reindexing_replaces_entries(self, make_meeting):
        meeting = make_meeting(items=[{"title": "Budget"}])
        index_meeting(meeting)
        index_meeting(meeting)
        assert search("budget").total == 1
        assert SearchEntry.objects.count() == 1
        assert fts_rows() in (None, 1)

    def test_reindexing_picks_up_changes(self, make_meeting):
        meeting = make_meeting(items=[{"title": "Budget"}])
        meeting.items.update(title="Verksamhetsplan")
        index_meeting(meeting)
        assert search("budget").total == 0
        assert titles(search("verksamhetsplan")) == ["Verksamhetsplan"]

    def test_deleting_a_meeting_removes_it_from_search(self, make_meeting):
        meeting = make_meeting(items=[{"title": "Budget"}, {"title": "Budgetuppföljning, budget"}])
        kept = make_meeting(date=datetime.date(2024, 9, 1), items=[{"title": "Budget hösten"}])
        meeting.delete()
        assert titles(search("budget")) == ["Budget hösten"]
        assert list(SearchEntry.objects.values_list("meeting", flat=True)) == [kept.pk]
        assert fts_rows() in (None, 1)

    def test_deleting_an_item_removes_it_from_search(self, make_meeting):
        meeting = make_meeting(items=[{"title": "Budget"}, {"title": "Övrigt"}])
        meeting.items.get(title="Budget").delete()
        assert search("budget").total == 0
        assert fts_rows() in (None, 1)

    def test_indexing_cost_does_not_grow_with_the_number_of_items(self, make_meeting,
                                                                  django_assert_max_num_queries):
        spec = {"title": "Punkt", "decisions": ["besluta"], "presenters": []}
        small = make_meeting(items=[dict(spec, title=f"Punkt {i}") for i in range(2)], index=False)
        large = make_meeting(date=datetime.date(2024, 9, 1), index=False,
                             items=[dict(spec, title=f"Punkt {i}") for i in range(12)])
        with django_assert_max_num_queries(16) as small_queries:
            index_meeting(small)
        with django_assert_max_num_queries(len(small_queries.captured_queries)):
            assert index_meeting(large) == 12

    def test_rebuild_index_covers_every_meeting(self, make_meeting):
        make_meeting(items=[{"title": "Budget"}, {"title": "Övrigt"}], index=False)
        make_meeting(date=datetime.date(2024, 9, 1), items=[{"title": "Budget"}], index=False)
        assert search("budget").total == 0
        assert rebuild_index() == 3
        assert rebuild_index() == 3
        assert search("budget").total == 2
        assert fts_rows() in (None, 3)

    def test_rebuild_command_reports_in_swedish(self, make_meeting, capsys):
        make_meeting(items=[{"title": "Budget"}], index=False)
        call_command("rebuild_search_index")
        assert "1 punkter indexerade" in capsys.readouterr().out
        assert Meeting.objects.count() == 1 and search("budget").total == 1


class TestSnippet:
    def test_marks_the_matched_word_and_escapes_html(self, make_meeting):
        make_meeting(items=[{
            "title": "Skrivelse",
            "minutes_text": 'Gruppen <script>alert("x")</script> beslutade att skicka "skrivelsen" & avvakta.',
        }])
        snippet = search("besluta").hits[0].snippet
        assert "<mark>beslutade</mark>" in snippet
        assert "<script>" not in snippet
        assert "&lt;script&gt;" in snippet and "&amp;" in snippet

    def test_marks_every_inflected_form(self, make_meeting):
        make_meeting(items=[{"title": "Avtal", "agenda_text": "Avtalet och avtalen om avtal."}])
        snippet = search("avtals").hits[0].snippet
        assert snippet == "<mark>Avtalet</mark> och <mark>avtalen</mark> om <mark>avtal</mark>."

    def test_long_text_is_cut_around_the_match(self, make_meeting):
        filler = " ".join(["ord"] * 200)
        make_meeting(items=[{"title": "Lång punkt", "minutes_text": f"{filler} demensvård {filler}"}])
        snippet = search("demensvården").hits[0].snippet
        assert "<mark>demensvård</mark>" in snippet
        assert snippet.startswith("…") and snippet.endswith("…")
        assert len(snippet) < 300

    def test_snippet_prefers_the_text_that_matches(self, make_meeting):
        make_meeting(items=[{"title": "Rapport", "agenda_text": "Ingen träff här.",
                             "decisions": ["fastställa budgeten"]}])
        assert "<mark>budgeten</mark>" in search("budget").hits[0].snippet


def test_unpublished_meetings_are_found_only_by_their_bodies_members(make_meeting, body):
    make_meeting(items=[{"title": "Utkast om hemsjukvårdsavtalet"}], published=False)
    assert search("hemsjukvårdsavtalet").total == 0
    assert search("hemsjukvårdsavtalet", readable_body_ids={body.pk}).total == 1
    assert available_years() == []
