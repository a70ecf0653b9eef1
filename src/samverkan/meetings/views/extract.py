"""Extracts of one item's decision (utdrag) and their dispatch (expediering): download, choose recipients,
preview, send."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from samverkan.core.errors import UserError
from samverkan.core.views import run_action
from samverkan.directory.access import secretariat_required, served_or_404
from samverkan.directory.models import Body, Organization, Person

from .. import extracts
from ..documents.extract import certifier_name, extract_docx, extract_pdf, item_extract
from ..models import AgendaItem, ExtractRecipient

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _item(request, pk) -> AgendaItem:
    return served_or_404(request, AgendaItem.objects.select_related("meeting__body", "parent"), pk,
                         "Punkten finns inte.")


def item_url(item: AgendaItem) -> str:
    return reverse("meetings:item", args=[item.pk]) + "#utdrag"


@secretariat_required
def extract_document(request, pk, kind: str):
    """The item's extract as PDF (opens in the browser) or Word (saved)."""
    item = _item(request, pk)
    try:
        extract = item_extract(item, certified_by=certifier_name(request.user))
    except UserError as error:
        messages.error(request, error.message)
        return redirect(item_url(item))
    if kind == "pdf":
        response = HttpResponse(extract_pdf(extract), content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(False, f"{extract.file_stem}.pdf")
    else:
        response = HttpResponse(extract_docx(extract), content_type=DOCX)
        response["Content-Disposition"] = content_disposition_header(True, f"{extract.file_stem}.docx")
    return response


def _ids(values) -> list[int]:
    return sorted({int(value) for value in values if str(value).isdigit()})


def choice_from(data) -> extracts.RecipientChoice:
    """The recipients chosen on the dispatch page (query or form): organisation, person, organ, epost."""
    addresses = [part for part in data.get("epost", "").replace(";", ",").replace(" ", ",").split(",") if part]
    return extracts.RecipientChoice(organizations=_ids(data.getlist("organisation")),
                                    people=_ids(data.getlist("person")), bodies=_ids(data.getlist("organ")),
                                    addresses=addresses)


@secretariat_required
def dispatch(request, pk):
    """Choose who the extract goes to: registries, a person, other bodies, a typed address."""
    item = _item(request, pk)
    organizations = list(Organization.objects.order_by("kind", "name"))
    return render(request, "meetings/extract_dispatch.html", {
        "item": item, "meeting": item.meeting,
        "with_registry": [o for o in organizations if o.registry_email],
        "without_registry": [o for o in organizations if not o.registry_email],
        "people": Person.objects.exclude(email="").select_related("organization").order_by("name"),
        "bodies": Body.objects.exclude(pk=item.meeting.body_id).order_by("name"),
        "dispatches": extracts.item_dispatches(item), "choice": choice_from(request.GET),
    })


@secretariat_required
def dispatch_preview(request, pk):
    """The e-mail and its recipients exactly as 'Expediera' sends them."""
    item = _item(request, pk)
    choice = choice_from(request.GET)
    try:
        preview = extracts.dispatch_preview(item, choice, acting_user=request.user)
    except UserError as error:
        messages.error(request, error.message)
        return redirect(reverse("meetings:extract_dispatch", args=[item.pk]) + "?" + request.GET.urlencode())
    return render(request, "meetings/extract_preview.html", {
        "item": item, "meeting": item.meeting, "preview": preview, "choice": choice,
        "query": request.GET.urlencode(),
    })


def _sent(dispatch) -> str:
    recipients = list(dispatch.recipients.all())
    failed = [r.email for r in recipients if r.status == ExtractRecipient.Status.FAILED]
    if not failed:
        return f"Utdraget är expedierat till {len(recipients)} mottagare."
    return (f"Utdraget är expedierat till {len(recipients) - len(failed)} av {len(recipients)} mottagare. "
            f"Det gick inte att skicka till {', '.join(failed)}.")


@secretariat_required
@require_POST
def dispatch_send(request, pk):
    item = _item(request, pk)
    choice = choice_from(request.POST)
    sent = run_action(request, lambda: extracts.send_extract(item, choice, token=request.POST.get("token", ""),
                                                             acting_user=request.user), _sent)
    if not sent:
        return redirect(reverse("meetings:extract_dispatch", args=[item.pk]))
    return redirect(item_url(item))
