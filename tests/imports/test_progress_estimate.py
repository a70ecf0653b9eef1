"""Progress while files are read: counts, a progress bar and the estimated time left at the pace so far."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from samverkan.imports.models import ImportFile
from samverkan.imports.selectors import estimated_time_left, time_left_text
from samverkan.imports.services import read_queued_file, upload_files
from tests.imports.conftest import sample

State = ImportFile.State
NOON = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def row(state, started=None, finished=None):
    return ImportFile(state=state, read_started=started, read_finished=finished)


def test_the_time_left_is_the_pace_so_far_times_what_waits():
    files = [row(State.NEEDS_REVIEW, NOON, NOON + timedelta(seconds=20)),
             row(State.FAILED, NOON + timedelta(seconds=20), NOON + timedelta(seconds=30)),
             row(State.READING, NOON + timedelta(seconds=30)),
             *[row(State.QUEUED)] * 5]
    # Two files in 60 s: 30 s a file, six still to read.
    assert estimated_time_left(files, NOON + timedelta(seconds=60)) == timedelta(minutes=3)


def test_no_estimate_before_the_first_file_is_read_or_after_the_last():
    assert estimated_time_left([row(State.READING, NOON), row(State.QUEUED)], NOON + timedelta(minutes=1)) is None
    assert estimated_time_left([row(State.IMPORTED, NOON, NOON + timedelta(seconds=5))], NOON) is None


@pytest.mark.parametrize(("seconds", "text"), [
    (20, "under en minut kvar"), (60, "omkring 1 minut kvar"), (185, "omkring 3 minuter kvar"),
    (3600, "omkring 1 timme kvar"), (3900, "omkring 1 timme och 5 minuter kvar"),
    (7260, "omkring 2 timmar och 1 minut kvar")])
def test_the_time_left_in_swedish(seconds, text):
    assert time_left_text(timedelta(seconds=seconds)) == text


@pytest.mark.django_db
def test_the_polled_list_shows_a_progress_bar_and_the_time_left(client, secretary, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    batch = upload_files([sample(0), sample(1), sample(2)], acting_user=secretary)
    first = batch.files.first()
    read_queued_file(first.pk)
    ImportFile.objects.filter(pk=first.pk).update(read_started=datetime.now(UTC) - timedelta(minutes=2))
    client.force_login(secretary)
    page = client.get(reverse("imports:batch_files", args=[batch.pk])).content.decode()
    assert '<p role="status" class="progress">1 av 3 lästa · 1 att granska</p>' in page
    assert '<progress max="3" value="1" aria-label="Lästa filer">1 av 3</progress>' in page
    assert '<p class="time-left">Beräknad tid: omkring 4 minuter kvar.</p>' in page
