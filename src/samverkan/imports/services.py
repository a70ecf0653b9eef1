"""Upload, read and confirm: the writes of the browser import (each a function run as an action)."""

from __future__ import annotations

import copy
import hashlib
import logging
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from samverkan.archive.extract import ExtractError, page_images, read_by_ocr
from samverkan.archive.reader import read_text
from samverkan.archive.services import (
    INTERNAL_ERROR,
    ImportFailed,
    Reading,
    read_document,
    read_extracted_text,
    write_reading,
)
from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.core.text import normalize_name
from samverkan.directory.access import is_secretary
from samverkan.directory.models import Body, Person

from . import corrections as paths
from .confidence import confidence, coverage
from .models import ImportBatch, ImportCorrection, ImportFile
from .zips import ZipRefused, too_large, zip_entries

logger = logging.getLogger(__name__)
State = ImportFile.State
ASK_FOR_BODY = "(ange --body)"


@action
def upload_files(uploads, *, body: Body | None = None, review: bool = True, acting_user) -> ImportBatch:
    """A batch of the uploaded files (a ZIP gives a row per document in it); each is queued to be read.

    A file that cannot be taken is a failed row with its reason; the others go on.
    """
    if not uploads:
        raise UserError("Välj minst en fil att ladda upp.", code="no_files")
    if body is not None and not is_secretary(acting_user, body):
        raise UserError(f"Du sköter inte mötena för {body.display_name}.", code="not_secretary")
    batch = ImportBatch.objects.create(body=body, uploaded_by=acting_user, review=review)
    position = 0
    for upload in uploads:
        for row in _rows(upload):
            row.batch, row.position = batch, position
            row.save()
            position += 1
    # Enqueued in the upload's transaction: the database backend's task rows commit with the files.
    from .tasks import read_import_file

    for row in batch.files.filter(state=State.QUEUED):
        read_import_file.enqueue(row.pk)
    return batch


def _rows(upload) -> list[ImportFile]:
    name = PurePosixPath((upload.name or "fil").replace("\\", "/")).name
    max_bytes = settings.SAMVERKAN_MAX_IMPORT_BYTES
    if name.lower().endswith(".zip"):
        try:
            entries = zip_entries(upload, upload.size)
        except ZipRefused as refused:
            return [ImportFile(name=name, size=upload.size, state=State.FAILED, error=refused.reason)]
        return [_row(entry.name, entry.data, entry.error, path=f"{name}/{entry.path}") for entry in entries]
    if upload.size > max_bytes:
        return [ImportFile(name=name, size=upload.size, state=State.FAILED, error=too_large(upload.size, max_bytes))]
    return [_row(name, upload.read(max_bytes + 1), "")]


def _row(name: str, data: bytes | None, error: str, path: str = "") -> ImportFile:
    if error or data is None:
        return ImportFile(name=name, path=path, state=State.FAILED, error=error)
    row = ImportFile(name=name, path=path, size=len(data), sha256=hashlib.sha256(data).hexdigest())
    row.file.save(name, ContentFile(data), save=False)
    return row


def read_queued_file(file_id: int) -> str:
    """The task's work: read one queued file and keep the reading; import it at once unless it is to be reviewed.

    Returns the row's new state. A file another worker has taken, or already read, is left alone.
    """
    with transaction.atomic():
        row = ImportFile.objects.select_for_update().filter(pk=file_id, state=State.QUEUED).first()
        if row is None:
            return ""
        row.state, row.read_started, row.read_finished = State.READING, timezone.now(), None
        row.save(update_fields=["state", "read_started", "read_finished", "modified"])
    row = ImportFile.objects.select_related("batch__body", "batch__uploaded_by").get(pk=file_id)
    try:
        with row.file.open("rb") as handle:
            data = handle.read()
        reading = read_document(data, Path(row.name), _default_body(row))
    except ImportFailed as failure:
        return _fail(row, failure.reason)
    except OSError:
        logger.exception("Den uppladdade filen %s kunde inte läsas", row.file.name)
        return _fail(row, "den uppladdade filen finns inte kvar; ladda upp den igen")
    try:
        _keep_reading(row, reading)
        _keep_page_images(row, data)
        if reading.existing or not row.batch.review:
            return _write(row, reading, row.batch.uploaded_by)
        row.state, row.read_finished = State.NEEDS_REVIEW, timezone.now()
        row.save()
    except Exception:  # a bug: the row says so instead of staying "Läses"
        logger.exception("Internt fel vid import av %s", row)
        return _fail(row, INTERNAL_ERROR)
    return row.state


