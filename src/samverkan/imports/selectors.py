"""What the import pages read: the user's batches and their files, with counts."""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from samverkan.core.text import normalize_name
from samverkan.directory.models import Body, Person
from samverkan.directory.services import names_look_alike

from .confidence import Confidence, confidence
from .corrections import Correction, apply, describe, describe_value
from .models import ImportBatch, ImportFile

State = ImportFile.State
DONE = (State.NEEDS_REVIEW, State.IMPORTED, State.FAILED)


def shared_batches(user, prefix: str = "") -> Q:
    """The batches a secretary shares with the colleagues of the bodies they keep: their own, those uploaded
    for one of those bodies, and those of the other secretaries of those bodies (a file's body may be read
    from the file, so a batch without a chosen body is shared among colleagues)."""
    served = Body.objects.filter(secretaries=user).values("pk")  # subqueries: no round trip of their own
    colleagues = Body.secretaries.through.objects.filter(body__in=served).values("user_id")
    return (Q(**{f"{prefix}uploaded_by": user}) | Q(**{f"{prefix}body_id__in": served})
            | Q(**{f"{prefix}uploaded_by__in": colleagues}))


def batches_of(user):
    """The batches the user may see (every batch, for a superuser)."""
    batches = ImportBatch.objects.select_related("body", "uploaded_by").annotate(file_count=Count("files"))
    return batches if user.is_superuser else batches.filter(shared_batches(user))


def batch_or_404(user, pk) -> ImportBatch:
    batch = batches_of(user).filter(pk=pk).first()
    if batch is None:
        raise Http404("Importen finns inte.")
    return batch


def file_or_404(user, pk) -> ImportFile:
    row = files_of(user).select_related("batch__body").filter(pk=pk).first()
    if row is None:
        raise Http404("Filen finns inte.")
    return row


@dataclass
class Progress:
    total: int
    read: int
    needs_review: int
    imported: int
    failed: int
    confident: int = 0  # waiting for review, at least as sure as the batch's threshold
    left: timedelta | None = None  # the estimated time until every file is read

    @property
    def time_left(self) -> str:
        return time_left_text(self.left) if self.left is not None and self.pending else ""

    @property
    def pending(self) -> bool:
        return self.read < self.total


def progress_of(files: list[ImportFile], threshold: int = 100, now: datetime | None = None) -> Progress:
    states = [row.state for row in files]
    confident = sum(row.state == State.NEEDS_REVIEW and (row.confidence or 0) >= threshold for row in files)
    return Progress(total=len(states), read=sum(s in DONE for s in states),
                    needs_review=states.count(State.NEEDS_REVIEW), imported=states.count(State.IMPORTED),
                    failed=states.count(State.FAILED), confident=confident,
                    left=estimated_time_left(files, now or timezone.now()))


def estimated_time_left(files: list[ImportFile], now: datetime) -> timedelta | None:
    """How long the files still waiting take, at the pace the read ones went (with however many workers)."""
    waiting = sum(row.state in (State.QUEUED, State.READING) for row in files)
    read = [row for row in files if row.read_started and row.read_finished and row.state != State.QUEUED]
    if not waiting or not read:
        return None
    elapsed = (now - min(row.read_started for row in read)).total_seconds()
    if elapsed <= 0:
        return None
    return timedelta(seconds=waiting * elapsed / len(read))


def time_left_text(left: timedelta) -> str:
    """'under en minut kvar', 'omkring 3 minuter kvar', 'omkring 1 timme och 5 minuter kvar'."""
    minutes = round(left.total_seconds() / 60)
    if minutes < 1:
        return "under en minut kvar"
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} {'timme' if hours == 1 else 'timmar'}")
    if minutes:
        parts.append(f"{minutes} {'minut' if minutes == 1 else 'minuter'}")
    return "omkring " + " och ".join(parts) + " kvar"


WARNING_LINE = re.compile(r"^rad (\d+):\s*")
TYPE_CHOICES = [("procedural", "Formalia"), ("decision", "Beslut"), ("information", "Information"),
                ("report", "Rapport"), ("other_business", "Övriga frågor")]
MAX_SUGGESTIONS = 3


@dataclass
class SourceLine:
    number: int
    text: str
    warned: bool = False
    item: str = ""  # the number of the item whose heading starts here


@dataclass
class Warning:
    text: str
    line: int | None


@dataclass
class NameField:
    """A person's name in the reading: who the directory says it is, or who it may be."""

    path: str
    name: str
    what: str  # "närvarande 3", "föredragande 1 för punkt 6"
    person: Person | None
    suggestions: list
    details: str = ""


@dataclass
class ClauseField:
    path: str  # items/6/decisions/0
    label: str  # "Beslut 1"
    text: str
    item_label: str  # "6", "6 a"

    @property
    def move_path(self) -> str:
        return f"{self.path}/move"

    @property
    def what(self) -> str:
        return f"{self.label.lower()} i punkt {self.item_label}"


CLAUSE_LABELS = (("proposals", "Förslag"), ("decisions", "Beslut"))


