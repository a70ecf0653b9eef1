"""Public archive pages. Views only gather what selectors return; rules live in services."""

import datetime

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from samverkan.archive.models import SourceDocument
from samverkan.core import pagecache
from samverkan.directory.access import (
    can_edit_meeting,
    can_resolve_people,
    can_view_meeting,
    is_any_secretary,
    is_member,
    member_body_ids,
    people_outside,
    secretariat_required,
    visible_meetings_filter,
)
from samverkan.directory.models import Body, Organization, Person
from samverkan.directory.services import mark_distinct, merge_people, similar_people
from samverkan.followup.organisations import organization_overview
from samverkan.followup.selectors import answerable, recommendations_of_items
from samverkan.meetings.extracts import public_dispatch_lines
from samverkan.meetings.models import AgendaItem, Meeting, MinutesVersion
from samverkan.meetings.published import public_meeting
from samverkan.meetings.publishing import corrections
from samverkan.meetings.selectors import (
    all_items,
    attendance_by_organization,
    finished,
    latest_meetings,
    meeting_years,
    meetings_of_year,
    person_record,
    upcoming_meetings,
    visible_people,
)
from samverkan.meetings.verification import verified_by
from samverkan.search.selectors import filter_choices, latest_decisions, search

from .organisation import current_organisation

RESULTS_PER_PAGE = 20


def landing_page(user) -> str:
    """Where a user lands after signing in: the secretariat on its start page, a member on their
    own person page, everyone else on the start page."""
    if is_any_secretary(user):
        return reverse("meetings:dashboard")
    person = getattr(user, "person", None)
    if person is not None:
        return reverse("web:person", args=[person.pk])
    return reverse("web:home")


class LoginView(auth_views.LoginView):
    """Sign-in; a safe ?next= wins over the landing page of the user's role."""

    template_name = "web/login.html"

    def get_default_redirect_url(self):
        return landing_page(self.request.user)


def home(request):
    if pagecache.cacheable(request):  # kept per day: "upcoming" and "latest" turn at midnight
        return pagecache.serve(request, f"home:{timezone.localdate().isoformat()}", lambda: _home(request))
    return _home(request)


def _home(request):
    today = timezone.localdate()
    visible = visible_meetings_filter(request.user)
    response = render(request, "web/home.html", {
        "upcoming": upcoming_meetings(today, visible),
        "latest": latest_meetings(today, visible),
    })
    response.public_cache = not request.user.is_authenticated
    return response


UNDATED = "utan-datum"


def meeting_list(request):
    """The meetings of one year at a time, with every year that has meetings to choose from."""
    if pagecache.cacheable(request, query=("ar",)):
        return pagecache.serve(request, "meetings", lambda: _meeting_list(request))
    return _meeting_list(request)


def _meeting_list(request):
    visible = visible_meetings_filter(request.user)
    years = meeting_years(visible)
    chosen = request.GET.get("ar", "")
    year = None if chosen == UNDATED else _int_or_none(chosen)
    if chosen not in [str(y) if y else UNDATED for y, _ in years]:
        year = years[0][0] if years else None
    response = render(request, "web/meeting_list.html", {
        "years": years, "year": year, "undated": UNDATED,
        "meetings": meetings_of_year(visible, year) if years else [],
    })
    response.public_cache = not request.user.is_authenticated
    return response


def meeting_detail(request, pk):
    if pagecache.cacheable(request):
        return pagecache.serve(request, f"meeting:{pk}", lambda: _meeting_detail(request, pk))
    return _meeting_detail(request, pk)


def _meeting_detail(request, pk):
    found = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    if not can_view_meeting(request.user, found):
        raise Http404("Mötet finns inte.")
    can_edit = can_edit_meeting(request.user, found)
    meeting = public_meeting(found.pk, drafts=can_edit)
    member = is_member(request.user, meeting.body)
    items = list(all_items(meeting))
    dispatched = public_dispatch_lines([item.pk for item in items])
    for item in items:
        item.dispatched = dispatched.get(item.pk, [])
    versions = meeting.minutes_versions.all()
    response = render(request, "web/meeting_detail.html", {
        "meeting": meeting,
        "attachments": _readable_attachments(meeting, member),
        "attendance_groups": attendance_by_organization(meeting),
        "previous_meeting": meeting.previous_meeting,
        "can_edit": can_edit,
        "is_member": member,
        "minutes_versions": versions,
        "verified_by": verified_by(found),
        "finished": finished(found),
        "asked_to_verify": _asked_to_verify(request.user, found),
        "recommendations": recommendations_of_items(found.items.all(), request.user) if can_edit else {},
    })
    # The anonymous reading of published minutes may be kept (samverkan.core.pagecache); it was last
    # changed by its latest published version, or by the meeting itself for minutes imported as public.
    response.public_cache = found.published_at is not None and not request.user.is_authenticated
    if response.public_cache:
        response.last_modified = max(filter(None, [found.modified, found.published_at,
                                                   *(v.published_at for v in versions)]))
    return response


def _readable_attachments(meeting, member: bool) -> list:
    """(item, attachment) for every attachment with a file this reader may open, in agenda order, from the
    rows public_meeting prefetched."""
    found = []
    for item in meeting.top_items:
        for part in [item, *item.subitems.all()]:
            found += [(part, attachment) for attachment in part.attachments.all()
                      if attachment.file and (attachment.public or member)]
    return found


def _asked_to_verify(user, meeting) -> bool:
    """The signed-in user is a justerare of these minutes who has not verified them yet."""
    return user.is_authenticated and meeting.verifiers.filter(person__user=user, verified_at=None).exists()


