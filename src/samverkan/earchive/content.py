"""What goes into a body's e-archive package for a period: the records as they were made public.

Rules (README, "E-archive export"):

- Meetings of the body dated in the period that have public material: minutes published, a notice sent,
  or documents imported from the archive (imported documents are public records).
- Minutes: every published version, each rendered as PDF and Word from the reading it published
  (`MinutesVersion.snapshot`); a version kept without a snapshot (published before snapshots were kept)
  goes in as its text. Minutes imported from the archive and never edited are one rendering of the rows.
- The notice (kallelse) as PDF and Word, when one was sent or the agenda came from the archive; the
  sendings (version, time, number of recipients) are in the metadata, the latest marked
  `agendaChangedSince="true"` when the agenda changed after it (dispatches keep no copy of what went out).
- Attachments with a file: the public ones always (public as the latest publication says); the others
  only when the secretariat chooses "include non-public attachments", and then marked `public="false"`
  in the metadata and in the package's documentation. Every attachment is listed in the metadata, with
  the reason when its file is not in the package.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import PurePosixPath

from django.utils import timezone
from django.utils.text import slugify

from samverkan.core.archiving import ArchiveDocument, ArchiveSelection
from samverkan.meetings.documents.agenda import agenda_docx, agenda_pdf
from samverkan.meetings.documents.layout import attachment_name
from samverkan.meetings.documents.minutes import minutes_docx, minutes_pdf
from samverkan.meetings.models import Attachment, Clause, Meeting, MinutesVersion
from samverkan.meetings.notices import agenda_fingerprint
from samverkan.meetings.published import published_reading
from samverkan.meetings.selectors import all_items, meeting_with_items

from .descriptive import AttachmentEntry, DocumentEntry, ItemEntry, MeetingEntry, MinutesEntry, NoticeEntry, SourceEntry

logger = logging.getLogger(__name__)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
MEETINGS_FOLDER = "moten"
FORMATS = {PDF: "PDF", DOCX: "Microsoft Word (Office Open XML)", TEXT: "Plain text (UTF-8)"}

NOT_PUBLIC = "Ej offentlig"
NO_FILE = "Ingen fil"
FILE_MISSING = "Filen saknas"


@dataclass
class MeetingContent:
    entry: MeetingEntry
    documents: list[tuple[str, ArchiveDocument]] = field(default_factory=list)  # (kind, document)


def selected_meetings(selection: ArchiveSelection):
    """The body's meetings in the period, oldest first, that have public material."""
    meetings = Meeting.objects.filter(body_id=selection.body_id, date__gte=selection.start, date__lte=selection.end)
    return [meeting for meeting in meetings.select_related("body").order_by("date", "pk")
            if meeting.published_at is not None or meeting.dispatches.exists()]


def meeting_content(meeting: Meeting, selection: ArchiveSelection) -> MeetingContent:
    live = meeting_with_items(meeting.pk)
    versions = list(meeting.minutes_versions.order_by("version"))
    latest_with_reading = next((v for v in reversed(versions) if v.snapshot is not None), None)
    reading = published_reading(latest_with_reading) if latest_with_reading else live
    folder = f"{MEETINGS_FOLDER}/{meeting.date.isoformat()}-mote-{meeting.pk}"
    dispatches = list(meeting.dispatches.order_by("version"))
    sources = list(live.source_documents.all())
    entry = MeetingEntry(
        id=meeting.pk, date=meeting.date, status=meeting.status, registry_number=meeting.registry_number,
        location=meeting.location, cancellation_reason=meeting.cancellation_reason,
        minutes_date=meeting.minutes_date,
        minutes=[MinutesEntry(v.version, v.published_at, v.note) for v in versions],
        notices=[NoticeEntry(d.version, d.sent_at, len(d.recipients or []),
                             changed_since=d is dispatches[-1] and d.fingerprint != agenda_fingerprint(meeting))
                 for d in dispatches],
        items=[_item_entry(item) for item in all_items(reading)],
        sources=[SourceEntry(s.kind, s.file_name, s.sha256) for s in sources],
    )
    content = MeetingContent(entry)
    has_minutes = meeting.status == Meeting.Status.PUBLISHED or bool(versions)
    if dispatches or any(s.kind == s.Kind.AGENDA for s in sources):
        _add_notice(content, folder, live if not has_minutes else reading, meeting, dispatches)
    if has_minutes:
        _add_minutes(content, folder, meeting, versions, live)
    _add_attachments(content, folder, reading, selection)
    return content


def _item_entry(item) -> ItemEntry:
    decisions = tuple(c.text for c in item.clauses.all() if c.kind == Clause.Kind.DECISION)
    return ItemEntry(number=item.full_number, title=item.title, outcome=item.get_outcome_display() if item.outcome
                     else "", decisions=decisions)


