"""The review page: the source's numbered lines beside the reading, corrections kept as data, then confirm."""

import pytest
from django.urls import reverse

from samverkan.archive.models import SourceDocument
from samverkan.directory.models import Person
from samverkan.imports.models import ImportCorrection, ImportFile
from samverkan.imports.services import (
    confirm_file,
    correct_reading,
    corrected_reading,
    read_queued_file,
    upload_files,
)
from samverkan.meetings.models import Attendance, Meeting
from tests import factories
from tests.imports.conftest import sample

pytestmark = pytest.mark.django_db
State = ImportFile.State
UNDATED_AGENDA = 2  # samples/archive/002_…: an agenda whose date line has no date the reader can read


@pytest.fixture
def signed_in(client, secretary):
    client.force_login(secretary)
    return client


def review_url(row):
    return reverse("imports:review", args=[row.pk])


def uploaded(secretary, index=UNDATED_AGENDA) -> ImportFile:
    return upload_files([sample(index)], acting_user=secretary).files.get()


def test_the_page_shows_numbered_source_lines_beside_the_reading(signed_in, secretary):
    row = uploaded(secretary, 1)
    page = signed_in.get(review_url(row)).content.decode()
    assert '<li id="rad-1" value="1">' in page
    assert '<li id="rad-137" value="137" class="item-start">' in page
    assert '<legend>Punkt 6 (<a href="#rad-137">rad 137</a>)</legend>' in page
    assert ('<input id="items/6/title" type="text" name="items/6/title" '
            'value="Kalendarium för Länschefsnätverket 2024">') in page
    assert '<option value="decision" selected>Beslut</option>' in page
    assert "<legend>Närvarande (28)</legend>" in page
    assert "Läsningens säkerhet: <strong>100 %</strong>. Läsaren hittade inget att anmärka på." in page


def test_the_confidence_names_what_is_missing(signed_in, secretary):
    row = uploaded(secretary)
    assert row.confidence == 60
    page = signed_in.get(review_url(row)).content.decode()
    assert "Läsningens säkerhet: <strong>60 %</strong> – mötesdatumet saknas." in page


def test_warnings_link_to_their_lines(signed_in, secretary):
    row = uploaded(secretary, 0)
    row.reading["warnings"] = ["rad 12: föredragande kunde inte läsas: 'NN'"]
    row.save()
    page = signed_in.get(review_url(row)).content.decode()
    assert '<li><a href="#rad-12">rad 12: föredragande kunde inte läsas: &#x27;NN&#x27;</a></li>' in page
    assert '<li id="rad-12" value="12" class="warned">' in page


def test_a_correction_is_kept_with_what_the_reader_said(signed_in, secretary):
    row = uploaded(secretary)
    form = {"kind": "agenda", "meeting_date": "2022-03-25", "body": row.reading["body"], "location": "",
            "items/1/title": row.reading["items"][0]["title"]}
    response = signed_in.post(review_url(row), form, follow=True)
    assert "Rättelsen är sparad." in response.content.decode()
    correction = ImportCorrection.objects.get()
    assert (correction.path, correction.read_value, correction.value, correction.made_by) == (
        "meeting_date", None, "2022-03-25", secretary)
    row.refresh_from_db()
    assert row.confidence == 100
    page = response.content.decode()
    assert '<input id="meeting_date" type="date" name="meeting_date" value="2022-03-25">' in page
    assert "<tr><th scope=\"row\">mötesdatum</th><td>–</td><td>2022-03-25</td>" in page
    # Posted again unchanged: nothing new.
    assert "Inget ändrades." in signed_in.post(review_url(row), form, follow=True).content.decode()


def test_a_field_set_back_to_the_readers_value_has_no_correction(secretary):
    row = uploaded(secretary, 0)
    correct_reading(row, {"items/2/title": "Annat"}, acting_user=secretary)
    correct_reading(row, {"items/2/title": row.reading["items"][1]["title"]}, acting_user=secretary)
    assert not ImportCorrection.objects.exists()


def test_a_bad_value_is_refused_by_its_field(signed_in, secretary):
    row = uploaded(secretary)
    page = signed_in.post(review_url(row), {"meeting_date": "25 mars"}, follow=True).content.decode()
    assert "Mötesdatum: ”25 mars” är inget datum (skriv till exempel 2023-11-09)." in page
    page = signed_in.post(review_url(row), {"items/1/number": "9"}, follow=True).content.decode()
    assert "Fältet ”items/1/number” kan inte rättas." in page
    assert not ImportCorrection.objects.exists()


def test_a_name_is_linked_to_an_existing_person_instead_of_a_new_one(signed_in, secretary):
    row = uploaded(secretary, 1)
    first = row.reading["attendees"][0]["name"]
    given, surname = first.split(" ", 1)
    known = Person.objects.create(name=f"{given} {surname}x")  # the directory spells it a little differently
    page = signed_in.get(review_url(row)).content.decode()
    assert (f'<button type="submit" class="link" name="koppla" value="attendees/0/name|{known.pk}">'
            f"Koppla till {known.name}") in page
    signed_in.post(review_url(row), {"koppla": f"attendees/0/name|{known.pk}"})
    correction = ImportCorrection.objects.get()
    assert (correction.read_value, correction.value, correction.person) == (first, known.name, known)
    confirm_file(row, acting_user=secretary)
    meeting = Meeting.objects.get()
    assert Attendance.objects.filter(meeting=meeting, person=known).exists()
    assert not Person.objects.filter(name=first).exists()


