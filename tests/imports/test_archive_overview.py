"""The archive overview: per body and year, meetings, months without minutes or agenda, waiting and failed files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.imports.models import ImportFile
from samverkan.imports.overview import archive_overview
from samverkan.imports.services import confirm_file, upload_files
from tests import factories
from tests.imports.conftest import sample, zip_upload

pytestmark = pytest.mark.django_db
State = ImportFile.State
OVERVIEW = "/sekretariat/import/oversikt/"
MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"


@pytest.fixture
def archive(secretary):
    """Four of the samples imported, the undated agenda waiting, a broken PDF and a refused ZIP entry failed."""
    batch = upload_files([sample(0), sample(1), sample(3), sample(4)], acting_user=secretary)
    for row in batch.files.all():
        confirm_file(row, acting_user=secretary)
    upload_files([sample(2), SimpleUploadedFile("trasig.pdf", b"%PDF-1.4 trasig"),
                  zip_upload("arkiv.zip", {"../ut.txt": b"x"})], acting_user=secretary)
    return batch


def test_each_year_of_a_body_with_its_meetings_and_missing_months(archive, secretary, network):
    # Minutes of 25 September 2020, 19 February 2021, 9 November 2023; the agenda of 19 November 2021.
    [entry] = archive_overview(secretary).bodies
    assert entry.body == network
    every = MONTHS.split()
    assert [(y.year, y.meetings, y.months_without_minutes, y.months_without_agenda) for y in entry.years] == [
        (2020, 1, every[9:], every[8:]),
        (2021, 2, [m for m in every if m != "februari"], [m for m in every if m != "november"]),
        (2022, 0, every, every),
        (2023, 1, every[:10], every[:11]),
    ]


def test_waiting_and_failed_files_are_listed(archive, secretary):
    overview = archive_overview(secretary)
    assert [row.name for row in overview.waiting_elsewhere] == [sample(2).name]  # undated
    assert sorted((row.name, row.error) for row in overview.failed) == [
        ("trasig.pdf", "PDF-filen är trasig och kan inte läsas (PdfStreamError: Stream has ended unexpectedly)"),
        ("ut.txt", "sökvägen pekar utanför ZIP-filen; filen läses inte"),
    ]
    assert [row.name for row in overview.rereadable] == ["trasig.pdf"]  # the refused entry was never kept


def test_a_waiting_file_with_a_date_is_counted_in_its_year(secretary, network):
    upload_files([sample(0)], acting_user=secretary)
    [entry] = archive_overview(secretary).bodies
    assert [(y.year, y.meetings, [r.name for r in y.waiting]) for y in entry.years] == [(2021, 0, [sample(0).name])]


def test_the_same_file_waiting_twice_is_listed_once(secretary):
    upload_files([sample(2)], acting_user=secretary)
    upload_files([sample(2)], acting_user=secretary)
    assert len(archive_overview(secretary).waiting_elsewhere) == 1


def test_the_page_and_its_reread_button(client, archive, secretary, network):
    client.force_login(secretary)
    page = client.get(OVERVIEW).content.decode()
    assert f'<h2 id="organ-{network.pk}">{network.display_name}</h2>' in page
    assert "<tr><th scope=\"row\">2020</th><td>1</td>" in page
    assert "<h2 id=\"misslyckade\">Misslyckade filer (2)</h2>" in page
    assert "(filen sparades inte; ladda upp den igen)" in page
    assert "Läs om misslyckade filer (1)" in page
    assert f'href="{reverse("imports:overview")}"' in client.get("/sekretariat/import/").content.decode()
    page = client.post(reverse("imports:reread_failed"), follow=True).content.decode()
    assert "1 fil läses om." in page
    # Read again at once (the tests' immediate backend): it fails again, with its reason.
    assert ImportFile.objects.get(name="trasig.pdf").state == State.FAILED


def test_a_reread_file_is_read_by_the_reader_again(secretary, settings):
    from samverkan.imports.services import read_queued_file, reread_files

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    row = upload_files([sample(0)], acting_user=secretary).files.get()
    ImportFile.objects.filter(pk=row.pk).update(state=State.FAILED, error="ett gammalt fel")
    assert reread_files([ImportFile.objects.get()], acting_user=secretary) == 1
    row.refresh_from_db()
    assert (row.state, row.error) == (State.QUEUED, "")
    assert read_queued_file(row.pk) == State.NEEDS_REVIEW


def test_the_overview_does_not_query_per_file_or_meeting(client, archive, secretary, django_assert_max_num_queries):
    client.force_login(secretary)
    client.get(OVERVIEW)
    with django_assert_max_num_queries(14) as before:
        client.get(OVERVIEW)
    upload_files([sample(0), sample(1), SimpleUploadedFile("trasig2.pdf", b"%PDF-1.4 x")], acting_user=secretary)
    with django_assert_max_num_queries(len(before)):
        client.get(OVERVIEW)


def test_the_secretaries_of_one_body_share_its_uploads_and_no_one_else_sees_them(archive, network, client):
    colleague = factories.secretary_of(network, username="kollega")
    elsewhere = factories.secretary_of(factories.council(), username="annan")
    assert sorted(row.name for row in archive_overview(colleague).failed) == ["trasig.pdf", "ut.txt"]
    assert archive_overview(elsewhere).failed == []
    failed = ImportFile.objects.get(name="trasig.pdf")
    client.force_login(colleague)
    assert client.get(reverse("imports:batch", args=[failed.batch_id])).status_code == 200
    client.force_login(elsewhere)
    assert client.get(reverse("imports:batch", args=[failed.batch_id])).status_code == 404
