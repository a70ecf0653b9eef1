"""The loader: a structured document into the database, one transaction per file."""

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from auditlog.context import disable_auditlog
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from samverkan.archive.extract import extract_data, read_file_bytes
from samverkan.archive.gazetteer import directory_gazetteer
from samverkan.archive.models import SourceDocument
from samverkan.archive.reader import Deadline, Gazetteer, Limits, read_text
from samverkan.archive.reader.document import Item, MeetingDocument
from samverkan.core.errors import UserError
from samverkan.core.pagecache import content_changed
from samverkan.core.text import normalize_name
from samverkan.directory.models import Body, Person
from samverkan.directory.services import (
    get_or_create_body,
    get_or_create_organization,
    get_or_create_person,
)
from samverkan.language.dates import referenced_dates
from samverkan.language.outcomes import mode_from_location, outcome_from_decisions
from samverkan.meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Clause,
    Meeting,
    Presentation,
)
from samverkan.search.models import SearchEntry, SearchWord
from samverkan.search.services import index_meeting

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".doc", ".odt", ".rtf", ".html", ".htm")
SUPPORTED_SUFFIXES_TEXT = ", ".join(SUPPORTED_SUFFIXES[:-1]) + " och " + SUPPORTED_SUFFIXES[-1]
PREVIOUS_MINUTES = re.compile(r"föregående\s+(minnesanteckningar|protokoll)", re.IGNORECASE)
INTERNAL_ERROR = "internt fel vid läsning (ett fel i programmet, inte i filen; det finns i loggen)"
logger = logging.getLogger(__name__)


class ImportFailed(UserError):
    """A file could not be imported; nothing of it was written."""

    def __init__(self, path, reason):
        self.path, self.reason = Path(path), reason
        super().__init__(f"{self.path}: {reason}")


@dataclass
class ImportResult:
    path: Path
    status: str  # "imported", "replaced" or "unchanged"
    source: SourceDocument
    warnings: list[str] = field(default_factory=list)


def find_documents(paths) -> list[Path]:
    """The importable files named, folders searched recursively, in name order."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*"))
                         if p.suffix.lower() in SUPPORTED_SUFFIXES and not p.is_dir())
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise ImportFailed(path, "filen eller mappen finns inte")
    return found


def import_limits() -> Limits:
    """The limits on one document, from the settings."""
    return Limits(
        max_pdf_pages=settings.SAMVERKAN_MAX_PDF_PAGES,
        max_unpacked_bytes=settings.SAMVERKAN_MAX_UNPACKED_BYTES,
        max_lines=settings.SAMVERKAN_MAX_LINES,
        max_items=settings.SAMVERKAN_MAX_ITEMS,
        max_seconds=settings.SAMVERKAN_MAX_SECONDS_PER_DOCUMENT,
    )


@dataclass
class Reading:
    """What the reader made of one file, before anything is written; `existing` when the archive has it already."""

    path: Path
    sha256: str
    size: int
    text: str = ""
    document: MeetingDocument | None = None
    body_name: str | None = None
    existing: SourceDocument | None = None
    gazetteer: Gazetteer | None = None
    extract_warnings: list[str] = field(default_factory=list)


def import_file(path: Path, default_body: str | None = None) -> ImportResult:
    """Import one file; unchanged when a file with the same content is already in the archive.

    Whatever goes wrong with the file raises ImportFailed naming it, so a folder import goes on.
    """
    path = Path(path)
    return _named_failures(path, lambda: write_reading(read_document(
        read_file_bytes(path, settings.SAMVERKAN_MAX_IMPORT_BYTES), path, default_body)))


def read_document(data: bytes, path: Path, default_body: str | None = None) -> Reading:
    """Read one file's content (named `path`) without writing anything; ImportFailed says what is wrong."""
    path = Path(path)
    return _named_failures(path, lambda: _read_document(data, path, default_body))


# PostgreSQL plans its queries from table statistics that autovacuum may not keep (it can be off):
# after this many imported documents in a process the import's tables are analysed again, so a
# document costs the same in a big archive as in an empty one. `analyze_imported()` does it at once.
ANALYZE_EVERY = 500
_since_analyze = {"documents": 0}  # written by this process since the last ANALYZE


