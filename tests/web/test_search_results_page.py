"""The search page: one box, a count, "Menade du", filters and sorting in the address, help without a query."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samverkan.directory.models import Body, Person
from samverkan.meetings.models import AgendaItem, Clause, Meeting
from samverkan.search.services import index_meeting

pytestmark = pytest.mark.django_db


def page(client, **params) -> str:
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_search_page_has_one_search_box(client, sample_archive):
    html = page(client, q="hemsjukvård")
    assert html.count('type="search"') == 1
    assert 'id="snabbsok"' not in html
    assert 'id="snabbsok"' in client.get("/moten/").content.decode()


def test_a_compound_is_found_by_its_first_part_and_counted(client, sample_archive):
    html = page(client, q="hemsjukvård")
    assert "Beslut om utredning angående förutsättningar för en översyn" in html
    assert "träff" in html and "Inga träffar" not in html


def test_a_misspelling_offers_menade_du_with_a_link_keeping_the_filters(client, sample_archive):
    html = page(client, q="hemsjukvåd", ordning="datum")
    assert "Inga träffar på ”hemsjukvåd”." in html
    assert 'Menade du <a href="?q=hemsjukv%C3%A5rd&amp;ordning=datum">hemsjukvård</a>?' in html
    assert "Tips för att hitta" in html


def test_nothing_found_and_nothing_to_suggest_still_helps(client, sample_archive):
    html = page(client, q="xyzzyqq")
    assert "Inga träffar på ”xyzzyqq”." in html and "Menade du" not in html
    assert "Kontrollera stavningen" in html


def test_an_empty_query_shows_help_and_the_latest_decisions(client, sample_archive):
    html = page(client)
    assert "Så söker du" in html and "Senaste besluten" in html
    assert "Val av ordförande och vice ordförande i Länschefsnätverket 2024" in html
    assert "Beslut om processledare" not in html  # 2020: older than the five latest


def test_sorting_by_date_puts_the_newest_first(client, sample_archive):
    by_date = page(client, q="kalendarium", ordning="datum")
    assert by_date.index("Kalendarium för Länschefsnätverket 2024") < by_date.index(
        "Kalendarium för Länschefsnätverket 2022")
    assert '<option value="datum" selected>' in by_date


def test_filters_by_body_and_presenter(client, sample_archive):
    susanne = Person.objects.get(name="Susanne Magnusson")
    html = page(client, q="covid", foredragande=susanne.pk)
    assert "Aktuellt Covid-läge" in html and "Nuläget covid" not in html
    other = Body.objects.create(name="Brukarrådet")
    assert "Inga träffar" in page(client, q="covid", organ=other.pk)
    assert f'<option value="{susanne.pk}" selected>Susanne Magnusson</option>' in html


def test_paging_keeps_the_query_and_filters(client, body_with_many_items):
    html = page(client, q="budget", ordning="datum")
    assert "25 träffar på ”budget”, sida 1 av 2." in html
    assert 'href="?q=budget&amp;ordning=datum&amp;sida=2"' in html
    assert "sida 2 av 2" in page(client, q="budget", ordning="datum", sida=2)


@pytest.fixture
def body_with_many_items(db):
    body = Body.objects.create(name="Styrgruppen")

    def add(count: int, start: int = 0):
        meeting = Meeting.objects.create(body=body, date=datetime.date(2024, 1, 1) + datetime.timedelta(days=start),
                                         published_at=timezone.now())
        for n in range(count):
            item = AgendaItem.objects.create(meeting=meeting, number=str(n + 1), position=n, title=f"Budget {start + n}",
                                             type=AgendaItem.Type.DECISION)
            Clause.objects.create(item=item, kind=Clause.Kind.DECISION, position=0, text="att fastställa budgeten")
            item.presentations.create(person=Person.objects.create(name=f"Person {start + n}"), position=0)
        index_meeting(meeting)

    add(25)
    return add


def queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client, **params)
    return len(captured)


def test_the_results_page_asks_the_database_as_often_for_many_hits_as_for_few(client, body_with_many_items):
    few = queries(client, q="budget 3")  # "Budget 3" alone: below the few-hits line it also looks for spellings
    many = queries(client, q="budget")
    body_with_many_items(15, start=100)
    assert queries(client, q="budget") == many
    assert queries(client) == queries(client)
    assert many <= 8, many
    assert few <= many + 3, few
