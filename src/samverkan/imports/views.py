"""The secretariat's import pages: upload, the batch with its files (polled while they are read), confirm."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samverkan.core.views import run_action
from samverkan.directory.access import secretariat_required, served_body_ids
from samverkan.directory.models import Body

from . import overview as archive_overview
from . import selectors, services, truth

NO_FILES = "Välj minst en fil att ladda upp."


@secretariat_required
def upload(request):
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user)).order_by("name")
    if request.method == "POST":
        chosen = request.POST.get("organ", "")
        body = bodies.filter(pk=chosen).first() if chosen.isdigit() else None
        batch = []
        done = run_action(
            request,
            lambda: batch.append(services.upload_files(
                request.FILES.getlist("filer"), body=body, review=bool(request.POST.get("granska")),
                acting_user=request.user)),
            lambda _: "Filerna är uppladdade och läses nu.")
        if done:
            return redirect("imports:batch", batch[0].pk)
    return render(request, "imports/upload.html", {
        "bodies": bodies, "batches": selectors.batches_of(request.user)[:10],
        "corrected": selectors.corrected_count(request.user),
        "max_files": settings.SAMVERKAN_MAX_ZIP_FILES, "max_mb": settings.SAMVERKAN_MAX_IMPORT_BYTES // 1_000_000,
    })


@secretariat_required
def batch(request, pk):
    return render(request, "imports/batch.html", _batch_context(request, pk))


@secretariat_required
def batch_files(request, pk):
    """The list of files alone, for the page to poll while files are being read."""
    return render(request, "imports/_files.html", _batch_context(request, pk))


def _batch_context(request, pk) -> dict:
    found = selectors.batch_or_404(request.user, pk)
    files = list(found.files.select_related("meeting__body"))
    return {"batch": found, "files": files, "progress": selectors.progress_of(files, found.threshold)}


@secretariat_required
def review(request, pk):
    """The source beside its reading; a POST keeps the person's corrections."""
    row = selectors.file_or_404(request.user, pk)
    if request.method == "POST":
        changes = {key: value for key, value in request.POST.items() if key not in ("csrfmiddlewaretoken", "koppla")}
        link = _link(request.POST.get("koppla", ""))
        run_action(request, lambda: services.correct_reading(row, changes, link=link, acting_user=request.user),
                   _corrected)
        return redirect(reverse("imports:review", args=[row.pk]) + "#lasning")
    return render(request, "imports/review.html", {"review": selectors.review_of(row), "row": row,
                                                   "people": selectors.people_to_link()})


@secretariat_required
def page_image(request, pk, page):
    """One page of a scanned PDF as an image, for its review."""
    row = selectors.file_or_404(request.user, pk)
    if not 1 <= page <= row.page_images:
        raise Http404("Sidan finns inte.")
    return FileResponse(default_storage.open(services.page_image_name(row, page)), content_type="image/png")


@require_POST
@secretariat_required
def undo_correction(request, pk):
    row = selectors.file_or_404(request.user, pk)
    run_action(request, lambda: services.undo_correction(row, request.POST.get("falt", ""), acting_user=request.user),
               lambda place: f"Rättelsen av {place} är ångrad; läsaren gäller där igen.")
    return redirect(reverse("imports:review", args=[row.pk]) + "#lasning")


def _link(value: str):
    """'attendees/3/name|42' from a button that links a name to person 42."""
    path, _, person = value.partition("|")
    return (path, int(person)) if path and person.isdigit() else None


def _corrected(made) -> str:
    if not made:
        return "Inget ändrades."
    return "Rättelsen är sparad." if len(made) == 1 else f"{len(made)} rättelser är sparade."


@require_POST
@secretariat_required
def confirm(request, pk):
    row = selectors.file_or_404(request.user, pk)
    run_action(request, lambda: services.confirm_file(row, acting_user=request.user), _confirmed)
    return redirect("imports:batch", row.batch_id)


def _confirmed_all(batch, rows, waiting) -> str:
    imported = sum(row.state == row.State.IMPORTED for row in rows)
    text = f"{imported} av {len(rows)} filer med minst {batch.threshold} % säkerhet är importerade."
    if len(rows) > imported:
        text += f" {len(rows) - imported} kunde inte importeras; se skälen i listan."
    if waiting:
        text += f" {waiting} väntar på granskning."
    return text


def _confirmed(row) -> str:
    if row.state == row.State.IMPORTED:
        return f"{row.shown_name} är importerad."
    return f"{row.shown_name} kunde inte importeras: {row.error}" if row.error else f"{row.shown_name}: oförändrad."


@require_POST
@secretariat_required
def confirm_all(request, pk):
    """Import the files whose reading is at least as sure as the threshold the secretary sets; the rest wait."""
    found = selectors.batch_or_404(request.user, pk)
    run_action(request, lambda: services.confirm_confident(found, request.POST.get("grans"),
                                                           acting_user=request.user),
               lambda result: _confirmed_all(found, *result))
    return redirect("imports:batch", found.pk)


@secretariat_required
def truth_export(request):
    """The corrected readings as truth files (text and JSON of each), for the reader's corpus."""
    response = HttpResponse(truth.truth_zip(selectors.truth_files(request.user)), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="rattade-lasningar.zip"'
    return response


@secretariat_required
def overview(request):
    return render(request, "imports/overview.html", {"overview": archive_overview.archive_overview(request.user)})


@require_POST
@secretariat_required
def reread_failed(request):
    failed = archive_overview.archive_overview(request.user).rereadable
    run_action(request, lambda: services.reread_files(failed, acting_user=request.user),
               lambda count: f"{count} filer läses om." if count != 1 else "1 fil läses om.")
    return redirect("imports:overview")