def _count_written() -> None:
    _since_analyze["documents"] += 1
    if _since_analyze["documents"] >= ANALYZE_EVERY:
        analyze_imported()


def analyze_imported() -> bool:
    """ANALYZE the tables an import writes (PostgreSQL; nothing on SQLite). True when it ran."""
    _since_analyze["documents"] = 0
    from django.db import connection

    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return False
    models = (Meeting, AgendaItem, Clause, Presentation, Attachment, Attendance, SourceDocument, Person,
              Body, SearchEntry, SearchWord)
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f'ANALYZE "{model._meta.db_table}"')
    return True


def write_reading(reading: Reading) -> ImportResult:
    """Write a reading into the archive: one transaction, nothing when a file of that SHA-256 is there."""
    result = _named_failures(reading.path, lambda: _write_reading(reading))
    if result.status != "unchanged":
        _count_written()
    return result


def _named_failures(path: Path, work):
    try:
        return work()
    except ImportFailed:
        raise
    except UserError as error:
        raise ImportFailed(path, getattr(error, "reason", error.message)) from error
    except Exception as error:  # a bug, not a bad file: logged in full, named briefly
        logger.exception("Internt fel vid import av %s", path)
        raise ImportFailed(path, INTERNAL_ERROR) from error


def _read_document(data: bytes, path: Path, default_body: str | None) -> Reading:
    limits = import_limits()
    deadline = Deadline(limits.max_seconds, path.name)
    if len(data) > settings.SAMVERKAN_MAX_IMPORT_BYTES:
        size, limit = (f"{n:,}".replace(",", " ") for n in (len(data), settings.SAMVERKAN_MAX_IMPORT_BYTES))
        raise ImportFailed(path, f"filen är {size} byte, större än gränsen {limit} byte")
    sha256 = hashlib.sha256(data).hexdigest()
    existing = SourceDocument.objects.filter(sha256=sha256).first()
    if existing:
        return Reading(path, sha256, len(data), existing=existing)
    extracted = extract_data(data, path, limits, deadline)
    return _reading_of_text(extracted.text, extracted.warnings, path, sha256, len(data), default_body, deadline)


def read_extracted_text(text: str, warnings: list[str], path: Path, sha256: str, size: int,
                        default_body: str | None = None) -> Reading:
    """Read the text a file gave once more (no extraction again), with the warnings extraction gave."""
    path = Path(path)
    existing = SourceDocument.objects.filter(sha256=sha256).first()
    if existing:
        return Reading(path, sha256, size, existing=existing)
    return _named_failures(path, lambda: _reading_of_text(text, warnings, path, sha256, size, default_body))


def _reading_of_text(text: str, warnings: list[str], path: Path, sha256: str, size: int,
                     default_body: str | None, deadline: Deadline | None = None) -> Reading:
    limits = import_limits()
    deadline = Deadline(limits.max_seconds, path.name) if deadline is None else deadline
    gazetteer = directory_gazetteer()
    document = read_text(text, source=path.name, gazetteer=gazetteer, limits=limits, deadline=deadline)
    document.warnings[:0] = warnings
    if not document.items:
        raise ImportFailed(path, "inga numrerade punkter hittades; är det en dagordning eller minnesanteckningar?")
    body_name = document.body or default_body
    if not body_name:
        raise ImportFailed(path, "dokumentet säger inte vilket organ som möttes (ange --body)")
    return Reading(path, sha256, size, text, document, body_name, gazetteer=gazetteer, extract_warnings=warnings)


def _write_reading(reading: Reading) -> ImportResult:
    if reading.existing:
        return ImportResult(reading.path, "unchanged", reading.existing, reading.existing.warnings)
    try:
        return load_document(reading.document, reading.body_name, reading.path, reading.sha256, reading.size,
                             reading.text, reading.gazetteer)
    except ImportFailed:
        raise
    except Exception as error:  # a database error: the transaction is rolled back
        logger.exception("Kunde inte spara %s", reading.path)
        raise ImportFailed(reading.path, f"kunde inte sparas: {error}") from error