@dataclass
class ReviewItem:
    path: str
    label: str  # "6", "6 a"
    depth: int
    item: dict
    line: int | None
    presenters: list[NameField] = field(default_factory=list)

    @property
    def clauses(self) -> list[ClauseField]:
        return [ClauseField(f"{self.path}/{kind}/{index}", f"{label} {index + 1}", text, self.label)
                for kind, label in CLAUSE_LABELS for index, text in enumerate(self.item.get(kind, []))]

    @property
    def merge_path(self) -> str:
        return f"{self.path}/merge"

    @property
    def what(self) -> str:
        return f"punkt {self.label}"


@dataclass
class Review:
    row: ImportFile
    reading: dict
    lines: list[SourceLine]
    warnings: list[Warning]
    confidence: Confidence
    items: list[ReviewItem]
    attendees: list[NameField]
    corrections: list
    left_out: list
    type_choices: list = field(default_factory=lambda: TYPE_CHOICES)

    @property
    def pages(self) -> range:
        return range(1, self.row.page_images + 1)


def review_of(row: ImportFile) -> Review:
    """Everything the review page shows: the source's lines, the corrected reading, warnings, confidence."""
    corrections = list(row.corrections.select_related("person", "made_by"))
    stored = row.reading or {}
    reading, left_out = apply(stored, [Correction(c.path, c.read_value, c.value) for c in corrections])
    item_lines = stored.get("item_lines", {})
    warnings = [_warning(text) for text in reading.get("warnings", [])]
    warned = {w.line for w in warnings if w.line}
    starts = {line: path.rsplit("/", 1)[-1] for path, line in item_lines.items()}
    lines = [SourceLine(number, text, number in warned, starts.get(number, ""))
             for number, text in enumerate(row.text.splitlines(), start=1)]
    linked = {c.path: c.person for c in corrections if c.person_id}
    people = _People()
    items = []

    def walk(children, prefix, labels, depth):
        for item in children:
            path = f"{prefix}/{item['number']}"
            entry = ReviewItem(path, " ".join([*labels, item["number"]]), depth, item, item_lines.get(path))
            for index, presenter in enumerate(item.get("presenters", [])):
                name_path = f"{path}/presenters/{index}/name"
                entry.presenters.append(NameField(
                    name_path, presenter["name"], f"föredragande {index + 1} för punkt {entry.label}",
                    *people.match(presenter["name"], linked.get(name_path)), details=presenter.get("title") or ""))
            items.append(entry)
            walk(item.get("subitems", []), f"{path}/subitems", [*labels, item["number"]], depth + 1)

    walk(reading.get("items", []), "items", [], 0)
    attendees = [NameField(f"attendees/{index}/name", attendee["name"], f"närvarande {index + 1}",
                           *people.match(attendee["name"], linked.get(f"attendees/{index}/name")),
                           details=", ".join(p for p in (attendee.get("organization"), attendee.get("title")) if p))
                 for index, attendee in enumerate(reading.get("attendees", []))]
    default_body = row.batch.body.name if row.batch.body_id else None
    return Review(row, reading, lines, warnings, confidence(reading, default_body=default_body), items,
                  attendees, [(describe(c.path), c, describe_value(c.path, c.value)) for c in corrections],
                  [describe(c.path) for c in left_out])


def _warning(text: str) -> Warning:
    match = WARNING_LINE.match(text)
    return Warning(text, int(match.group(1)) if match else None)


class _People:
    """The directory's people, looked up once: who a name is, and who it may be (near duplicates)."""

    def __init__(self):
        self.people = list(Person.objects.select_related("organization").only(
            "name", "name_key", "organization__name"))
        self.by_key = {person.name_key: person for person in self.people}

    def match(self, name: str, linked: Person | None) -> tuple[Person | None, list[Person]]:
        known = linked or self.by_key.get(normalize_name(name))
        if known is not None:
            return known, []
        probe = Person(name=name, name_key=normalize_name(name))
        scored = sorted(((names_look_alike(probe, person), person.name, person) for person in self.people),
                        key=lambda entry: (-entry[0], entry[1]))
        return None, [person for score, _, person in scored[:MAX_SUGGESTIONS] if score]


def people_to_link():
    """Every name of the directory, for the list a name field offers."""
    return Person.objects.order_by("name").values_list("name", flat=True)


def _corrected(user):
    files = ImportFile.objects.filter(corrections__isnull=False).exclude(state=State.FAILED).distinct()
    return files if user.is_superuser else files.filter(batch__uploaded_by=user)


def corrected_count(user) -> int:
    return _corrected(user).count()


def corrected_files(user) -> list[ImportFile]:
    """The user's files that a person corrected (not failed ones), oldest first: the truth files to export."""
    return list(_corrected(user).prefetch_related("corrections").order_by("pk"))


def truth_files(user) -> list[tuple[str, str, dict]]:
    """(name, text, corrected reading) of each corrected file."""
    found = []
    for row in corrected_files(user):
        reading, _ = apply(row.reading or {}, [Correction(c.path, c.read_value, c.value)
                                               for c in row.corrections.all()])
        found.append((row.name, row.text, reading))
    return found


def files_of(user):
    """The files of the batches the user may see (every file, for a superuser)."""
    return ImportFile.objects.all() if user.is_superuser else ImportFile.objects.filter(
        shared_batches(user, prefix="batch__"))
