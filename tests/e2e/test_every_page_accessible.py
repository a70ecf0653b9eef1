"""Every page, as the public, a member and the secretariat see it, at 1280 and 320 pixels wide: no WCAG 2.1
A/AA violation that axe-core finds, and nothing wider than the screen (WCAG 1.4.10, reflow).

The pages are found by following the links of the start page and the secretariat's page, breadth first,
from what `make run` gives; one page of each kind of address is visited (the first meeting, not all of
them), so the crawl stays short while reaching every template.
"""

import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest
from playwright.sync_api import Page

from samverkan.directory.models import Membership, Person
from tests.e2e.accessibility import accessibility_violations
from tests.e2e.browsing import fill_sign_in
from tests.e2e.conftest import SAMPLE_SECRETARY

pytestmark = pytest.mark.django_db(transaction=True)

MEMBER = ("ledamot", "Ledamotens-lösen-3")
WIDTHS = (1280, 320)
MAX_PAGES = 60
SKIPPED = re.compile(r"/(logga-ut|admin)/|\.(pdf|docx|ics|atom|zip|xlsx|csv)$|/bilagor/\d+/$")


def kind_of(path: str) -> str:
    """The address with its numbers and slugs made general: one page of each kind is enough."""
    return re.sub(r"=\d+(?=&|$)", "=N", re.sub(r"/\d+(?=/|$)", "/N", path))


def same_site_links(page: Page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    found = []
    for href in hrefs:
        address = urldefrag(href)[0]
        parsed = urlparse(address)
        if f"{parsed.scheme}://{parsed.netloc}" == origin and not SKIPPED.search(parsed.path):
            found.append(address)
    return found


def overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0 when it reflows)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => (e.getBoundingClientRect().right > window.innerWidth + 1 || e.scrollWidth > e.clientWidth + 1)
               && getComputedStyle(e).overflowX === 'visible'
               && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
  .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                        + ' "' + (e.textContent || '').trim().slice(0, 30) + '"')"""


def problems_on(page: Page) -> list[str]:
    """What axe-core finds on the page as it is, and any sideways scrolling, at each of WIDTHS."""
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        found += [f"{width} px: {violation}" for violation in accessibility_violations(page)]
        wider = overflow(page)
        if wider > 0:
            found.append(f"{width} px: the page is {wider} px wider than the window (horizontal scrolling): "
                         + ", ".join(page.evaluate(WIDEST)))
    return found


def crawl(page: Page, origin: str, start: str, more: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Problems per page address, visiting one page of each kind reachable from `start` (and `more`)."""
    problems: dict[str, list[str]] = {}
    seen_kinds: set[str] = set()
    queue = deque([start, *more])
    while queue and len(seen_kinds) < MAX_PAGES:
        address = queue.popleft()
        kind = kind_of(urlparse(address).path + ("?" + urlparse(address).query if urlparse(address).query else ""))
        if kind in seen_kinds:
            continue
        seen_kinds.add(kind)
        response = page.goto(address)
        if response is None or response.status >= 400 or "html" not in response.headers.get("content-type", ""):
            continue
        found = problems_on(page)
        if found:
            problems[address.removeprefix(origin)] = found
        queue.extend(same_site_links(page, origin))
    assert len(seen_kinds) >= 10, f"the crawl reached only {sorted(seen_kinds)}"
    return problems


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{address}\n  " + "\n  ".join(found) for address, found in sorted(problems.items()))


@pytest.fixture
def member(sample_network):
    from django.contrib.auth.models import User

    person = Person.objects.order_by("name").first()
    Membership.objects.create(person=person, body=sample_network)
    person.user = User.objects.create_user(MEMBER[0], password=MEMBER[1])
    person.save()
    return person


