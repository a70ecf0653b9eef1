"""The secretariat's pages: plan, build the agenda, send the notice, record, publish.

Views check who may act, call one service, and say what happened; the rules are in the services.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from samverkan.core.errors import UserError
from samverkan.core.locking import EditConflict
from samverkan.core.views import run_action
from samverkan.directory.access import (
    audit_entries_for,
    secretariat_required,
    served_body_ids,
    served_or_404,
)
from samverkan.directory.models import Body, Person
from samverkan.directory.selectors import current_members

from . import attachments, notices, publishing, recording, services
from .forms import (
    AttachmentForm,
    ItemForm,
    MeetingForm,
    NewItemForm,
    PublishForm,
    RecordItemForm,
    lines,
)
from .models import AgendaItem, Attachment, Meeting
from .selectors import meeting_with_items


def _editable_meeting(request, pk) -> Meeting:
    return served_or_404(request, Meeting.objects.select_related("body"), pk, "Mötet finns inte.")


def _editable_item(request, pk) -> AgendaItem:
    return served_or_404(request, AgendaItem.objects.select_related("meeting__body"), pk, "Punkten finns inte.")


def _agenda_url(meeting: Meeting) -> str:
    return reverse("meetings:agenda", args=[meeting.pk])




@secretariat_required
def dashboard(request):
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    today = timezone.localdate()
    meetings = Meeting.objects.filter(body__in=bodies).select_related("body")
    return render(request, "meetings/dashboard.html", {
        "bodies": bodies,
        "upcoming": meetings.filter(date__gte=today).order_by("date"),
        "recent": meetings.filter(date__lt=today).order_by("-date")[:10],
    })


@secretariat_required
def meeting_new(request):
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    form = MeetingForm(request.POST or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = services.plan_meeting(
            data["body"], data["date"], data["start_time"], data["end_time"], data["location"],
            data["mode"], data["registry_number"], acting_user=request.user)
        messages.success(request, "Mötet är skapat med standardpunkterna.")
        return redirect(_agenda_url(meeting))
    return render(request, "meetings/meeting_form.html", {"form": form})


@secretariat_required
def meeting_edit(request, pk):
    meeting = _editable_meeting(request, pk)
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    form = MeetingForm(request.POST or None, instance=meeting, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        if run_action(request, lambda: services.update_meeting(edited, form.cleaned_data["version"],
                                                               acting_user=request.user),
                      "Mötesuppgifterna är sparade."):
            return redirect(_agenda_url(meeting))
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@secretariat_required
def agenda(request, pk):
    meeting = _editable_meeting(request, pk)
    meeting = meeting_with_items(meeting.pk)
    return render(request, "meetings/agenda.html", {
        "meeting": meeting,
        "new_item_form": NewItemForm(),
        "pending": services.pending_items(meeting.body, before=meeting),
        "dispatches": meeting.dispatches.all(),
        "changed_since_notice": notices.agenda_changed_since_notice(meeting),
        "recipients": notices.notice_recipients(meeting),
    })


@secretariat_required
@require_POST
def item_add(request, pk):
    meeting = _editable_meeting(request, pk)
    form = NewItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ange en rubrik för punkten.")
        return redirect(_agenda_url(meeting))
    item = services.add_item(meeting, form.cleaned_data["title"], form.cleaned_data["type"], acting_user=request.user)
    messages.success(request, f"Punkt {item.number} är tillagd.")
    return redirect("meetings:item", item.pk)


@secretariat_required
@require_POST
def subitem_add(request, pk):
    parent = _editable_item(request, pk)
    title = request.POST.get("title", "").strip()
    if not title or parent.parent_id:
        messages.error(request, "Ange en rubrik för underpunkten.")
        return redirect(_agenda_url(parent.meeting))
    item = services.add_subitem(parent, title, request.POST.get("type") or AgendaItem.Type.INFORMATION,
                                acting_user=request.user)
    messages.success(request, f"Underpunkt {parent.number} {item.number}) är tillagd.")
    return redirect("meetings:item", item.pk)


@secretariat_required
@require_POST
def item_carry_over(request, pk):
    meeting = _editable_meeting(request, pk)
    earlier = get_object_or_404(services.pending_items(meeting.body, before=meeting), pk=request.POST.get("item"))
    item = services.carry_over(meeting, earlier, acting_user=request.user)
    messages.success(request, f"”{earlier.title}” från {earlier.meeting} är punkt {item.number}.")
    return redirect(_agenda_url(meeting))


@secretariat_required
def item_edit(request, pk):
    item = _editable_item(request, pk)
    initial = {
        "version": item.lock_version, "title": item.title, "type": item.type, "agenda_text": item.agenda_text,
        "presenters": "\n".join(f"{p.person.name}, {p.title}".rstrip(", ") for p in item.presentations.all()),
        "proposals": "\n".join(c.text for c in item.proposals),
    }
    form = ItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_action(request, lambda: services.update_item(
            item, data["version"], title=data["title"], type=data["type"], agenda_text=data["agenda_text"],
            proposals=data["proposals"], presenters=data["presenters"],
                acting_user=request.user), f"Punkt {item.number} är sparad.")
        if saved:
            return redirect(_agenda_url(item.meeting))
    return render(request, "meetings/item_form.html", {
        "item": item, "form": form, "attachment_form": AttachmentForm(),
        "attachments": item.attachments.all(),
    })


@secretariat_required
@require_POST
def item_move(request, pk):
    item = _editable_item(request, pk)
    step = -1 if request.POST.get("direction") == "up" else 1
    run_action(request, lambda: services.move_item(item, step, _version(request, item.meeting),
                                                   acting_user=request.user), "Ordningen är ändrad.")
    return redirect(f"{_agenda_url(item.meeting)}#punkt-{item.pk}")


@secretariat_required
@require_POST
def item_remove(request, pk):
    item = _editable_item(request, pk)
    services.remove_item(item, acting_user=request.user)
    messages.success(request, f"”{item.title}” är borttagen från dagordningen.")
    return redirect(_agenda_url(item.meeting))


@secretariat_required
@require_POST
def reorder(request, pk):
    meeting = _editable_meeting(request, pk)
    try:
        order = [int(value) for value in request.POST.get("order", "").split(",") if value]
    except ValueError:
        return HttpResponse("Ordningen ska vara punkternas nummer, åtskilda med komma.", status=400,
                            content_type="text/plain; charset=utf-8")
    try:
        services.reorder_items(meeting, order, _version(request, meeting), acting_user=request.user)
    except EditConflict as error:
        return HttpResponse(error.message, status=409, content_type="text/plain; charset=utf-8")
    except UserError as error:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    return HttpResponse(status=204)


def _version(request, record) -> int:
    """The version of `record` the form was opened at; a form without a readable one is stale."""
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        raise EditConflict(record) from None


@secretariat_required
@require_POST
def attachment_add(request, pk):
    item = _editable_item(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = attachments.attach_file(item, form.cleaned_data["file"], form.cleaned_data["public"],
                                                 acting_user=request.user)
            messages.success(request, f"{attachment.label}: {attachment.original_name} är bifogad.")
        except attachments.AttachmentRejected as error:
            messages.error(request, str(error))
    else:
        messages.error(request, "Välj en fil att bifoga.")
    return redirect("meetings:item", item.pk)


@secretariat_required
@require_POST
def attachment_remove(request, pk):
    attachment = served_or_404(request, Attachment.objects.select_related("item__meeting__body"), pk,
                               "Bilagan finns inte.")
    attachments.remove_attachment(attachment, acting_user=request.user)
    messages.success(request, "Bilagan är borttagen.")
    return redirect("meetings:item", attachment.item_id)


@secretariat_required
@require_POST
def notice_send(request, pk):
    meeting = _editable_meeting(request, pk)
    run_action(request, lambda: notices.send_notice(meeting, acting_user=request.user), "Kallelsen är skickad.")
    return redirect(_agenda_url(meeting))


@secretariat_required
def attendance(request, pk):
    meeting = _editable_meeting(request, pk)
    members = list(current_members(meeting.body))
    present = {a.person_id: a for a in meeting.attendances.select_related("person", "organization")}
    if request.method == "POST":
        marks, typed = _attendance_from_post(request, members)
        saved = run_action(
            request,
            lambda: recording.record_attendance_form(meeting, marks, typed, _version(request, meeting),
                                                     acting_user=request.user),
            lambda count: f"Närvaron är sparad: {count} närvarande.")
        if saved:
            return redirect("meetings:record", meeting.pk)
    others = [a for pid, a in present.items() if pid not in {m.pk for m in members}]
    return render(request, "meetings/attendance.html", {
        "meeting": meeting, "groups": _members_by_organization(members), "present": present,
        "others": others,
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
    meeting = _editable_meeting(request, pk)
    meeting = meeting_with_items(meeting.pk)
    forms_by_item = {}
    body_choices = [("", "---------"), *((body.pk, str(body)) for body in Body.objects.all())]
    for item in _all_items(meeting):
        forms_by_item[item.pk] = RecordItemForm(prefix=f"item-{item.pk}", body_choices=body_choices, initial={
            "version": item.lock_version, "minutes_text": item.minutes_text,
            "decisions": "\n".join(c.text for c in item.decisions), "outcome": item.outcome,
            "forwarded_to": item.forwarded_to_id,
        })
    return render(request, "meetings/record.html", {
        "meeting": meeting, "forms": forms_by_item, "publish_form": PublishForm(),
        "versions": meeting.minutes_versions.all(),
    })


def _all_items(meeting):
    for item in meeting.top_items:
        yield item
        yield from item.subitems.all()


@secretariat_required
@require_POST
def record_item(request, pk):
    item = _editable_item(request, pk)
    form = RecordItemForm(request.POST, prefix=f"item-{item.pk}")
    if form.is_valid():
        data = form.cleaned_data
        run_action(request, lambda: recording.record_item(
            item, data["version"], minutes_text=data["minutes_text"], decisions=data["decisions"],
            outcome=data["outcome"] or "", forwarded_to=data["forwarded_to"], acting_user=request.user),
            f"Punkt {item.number} är sparad.")
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(f"{reverse('meetings:record', args=[item.meeting_id])}#punkt-{item.pk}")


@secretariat_required
@require_POST
def adopt_proposals(request, pk):
    item = _editable_item(request, pk)
    run_action(request, lambda: recording.adopt_proposals(item, _version(request, item), acting_user=request.user),
         f"Punkt {item.number}: beslut enligt förslaget.")
    return redirect(f"{reverse('meetings:record', args=[item.meeting_id])}#punkt-{item.pk}")


@secretariat_required
@require_POST
def publish(request, pk):
    meeting = _editable_meeting(request, pk)
    form = PublishForm(request.POST)
    note = form.data.get("note", "")
    run_action(request, lambda: publishing.publish_minutes(meeting, acting_user=request.user, note=note),
         "Minnesanteckningarna är publicerade.")
    return redirect("meetings:record", meeting.pk)


@secretariat_required
def audit_log(request):
    entries = audit_entries_for(request.user).select_related("actor", "content_type").order_by("-timestamp")
    page = Paginator(entries, 50).get_page(request.GET.get("sida"))
    return render(request, "meetings/audit_log.html", {"page": page})
