"""Fixtures shared by the Django tests."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "archive"


@pytest.fixture
def sample_paths():
    """The five real seed documents shipped as the sample archive."""
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture
def sample_archive(db, sample_paths):
    """A database with the sample archive imported."""
    from samverkan.archive.services import import_file

    return [import_file(path) for path in sample_paths]


@pytest.fixture
def seed_text():
    """The text of a seed document, by its number ('000' … '004')."""
    def read(number: str) -> str:
        return next(SAMPLES.glob(f"{number}_*.txt")).read_text(encoding="utf-8")

    return read


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is right for people, too slow for hundreds of test users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path_factory):
    """Uploaded files of a test go to a temporary folder, never into the project's data folder."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