@transaction.atomic
def load_document(document: MeetingDocument, body_name: str, path: Path, sha256: str,
                  size: int, text: str, gazetteer: Gazetteer | None = None) -> ImportResult:
    """Write one read document into its meeting; a new version replaces the old one."""
    gazetteer = directory_gazetteer() if gazetteer is None else gazetteer
    body = get_or_create_body(body_name, **known_short_names(body_name, gazetteer))
    # One import per body at a time, also across processes: a meeting is found or made once, and a
    # file another process has just imported is seen as already there.
    Body.objects.select_for_update().get(pk=body.pk)
    already = SourceDocument.objects.filter(sha256=sha256).first()
    if already:
        return ImportResult(path, "unchanged", already, already.warnings)
    meeting = _find_or_create_meeting(body, document)
    # The audit log records the imported file; what was read from it is in the file.
    with disable_auditlog():
        people_before = _people_of(meeting)
        replaced = _remove_earlier_version(meeting, document.kind)
        source = SourceDocument.objects.create(
            file_name=path.name, sha256=sha256, size=size, kind=document.kind,
            meeting=meeting, text=text, warnings=document.warnings,
        )
        _rebuild(meeting, {source.pk: document}, gazetteer)
        _forget_what_only_replaced_documents_said(people_before)
    index_meeting(meeting)
    content_changed()  # the rows above are also written in bulk, without signals: public pages are new
    return ImportResult(path, "replaced" if replaced else "imported", source, document.warnings)


# Where a document of the archive was read once and corrected by a person (the browser import's review),
# that reading, not a new one of its text: functions of (source, gazetteer) that give a MeetingDocument or None.
stored_readings: list = []


def _reading_of(source: SourceDocument, gazetteer: Gazetteer) -> MeetingDocument:
    for find in stored_readings:
        document = find(source, gazetteer)
        if document is not None:
            return document
    return read_text(source.text, source=source.file_name, gazetteer=gazetteer)


def _rebuild(meeting: Meeting, read: dict[int, MeetingDocument], gazetteer: Gazetteer) -> None:
    """Make the meeting's imported content again from its current documents, the agenda before the minutes.

    What a meeting says then does not depend on the order its documents were imported in, and a
    replaced document leaves nothing behind. Items keep their identity (matters link to them).
    """
    sources = sorted(meeting.source_documents.all(), key=lambda s: s.kind != SourceDocument.Kind.AGENDA)
    for model in (Clause, Presentation, Attachment):
        model.objects.filter(item__meeting=meeting, source__isnull=False).delete()
    meeting.attendances.filter(source__isnull=False).delete()
    meeting.items.update(agenda_text="", minutes_text="", outcome=AgendaItem.Outcome.OPEN)
    _reset_meeting_header(meeting)
    named: set[int] = set()
    for source in sources:
        document = read.get(source.pk) or _reading_of(source, gazetteer)
        _update_meeting_header(meeting, document)
        people = _People(document)
        named |= _load_items(meeting, source, document.items, people)
        _load_attendance(meeting, source, document, people)
    meeting.items.exclude(pk__in=named).filter(agenda_text="", minutes_text="", clauses=None, presentations=None,
                                               attachments=None, subitems=None).delete()
    _number_in_order(meeting)


def _reset_meeting_header(meeting: Meeting) -> None:
    meeting.start_time = meeting.end_time = meeting.minutes_date = meeting.previous_minutes_date = None
    meeting.location = meeting.registry_number = ""


def _number_in_order(meeting: Meeting) -> None:
    """Items in the order of their numbers (1, 2 … 10; a, b …), whichever document named them first."""
    items = list(meeting.items.all())
    for parent in {item.parent_id for item in items}:
        siblings = sorted((i for i in items if i.parent_id == parent), key=lambda i: _number_key(i.number))
        for position, item in enumerate(siblings):
            item.position = position
    AgendaItem.objects.bulk_update(items, ["position"])


