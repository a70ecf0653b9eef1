"""A scanned PDF is reviewed beside its pages: the worker renders them when it reads the file, the page shows them."""

import shutil

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.imports.models import ImportFile
from samverkan.imports.services import page_image_name, reread_files, upload_files
from tests import factories
from tests.conftest import SAMPLES
from tests.imports.conftest import sample

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("tesseract")),
                                 reason="poppler-utils and tesseract-ocr-swe are not installed (README)")]
SCANNED = SAMPLES.parents[1] / "tests" / "fixtures" / "formats" / "kallelse-2021-11-19-skannad.pdf"


@pytest.fixture(autouse=True)
def time_for_ocr(settings):
    settings.SAMVERKAN_MAX_SECONDS_PER_DOCUMENT = 600  # OCR on a busy machine


def scanned_upload() -> SimpleUploadedFile:
    return SimpleUploadedFile(SCANNED.name, SCANNED.read_bytes(), content_type="application/pdf")


def test_the_pages_of_a_scanned_pdf_are_kept_as_images_beside_its_text(client, secretary):
    row = upload_files([scanned_upload()], acting_user=secretary).files.get()
    assert (row.state, row.page_images) == (ImportFile.State.NEEDS_REVIEW, 2), row.error
    client.force_login(factories.secretary_of(factories.council(), username="annan"))
    assert client.get(reverse("imports:page_image", args=[row.pk, 1])).status_code == 404
    client.force_login(secretary)
    page = client.get(reverse("imports:review", args=[row.pk])).content.decode()
    assert "<summary>De inskannade sidorna (2)</summary>" in page
    assert (f'<img src="/sekretariat/import/filer/{row.pk}/sidor/2.png" alt="Sida 2 av 2, inskannad; texten nedan '
            'är vad textigenkänningen läste" loading="lazy">') in page
    image = client.get(reverse("imports:page_image", args=[row.pk, 1]))
    assert (image.status_code, image["Content-Type"]) == (200, "image/png")
    assert b"".join(image.streaming_content).startswith(b"\x89PNG")
    assert client.get(reverse("imports:page_image", args=[row.pk, 3])).status_code == 404


def test_a_file_read_again_gets_its_page_images_anew(secretary):
    row = upload_files([scanned_upload()], acting_user=secretary).files.get()
    reread_files([row], acting_user=secretary)
    row.refresh_from_db()
    assert row.page_images == 2
    assert default_storage.exists(page_image_name(row, 2))
    assert not default_storage.exists(page_image_name(row, 2).replace("sida-2", "sida-2_"))


def test_a_file_with_a_text_layer_has_no_page_images(client, secretary):
    row = upload_files([sample(1)], acting_user=secretary).files.get()
    assert row.page_images == 0
    client.force_login(secretary)
    assert "De inskannade sidorna" not in client.get(reverse("imports:review", args=[row.pk])).content.decode()
    assert client.get(reverse("imports:page_image", args=[row.pk, 1])).status_code == 404
