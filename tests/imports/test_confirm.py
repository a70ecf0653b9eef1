"""Confirming a reviewed file writes it through the command line's loader, once: idempotent by SHA-256."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from samverkan.archive.models import SourceDocument
from samverkan.archive.services import import_file
from samverkan.directory.models import Body
from samverkan.imports.models import ImportFile
from samverkan.imports.services import confirm_file, confirm_reviewed, read_queued_file, upload_files
from samverkan.meetings.models import Meeting
from tests import factories
from tests.conftest import SAMPLES
from tests.imports.conftest import sample

pytestmark = pytest.mark.django_db
State = ImportFile.State


def test_confirm_imports_the_reviewed_file_as_the_command_line_would(secretary, settings):
    batch = upload_files([sample(0)], acting_user=secretary)
    row = confirm_file(batch.files.get(), acting_user=secretary)
    assert (row.state, row.result, row.error) == (State.IMPORTED, "imported", "")
    source = SourceDocument.objects.get()
    assert (row.source, row.meeting) == (source, source.meeting)
    assert source.file_name == sample(0).name
    imported_here = [(i.number, i.title) for i in source.meeting.items.order_by("position")]
    # The same file through `samverkan import` gives the same meeting.
    source.meeting.delete()
    import_file(sorted(SAMPLES.glob("*.txt"))[0])
    assert [(i.number, i.title) for i in Meeting.objects.get().items.order_by("position")] == imported_here


def test_confirming_twice_changes_nothing(secretary):
    batch = upload_files([sample(0)], acting_user=secretary)
    row = batch.files.get()
    confirm_file(row, acting_user=secretary)
    again = confirm_file(row, acting_user=secretary)
    assert (again.state, again.result) == (State.IMPORTED, "imported")
    assert SourceDocument.objects.count() == 1


def test_the_same_file_uploaded_again_is_found_in_the_archive(secretary):
    first = upload_files([sample(0)], acting_user=secretary)
    confirm_file(first.files.get(), acting_user=secretary)
    second = upload_files([sample(0)], acting_user=secretary)
    row = second.files.get()
    assert (row.state, row.result, row.source) == (State.IMPORTED, "unchanged", SourceDocument.objects.get())
    assert SourceDocument.objects.count() == 1


def test_import_all_reviewed_imports_each_and_a_failure_stops_no_other(secretary):
    other = factories.council()
    text = f"{other.name}\nDatum: 3 mars 2022\n\n1. Mötets öppnande\n".encode()
    batch = upload_files([sample(0), SimpleUploadedFile("radet.txt", text), sample(1)], acting_user=secretary)
    assert [r.state for r in batch.files.all()] == [State.NEEDS_REVIEW] * 3
    results = confirm_reviewed(batch, acting_user=secretary)
    assert [(r.name, r.state, r.error) for r in results] == [
        (sample(0).name, State.IMPORTED, ""),
        ("radet.txt", State.FAILED, "dokumentet hör till Välfärdsrådet, vars möten du inte sköter"),
        (sample(1).name, State.IMPORTED, ""),
    ]
    assert SourceDocument.objects.count() == 2


def test_a_body_first_seen_in_the_upload_is_kept_by_its_secretary(secretary):
    text = "Styrgruppen för äldreomsorg\nDatum: 3 mars 2022\n\n1. Mötets öppnande\n".encode()
    batch = upload_files([SimpleUploadedFile("ny.txt", text)], acting_user=secretary)
    row = confirm_file(batch.files.get(), acting_user=secretary)
    assert row.state == State.IMPORTED
    body = Body.objects.get(name="Styrgruppen för äldreomsorg")
    assert list(body.secretaries.all()) == [secretary]


def test_the_task_reads_a_queued_file_once(secretary, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    batch = upload_files([sample(0)], acting_user=secretary)
    row = batch.files.get()
    assert row.state == State.QUEUED
    assert read_queued_file(row.pk) == State.NEEDS_REVIEW
    row.refresh_from_db()
    assert (row.state, len(row.reading["items"])) == (State.NEEDS_REVIEW, 10)
    assert read_queued_file(row.pk) == ""  # read already: left alone


def test_the_database_backend_keeps_the_task_for_the_worker(secretary, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    batch = upload_files([sample(0), sample(1)], acting_user=secretary)
    assert [r.state for r in batch.files.all()] == [State.QUEUED] * 2
    tasks = DBTaskResult.objects.order_by("enqueued_at")
    assert [(t.task_path, t.args_kwargs["args"]) for t in tasks] == [
        ("samverkan.imports.tasks.read_import_file", [row.pk]) for row in batch.files.all()]
