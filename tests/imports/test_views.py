"""The import pages: upload, the batch (and its polled list), confirm one or all; only for the secretariat."""

import pytest
from django.urls import reverse

from samverkan.archive.models import SourceDocument
from samverkan.imports.models import ImportBatch, ImportFile
from tests import factories
from tests.imports.conftest import sample, zip_upload

pytestmark = pytest.mark.django_db
State = ImportFile.State
UPLOAD = "/sekretariat/import/"


@pytest.fixture
def signed_in(client, secretary):
    client.force_login(secretary)
    return client


def test_the_upload_page_offers_files_a_body_and_review(signed_in, network):
    page = signed_in.get(UPLOAD).content.decode()
    assert '<input id="filer" type="file" name="filer" multiple required' in page
    assert f'<option value="{network.pk}">{network.display_name}</option>' in page
    assert '<input type="checkbox" name="granska" value="1" checked> Granska innan import' in page
    assert "imports/imports.js" in page


def test_the_dashboard_links_to_the_import(signed_in):
    assert 'href="/sekretariat/import/"' in signed_in.get("/sekretariat/").content.decode()


def test_uploading_shows_the_batch_with_its_files(signed_in):
    response = signed_in.post(UPLOAD, {"filer": [sample(0), sample(1)], "granska": "1"}, follow=True)
    batch = ImportBatch.objects.get()
    assert response.redirect_chain == [(reverse("imports:batch", args=[batch.pk]), 302)]
    page = response.content.decode()
    assert "Filerna är uppladdade och läses nu." in page
    assert '<p role="status" class="progress">2 av 2 lästa · 2 att granska</p>' in page
    assert "Importera alla säkra filer" in page
    assert "2 av 2 filer att granska har minst 90 % säkerhet." in page
    assert "<td>Dagordning · Länsnätverket för förvaltningschefer · 19 november 2021 · 10 punkter</td>" in page
    assert 'data-pending="0"' in page


def test_the_polled_list_is_the_list_alone(signed_in):
    signed_in.post(UPLOAD, {"filer": [sample(0)]})
    batch = ImportBatch.objects.get()
    page = signed_in.get(reverse("imports:batch_files", args=[batch.pk])).content.decode()
    assert page.startswith('<div id="importfiler"')
    assert "1 av 1 lästa · 1 importerade" in page  # review off: imported at once


def test_a_failed_file_shows_its_reason(signed_in):
    upload = zip_upload("arkiv.zip", {"../ut.txt": b"x"})
    page = signed_in.post(UPLOAD, {"filer": [upload], "granska": "1"}, follow=True).content.decode()
    assert "1 av 1 lästa · 1 misslyckade" in page
    assert '<span class="error">sökvägen pekar utanför ZIP-filen; filen läses inte</span>' in page


def test_no_file_chosen_says_so(signed_in):
    page = signed_in.post(UPLOAD, {"granska": "1"}).content.decode()
    assert "Välj minst en fil att ladda upp." in page
    assert not ImportBatch.objects.exists()


def test_confirm_one_and_all(signed_in):
    signed_in.post(UPLOAD, {"filer": [sample(0), sample(1)], "granska": "1"})
    first, second = ImportFile.objects.all()
    page = signed_in.post(reverse("imports:confirm", args=[first.pk]), follow=True).content.decode()
    assert f"{first.name} är importerad." in page
    assert "1 av 2 granskade" not in page
    page = signed_in.post(reverse("imports:confirm_all", args=[first.batch_id]), {"grans": "90"},
                          follow=True).content.decode()
    assert "1 av 1 filer med minst 90 % säkerhet är importerade." in page
    assert SourceDocument.objects.count() == 2
    meeting = ImportFile.objects.get(pk=second.pk).meeting
    assert f'href="/moten/{meeting.pk}/"' in page


def test_the_secretary_of_another_body_sees_no_batch_of_mine(client, signed_in):
    signed_in.post(UPLOAD, {"filer": [sample(0)], "granska": "1"})
    batch, row = ImportBatch.objects.get(), ImportFile.objects.get()
    client.force_login(factories.secretary_of(factories.council(), username="annan"))
    assert client.get(reverse("imports:batch", args=[batch.pk])).status_code == 404
    assert client.get(reverse("imports:batch_files", args=[batch.pk])).status_code == 404
    assert client.post(reverse("imports:confirm", args=[row.pk])).status_code == 404
    assert client.post(reverse("imports:confirm_all", args=[batch.pk])).status_code == 404


def test_only_the_secretariat_reaches_the_import(client, network):
    assert client.get(UPLOAD).status_code == 302  # to sign in
    client.force_login(factories.user("medborgare"))
    assert client.get(UPLOAD).status_code == 404


def test_the_page_polls_while_files_wait_to_be_read(signed_in, settings):
    from samverkan.imports.services import read_queued_file

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    signed_in.post(UPLOAD, {"filer": [sample(0), sample(1)], "granska": "1"})
    batch = ImportBatch.objects.get()
    listed = reverse("imports:batch_files", args=[batch.pk])
    page = signed_in.get(reverse("imports:batch", args=[batch.pk])).content.decode()
    assert f'<div id="importfiler" data-poll-url="{listed}" data-pending="1">' in page
    assert '<p role="status" class="progress">0 av 2 lästa</p>' in page
    read_queued_file(batch.files.first().pk)
    page = signed_in.get(listed).content.decode()
    assert '<p role="status" class="progress">1 av 2 lästa · 1 att granska</p>' in page
    assert 'data-pending="1"' in page
