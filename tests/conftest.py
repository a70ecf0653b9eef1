"""Fixtures shared by the Django tests."""

from pathlib import Path

import pytest
from django.db import transaction

from tests import factories

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "archive"


@pytest.fixture(scope="session", autouse=True)
def immediate_tasks():
    """Background tasks run at once, in the request or call that enqueues them (no worker in the tests)."""
    from django.test import override_settings

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}):
        yield


@pytest.fixture(scope="session", autouse=True)
def page_cache_in_memory():
    """The page cache of each test process in its memory (the default, files in the data folder, would
    be shared by parallel test processes and outlive the rolled-back rows it was rendered from)."""
    from django.test import override_settings

    with override_settings(CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }):
        yield


@pytest.fixture(autouse=True)
def empty_page_cache(page_cache_in_memory):
    """Each test starts with no cached pages: its database was rolled back under them."""
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture
def sample_paths():
    """The five real seed documents shipped as the sample archive."""
    return sorted(SAMPLES.glob("*.txt"))


SHARED_ARCHIVE = "shared_sample_archive"


def pytest_collection_modifyitems(items):
    """Modules where every test reads the sample archive share one import of it (see below)."""
    by_module: dict = {}
    for item in items:
        by_module.setdefault(item.module, []).append(item)
    for tests in by_module.values():
        if all("sample_archive" in test.fixturenames for test in tests):
            tests[0].module.shares_sample_archive = True
            for test in tests:
                test.add_marker(SHARED_ARCHIVE)


def _import_samples():
    from samverkan.archive.services import import_file

    return [import_file(path) for path in sorted(SAMPLES.glob("*.txt"))]


@pytest.fixture(scope="module", autouse=True)
def module_sample_archive(request):
    """The sample archive imported once for a module, inside a transaction rolled back after it.

    Each test runs in a savepoint within that transaction (pytest-django's `db`), so what a test
    writes is undone and the next test finds the archive as imported. Autouse and module-scoped,
    so it is in place before any test's own transaction begins.
    """
    if not getattr(request.module, "shares_sample_archive", False):
        yield None
        return
    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _import_samples()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def sample_archive(request, db):
    """A database with the sample archive imported: shared by the module when all its tests use it."""
    if request.node.get_closest_marker(SHARED_ARCHIVE):
        return request.getfixturevalue("module_sample_archive")
    return _import_samples()


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


# --- The shared cast (tests/factories.py) -----------------------------------------------------

@pytest.fixture
def network(db):
    """Länschefsnätverket."""
    return factories.network()


@pytest.fixture
def council(db):
    """Välfärdsrådet."""
    return factories.council()


@pytest.fixture
def outsider(db):
    """A signed-in user who belongs to no body."""
    return factories.user("utomstaende", password="Hemligt-lösen-3")
