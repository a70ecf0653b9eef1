"""Browser fixtures for the end-to-end test: Debian's Chromium driven by Playwright.

Playwright's sync API runs an event loop in the test thread, and Django refuses ORM calls
from a thread with a running loop (SynchronousOnlyOperation); the test sets up and checks its
data with the ORM, so allow it here, first thing. The variable is process-wide: it is set for
the whole pytest run once this directory is collected.
"""

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import importlib.util
from pathlib import Path

import pytest

# CI must run the browser tests; a laptop without the Playwright package skips them all (below, the
# browser fixture skips or fails the same way when Chromium is missing).
if importlib.util.find_spec("playwright") is None:
    if os.environ.get("SAMVERKAN_E2E_REQUIRED", "").strip() == "1":
        raise ImportError("SAMVERKAN_E2E_REQUIRED=1 but the Python package playwright is not installed")
    collect_ignore_glob = ["test_*.py"]

CHROMIUM = Path(os.environ.get("SAMVERKAN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 15_000


def _required() -> bool:
    return os.environ.get("SAMVERKAN_E2E_REQUIRED", "").strip() == "1"


def _unavailable(reason: str):
    """Skip on a laptop without a browser; fail in CI, where the browser test must run."""
    if _required():
        pytest.fail(f"SAMVERKAN_E2E_REQUIRED=1 but the browser test cannot run: {reason}",
                    pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Exception as error:
            _unavailable(f"{CHROMIUM} did not start: {error}")
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (no cookies, Swedish locale) and page for each test."""
    context = browser.new_context(accept_downloads=True, locale="sv-SE",
                                  timezone_id="Europe/Stockholm")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
    from playwright.sync_api import expect

    expect.set_options(timeout=DEFAULT_TIMEOUT_MS)  # expect() has its own default of 5 s
    new_page = context.new_page()
    yield new_page
    context.close()


SAMPLE_SECRETARY = ("sekreterare", "Hemligt-lösen-1")


@pytest.fixture
def sample_network(settings, tmp_path):
    """What `make run` gives: the sample archive imported, and a secretary of its network (not staff)
    who signs in as SAMPLE_SECRETARY. Returns the network."""
    from django.contrib.auth.models import User

    from samverkan.archive.services import import_file
    from samverkan.directory.models import Body
    from tests.conftest import SAMPLES

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for path in sorted(SAMPLES.glob("*.txt")):
        import_file(path)
    network = Body.objects.get(abbreviation="LCHNV")
    network.secretaries.add(User.objects.create_user(SAMPLE_SECRETARY[0], password=SAMPLE_SECRETARY[1]))
    return network


@pytest.fixture
def network_awaiting_import(settings, tmp_path):
    """The network with a secretary who is not staff (SAMPLE_SECRETARY) and nothing imported; no worker runs
    (the test does its work with read_queued_file), and a scanned page has time for OCR on a busy machine."""
    from django.contrib.auth.models import User

    from tests import factories

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.SAMVERKAN_MAX_SECONDS_PER_DOCUMENT = 600
    network = factories.network()
    network.secretaries.add(User.objects.create_user(SAMPLE_SECRETARY[0], password=SAMPLE_SECRETARY[1]))
    return network