def _document(content: MeetingContent, kind: str, path: str, data: bytes, mimetype: str, created: datetime,
              title: str, *, public: bool = True, version: int | None = None) -> None:
    content.documents.append((kind, ArchiveDocument(
        path=path, content=data, mimetype=mimetype, created=created, title=title, public=public,
        meeting_id=content.entry.id, format_name=FORMATS.get(mimetype, mimetype))))
    content.entry.documents.append(DocumentEntry(kind=kind, path=f"data/{path}", version=version, public=public))


def _meeting_moment(meeting: Meeting) -> datetime:
    """When nothing better is known: the meeting day at its start time (or midnight), in local time."""
    return timezone.make_aware(datetime.combine(meeting.date, meeting.start_time or time(0)))


def _add_notice(content, folder, reading, meeting, dispatches) -> None:
    # The notice as the agenda reads now; the metadata says when it changed after the last sending.
    created = dispatches[-1].sent_at if dispatches else meeting.published_at or _meeting_moment(meeting)
    title = f"Kallelse {meeting.date.isoformat()}"
    _document(content, "notice", f"{folder}/kallelse.pdf", agenda_pdf(reading), PDF, created, title)
    _document(content, "notice", f"{folder}/kallelse.docx", agenda_docx(reading), DOCX, created, title)


def _add_minutes(content, folder, meeting, versions: list[MinutesVersion], live) -> None:
    title = f"Minnesanteckningar {meeting.date.isoformat()}"
    if not versions:
        created = meeting.published_at or _meeting_moment(meeting)
        _document(content, "minutes", f"{folder}/minnesanteckningar.pdf", minutes_pdf(live), PDF, created, title)
        _document(content, "minutes", f"{folder}/minnesanteckningar.docx", minutes_docx(live), DOCX, created, title)
        return
    for version in versions:
        stem = f"{folder}/minnesanteckningar-v{version.version}"
        label = f"{title}, version {version.version}"
        if version.snapshot is None:
            _document(content, "minutes-text", f"{stem}.txt", version.text.encode(), TEXT, version.published_at,
                      label, version=version.version)
            continue
        reading = published_reading(version)
        _document(content, "minutes", f"{stem}.pdf", minutes_pdf(reading), PDF, version.published_at, label,
                  version=version.version)
        _document(content, "minutes", f"{stem}.docx", minutes_docx(reading), DOCX, version.published_at, label,
                  version=version.version)


def _add_attachments(content, folder, reading, selection: ArchiveSelection) -> None:
    used: set[str] = set()
    stored = Attachment.objects.in_bulk([a.pk for item in all_items(reading) for a in item.attachments.all()])
    for item in all_items(reading):
        for attachment in item.attachments.all():
            name = attachment_name(attachment)
            entry = {"label": attachment.label, "item": item.full_number, "name": name,
                     "public": attachment.public, "sha256": attachment.sha256}
            row = stored.get(attachment.pk)
            if not attachment.file or row is None or not row.file:
                content.entry.attachments.append(AttachmentEntry(**entry, included=False, reason=NO_FILE))
                continue
            if not attachment.public and not selection.include_non_public:
                content.entry.attachments.append(AttachmentEntry(**entry, included=False, reason=NOT_PUBLIC))
                continue
            data = _read(row)
            if data is None:
                content.entry.attachments.append(AttachmentEntry(**entry, included=False, reason=FILE_MISSING))
                continue
            path = f"{folder}/bilagor/{_file_name(attachment.label, name, used)}"
            created = reading.published_at or _meeting_moment(reading)
            _document(content, "attachment", path, data, attachment.content_type or "application/octet-stream",
                      created, f"{attachment.label}: {name}", public=attachment.public)
            content.entry.attachments.append(AttachmentEntry(
                **entry, included=True, reason="" if attachment.public else NOT_PUBLIC))


def _read(attachment: Attachment) -> bytes | None:
    try:
        with attachment.file.open("rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        logger.warning("Bilaga %s saknar sin fil %s.", attachment.pk, attachment.file.name)
        return None


def _file_name(label: str, name: str, used: set[str]) -> str:
    """'bilaga-2-kalendarium.pdf': ASCII, unique within the meeting's folder."""
    suffix = PurePosixPath(name).suffix.lower()
    stem = slugify(f"{label} {PurePosixPath(name).stem}") or "bilaga"
    candidate, number = f"{stem}{suffix}", 2
    while candidate in used:
        candidate, number = f"{stem}-{number}{suffix}", number + 1
    used.add(candidate)
    return candidate
