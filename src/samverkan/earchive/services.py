"""Actions of the e-archive export: ask for a package (built in the background), and build it."""

from __future__ import annotations

import logging
import tempfile
from datetime import date, timedelta
from pathlib import Path

from django.core.files import File
from django.utils import timezone

from samverkan.core.actions import action
from samverkan.core.archiving import ArchiveSelection
from samverkan.core.errors import UserError
from samverkan.directory.access import is_secretary
from samverkan.directory.models import Body
from samverkan.language.dates import swedish_date

from .models import ArchiveExport
from .package import PackageSummary, build_package

logger = logging.getLogger(__name__)

MAX_YEARS = 10
STALLED_AFTER = timedelta(hours=2)
STALLED = "Arbetet avbröts innan paketet var klart (servern startades om?). Beställ paketet igen."


def check_period(start: date | None, end: date | None) -> tuple[date, date]:
    if start is None or end is None:
        raise UserError("Ange både första och sista dagen i perioden.", code="period_missing")
    if end < start:
        raise UserError(f"Periodens sista dag ({swedish_date(end)}) är före dess första ({swedish_date(start)}).",
                        code="period_reversed")
    if (end - start).days > MAX_YEARS * 366:
        raise UserError(f"Perioden får vara högst {MAX_YEARS} år.", code="period_too_long")
    return start, end


@action
def request_export(body: Body, start: date | None, end: date | None, *, include_non_public: bool = False,
                   acting_user) -> ArchiveExport:
    """Queue an e-archive package of the body's meetings from `start` to `end`; a worker builds it."""
    if not is_secretary(acting_user, body):
        raise UserError(f"Du sköter inte mötena för {body.display_name}.", code="not_secretary")
    start, end = check_period(start, end)
    export = ArchiveExport.objects.create(body=body, start=start, end=end, include_non_public=include_non_public,
                                          requested_by=acting_user)
    from .tasks import build_archive_export

    build_archive_export.enqueue(export.pk)
    return export


def selection_of(export: ArchiveExport) -> ArchiveSelection:
    return ArchiveSelection(body_id=export.body_id, start=export.start, end=export.end,
                            include_non_public=export.include_non_public)


def run_export(pk: int) -> str:
    """Build a queued package (the background task); the row says how it went."""
    taken = ArchiveExport.objects.filter(pk=pk, state=ArchiveExport.State.QUEUED).update(
        state=ArchiveExport.State.RUNNING, started=timezone.now(), modified=timezone.now())
    if not taken:
        return "not queued"
    export = ArchiveExport.objects.select_related("body", "requested_by").get(pk=pk)
    exporter = export.requested_by.get_username() if export.requested_by else ""
    try:
        with tempfile.TemporaryDirectory() as work:
            target = Path(work) / export.file_name
            summary = build_package(selection_of(export), target, exported_by=exporter)
            with target.open("rb") as handle:
                export.file.save(export.file_name, File(handle), save=False)
    except Exception as error:  # a bug or a broken file: the secretariat sees that it failed, the log has why
        logger.exception("E-arkivpaket %s kunde inte skapas.", pk)
        export.state, export.error, export.finished = ArchiveExport.State.FAILED, _failure(error), timezone.now()
        export.save(update_fields=["state", "error", "finished", "modified"])
        return "failed"
    _finish(export, summary)
    return "done"


def _failure(error: Exception) -> str:
    return error.message if isinstance(error, UserError) else "Paketet kunde inte skapas. Felet är loggat."


def _finish(export: ArchiveExport, summary: PackageSummary) -> None:
    export.state, export.finished = ArchiveExport.State.DONE, timezone.now()
    export.size, export.sha256, export.objid = summary.size, summary.sha256, summary.objid
    export.meetings, export.documents = summary.meetings, summary.documents
    export.save(update_fields=["state", "finished", "size", "sha256", "objid", "meetings", "documents", "file",
                               "modified"])


def fail_stalled(exports, now=None) -> int:
    """Packages whose worker died while building them (stopped, killed) are marked failed, to be asked for again."""
    now = now or timezone.now()
    return exports.filter(state=ArchiveExport.State.RUNNING, started__lt=now - STALLED_AFTER).update(
        state=ArchiveExport.State.FAILED, error=STALLED, finished=now, modified=now)


def requested_message(export: ArchiveExport) -> str:
    export.refresh_from_db()  # built already when tasks run in the request (no worker)
    period = f"{swedish_date(export.start)}–{swedish_date(export.end)}"
    if export.state == ArchiveExport.State.DONE:
        return f"E-arkivpaketet för {period} är klart att ladda ner."
    if export.state == ArchiveExport.State.FAILED:
        return f"E-arkivpaketet för {period} kunde inte skapas: {export.error}"
    return f"E-arkivpaketet för {period} skapas nu. Sidan visar när det är klart."