@pytest.fixture
def recommendation(sample_network, member):
    """The seed's revised agreement followed up with the members (follow-through pages): the present at the
    latest meeting are members, Borlänge has answered. Returns the pages the crawl cannot link to: the
    recommendation, an answer link, and the answer page for a signed-in user."""
    import datetime

    from django.contrib.auth.models import User

    from samverkan.directory.models import Organization
    from samverkan.followup import services
    from samverkan.followup.models import Answer
    from samverkan.meetings.models import Meeting

    # The undated agenda has no date: PostgreSQL sorts NULL first when descending.
    latest = Meeting.objects.filter(body=sample_network).exclude(date=None).order_by("-date").first()
    for attendance in latest.attendances.select_related("person"):
        Membership.objects.get_or_create(person=attendance.person, body=sample_network,
                                         defaults={"organization": attendance.organization})
    secretary = User.objects.get(username=SAMPLE_SECRETARY[0])
    item = next(item for item in sample_network.meetings.get(date=datetime.date(2021, 2, 19)).items.all()
                if item.number == "6")
    marked = services.mark_recommendation(item=item, kind="agreement", answer_by=datetime.date(2021, 6, 30),
                                          acting_user=secretary)
    borlange = marked.answers.get(organization=Organization.objects.get(name="Borlänge"))
    services.record_answer(borlange, status=Answer.Status.ADOPTED, decided_on=datetime.date(2021, 4, 20),
                           deciding_body="Socialnämnden, Borlänge", registry_number="SN 2021/88",
                           acting_user=secretary)
    falun = marked.answers.get(organization__name="Falun")
    token = services.answer_token(falun)
    return (marked.get_absolute_url(), f"/uppfoljning/besked/{token}/", f"/uppfoljning/{marked.pk}/svar/falun/")


@pytest.mark.parametrize("who", ["public", "member", "secretariat"])
def test_every_page_is_accessible_and_reflows(live_server, page: Page, member, recommendation, who):
    origin = live_server.url
    start = f"{origin}/"
    if who != "public":
        page.goto(f"{origin}/logga-in/")
        fill_sign_in(page, *(MEMBER if who == "member" else SAMPLE_SECRETARY))
        page.wait_for_load_state()
        start = page.url
    problems = crawl(page, origin, start, tuple(f"{origin}{path}" for path in recommendation))
    assert not problems, f"as {who}:\n{report(problems)}"


def test_the_e_archive_pages_are_accessible_and_reflow(live_server, page: Page, sample_network):
    """The secretariat's e-archive pages, also with a package built: the crawl may not get that deep."""
    origin = live_server.url
    page.goto(f"{origin}/logga-in/")
    fill_sign_in(page, *SAMPLE_SECRETARY)
    page.wait_for_load_state()
    body_page = f"{origin}/sekretariat/e-arkiv/{sample_network.slug}/"
    problems: dict[str, list[str]] = {}

    def check(address: str) -> None:
        page.goto(address)
        found = problems_on(page)
        if found:
            problems.setdefault(address.removeprefix(origin), []).extend(found)

    check(f"{origin}/sekretariat/e-arkiv/")
    check(body_page)
    page.get_by_role("link", name="2021", exact=True).click()
    page.get_by_role("button", name="Exportera e-arkivpaket").click()
    page.get_by_role("link", name="Ladda ner e-arkiv-lchnv-2021-01-01--2021-12-31.zip").wait_for()
    check(body_page)
    assert not problems, report(problems)


def test_the_extract_and_dispatch_pages_are_accessible_and_reflow(live_server, page: Page, sample_network):
    """The pages reached only with a choice made (the dispatch preview) or from a published item, visited
    directly: the dispatch page, its preview with a registrator chosen, and the organisations' pages."""
    from django.urls import reverse

    from samverkan.directory.models import Organization
    from samverkan.meetings.models import AgendaItem

    organization = Organization.objects.order_by("name").first()
    organization.registry_email = "registrator@kommun.example"
    organization.save()
    item = (AgendaItem.objects.filter(meeting__body=sample_network, meeting__published_at__isnull=False,
                                      parent=None, clauses__kind="decision").order_by("meeting__date", "pk").first())
    origin = live_server.url
    page.goto(f"{origin}/logga-in/")
    fill_sign_in(page, *SAMPLE_SECRETARY)
    page.wait_for_load_state()
    addresses = [
        reverse("meetings:item", args=[item.pk]),
        reverse("meetings:extract_dispatch", args=[item.pk]),
        reverse("meetings:extract_preview", args=[item.pk]) + f"?organisation={organization.pk}&epost=a@b.example",
        reverse("directory:organizations"),
        reverse("directory:organization", args=[organization.slug]),
    ]
    problems: dict[str, list[str]] = {}
    for address in addresses:
        response = page.goto(origin + address)
        assert response is not None and response.status == 200, address
        assert page.url == origin + address, f"{address} went on to {page.url}"
        found = problems_on(page)
        if found:
            problems[address] = found
    assert not problems, report(problems)
