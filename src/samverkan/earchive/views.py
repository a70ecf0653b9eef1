"""The secretariat's e-archive pages, under /sekretariat/e-arkiv/: a page per body to export a period."""

from datetime import date

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from samverkan.core.errors import UserError
from samverkan.directory.access import secretariat_required, served_body

from . import selectors, services
from .forms import ExportForm


@secretariat_required
def index(request):
    return render(request, "earchive/index.html", {"bodies": selectors.exportable_bodies(request.user)})


def _year_period(request) -> dict:
    """?ar=2021 fills in the whole year; otherwise last year."""
    chosen = request.GET.get("ar", "")
    year = int(chosen) if chosen.isdigit() and 1900 < int(chosen) < 2200 else date.today().year - 1
    return {"start": date(year, 1, 1), "end": date(year, 12, 31)}


def _context(request, body, form=None) -> dict:
    exports = selectors.exports_of(body)
    services.fail_stalled(exports)
    exports = list(exports[:20])
    return {"body": body, "form": form or ExportForm(initial=_year_period(request)), "exports": exports,
            "years": selectors.meeting_years(body), "pending": any(e.is_pending for e in exports)}


@secretariat_required
def body_export(request, slug):
    body = served_body(request, slug)
    if request.method == "POST":
        form = ExportForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                export = services.request_export(body, data["start"], data["end"],
                                                 include_non_public=data["include_non_public"],
                                                 acting_user=request.user)
            except UserError as error:
                messages.error(request, error.message)
            else:
                text = services.requested_message(export)  # built already when there is no worker
                (messages.error if export.state == export.State.FAILED else messages.success)(request, text)
                return redirect("earchive:body", body.slug)
        return render(request, "earchive/body.html", _context(request, body, form))
    return render(request, "earchive/body.html", _context(request, body))


@secretariat_required
def body_exports(request, slug):
    """The list of packages alone, for the page to poll while one is being built."""
    body = served_body(request, slug)
    return render(request, "earchive/_exports.html", _context(request, body))


@secretariat_required
def download(request, slug, pk):
    body = served_body(request, slug)
    export = selectors.export_or_404(request.user, body, pk)
    if not export.file:
        raise Http404("Paketet är inte klart.")
    try:
        handle = export.file.open("rb")
    except OSError:
        raise Http404("Paketets fil saknas.") from None
    return FileResponse(handle, as_attachment=True, filename=export.file_name, content_type="application/zip")