def _number_key(number: str) -> tuple:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", number))


def _people_of(meeting: Meeting) -> set[int]:
    """The people the meeting's imported documents name (present or presenting)."""
    attended = meeting.attendances.filter(source__isnull=False).values_list("person_id", flat=True)
    presented = (Presentation.objects.filter(item__meeting=meeting, source__isnull=False)
                 .values_list("person_id", flat=True))
    return set(attended) | set(presented)


def _forget_what_only_replaced_documents_said(person_ids: set[int]) -> None:
    """An organisation learned from a replaced document alone is not the person's any more."""
    for person in Person.objects.filter(pk__in=person_ids, organization__isnull=False):
        still_said = (Attendance.objects.filter(person=person, organization=person.organization_id).exists()
                      or person.memberships.filter(organization=person.organization_id).exists())
        if not still_said:
            person.organization = None
            person.save(update_fields=["organization", "modified"])


def known_short_names(full_name: str, gazetteer: Gazetteer) -> dict:
    """The short name and abbreviation the gazetteer knows for a body ('Länschefsnätverket', 'LCHNV')."""
    aliases = [alias for alias in gazetteer.aliases_of(full_name)
               if alias.lower() != full_name.lower() and " " not in alias]
    words = [alias for alias in aliases if len(alias) > 6]
    abbreviations = [alias for alias in aliases if len(alias) <= 6]
    return {
        "short_name": words[0].capitalize() if words else "",
        "abbreviation": abbreviations[0].upper() if abbreviations else "",
    }


def _find_or_create_meeting(body, document: MeetingDocument) -> Meeting:
    if document.meeting_date:
        meeting = Meeting.objects.filter(body=body, date=document.meeting_date).first()
        if meeting:
            return meeting
    return Meeting.objects.create(body=body, date=document.meeting_date)


def _remove_earlier_version(meeting: Meeting, kind: str) -> bool:
    """Drop an earlier version of this kind of document (what it gave the meeting goes with it)."""
    earlier = meeting.source_documents.filter(kind=kind)
    return earlier.delete()[0] > 0


def _update_meeting_header(meeting: Meeting, document: MeetingDocument) -> None:
    for field_name, value in (
        ("start_time", document.start_time),
        ("end_time", document.end_time),
        ("location", document.location),
        ("registry_number", document.registry_number),
    ):
        if value and (document.kind == SourceDocument.Kind.MINUTES or not getattr(meeting, field_name)):
            setattr(meeting, field_name, value)
    meeting.mode = mode_from_location(meeting.location)
    if document.kind == SourceDocument.Kind.MINUTES:
        meeting.status = Meeting.Status.PUBLISHED
        meeting.minutes_date = document.document_date
    elif meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.NOTIFIED
    # Documents of the archive are public records already.
    meeting.published_at = meeting.published_at or timezone.now()
    meeting.previous_minutes_date = meeting.previous_minutes_date or _previous_minutes_date(document)
    meeting.save()


def _previous_minutes_date(document: MeetingDocument) -> date | None:
    """The date in 'Föregående minnesanteckningar 230922', when the agenda has one."""
    for item in document.items:
        if PREVIOUS_MINUTES.search(item.title):
            dates = referenced_dates(item.title)
            return dates[0] if dates else None
    return None


class _People:
    """People and organisations of one document, looked up once each."""

    def __init__(self, document: MeetingDocument):
        names = [a.name for a in document.attendees]
        names += [p.name for item in _all_items(document.items) for p in item.presenters]
        keys = {normalize_name(name) for name in names}
        self.people = {p.name_key: p for p in Person.objects.filter(name_key__in=keys)}
        self.organizations = {}

    def person(self, name: str, organization=None, title: str = "") -> Person:
        key = normalize_name(name)
        known = self.people.get(key)
        missing_details = known and ((organization and not known.organization_id) or (title and not known.title))
        if known is None or missing_details:
            self.people[key] = get_or_create_person(name, organization, title)
        return self.people[key]

    def organization(self, name: str | None):
        if not name:
            return None
        if name not in self.organizations:
            self.organizations[name] = get_or_create_organization(name)
        return self.organizations[name]


