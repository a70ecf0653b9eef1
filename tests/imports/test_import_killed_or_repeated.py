"""Bad input for the background import: a worker killed mid-file leaves it to be read again, with nothing
half-written; the same file or archive uploaded twice changes nothing (idempotent by SHA-256)."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samverkan.archive.models import SourceDocument
from samverkan.directory.models import Person
from samverkan.imports.management.commands.worker import watch_stalled_files
from samverkan.imports.models import ImportFile
from samverkan.imports.services import (
    confirm_file,
    read_queued_file,
    requeue_stalled,
    stalled_after,
    upload_files,
)
from samverkan.meetings.models import AgendaItem, Attendance, Clause, Meeting
from tests.conftest import SAMPLES
from tests.imports.conftest import sample, zip_upload

pytestmark = pytest.mark.django_db
State = ImportFile.State


class Killed(BaseException):
    """What a killed worker leaves behind: the process stops where it is (no `except Exception` catches it)."""


@pytest.fixture
def no_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def kill_in(monkeypatch, target: str):
    def die(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(target, die)


def archive_counts() -> tuple:
    return tuple(model.objects.count() for model in (SourceDocument, Meeting, AgendaItem, Clause, Attendance,
                                                     Person))


def later() -> timezone.datetime:
    return timezone.now() + stalled_after() + timedelta(seconds=1)


def test_a_worker_killed_while_reading_leaves_the_file_to_be_read_again(secretary, no_worker, monkeypatch):
    row = upload_files([sample(1)], acting_user=secretary).files.get()
    kill_in(monkeypatch, "samverkan.imports.services.read_document")
    with pytest.raises(Killed):
        read_queued_file(row.pk)
    row.refresh_from_db()
    assert (row.state, row.reading) == (State.READING, None)
    monkeypatch.undo()
    assert requeue_stalled() == 0  # it may still be reading: another worker's file is left alone
    assert requeue_stalled(now=later()) == 1
    row.refresh_from_db()
    assert row.state == State.QUEUED
    assert read_queued_file(row.pk) == State.NEEDS_REVIEW
    assert confirm_file(row, acting_user=secretary).state == State.IMPORTED
    assert SourceDocument.objects.count() == 1


def test_a_worker_killed_while_writing_leaves_nothing_half_imported(secretary, no_worker, monkeypatch):
    row = upload_files([sample(1)], review=False, acting_user=secretary).files.get()
    before = archive_counts()
    kill_in(monkeypatch, "samverkan.archive.services._load_attendance")  # items written, attendance not yet
    with pytest.raises(Killed):
        read_queued_file(row.pk)
    assert archive_counts() == before
    monkeypatch.undo()
    requeue_stalled(now=later())
    assert read_queued_file(row.pk) == State.IMPORTED
    meeting = Meeting.objects.get()
    assert (meeting.items.count(), meeting.attendances.count()) == (12, 28)


def test_a_confirm_cut_off_midway_writes_nothing_and_can_be_made_again(secretary, monkeypatch):
    row = upload_files([sample(1)], acting_user=secretary).files.get()
    before = archive_counts()
    kill_in(monkeypatch, "samverkan.archive.services._load_attendance")
    with pytest.raises(Killed):
        confirm_file(row, acting_user=secretary)
    assert archive_counts() == before
    row.refresh_from_db()
    assert row.state == State.NEEDS_REVIEW
    monkeypatch.undo()
    assert confirm_file(row, acting_user=secretary).state == State.IMPORTED


def stall(row: ImportFile) -> None:
    ImportFile.objects.filter(pk=row.pk).update(state=State.READING,
                                                read_started=timezone.now() - stalled_after() - timedelta(minutes=1))


def test_looking_at_the_batch_page_writes_nothing(client, secretary, no_worker):
    row = upload_files([sample(0)], acting_user=secretary).files.get()
    stall(row)
    client.force_login(secretary)
    page = client.get(reverse("imports:batch_files", args=[row.batch_id])).content.decode()
    assert "<td>Läses</td>" in page
    client.get(reverse("imports:overview"))
    row.refresh_from_db()
    assert row.state == State.READING


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks, as in production
def test_the_worker_queues_a_stalled_file_again_when_it_starts_and_reads_it(secretary, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    row = upload_files([sample(0)], acting_user=secretary).files.get()
    stall(row)
    call_command("worker", batch=True, interval=0, verbosity=0)
    row.refresh_from_db()
    assert row.state == State.NEEDS_REVIEW


def test_the_worker_keeps_looking_for_stalled_files_while_it_runs(monkeypatch):
    stop, rounds = threading.Event(), []

    def requeue():
        rounds.append(1)
        if len(rounds) == 2:
            stop.set()

    monkeypatch.setattr("samverkan.imports.management.commands.worker.requeue_stalled", requeue)
    watch_stalled_files(stop, every=0.001)
    assert len(rounds) == 2


def test_the_same_file_waiting_in_two_uploads_is_imported_once(secretary):
    first = upload_files([sample(0)], acting_user=secretary).files.get()
    second = upload_files([sample(0)], acting_user=secretary).files.get()
    assert first.sha256 == second.sha256
    confirm_file(first, acting_user=secretary)
    second.refresh_from_db()
    assert (second.state, second.result, second.source) == (State.IMPORTED, "unchanged", SourceDocument.objects.get())
    assert confirm_file(second, acting_user=secretary).state == State.IMPORTED
    assert SourceDocument.objects.count() == 1


def test_the_same_archive_uploaded_twice_changes_nothing(secretary):
    files = {f"arkiv/{path.name}": path.read_bytes() for path in sorted(SAMPLES.glob("*.txt"))}
    upload_files([zip_upload("arkiv.zip", files)], review=False, acting_user=secretary)
    before = archive_counts()
    assert before[0] == 5
    again = upload_files([zip_upload("arkiv.zip", files)], review=False, acting_user=secretary)
    assert [(row.state, row.result) for row in again.files.all()] == [(State.IMPORTED, "unchanged")] * 5
    assert archive_counts() == before
