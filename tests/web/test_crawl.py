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


def test_the_secretariat_finds_no_broken_links(client, sample_archive):
    secretary = User.objects.create_user("sekreterare")
    Body.objects.get().secretaries.add(secretary)
    client.force_login(secretary)
    statuses = crawl(client, "/sekretariat/")
    assert len(statuses) > 50
    assert broken(statuses) == {}