def page_image_name(row: ImportFile, page: int) -> str:
    return f"imports/sidor/{row.pk}/sida-{page}.png"


def _keep_page_images(row: ImportFile, data: bytes) -> None:
    """A scanned PDF's pages as images, for the review beside the text OCR made of them; the text still counts
    when they cannot be made (the page says there are none)."""
    for page in range(1, row.page_images + 1):
        default_storage.delete(page_image_name(row, page))
    row.page_images = 0
    if not (data.startswith(b"%PDF") and read_by_ocr((row.reading or {}).get("extract_warnings", []))):
        return
    try:
        images = page_images(data, Path(row.name), settings.SAMVERKAN_MAX_PDF_PAGES)
    except ExtractError as error:
        logger.warning("Inga sidbilder av %s: %s", row.name, error)
        return
    for page, image in enumerate(images, start=1):
        default_storage.save(page_image_name(row, page), ContentFile(image))
    row.page_images = len(images)


def _default_body(row: ImportFile) -> str | None:
    return row.batch.body.name if row.batch.body else None


def _keep_reading(row: ImportFile, reading: Reading) -> None:
    if reading.document is not None:
        row.reading = reading.document.to_dict()
        row.text = reading.text
        row.body_name = reading.body_name or ""
        # What extraction warned about, kept apart: a new reading of the text starts from these.
        row.reading["extract_warnings"] = list(reading.extract_warnings)
        # For the review: where each item starts in the text, and how much of the text the reading covers
        # (with the items' running text, which the schema leaves out).
        row.reading["item_lines"] = dict(_item_lines(reading.document.items, "items"))
        with_texts = dict(row.reading, texts=[item.text for item in _all_items(reading.document.items)])
        row.reading["coverage"] = round(coverage(with_texts, reading.text), 3)
        row.confidence = score_of(row)


def _all_items(items):
    for item in items:
        yield item
        yield from _all_items(item.subitems)


def _item_lines(items, prefix: str):
    for item in items:
        path = f"{prefix}/{item.number}"
        if item.line:
            yield path, item.line
        yield from _item_lines(item.subitems, f"{path}/subitems")


META_KEYS = ("extract_warnings", "item_lines", "coverage")


def corrections_of(row: ImportFile) -> list[paths.Correction]:
    return [paths.Correction(c.path, c.read_value, c.value) for c in row.corrections.all()]


def corrected_reading(row: ImportFile) -> dict:
    """The reading as the person corrected it (the stored reading is the reader's own)."""
    corrected, _ = paths.apply(row.reading or {}, corrections_of(row))
    return corrected


def score_of(row: ImportFile):
    """The confidence of the row's corrected reading (see confidence.py)."""
    if not row.reading:
        return None
    reading = corrected_reading(row) if row.pk else row.reading
    return confidence(reading, default_body=_default_body(row)).percent


def _fail(row: ImportFile, reason: str) -> str:
    if reason.endswith(ASK_FOR_BODY):
        reason = reason.removesuffix(ASK_FOR_BODY) + "(välj organet när du laddar upp)"
    row.state, row.error, row.read_finished = State.FAILED, reason, timezone.now()
    row.save()
    return row.state


def _write(row: ImportFile, reading: Reading, user) -> str:
    """Through the command line's loader: one transaction; a file of the same SHA-256 changes nothing."""
    if reading.existing is None:
        known = Body.objects.filter(name__iexact=reading.body_name).first()
        if known is not None and user is not None and not is_secretary(user, known):
            return _fail(row, f"dokumentet hör till {known.display_name}, vars möten du inte sköter")
    try:
        result = write_reading(reading)
    except ImportFailed as failure:
        return _fail(row, failure.reason)
    body = result.source.meeting.body
    # A body first seen in this upload is kept by the secretary who brought its archive.
    if user is not None and not user.is_superuser and not body.secretaries.exists():
        body.secretaries.add(user)
    row.state, row.error, row.result = State.IMPORTED, "", result.status
    row.source, row.meeting = result.source, result.source.meeting
    row.read_finished = row.read_finished or timezone.now()
    row.save()
    # The same file (same SHA-256) waiting in another upload is in the archive now: nothing to confirm there.
    ImportFile.objects.filter(sha256=row.sha256, state=State.NEEDS_REVIEW).exclude(pk=row.pk).update(
        state=State.IMPORTED, result="unchanged", source=row.source, meeting=row.meeting, modified=timezone.now())
    return row.state


