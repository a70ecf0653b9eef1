"""Bulk confirm: the files whose reading is at least as sure as the secretariat's threshold go in; the rest wait."""

import pytest
from django.urls import reverse

from samverkan.archive.models import SourceDocument
from samverkan.imports.models import ImportBatch, ImportFile
from samverkan.imports.services import confirm_confident, correct_reading, upload_files
from tests.imports.conftest import sample

pytestmark = pytest.mark.django_db
State = ImportFile.State


def test_only_files_above_the_threshold_are_imported(secretary):
    batch = upload_files([sample(0), sample(2), sample(1)], acting_user=secretary)
    assert [row.confidence for row in batch.files.all()] == [100, 60, 100]
    tried, waiting = confirm_confident(batch, "90", acting_user=secretary)
    assert [(row.name, row.state) for row in tried] == [(sample(0).name, State.IMPORTED),
                                                       (sample(1).name, State.IMPORTED)]
    assert waiting == 1
    assert batch.files.get(name=sample(2).name).state == State.NEEDS_REVIEW
    assert SourceDocument.objects.count() == 2
    assert ImportBatch.objects.get().threshold == 90


def test_a_corrected_file_can_reach_the_threshold(secretary):
    batch = upload_files([sample(2)], acting_user=secretary)
    correct_reading(batch.files.get(), {"meeting_date": "2022-03-25"}, acting_user=secretary)
    tried, waiting = confirm_confident(batch, 90, acting_user=secretary)
    assert ([row.state for row in tried], waiting) == ([State.IMPORTED], 0)


@pytest.mark.parametrize("threshold", ["", "hundra", "101", "-1"])
def test_a_threshold_outside_0_to_100_is_refused(client, secretary, threshold):
    batch = upload_files([sample(0)], acting_user=secretary)
    client.force_login(secretary)
    page = client.post(reverse("imports:confirm_all", args=[batch.pk]), {"grans": threshold},
                       follow=True).content.decode()
    assert "Gränsen är en procentsats från 0 till 100." in page
    assert not SourceDocument.objects.exists()


def test_the_page_says_how_many_are_sure_enough(client, secretary):
    batch = upload_files([sample(0), sample(2)], acting_user=secretary)
    client.force_login(secretary)
    page = client.get(reverse("imports:batch", args=[batch.pk])).content.decode()
    assert '<input id="grans" type="number" name="grans" min="0" max="100" value="90" required' in page
    assert "1 av 2 filer att granska har minst 90 % säkerhet. De andra väntar tills du har granskat dem." in page
    page = client.post(reverse("imports:confirm_all", args=[batch.pk]), {"grans": "50"}, follow=True).content.decode()
    assert "2 av 2 filer med minst 50 % säkerhet är importerade." in page
