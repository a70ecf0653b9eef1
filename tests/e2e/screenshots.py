"""`make screenshots`: PNGs of the main pages at 1280 and 320 px wide, for review (not committed).

Run by pytest so it gets what `make run` gives (the sample_network fixture) and a live server; the file's
name does not start with test_, so the test suite never collects it. The pictures go to
$SAMVERKAN_SCREENSHOTS (default: screenshots/ in the checkout, gitignored).
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page

from samverkan.meetings.models import Meeting
from tests.e2e.browsing import fill_sign_in
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

OUT = Path(os.environ.get("SAMVERKAN_SCREENSHOTS", Path(__file__).resolve().parents[2] / "screenshots"))
WIDTHS = (1280, 320)


def public_pages(network) -> dict[str, str]:
    meeting = Meeting.objects.filter(body=network, published_at__isnull=False).exclude(date=None).first()
    return {
        "start": "/",
        "moten": "/moten/",
        "mote": f"/moten/{meeting.pk}/",
        "sok": "/sok/?q=hemsjukv%C3%A5rd",
        "sok-tom": "/sok/",
        "organ": "/organ/",
        "kalendarium": f"/organ/{network.slug}/kalendarium/",
        "organisationer": "/organisationer/",
        "arenden": "/arenden/",
        "tillganglighet": "/tillganglighet/",
        "personuppgifter": "/personuppgifter/",
        "logga-in": "/logga-in/",
    }


def shoot(page: Page, url: str, name: str) -> list[Path]:
    written = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        path = OUT / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        written.append(path)
    return written


def test_screenshots_of_the_main_pages(live_server, page: Page, sample_network):
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for name, path in public_pages(sample_network).items():
        written += shoot(page, live_server.url + path, name)
    page.goto(live_server.url + "/logga-in/")
    fill_sign_in(page, *SAMPLE_SECRETARY)
    meeting = Meeting.objects.filter(body=sample_network).exclude(date=None).first()
    for name, path in {"sekretariat": "/sekretariat/", "dagordning": f"/sekretariat/moten/{meeting.pk}/"}.items():
        written += shoot(page, live_server.url + path, name)
    print(f"\n{len(written)} screenshots in {OUT}")
    assert all(path.stat().st_size > 0 for path in written)