@action
def confirm_file(row: ImportFile, *, acting_user) -> ImportFile:
    """Import a reviewed file; confirming it again, or a file already imported, changes nothing."""
    row = ImportFile.objects.select_for_update(of=("self",)).select_related("batch__body").get(pk=row.pk)
    if row.state != State.NEEDS_REVIEW:
        return row
    warnings = (row.reading or {}).get("extract_warnings", [])
    try:
        reading = read_extracted_text(row.text, warnings, Path(row.name), row.sha256, row.size, _default_body(row))
    except ImportFailed as failure:
        _fail(row, failure.reason)
        return row
    if reading.document is not None:
        reading.document, _ = paths.apply(reading.document, corrections_of(row))
        reading.body_name = reading.document.body or _default_body(row)
    _write(row, reading, acting_user)
    return row


def corrected_document_of(source, gazetteer):
    """The reading of an imported document with the corrections made before it was confirmed, or None."""
    row = (ImportFile.objects.filter(source=source, state=State.IMPORTED).exclude(corrections=None)
           .order_by("-modified").first())
    if row is None:
        return None
    document = read_text(source.text, source=source.file_name, gazetteer=gazetteer)
    corrected, _ = paths.apply(document, corrections_of(row))
    return corrected


NOT_UNDER_REVIEW = "Filen granskas inte längre; rätta mötet på dess egen sida."


@action
def correct_reading(row: ImportFile, changes: dict[str, str], *, link: tuple[str, int] | None = None,
                    acting_user) -> list[ImportCorrection]:
    """Keep what the person says instead of the reader, field by field; the unchanged fields are left alone.

    `changes` maps paths (see corrections.py) to what was typed; `link` names a person of the directory
    for an attendee's or presenter's name. A field set back to what the reader said has no correction.
    Returns the corrections made now.
    """
    row = ImportFile.objects.select_for_update(of=("self",)).select_related("batch__body").get(pk=row.pk)
    if row.state != State.NEEDS_REVIEW:
        raise UserError(NOT_UNDER_REVIEW, code="not_under_review")
    wanted: dict[str, tuple[object, Person | None]] = {}
    for path, raw in changes.items():
        _check(path)
        try:
            value = paths.clean_value(path, raw)
        except ValueError as error:
            raise UserError(f"{paths.describe(path).capitalize()}: {error}", code="bad_value") from None
        wanted[path] = (value, _person_named(value) if path.endswith("/name") else None)
    if link is not None:
        path, person_id = link
        _check(path)
        if not path.endswith("/name"):
            raise UserError("Bara ett namn kan kopplas till en person.", code="bad_field")
        person = Person.objects.filter(pk=person_id).first()
        if person is None:
            raise UserError("Personen finns inte i registret.", code="no_person")
        wanted[path] = (person.name, person)
    current = {c.path: c for c in row.corrections.all()}
    shown = corrected_reading(row)
    # Merges, splits and moves come after the values typed beside them, which name places as they were shown.
    wanted = dict(sorted(wanted.items(), key=lambda pair: _is_move(pair[0])))
    reshaped = copy.deepcopy(shown)
    made = []
    for path, (value, person) in wanted.items():
        if _is_move(path) and value is not None:
            reason = paths.reshape(reshaped, path, value)
            if reason:
                raise UserError(f"{paths.describe(path).capitalize()} {paths.describe_value(path, value)}: {reason}.",
                                code="bad_move")
        earlier = current.get(path)
        read_value = earlier.read_value if earlier else paths.value_at(row.reading, path)
        if paths.value_at(shown, path, read_value) == value and (earlier is None or earlier.person == person):
            continue
        if value == read_value and (person is None or person == _person_named(read_value)):
            if earlier:
                earlier.delete()
            continue
        correction = earlier or ImportCorrection(file=row, path=path, read_value=read_value)
        correction.value, correction.person, correction.made_by = value, person, acting_user
        correction.save()
        made.append(correction)
    row.confidence = score_of(row)
    row.save(update_fields=["confidence", "modified"])
    return made


