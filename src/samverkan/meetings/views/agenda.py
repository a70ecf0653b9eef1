"""Planning a meeting and building its agenda: items, sub-items, order, attachments."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from samverkan.core.errors import UserError
from samverkan.core.locking import EditConflict
from samverkan.core.views import run_action
from samverkan.directory.access import (
    secretariat_required,
    served_body_ids,
    served_or_404,
)
from samverkan.directory.models import Body

from .. import attachments, extracts, forwarding, notices, selectors, services
from ..forms import (
    AttachmentForm,
    ItemForm,
    MeetingForm,
    NewItemForm,
)
from ..models import AgendaItem, Attachment
from ..selectors import meeting_with_items
from .common import agenda_url, editable_item, editable_meeting, posted_version


@secretariat_required
def meeting_new(request):
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    form = MeetingForm(request.POST or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = services.plan_meeting(
            data["body"], data["date"], data["start_time"], data["end_time"], data["location"],
            data["mode"], data["registry_number"], online_link=data["online_link"], acting_user=request.user)
        messages.success(request, "Mötet är skapat med standardpunkterna.")
        return redirect(agenda_url(meeting))
    return render(request, "meetings/meeting_form.html", {"form": form})


@secretariat_required
def meeting_edit(request, pk):
    meeting = editable_meeting(request, pk)
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    form = MeetingForm(request.POST or None, instance=meeting, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        if run_action(request, lambda: services.update_meeting(edited, form.cleaned_data["version"],
                                                               acting_user=request.user),
                      "Mötesuppgifterna är sparade."):
            return redirect(agenda_url(meeting))
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@secretariat_required
def agenda(request, pk):
    meeting = editable_meeting(request, pk)
    meeting = meeting_with_items(meeting.pk)
    return render(request, "meetings/agenda.html", {
        "meeting": meeting,
        "new_item_form": NewItemForm(),
        "pending": services.pending_items(meeting.body, before=meeting),
        "forwarded": forwarding.incoming(meeting.body),
        "history": notices.dispatch_history(meeting),
        "changed_since_notice": notices.agenda_changed_since_notice(meeting),
    })


@secretariat_required
@require_POST
def item_add(request, pk):
    meeting = editable_meeting(request, pk)
    form = NewItemForm(request.POST)
    if not form.is_valid():
        title_errors = form.errors.get("title") if request.POST.get("title", "").strip() else None
        messages.error(request, title_errors[0] if title_errors else "Ange en rubrik för punkten.")
        return redirect(agenda_url(meeting))
    item = services.add_item(meeting, form.cleaned_data["title"], form.cleaned_data["type"], acting_user=request.user)
    messages.success(request, f"Punkt {item.number} är tillagd.")
    return redirect("meetings:item", item.pk)


@secretariat_required
@require_POST
def subitem_add(request, pk):
    parent = editable_item(request, pk)
    title = request.POST.get("title", "").strip()
    if not title or parent.parent_id:
        messages.error(request, "Ange en rubrik för underpunkten.")
        return redirect(agenda_url(parent.meeting))
    try:
        item = services.add_subitem(parent, title, request.POST.get("type") or AgendaItem.Type.INFORMATION,
                                    acting_user=request.user)
    except UserError as error:
        messages.error(request, error.message)
        return redirect(agenda_url(parent.meeting))
    messages.success(request, f"Underpunkt {parent.number} {item.number}) är tillagd.")
    return redirect("meetings:item", item.pk)


@secretariat_required
@require_POST
def item_carry_over(request, pk):
    meeting = editable_meeting(request, pk)
    earlier = get_object_or_404(services.pending_items(meeting.body, before=meeting), pk=request.POST.get("item"))
    item = services.carry_over(meeting, earlier, acting_user=request.user)
    messages.success(request, f"”{earlier.title}” från {earlier.meeting} är punkt {item.number}.")
    return redirect(agenda_url(meeting))


ITEM_FORM_ID = "punkt"


@secretariat_required
def item_edit(request, pk):
    """The item's text and its attachments; "Bifoga" saves the typed text too, so nothing is lost."""
    item = editable_item(request, pk)
    form = ItemForm(request.POST or None, initial=_item_initial(item))
    attachment_form = AttachmentForm(
        request.POST or None, request.FILES or None, prefix="bilaga", owner_form=ITEM_FORM_ID,
        initial={"public": item.meeting.body.attachments_public_by_default})
    attaching = request.POST.get("intent") == "attach"
    if request.method == "POST":
        if form.is_valid() and _save_item(request, item, form, only_if_changed=attaching):
            if attaching:
                _attach(request, item, attachment_form)
            if attaching or request.htmx:  # an inline save stays on the item, in place
                return redirect("meetings:item", item.pk)
            return redirect(agenda_url(item.meeting))
        if attaching:
            messages.error(request, "Bilagan är inte bifogad: rätta felen i punkten och välj filen igen.")
    listed = list(item.attachments.all())
    duplicates = selectors.same_files(listed)
    for attachment in listed:
        attachment.same_file = duplicates.get(attachment.pk)
    return render(request, "meetings/item_form.html", {
        "item": item, "form": form, "attachments": listed, "attachment_form": attachment_form,
        "form_id": ITEM_FORM_ID, "published": item.meeting.published_at is not None,
        "dispatches": extracts.item_dispatches(item),
    })


