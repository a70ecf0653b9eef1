"""The public-service parts of every page: the organisation from settings, the footer, the accessibility
statement and the privacy notice."""

import pytest

from samverkan.web.context_processors import organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def our_network(settings):
    settings.SAMVERKAN_ORGANISATION_NAME = "Dalarnas samverkansnätverk"
    settings.SAMVERKAN_ORGANISATION_EMAIL = "kansliet@dalarna.example"
    settings.SAMVERKAN_ORGANISATION_ACCENT = "#7a1f5c"
    settings.SAMVERKAN_ORGANISATION_LOGO = "web/logo.svg"
    settings.SAMVERKAN_ACCESSIBILITY_EMAIL = ""


def test_the_context_processor_gives_the_organisation_from_settings(rf, our_network):
    found = organisation(rf.get("/"))["organisation"]
    assert (found.name, found.email, found.logo, found.accent) == (
        "Dalarnas samverkansnätverk", "kansliet@dalarna.example", "web/logo.svg", "#7a1f5c")
    assert found.accessibility_email == "kansliet@dalarna.example"


def test_an_accent_that_could_break_out_of_css_is_ignored(rf, settings):
    settings.SAMVERKAN_ORGANISATION_ACCENT = "red; } body { display: none"
    assert organisation(rf.get("/"))["organisation"].accent == ""


def test_every_page_names_the_organisation_and_links_its_statement_and_privacy_notice(client, our_network):
    page = client.get("/").content.decode()
    assert "<title>Start – Dalarnas samverkansnätverk</title>" in page
    assert '<img class="logo" src="/static/web/logo.svg" alt="">Dalarnas samverkansnätverk</a>' in page
    assert '<a href="mailto:kansliet@dalarna.example">kansliet@dalarna.example</a>' in page
    assert '<a href="/tillganglighet/">Tillgänglighetsredogörelse</a>' in page
    assert '<a href="/personuppgifter/">Personuppgifter</a>' in page
    assert '<link rel="stylesheet" href="/organisation.css">' in page


def test_the_accent_colour_is_a_stylesheet(client, our_network):
    response = client.get("/organisation.css")
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response.content.decode() == ":root { --color-accent: #7a1f5c; }\n"


def test_without_an_accent_no_extra_stylesheet_is_linked(client, settings):
    settings.SAMVERKAN_ORGANISATION_ACCENT = ""
    assert "organisation.css" not in client.get("/").content.decode()


def test_the_accessibility_statement_says_how_to_report_and_what_is_missing(client, our_network, settings):
    settings.SAMVERKAN_ACCESSIBILITY_EMAIL = "tillganglighet@dalarna.example"
    page = client.get("/tillganglighet/").content.decode()
    assert "<h1>Tillgänglighetsredogörelse</h1>" in page
    assert "EN 301 549" in page and "WCAG 2.1 på nivå AA" in page
    assert 'href="mailto:tillganglighet@dalarna.example"' in page
    assert 'href="https://www.digg.se/tdosanmalan"' in page
    assert "Inskannade minnesanteckningar och handlingar i arkivet" in page
    assert "Äldre bilagor" in page
    assert "axe-core" in page and "tangentbordet" in page
    assert '<time datetime="2026-12-03">3 december 2026</time>' in page


def test_the_privacy_notice_says_what_is_published_why_and_who_answers(client, our_network):
    page = client.get("/personuppgifter/").content.decode()
    assert "<h1>Personuppgifter</h1>" in page
    assert "namn, titel och organisation för dem som var närvarande vid ett möte" in page
    assert "allmänna handlingar" in page and "offentlighetsprincipen" in page
    assert "uppgift av allmänt intresse" in page
    assert "Dalarnas samverkansnätverk är personuppgiftsansvarig" in page
    assert "begära att vi rättar den" in page


def test_the_meeting_page_has_breadcrumbs_up_to_its_body(client, sample_archive):
    from samverkan.meetings.models import Meeting

    meeting = Meeting.objects.get(date="2023-11-09")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert '<nav class="breadcrumbs" aria-label="Du är här">' in page
    assert '<li><a href="/moten/">Möten</a></li>' in page
    assert f'<li><a href="/organ/{meeting.body.slug}/kalendarium/">{meeting.body.display_name}</a></li>' in page
    assert '<li><span aria-current="page">9 november 2023</span></li>' in page


def test_the_body_calendar_has_breadcrumbs(client, sample_archive):
    from samverkan.directory.models import Body

    body = Body.objects.get(abbreviation="LCHNV")
    page = client.get(f"/organ/{body.slug}/kalendarium/").content.decode()
    assert '<li><a href="/organ/">Organ</a></li>' in page
    assert f'<li><span aria-current="page">{body.display_name}</span></li>' in page


def test_the_meeting_page_starts_with_its_documents_then_the_items_contents(client, sample_archive):
    from samverkan.meetings.models import Meeting

    meeting = Meeting.objects.get(date="2023-11-09")
    page = client.get(meeting.get_absolute_url()).content.decode()
    documents, contents = page.index('<h2 id="dokument">Dokument</h2>'), page.index("Punkter på dagordningen")
    assert documents < contents < page.index('<h2 id="narvarande">') < page.index('<h2 id="dagordning">')
    first = meeting.items.filter(parent=None).first()
    assert f'<a href="#punkt-{first.pk}">{first.number}. {first.title}</a>' in page
    assert ">Kallelse (Word)</a>" in page


