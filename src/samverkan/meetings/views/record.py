"""Recording the meeting: attendance, notes, outcomes and decisions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samverkan.core.views import run_action
from samverkan.directory.access import (
    secretariat_required,
)
from samverkan.directory.models import Body, Person
from samverkan.directory.selectors import current_members

from .. import recording
from ..documents.minutes import minutes_text
from ..forms import (
    PublishForm,
    RecordItemForm,
    lines,
)
from ..models import AgendaItem
from ..published import has_unpublished_changes
from ..selectors import all_items, meeting_with_items, present_non_members
from .common import editable_item, editable_meeting, posted_version


@secretariat_required
def attendance(request, pk):
    meeting = editable_meeting(request, pk)
    members = list(current_members(meeting.body))
    present = {a.person_id: a for a in meeting.attendances.select_related("person", "organization")}
    if request.method == "POST":
        marks, typed = _attendance_from_post(request, members)
        saved = run_action(
            request,
            lambda: recording.record_attendance_form(meeting, marks, typed, posted_version(request, meeting),
                                                     acting_user=request.user),
            lambda count: f"Närvaron är sparad: {count} närvarande.")
        if saved:
            return redirect("meetings:record", meeting.pk)
    others = [a for pid, a in present.items() if pid not in {m.pk for m in members}]
    return render(request, "meetings/attendance.html", {
        "meeting": meeting, "groups": _members_by_organization(members), "present": present,
        "others": others, "present_non_members": len(present_non_members(meeting)),
    })


def _members_by_organization(members: list[Person]):
    groups: dict = {}
    for person in members:
        groups.setdefault(person.organization.name if person.organization else "Övriga", []).append(person)
    return sorted(groups.items())


def _attendance_from_post(request, members: list[Person]):
    marks = [recording.MemberMark(
        person, present=bool(request.POST.get(f"present-{person.pk}")),
        acting=bool(request.POST.get(f"acting-{person.pk}")),
        substitute_name=request.POST.get(f"substitute-{person.pk}", "").strip(),
    ) for person in members]
    others = [recording.OtherAttendee(*(part.strip() for part in (line.split(",") + ["", ""])[:3]))
              for line in lines(request.POST.get("others", ""))]
    return marks, others


@secretariat_required
def record(request, pk):
    meeting = editable_meeting(request, pk)
    meeting = meeting_with_items(meeting.pk)
    choices = _body_choices()
    return render(request, "meetings/record.html", {
        "meeting": meeting, "forms": {item.pk: _record_form(item, choices) for item in all_items(meeting)},
        "remaining": [item for item in all_items(meeting) if _adoptable(item)],
        **_closing_context(meeting),
    })


def _closing_context(meeting) -> dict:
    """What the justering and publishing sections show, from a meeting read by `meeting_with_items`."""
    return {
        "publish_form": PublishForm(), "versions": list(meeting.minutes_versions.all()),
        "unpublished_changes": has_unpublished_changes(meeting, minutes_text(meeting)),
        "verifiers": list(meeting.verifiers.select_related("person", "recorded_by")),
        "verifier_candidates": sorted({a.person for a in meeting.attendances.all()}, key=lambda p: p.name),
    }


def _body_choices():
    """The same list for every item's form: one query, not one per item."""
    return [("", "---------"), *((body.pk, str(body)) for body in Body.objects.all())]


def _record_form(item, body_choices, data=None):
    return RecordItemForm(data, prefix=f"item-{item.pk}", body_choices=body_choices, initial={
        "version": item.lock_version, "minutes_text": item.minutes_text,
        "decisions": "\n".join(c.text for c in item.decisions), "outcome": item.outcome,
        "forwarded_to": item.forwarded_to_id,
    })


def _adoptable(item) -> bool:
    return not item.outcome and not item.decisions and recording.can_adopt_as_proposed(item)


def _item_saved(request, item, form=None):
    """Back to the item on the record page; for htmx only the item's section, with the message beside it."""
    if not request.htmx:
        return redirect(f"{reverse('meetings:record', args=[item.meeting_id])}#punkt-{item.pk}")
    item = AgendaItem.objects.prefetch_related("clauses").get(pk=item.pk)
    meeting = meeting_with_items(item.meeting_id)
    return render(request, "meetings/_record_item_saved.html", {
        "item": item, "forms": {item.pk: form or _record_form(item, _body_choices())},
        "saved_messages": list(messages.get_messages(request)), "meeting": meeting, **_closing_context(meeting),
    })


@secretariat_required
@require_POST
def record_item(request, pk):
    item = editable_item(request, pk)
    form = RecordItemForm(request.POST, prefix=f"item-{item.pk}", body_choices=_body_choices())
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _item_saved(request, item, form)
    data = form.cleaned_data
    saved = run_action(request, lambda: recording.record_item(
        item, data["version"], minutes_text=data["minutes_text"], decisions=data["decisions"],
        outcome=data["outcome"] or "", forwarded_to=data["forwarded_to"], acting_user=request.user),
        f"Punkt {item.number} är sparad.")
    return _item_saved(request, item, None if saved else form)


@secretariat_required
@require_POST
def adopt_proposals(request, pk):
    item = editable_item(request, pk)
    run_action(request, lambda: recording.adopt_proposals(
        item, posted_version(request, item), acting_user=request.user),
        f"Punkt {item.number}: beslut enligt förslaget.")
    return _item_saved(request, item)


@secretariat_required
@require_POST
def adopt_remaining(request, pk):
    meeting = editable_meeting(request, pk)
    run_action(request, lambda: recording.adopt_remaining_proposals(meeting, acting_user=request.user),
               lambda adopted: (f"Beslut enligt förslagen i {_count(adopted)}: "
                                f"{', '.join(item.full_number for item in adopted)}." if adopted
                                else "Alla punkter har redan ett utfall."))
    return redirect("meetings:record", meeting.pk)


def _count(items) -> str:
    return "1 punkt" if len(items) == 1 else f"{len(items)} punkter"