def _all_items(items: list[Item]):
    for item in items:
        yield item
        yield from _all_items(item.subitems)


def _load_items(meeting: Meeting, source: SourceDocument, items: list[Item], people: _People) -> set[int]:
    """Write the items and everything on them, and return their ids; parts are inserted in one batch per kind."""
    existing = {(item.parent_id, item.number): item for item in meeting.items.all()}
    known_presenters = set(Presentation.objects.filter(item__meeting=meeting)
                           .values_list("item_id", "person_id"))
    known_labels = set(Attachment.objects.filter(item__meeting=meeting).values_list("item_id", "label"))
    parts = {Clause: [], Presentation: [], Attachment: []}
    named = set()

    def load(reads: list[Item], parent: AgendaItem | None) -> None:
        # One INSERT for the level's new items and one UPDATE for those already there, then their parts
        # and sub-items (which need the items' ids).
        level = [(read, _item_for(meeting, source, read, parent, position, existing))
                 for position, read in enumerate(reads)]
        changed = [item for _, item in level if item.pk is not None]
        AgendaItem.objects.bulk_create([item for _, item in level if item.pk is None])
        if changed:
            now = timezone.now()
            for item in changed:
                item.modified = now
            AgendaItem.objects.bulk_update(changed, ITEM_FIELDS)
        for read, item in level:
            named.add(item.pk)
            parts[Clause] += _clauses(item, source, read)
            for index, presenter in enumerate(read.presenters):
                person = people.person(presenter.name)
                if (item.pk, person.pk) not in known_presenters:
                    known_presenters.add((item.pk, person.pk))
                    parts[Presentation].append(Presentation(
                        item=item, person=person, title=presenter.title or "", position=index, source=source))
            for index, label in enumerate(read.attachments):
                if (item.pk, label) not in known_labels:
                    known_labels.add((item.pk, label))
                    parts[Attachment].append(Attachment(item=item, label=label, position=index, source=source))
            load(read.subitems, item)

    load(items, None)
    for model, objects in parts.items():
        model.objects.bulk_create(objects)
    return named


# What a document sets on an item that is already there (the minutes, read after the agenda, have the last word).
ITEM_FIELDS = ["title", "type", "minutes_text", "outcome", "agenda_text", "modified"]


def _item_for(meeting, source, read: Item, parent, position: int, existing: dict) -> AgendaItem:
    """The item the read one is (found among the meeting's, or a new unsaved one) with what the document says."""
    item = existing.get((parent.pk if parent else None, read.number))
    if item is None:
        item = AgendaItem(meeting=meeting, parent=parent, number=read.number, position=position,
                          title=read.title, type=read.type)
    item.title, item.type = read.title, read.type
    if source.kind == SourceDocument.Kind.MINUTES:
        item.minutes_text = read.text
        item.outcome = outcome_from_decisions(read.decisions)
    else:
        item.agenda_text = read.text
    return item


def _clauses(item: AgendaItem, source: SourceDocument, read: Item) -> list[Clause]:
    clauses = [(Clause.Kind.PROPOSAL, text) for text in read.proposals]
    clauses += [(Clause.Kind.DECISION, text) for text in read.decisions]
    return [Clause(item=item, kind=kind, text=text, position=index, source=source)
            for index, (kind, text) in enumerate(clauses)]


def _load_attendance(meeting: Meeting, source: SourceDocument, document: MeetingDocument,
                     people: _People) -> None:
    present = set(meeting.attendances.values_list("person_id", flat=True))
    attendances = []
    for index, attendee in enumerate(document.attendees):
        organization = people.organization(attendee.organization)
        person = people.person(attendee.name, organization, attendee.title or "")
        if person.pk in present:
            continue
        present.add(person.pk)
        attendances.append(Attendance(meeting=meeting, person=person, organization=organization,
                                      title=attendee.title or "", position=index, source=source))
    Attendance.objects.bulk_create(attendances)
