"""Fixtures of the browser import: uploaded files kept in a temporary media folder, a secretary of the network."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import factories
from tests.conftest import SAMPLES


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def network(db):
    return factories.network()


@pytest.fixture
def secretary(network):
    return factories.secretary_of(network)


def sample(index: int) -> SimpleUploadedFile:
    path = sorted(SAMPLES.glob("*.txt"))[index]
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")


def zip_upload(name: str, files: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")