def minutes_version(request, pk):
    version = get_object_or_404(MinutesVersion.objects.select_related("meeting__body"), pk=pk)
    if not can_view_meeting(request.user, version.meeting):
        raise Http404("Versionen finns inte.")
    return render(request, "web/minutes_version.html", {"version": version, "corrections": corrections(version)})


def source_detail(request, pk):
    source = get_object_or_404(SourceDocument.objects.select_related("meeting__body"), pk=pk)
    if not can_view_meeting(request.user, source.meeting):
        raise Http404("Dokumentet finns inte.")
    return render(request, "web/source_detail.html", {
        "source": source, "secretariat": can_edit_meeting(request.user, source.meeting)})


def person_detail(request, pk):
    visible = visible_meetings_filter(request.user)
    people = Person.objects.all() if member_body_ids(request.user) else visible_people(visible)
    person = get_object_or_404(people.select_related("organization"), pk=pk)
    attended, presented = person_record(person, visible)
    return render(request, "web/person_detail.html", {
        "person": person, "attended": attended, "presented": presented,
    })


def body_list(request):
    """Every body, with links to its appointments and year calendar."""
    return render(request, "web/body_list.html", {"bodies": Body.objects.all()})


def organization_list(request):
    return render(request, "web/organization_list.html", {"organizations": Organization.objects.all()})


def organization_detail(request, slug):
    """One organisation before a meeting: its representatives, attendance, recommendations and answers,
    assignments and grant money (what the reader may see: samverkan.followup.organisations)."""
    organization = get_object_or_404(Organization, slug=slug)
    overview = organization_overview(organization, request.user)
    return render(request, "web/organization_detail.html", {
        "organization": organization, "overview": overview,
        "answerable": answerable(request.user, organization, overview.open_answers),
    })


# When the accessibility statement was last reviewed, and how (DOS-lagen asks for both).
STATEMENT_REVIEWED = datetime.date(2026, 12, 3)
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"


def accessibility_statement(request):
    """Tillgänglighetsredogörelse: the law, how to report a problem, the known shortcomings."""
    return render(request, "web/public/accessibility.html", {
        "reviewed": STATEMENT_REVIEWED, "digg_url": DIGG_COMPLAINT_URL})


def privacy_notice(request):
    """Personuppgifter: what the published minutes say about people, and why."""
    return render(request, "web/public/privacy.html")


def organisation_css(request):
    """The organisation's accent colour as a stylesheet (the CSP forbids inline styles)."""
    accent = current_organisation().accent
    css = f":root {{ --color-accent: {accent}; }}\n" if accent else ""
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "max-age=3600"
    return response


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


SEARCH_ORDERS = {"relevans": "relevance", "datum": "date"}
SEARCH_FILTERS = {"ar": "year", "organ": "body_id", "foredragande": "presenter_id", "organisation": "organization_id"}


def search_page(request):
    """One search box and its filters; without a query, help and the latest decisions."""
    query = request.GET.get("q", "").strip()
    numbers = {name: _int_or_none(request.GET.get(param)) for param, name in SEARCH_FILTERS.items()}
    item_type = request.GET.get("typ") or None
    if item_type not in AgendaItem.Type.values:
        item_type = None
    order = request.GET.get("ordning") if request.GET.get("ordning") in SEARCH_ORDERS else "relevans"
    page_number = max(_int_or_none(request.GET.get("sida")) or 1, 1)
    readable = member_body_ids(request.user)
    result = search(query, item_type=item_type, order=SEARCH_ORDERS[order], limit=RESULTS_PER_PAGE,
                    offset=(page_number - 1) * RESULTS_PER_PAGE, readable_body_ids=readable, **numbers)
    paginator = Paginator(range(result.total), RESULTS_PER_PAGE)
    kept = {param: request.GET.get(param) for param in ("q", "typ", "ordning", *SEARCH_FILTERS)
            if request.GET.get(param)}
    return render(request, "web/search.html", {
        "query": query, "item_type": item_type, "order": order, "result": result,
        "filters": {param: numbers[name] for param, name in SEARCH_FILTERS.items()},
        # What the public may narrow a search to is the same for every anonymous reader: counted once
        # per change of the public content, not over the whole index per request.
        "choices": filter_choices(readable) if readable else pagecache.kept("search-choices", filter_choices),
        "types": AgendaItem.Type.choices,
        "page": paginator.get_page(page_number) if result.total else None,
        "page_query": urlencode(kept),
        "suggestion_query": urlencode({**kept, "q": result.suggestion}) if result.suggestion else "",
        "latest": [] if query else latest_decisions(readable_body_ids=readable),
    })


@secretariat_required
def duplicate_people(request):
    """The similar pairs this secretariat may resolve: people of no body it does not serve."""
    outside = people_outside(request.user)
    pairs = [pair for pair in similar_people() if not {pair.first.pk, pair.second.pk} & outside]
    return render(request, "web/duplicate_people.html", {"pairs": pairs})


@secretariat_required
@require_POST
def resolve_duplicate(request):
    first = get_object_or_404(Person, pk=request.POST.get("first"))
    second = get_object_or_404(Person, pk=request.POST.get("second"))
    if not can_resolve_people(request.user, first, second):
        raise Http404("Personen finns inte.")
    if request.POST.get("action") == "merge":
        keep, other = (first, second) if request.POST.get("keep") != str(second.pk) else (second, first)
        merge_people(keep, other, acting_user=request.user)
        messages.success(request, f"{other.name} slogs ihop med {keep.name}.")
    else:
        mark_distinct(first, second, acting_user=request.user)
        messages.success(request, f"{first.name} och {second.name} är markerade som olika personer.")
    return redirect("web:duplicate_people")