@action
def undo_correction(row: ImportFile, path: str, *, acting_user) -> str:
    """Take back one correction (the reader's reading holds there again); returns its place in Swedish."""
    row = ImportFile.objects.select_for_update(of=("self",)).get(pk=row.pk)
    if row.state != State.NEEDS_REVIEW:
        raise UserError(NOT_UNDER_REVIEW, code="not_under_review")
    deleted, _ = row.corrections.filter(path=path).delete()
    if not deleted:
        raise UserError("Den rättelsen finns inte (längre).", code="no_correction")
    row.confidence = score_of(row)
    row.save(update_fields=["confidence", "modified"])
    return paths.describe(path)


def _is_move(path: str) -> bool:
    return path.rsplit("/", 1)[-1] in paths.MOVES


def _check(path: str) -> None:
    try:
        paths.check_path(path)
    except paths.BadPath:
        raise UserError(f"Fältet ”{path}” kan inte rättas.", code="bad_field") from None


def _person_named(name) -> Person | None:
    """The person of the directory with this name (after normalisation), whom the loader will find."""
    return Person.objects.filter(name_key=normalize_name(name)).first() if name else None


def confirm_reviewed(batch: ImportBatch, *, acting_user) -> list[ImportFile]:
    """Import every reviewed file of the batch, each in its own transaction: one failure stops no other."""
    rows = list(batch.files.filter(state=State.NEEDS_REVIEW))
    return [confirm_file(row, acting_user=acting_user) for row in rows]


BAD_THRESHOLD = "Gränsen är en procentsats från 0 till 100."


def confirm_confident(batch: ImportBatch, threshold, *, acting_user) -> tuple[list[ImportFile], int]:
    """Import every file of the batch waiting for review whose confidence is at least `threshold` percent.

    Each in its own transaction, as `samverkan import` does; the others wait for a person. The threshold
    is kept with the batch. Returns the files tried and how many still wait.
    """
    try:
        threshold = int(threshold)
    except (TypeError, ValueError):
        raise UserError(BAD_THRESHOLD, code="bad_threshold") from None
    if not 0 <= threshold <= 100:
        raise UserError(BAD_THRESHOLD, code="bad_threshold")
    ImportBatch.objects.filter(pk=batch.pk).update(threshold=threshold)
    batch.threshold = threshold
    rows = list(batch.files.filter(state=State.NEEDS_REVIEW, confidence__gte=threshold))
    tried = [confirm_file(row, acting_user=acting_user) for row in rows]
    return tried, batch.files.filter(state=State.NEEDS_REVIEW).count()


@action
def reread_files(rows: list[ImportFile], *, acting_user) -> int:
    """Queue the files to be read again (after a reader upgrade); corrections stay and apply to the new reading.

    A file refused at upload (too large, not in the ZIP's rules) has nothing kept to read and is left alone.
    Returns how many were queued.
    """
    from .tasks import read_import_file

    queued = [row for row in rows if row.file and row.state in (State.FAILED, State.NEEDS_REVIEW)]
    for row in queued:
        row.state, row.error, row.read_started, row.read_finished = State.QUEUED, "", None, None
        row.save(update_fields=["state", "error", "read_started", "read_finished", "modified"])
    for row in queued:
        read_import_file.enqueue(row.pk)
    return len(queued)


def stalled_after():
    """How long a reading may take before its worker is taken to have died (the reader stops itself sooner)."""
    from datetime import timedelta

    return timedelta(seconds=3 * settings.SAMVERKAN_MAX_SECONDS_PER_DOCUMENT + 60)


def requeue_stalled(files=None, now=None) -> int:
    """Queue again the files whose worker died while reading them (killed, or the machine stopped).

    Reading writes nothing but the file's own row until the loader's single transaction, so such a file
    has nothing half-imported: it is read again from the start. Returns how many were queued.
    """
    from .tasks import read_import_file

    now = now or timezone.now()
    files = ImportFile.objects.all() if files is None else files
    stalled = list(files.filter(state=State.READING, read_started__lt=now - stalled_after())
                   .values_list("pk", flat=True))
    for pk in stalled:
        with transaction.atomic():
            taken = ImportFile.objects.filter(pk=pk, state=State.READING).update(
                state=State.QUEUED, read_started=None, modified=now)
            if taken:
                read_import_file.enqueue(pk)
    return len(stalled)