def _item_initial(item):
    return {
        "version": item.lock_version, "title": item.title, "type": item.type, "agenda_text": item.agenda_text,
        "presenters": "\n".join(f"{p.person.name}, {p.title}".rstrip(", ") for p in item.presentations.all()),
        "proposals": "\n".join(c.text for c in item.proposals),
    }


def _save_item(request, item, form, *, only_if_changed=False) -> bool:
    """Save the typed text; False only when the action refused it."""
    if only_if_changed and not form.has_changed():
        return True
    data = form.cleaned_data
    return run_action(request, lambda: services.update_item(
        item, data["version"], title=data["title"], type=data["type"], agenda_text=data["agenda_text"],
        proposals=data["proposals"], presenters=data["presenters"], acting_user=request.user),
        f"Punkt {item.number} är sparad.")


def _attach(request, item, form) -> None:
    if not form.is_valid():
        messages.error(request, "Välj en fil att bifoga.")
        return
    try:
        attachment = attachments.attach_file(item, form.cleaned_data["file"], form.cleaned_data["public"],
                                             acting_user=request.user)
    except attachments.AttachmentRejected as error:
        messages.error(request, str(error))
        return
    messages.success(request, f"{attachment.label}: {attachment.original_name} är bifogad.")
    same = selectors.same_files([attachment]).get(attachment.pk)
    if same:
        messages.warning(request, f"{attachment.original_name} är samma fil som {same.label} "
                                  f"(punkt {same.item.full_number}).")


@secretariat_required
@require_POST
def item_move(request, pk):
    item = editable_item(request, pk)
    step = -1 if request.POST.get("direction") == "up" else 1
    run_action(request, lambda: services.move_item(item, step, posted_version(request, item.meeting),
                                                   acting_user=request.user), "Ordningen är ändrad.")
    return redirect(f"{agenda_url(item.meeting)}#punkt-{item.pk}")


@secretariat_required
@require_POST
def item_remove(request, pk):
    item = editable_item(request, pk)
    services.remove_item(item, acting_user=request.user)
    messages.success(request, f"”{item.title}” är borttagen från dagordningen.")
    return redirect(agenda_url(item.meeting))


@secretariat_required
@require_POST
def reorder(request, pk):
    meeting = editable_meeting(request, pk)
    try:
        order = [int(value) for value in request.POST.get("order", "").split(",") if value]
    except ValueError:
        return HttpResponse("Ordningen ska vara punkternas nummer, åtskilda med komma.", status=400,
                            content_type="text/plain; charset=utf-8")
    try:
        services.reorder_items(meeting, order, posted_version(request, meeting), acting_user=request.user)
    except EditConflict as error:
        return HttpResponse(error.message, status=409, content_type="text/plain; charset=utf-8")
    except UserError as error:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    return HttpResponse(status=204)


@secretariat_required
@require_POST
def attachment_add(request, pk):
    item = editable_item(request, pk)
    _attach(request, item, AttachmentForm(request.POST, request.FILES))
    return redirect("meetings:item", item.pk)


@secretariat_required
@require_POST
def attachment_set_public(request, pk):
    attachment = served_or_404(request, Attachment.objects.select_related("item__meeting__body"), pk,
                               "Bilagan finns inte.")
    item = editable_item(request, attachment.item_id)  # on a published meeting: a correction draft
    public = request.POST.get("public") == "1"
    state = "offentlig" if public else "inte offentlig"
    later = (" Ändringen syns för allmänheten när rättelsen publiceras."
             if item.meeting.status == item.meeting.Status.PUBLISHED else "")
    run_action(request, lambda: attachments.set_public(attachment, public, acting_user=request.user),
               f"{attachment.label} är {state}.{later}")
    return redirect("meetings:item", attachment.item_id)


@secretariat_required
@require_POST
def attachment_remove(request, pk):
    attachment = served_or_404(request, Attachment.objects.select_related("item__meeting__body"), pk,
                               "Bilagan finns inte.")
    attachments.remove_attachment(attachment, acting_user=request.user)
    messages.success(request, "Bilagan är borttagen.")
    return redirect("meetings:item", attachment.item_id)
