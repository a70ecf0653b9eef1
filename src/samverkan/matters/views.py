"""Pages for matters and assignments: read by everyone as far as they may see, kept by the secretariat.

Views check who may act, call one service, and say what happened; the rules are in the services.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from samverkan.core.views import run_action
from samverkan.directory.access import is_any_secretary, secretariat_required
from samverkan.directory.models import Body

from . import selectors, services
from .forms import AssignmentForm, CompletionForm, ExtensionForm, MatterForm
from .models import Assignment, Matter, MatterItem
from .sections import matter_sections


def _visible_matter(request, pk) -> Matter:
    try:
        return selectors.visible_matters(request.user).get(pk=pk)
    except Matter.DoesNotExist:
        raise Http404("Ärendet finns inte.") from None


def _visible_assignment(request, pk) -> Assignment:
    try:
        return selectors.assignment_with_history(pk, request.user)
    except Assignment.DoesNotExist:
        raise Http404("Uppdraget finns inte.") from None


def _editable_matter(request, pk) -> Matter:
    matter = get_object_or_404(Matter, pk=pk)
    if not selectors.can_edit_matter(request.user, matter):
        raise Http404("Ärendet finns inte.")
    return matter


def _editable_assignment(request, pk) -> Assignment:
    assignment = get_object_or_404(Assignment, pk=pk)
    if not selectors.can_edit_assignment(request.user, assignment):
        raise Http404("Uppdraget finns inte.")
    return assignment


def _decision_items(user):
    """Items a secretary may point to as the decision: visible ones with att-clauses, newest first."""
    return (selectors.visible_items(user).filter(clauses__isnull=False).distinct()
            .select_related("meeting__body", "parent").order_by("-meeting__date", "position"))


# --- Matters -----------------------------------------------------------------------------------


def matter_list(request):
    status = request.GET.get("status") or None
    if status not in Matter.Status.values:
        status = None
    return render(request, "matters/matter_list.html", {
        "matters": selectors.matter_list(request.user, status),
        "status": status,
        "statuses": Matter.Status.choices,
        "bodies": Body.objects.filter(meetings__isnull=False).distinct(),
        "is_secretariat": is_any_secretary(request.user),
        "suggestion_count": selectors.suggestions(user=request.user).count() if is_any_secretary(request.user) else 0,
    })


def matter_detail(request, pk):
    matter = _visible_matter(request, pk)
    secretariat = selectors.can_edit_matter(request.user, matter)
    query = request.GET.get("q", "").strip() if secretariat else ""
    return render(request, "matters/matter_detail.html", {
        "matter": matter,
        "timeline": selectors.timeline(matter, request.user),
        "assignments": selectors.visible_assignments(request.user).filter(matter=matter),
        "is_secretariat": secretariat,
        "suggestions": selectors.suggestions(matter, request.user) if secretariat else [],
        "query": query,
        "found": selectors.find_items(request.user, query, exclude_matter=matter) if query else [],
        "statuses": Matter.Status.choices,
        "sections": matter_sections(request, matter),
    })


@secretariat_required
def matter_new(request):
    form = MatterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        matter = services.open_matter(data["title"], registry_number=data["registry_number"],
                                      description=data["description"], body=data["body"], status=data["status"],
                                      suggest=True, acting_user=request.user)
        proposed = selectors.suggestions(matter, request.user).count()
        messages.success(request, f"Ärendet är öppnat. {proposed} punkter föreslås – bekräfta eller avvisa dem.")
        return redirect(matter)
    return render(request, "matters/matter_form.html", {"form": form})


@secretariat_required
def matter_edit(request, pk):
    matter = _editable_matter(request, pk)
    form = MatterForm(request.POST or None, instance=matter)
    if request.method == "POST" and form.is_valid():
        services.update_matter(matter, **form.cleaned_data, acting_user=request.user)
        messages.success(request, "Ärendet är sparat.")
        return redirect(matter)
    return render(request, "matters/matter_form.html", {"form": form, "matter": matter})


@secretariat_required
@require_POST
def matter_suggest(request, pk):
    matter = _editable_matter(request, pk)
    created = services.suggest_matters(matters=[matter])
    messages.success(request, f"{len(created)} nya förslag." if created else "Inga nya förslag.")
    return redirect(matter)


@secretariat_required
@require_POST
def link_add(request, pk):
    matter = _editable_matter(request, pk)
    item = get_object_or_404(selectors.visible_items(request.user), pk=request.POST.get("item") or 0)
    services.link_item(matter, item, acting_user=request.user)
    messages.success(request, f"”{item.title}” är kopplad till ärendet.")
    return redirect(matter)


@secretariat_required
@require_POST
def link_remove(request, pk, item):
    matter = _editable_matter(request, pk)
    services.unlink_item(matter, get_object_or_404(selectors.visible_items(request.user), pk=item),
                         acting_user=request.user)
    messages.success(request, "Punkten är borttagen ur ärendet.")
    return redirect(matter)


@secretariat_required
def suggestion_list(request):
    return render(request, "matters/suggestions.html", {"suggestions": selectors.suggestions(user=request.user)})


def _suggestion(request, pk) -> MatterItem:
    links = MatterItem.objects.filter(item__meeting__in=selectors.visible_meetings(request.user))
    link = get_object_or_404(links.select_related("matter", "item"), pk=pk)
    if not selectors.can_edit_matter(request.user, link.matter):
        raise Http404("Förslaget finns inte.")
    return link


def _back(request, fallback):
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/") and not target.startswith("//") else fallback)


@secretariat_required
@require_POST
def suggestion_confirm(request, pk):
    link = _suggestion(request, pk)
    run_action(request, lambda: services.confirm_suggestion(link, acting_user=request.user),
         f"”{link.item.title}” hör nu till ärendet ”{link.matter}”.")
    return _back(request, link.matter)


@secretariat_required
@require_POST
def suggestion_reject(request, pk):
    link = _suggestion(request, pk)
    run_action(request, lambda: services.reject_suggestion(link, acting_user=request.user),
         "Förslaget är avvisat och föreslås inte igen.")
    return _back(request, link.matter)


def body_overview(request, slug):
    body = get_object_or_404(Body, slug=slug)
    return render(request, "matters/body_overview.html", {
        "overview": selectors.body_overview(body, request.user),
    })


# --- Assignments -------------------------------------------------------------------------------


def assignment_list(request):
    today = timezone.localdate()
    days = services.reminder_days()
    assignments = selectors.visible_assignments(request.user)
    return render(request, "matters/assignment_list.html", {
        "overdue": selectors.overdue(assignments, today),
        "due_soon": selectors.due_soon(assignments, today, days),
        "active": assignments.filter(status=Assignment.Status.ACTIVE).order_by("deadline", "title"),
        "finished": assignments.exclude(status=Assignment.Status.ACTIVE).order_by("-completed_on", "title"),
        "days": days,
        "today": today,
        "is_secretariat": is_any_secretary(request.user),
    })


def assignment_detail(request, pk):
    assignment = _visible_assignment(request, pk)
    secretariat = selectors.can_edit_assignment(request.user, assignment)
    visible_ids = set(selectors.visible_meetings(request.user).values_list("pk", flat=True))

    def visible(item):
        return item if item is not None and item.meeting_id in visible_ids else None

    deadlines = [(d, visible(d.item)) for d in assignment.deadlines.all()]
    decision_item = visible(assignment.item)
    return render(request, "matters/assignment_detail.html", {
        "assignment": assignment,
        "deadlines": deadlines,
        "decision_item": decision_item,
        "completed_item": visible(assignment.completed_item),
        # The wording of a decision in a meeting the reader may not see stays hidden.
        "show_decision_text": bool(decision_item) or (assignment.item_id is None and secretariat),
        "is_secretariat": secretariat,
        "reminders": assignment.reminders.all() if secretariat else [],
        "extension_form": ExtensionForm(items=_decision_items(request.user)) if secretariat else None,
        "completion_form": CompletionForm(items=_decision_items(request.user)) if secretariat else None,
        "today": timezone.localdate(),
    })


@secretariat_required
def assignment_new(request):
    item = None
    if request.GET.get("punkt"):
        item = get_object_or_404(selectors.visible_items(request.user).select_related("meeting__body"),
                                 pk=request.GET["punkt"])
    initial = {}
    if item is not None:
        initial = {"title": item.title, "reports_to": item.meeting.body}
        decisions = item.decisions
        if len(decisions) == 1:
            initial["clause"] = decisions[0]
    if request.GET.get("arende"):
        initial["matter"] = request.GET["arende"]
    form = AssignmentForm(request.POST or None, item=item, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assignment = None

        def create():
            nonlocal assignment
            assignment = services.create_assignment(
                data["title"], owner=data["owner"], item=item, clause=data.get("clause"),
                reports_to=data["reports_to"], deadline=data["deadline"], matter=data["matter"],
                description=data["description"], decided_on=data["decided_on"], contact=data["contact"],
                acting_user=request.user)

        if run_action(request, create, "Uppdraget är registrerat."):
            return redirect(assignment)
    return render(request, "matters/assignment_form.html", {"form": form, "item": item})


@secretariat_required
@require_POST
def assignment_extend(request, pk):
    assignment = _editable_assignment(request, pk)
    form = ExtensionForm(request.POST, items=_decision_items(request.user))
    if not form.is_valid():
        messages.error(request, "Ange den nya tidsgränsen (och beslutet som förlängde uppdraget).")
        return redirect(assignment)
    data = form.cleaned_data
    run_action(request, lambda: services.extend_deadline(
        assignment, data["due"], item=data["item"], decision_text=data["decision_text"],
        decided_on=data["decided_on"], note=data["note"], acting_user=request.user),
        "Den nya tidsgränsen är registrerad; den tidigare finns kvar i historiken.")
    return redirect(assignment)


@secretariat_required
@require_POST
def assignment_complete(request, pk):
    assignment = _editable_assignment(request, pk)
    form = CompletionForm(request.POST, items=_decision_items(request.user))
    if not form.is_valid():
        messages.error(request, "Kontrollera datum och punkt.")
        return redirect(assignment)
    run_action(request, lambda: services.complete_assignment(
        assignment, on=form.cleaned_data["on"], item=form.cleaned_data["item"], acting_user=request.user),
        "Uppdraget är markerat som redovisat.")
    return redirect(assignment)