@pytest.mark.parametrize(("status", "label"), [
    ("planned", "Kommande"), ("notified", "Kallelse skickad"), ("recorded", "Genomfört"),
    ("published", "Publicerat"), ("cancelled", "Inställt"),
])
def test_a_status_is_worded_for_the_reader(status, label):
    from samverkan.meetings.models import Meeting
    from samverkan.web.templatetags.public_tags import status_label

    assert status_label(Meeting(status=status)) == label


def test_a_decision_equal_to_its_proposal_is_shown_once(client, sample_archive):
    from samverkan.meetings.models import AgendaItem, Clause

    item = AgendaItem.objects.filter(clauses__kind=Clause.Kind.DECISION).select_related("meeting").first()
    item.clauses.filter(kind=Clause.Kind.PROPOSAL).delete()
    for clause in item.clauses.filter(kind=Clause.Kind.DECISION):
        Clause.objects.create(item=item, kind=Clause.Kind.PROPOSAL, text=clause.text, position=clause.position)
    page = client.get(item.meeting.get_absolute_url()).content.decode()
    article = page[page.index(f'id="punkt-{item.pk}"'):]
    article = article[:article.index("</article>")]
    assert "Beslut enligt förslaget" in article
    assert "Förslag till beslut" not in article
    decision = item.decisions[0].text
    assert article.count(decision) == 1


def test_a_body_has_an_atom_feed_of_its_published_minutes(client, sample_archive):
    from samverkan.directory.models import Body
    from samverkan.meetings.models import Meeting

    body = Body.objects.get(abbreviation="LCHNV")
    response = client.get(f"/organ/{body.slug}/minnesanteckningar.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = response.content.decode()
    assert f"<title>Publicerade minnesanteckningar – {body.display_name}</title>" in feed
    meeting = Meeting.objects.get(date="2023-11-09")
    assert f"<title>Minnesanteckningar {body.display_name} 9 november 2023</title>" in feed
    assert f'href="http://testserver{meeting.get_absolute_url()}"' in feed
    published = Meeting.objects.filter(body=body, published_at__isnull=False).count()
    assert feed.count("<entry>") == min(published, 50)


def test_the_feed_leaves_out_meetings_not_yet_published(client, sample_archive):
    from samverkan.directory.models import Body
    from samverkan.meetings.models import Meeting

    body = Body.objects.get(abbreviation="LCHNV")
    Meeting.objects.filter(date="2023-11-09").update(published_at=None)
    feed = client.get(f"/organ/{body.slug}/minnesanteckningar.atom").content.decode()
    assert "9 november 2023" not in feed


def test_the_body_calendar_links_its_feed_and_a_webcal_subscription(client, sample_archive):
    from samverkan.directory.models import Body

    body = Body.objects.get(abbreviation="LCHNV")
    page = client.get(f"/organ/{body.slug}/kalendarium/").content.decode()
    assert (f'<link rel="alternate" type="application/atom+xml" title="Publicerade minnesanteckningar – '
            f'{body.display_name}" href="/organ/{body.slug}/minnesanteckningar.atom">') in page
    assert f'href="webcal://testserver/organ/{body.slug}/kalender.ics"' in page
    assert f'value="webcal://testserver/organ/{body.slug}/kalender.ics"' in page
    assert '<button type="button" class="secondary" data-copy="kalenderadress" hidden>Kopiera adressen</button>' in page


def test_the_print_stylesheet_hides_navigation_and_writes_out_document_addresses():
    from pathlib import Path

    import samverkan.web

    css = (Path(samverkan.web.__file__).parent / "static" / "web" / "site.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print"):]
    assert "header.site nav, .quick-search" in printed
    assert 'a.document-link::after { content: " (" attr(href) ")";' in printed


def test_the_sign_in_link_remembers_the_page_it_was_on(client, sample_archive):
    from samverkan.meetings.models import Meeting

    meeting = Meeting.objects.get(date="2023-11-09")
    page = client.get(meeting.get_absolute_url() + "?a=1&b=2").content.decode()
    assert f'<a href="/logga-in/?next=/moten/{meeting.pk}/%3Fa%3D1%26b%3D2">Logga in</a>' in page


def test_the_sign_in_link_on_the_start_page_leads_to_the_role_s_own_page(client):
    assert '<a href="/logga-in/">Logga in</a>' in client.get("/").content.decode()


def test_signing_in_from_a_meeting_page_returns_to_it(client, sample_archive):
    from django.contrib.auth.models import User

    from samverkan.directory.models import Body
    from samverkan.meetings.models import Meeting

    secretary = User.objects.create_user("sekreterare", password="Hemligt-lösen-1")
    Body.objects.get(abbreviation="LCHNV").secretaries.add(secretary)
    meeting = Meeting.objects.get(date="2023-11-09")
    form = client.get(f"/logga-in/?next=/moten/{meeting.pk}/").content.decode()
    assert f'<input type="hidden" name="next" value="/moten/{meeting.pk}/">' in form
    response = client.post("/logga-in/", {"username": "sekreterare", "password": "Hemligt-lösen-1",
                                          "next": f"/moten/{meeting.pk}/"})
    assert response.status_code == 302 and response["Location"] == f"/moten/{meeting.pk}/"


def test_a_next_to_another_site_is_ignored(client, sample_archive):
    from django.contrib.auth.models import User

    User.objects.create_user("besokare", password="Hemligt-lösen-1")
    response = client.post("/logga-in/", {"username": "besokare", "password": "Hemligt-lösen-1",
                                          "next": "https://example.com/"})
    assert response["Location"] == "/"
