"""Every page a person can reach by following links works: no broken links, no server errors."""

import re
from urllib.parse import urldefrag, urljoin

import pytest
from django.contrib.auth.models import User

from samverkan.directory.models import Body

pytestmark = pytest.mark.django_db

LINK = re.compile(r'href="([^"]+)"')
SKIP = ("/admin/", "/static/", "/logga-ut/", "mailto:", "http://", "https://", "data:")
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".csv", ".zip", ".ics")


def crawl(client, start="/", limit=400):
    """Follow internal links breadth first; return {url: status}. Documents are fetched, not parsed."""
    seen, queue, statuses = {start}, [start], {}
    while queue and len(statuses) < limit:
        url = queue.pop(0)
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code != 200 or url.endswith(DOCUMENT_SUFFIXES):
            continue
        for href in LINK.findall(response.content.decode()):
            target = urldefrag(urljoin(url, href.replace("&amp;", "&")))[0]
            if target and not target.startswith(SKIP) and target not in seen:
                seen.add(target)
                queue.append(target)
    return statuses


def broken(statuses):
    return {url: status for url, status in statuses.items() if status not in (200, 302)}


def test_the_public_finds_no_broken_links(client, sample_archive):
    statuses = crawl(client)
    assert len(statuses) > 30
    assert broken(statuses) == {}


@pytest.fixture
def follow_up(sample_archive):
    """A matter, an assignment and a distributed leftover, so their pages are linked too."""
    import datetime
    from pathlib import Path

    from samverkan.directory.models import Organization
    from samverkan.funds import services as funds
    from samverkan.matters import services as matters
    from samverkan.meetings.models import AgendaItem

    body = Body.objects.get()
    item = AgendaItem.objects.get(meeting__date=datetime.date(2021, 11, 19), number="6")
    matter = matters.open_matter("Översyn av Hemsjukvårdsavtalet", body=body, items=[item])
    matters.create_assignment("Utredning om förutsättningar för översyn", owner=body, item=item,
                              reports_to=body, matter=matter, deadline=datetime.date(2022, 6, 30))
    funds.import_population(Path(__file__).resolve().parents[2] / "samples" / "dalarna-population.csv")
    agreement = funds.record_agreement(body, "ÖK psykisk hälsa", 2023, focus_areas=["3.3 Samsjuklighet"])
    funds.record_receipt(agreement, 4_000_000)
    funds.distribute_leftover(agreement, 4_000_000, region=Organization.objects.get(name="Region Dalarna"),
                              population_date=datetime.date(2023, 12, 31))
    return body


def test_the_secretariat_finds_no_broken_links(client, follow_up):
    secretary = User.objects.create_user("sekreterare")
    follow_up.secretaries.add(secretary)
    client.force_login(secretary)
    statuses = crawl(client, "/sekretariat/", limit=600)
    assert len(statuses) > 50
    assert any("/medel/fordelningar/" in url for url in statuses)
    assert any("/arenden/uppdrag/" in url for url in statuses)
    assert broken(statuses) == {}