def test_confirm_writes_the_corrected_reading_through_the_loader(secretary):
    row = uploaded(secretary, 1)
    correct_reading(row, {"items/6/title": "Kalendarium 2024", "items/6/type": "information",
                          "items/6/decisions/0": "att återkomma i januari"}, acting_user=secretary)
    row = confirm_file(row, acting_user=secretary)
    assert row.state == State.IMPORTED
    item = Meeting.objects.get().items.get(number="6")
    assert (item.title, item.type) == ("Kalendarium 2024", "information")
    assert list(item.clauses.filter(kind="decision").values_list("text", flat=True)) == ["att återkomma i januari"]


def test_a_corrected_kind_and_date_make_another_meeting(secretary):
    row = uploaded(secretary)
    correct_reading(row, {"meeting_date": "2022-03-25", "kind": "minutes"}, acting_user=secretary)
    confirm_file(row, acting_user=secretary)
    source = SourceDocument.objects.get()
    assert (source.kind, str(source.meeting.date)) == ("minutes", "2022-03-25")


def test_a_new_reading_keeps_the_persons_corrections(secretary, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    row = uploaded(secretary)
    read_queued_file(row.pk)
    correct_reading(row, {"meeting_date": "2022-03-25", "items/2/title": "Ny rubrik"}, acting_user=secretary)
    # A newer reader reads the file again.
    ImportFile.objects.filter(pk=row.pk).update(state=State.QUEUED, reading=None)
    assert read_queued_file(row.pk) == State.NEEDS_REVIEW
    row.refresh_from_db()
    assert row.reading["meeting_date"] is None  # what the reader says …
    corrected = corrected_reading(row)  # … and what the person said
    assert (corrected["meeting_date"], corrected["items"][1]["title"]) == ("2022-03-25", "Ny rubrik")
    assert row.confidence == 100


def test_an_imported_file_is_corrected_no_more(signed_in, secretary):
    row = uploaded(secretary, 0)
    confirm_file(row, acting_user=secretary)
    page = signed_in.post(review_url(row), {"items/1/title": "x"}, follow=True).content.decode()
    assert "Filen granskas inte längre; rätta mötet på dess egen sida." in page
    assert "Läsningen kan inte rättas här längre." in page


def test_the_review_page_is_the_secretariats_of_the_body(client, secretary):
    row = uploaded(secretary, 0)
    client.force_login(factories.secretary_of(factories.council(), username="annan"))
    assert client.get(review_url(row)).status_code == 404
    assert client.post(review_url(row), {"items/1/title": "x"}).status_code == 404


def test_the_batch_links_each_file_to_its_review(signed_in, secretary):
    row = uploaded(secretary)
    page = signed_in.get(reverse("imports:batch", args=[row.batch_id])).content.decode()
    assert f'<a href="{review_url(row)}">Granska<span class="visually-hidden"> {row.name}</span></a>' in page
    assert "<td>60 %</td>" in page


def test_the_review_page_does_not_query_per_attendee_or_item(signed_in, secretary, django_assert_max_num_queries):
    small, large = uploaded(secretary, 0), uploaded(secretary, 1)  # 10 items and no attendees; 12 and 28
    correct_reading(large, {"attendees/0/name": "Någon Annan", "items/2/title": "Ny"}, acting_user=secretary)
    signed_in.get(review_url(small))
    with django_assert_max_num_queries(12) as small_queries:
        signed_in.get(review_url(small))
    with django_assert_max_num_queries(len(small_queries) + 1):  # + the corrections' people
        signed_in.get(review_url(large))


def test_two_items_the_reader_made_of_one_are_merged_and_imported_as_one(signed_in, secretary):
    row = uploaded(secretary, 1)
    signed_in.post(review_url(row), {"items/10/merge": "items/9"})
    page = signed_in.get(review_url(row)).content.decode()
    assert "<legend>Punkt 10" not in page
    assert '<th scope="row">punkt 10: slås ihop med</th><td>–</td><td>punkt 9</td>' in page
    confirm_file(row, acting_user=secretary)
    meeting = Meeting.objects.get()
    assert [item.number for item in meeting.items.all()][8:] == ["9", "11", "12"]
    assert meeting.items.get(number="9").clauses.filter(kind="decision").count() == 2


def test_a_new_item_is_made_and_a_decision_moved_to_it(signed_in, secretary):
    row = uploaded(secretary, 1)
    signed_in.post(review_url(row), {"items/7/split": "7a Val av vice ordförande"})
    signed_in.post(review_url(row), {"items/7/decisions/1/move": "items/7a"})
    reading = corrected_reading(row)
    second = reading["items"][7]
    assert (second["number"], second["title"], len(second["decisions"])) == ("7a", "Val av vice ordförande", 1)
    assert len(reading["items"][6]["decisions"]) == 1


def test_a_reshaping_with_no_place_is_refused_with_where_and_why(signed_in, secretary):
    row = uploaded(secretary, 1)
    page = signed_in.post(review_url(row), {"items/7/split": "8 Igen"}, follow=True).content.decode()
    assert "Punkt 7: ny punkt efter 8 Igen: det finns redan en punkt 8." in page
    assert not row.corrections.exists()


def test_a_correction_is_taken_back_and_the_reader_holds_again(signed_in, secretary):
    row = uploaded(secretary, 1)
    correct_reading(row, {"items/10/merge": "items/9", "items/6/title": "Kalendarium 2024"}, acting_user=secretary)
    page = signed_in.post(reverse("imports:undo_correction", args=[row.pk]), {"falt": "items/10/merge"},
                          follow=True).content.decode()
    assert "Rättelsen av punkt 10: slås ihop med är ångrad; läsaren gäller där igen." in page
    assert [c.path for c in row.corrections.all()] == ["items/6/title"]
    assert "<legend>Punkt 10" in page
    again = signed_in.post(reverse("imports:undo_correction", args=[row.pk]), {"falt": "items/10/merge"}, follow=True)
    assert "Den rättelsen finns inte (längre)." in again.content.decode()
