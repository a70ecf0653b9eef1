"""Keeping the search index in step with the meetings."""

from django.db import transaction

from samverkan.core.pagecache import content_changed
from samverkan.meetings.models import AgendaItem, Clause, Meeting, MinutesVersion
from samverkan.meetings.published import public_meeting
from samverkan.meetings.selectors import all_items

from . import attachments, vocabulary
from .backends import get_backend
from .models import SearchEntry

REBUILD_CHUNK = 100  # meetings per round trip when rebuilding everything


def _clauses_text(item: AgendaItem) -> str:
    clauses = sorted(item.clauses.all(), key=lambda c: (c.kind != Clause.Kind.PROPOSAL, c.position))
    return "\n".join(c.text for c in clauses)


def _attachment_ids(items) -> list[int]:
    return [a.pk for item in items for a in item.attachments.all() if a.file]


def _entry(item: AgendaItem, attachment_texts: dict[int, str]) -> SearchEntry:
    """The item's entry; its attachments as the reading says (which are public), their text as kept."""
    meeting = item.meeting
    shared = [attachment_texts.get(a.pk, "") for a in item.attachments.all() if a.public]
    restricted = [attachment_texts.get(a.pk, "") for a in item.attachments.all() if not a.public]
    restricted_text = "\n".join(t for t in restricted if t)
    return SearchEntry(
        item=item, meeting=meeting, body_id=meeting.body_id, date=meeting.date,
        year=meeting.date.year if meeting.date else None, item_type=item.type, title=item.title,
        body_text="\n".join(t for t in (item.agenda_text, item.minutes_text) if t),
        clauses_text=_clauses_text(item),
        presenters="\n".join(p.person.name for p in item.presentations.all()),
        attachments_text="\n".join(t for t in shared if t),
        restricted_text=restricted_text, has_restricted=bool(restricted_text),
    )


def _write(entries: list[SearchEntry]) -> int:
    content_changed()  # what public pages derive from the index (the search filters) is new
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    get_backend().write(entries)
    vocabulary.add(entries)
    return len(entries)


def _index(meeting_ids: list[int]) -> int:
    items = (AgendaItem.objects.filter(meeting__in=meeting_ids).select_related("meeting")
             .prefetch_related("clauses", "presentations__person", "attachments").order_by())
    texts = attachments.texts(_attachment_ids(items))
    return _write([_entry(item, texts) for item in items])


@transaction.atomic
def remove_meeting(meeting: Meeting) -> None:
    """Remove the search entries of one meeting's items."""
    entries = SearchEntry.objects.filter(meeting=meeting)
    content_changed()
    vocabulary.remove(entries)
    get_backend().clear(entries)
    entries.delete()


def _index_published(meeting_id: int) -> int:
    """Index a meeting as its latest publication reads, not the correction drafted since."""
    reading = public_meeting(meeting_id, drafts=False)
    readings = list(all_items(reading))
    existing = set(AgendaItem.objects.filter(pk__in=[item.pk for item in readings]).values_list("pk", flat=True))
    readings = [item for item in readings if item.pk in existing]  # items removed since are gone
    texts = attachments.texts(_attachment_ids(readings))  # attachments deleted since are gone too
    return _write([_entry(item, texts) for item in readings])


def _with_kept_reading(meeting_ids) -> set[int]:
    return set(MinutesVersion.objects.filter(meeting__in=meeting_ids).exclude(snapshot=None)
               .values_list("meeting_id", flat=True))


@transaction.atomic
def index_meeting(meeting: Meeting) -> int:
    """Replace the search entries of all items of a meeting; returns how many were written."""
    remove_meeting(meeting)
    if _with_kept_reading([meeting.pk]):
        return _index_published(meeting.pk)
    return _index([meeting.pk])


@transaction.atomic
def rebuild_index() -> int:
    """Rebuild the search index of every meeting; returns the number of items indexed."""
    SearchEntry.objects.all().delete()
    get_backend().clear()
    vocabulary.clear()
    ids = list(Meeting.objects.order_by("pk").values_list("pk", flat=True))
    published = _with_kept_reading(ids)
    live = [pk for pk in ids if pk not in published]
    return (sum(_index(live[i:i + REBUILD_CHUNK]) for i in range(0, len(live), REBUILD_CHUNK))
            + sum(_index_published(pk) for pk in sorted(published)))


def index_changed_meeting(sender, meeting: Meeting, **kwargs) -> None:
    """Receiver of `meetings.signals.meeting_changed`: index the meeting again."""
    index_meeting(meeting)
