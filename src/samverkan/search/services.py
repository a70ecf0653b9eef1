"""Keeping the search index in step with the meetings."""

from django.db import transaction

from samverkan.meetings.models import AgendaItem, Clause, Meeting

from .backends import get_backend
from .models import SearchEntry


def _clauses_text(item: AgendaItem) -> str:
    clauses = sorted(item.clauses.all(), key=lambda c: (c.kind != Clause.Kind.PROPOSAL, c.position))
    return "\n".join(c.text for c in clauses)


def _entry(item: AgendaItem, meeting: Meeting) -> SearchEntry:
    return SearchEntry(
        item=item, meeting=meeting, body_id=meeting.body_id, date=meeting.date,
        year=meeting.date.year if meeting.date else None, item_type=item.type, title=item.title,
        body_text="\n".join(t for t in (item.agenda_text, item.minutes_text) if t),
        clauses_text=_clauses_text(item),
        presenters="\n".join(p.person.name for p in item.presentations.all()),
    )


def _items(meetings):
    return (AgendaItem.objects.filter(meeting__in=meetings)
            .prefetch_related("clauses", "presentations__person").order_by())


def _write(entries: list[SearchEntry]) -> int:
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    get_backend().write(entries)
    return len(entries)


@transaction.atomic
def remove_meeting(meeting: Meeting) -> None:
    """Remove the search entries of one meeting's items."""
    entries = SearchEntry.objects.filter(meeting=meeting)
    get_backend().clear(entries)
    entries.delete()


@transaction.atomic
def index_meeting(meeting: Meeting) -> int:
    """Replace the search entries of all items of a meeting; returns how many were written."""
    remove_meeting(meeting)
    meeting = Meeting.objects.get(pk=meeting.pk)
    return _write([_entry(item, meeting) for item in _items([meeting])])


@transaction.atomic
def rebuild_index() -> int:
    """Rebuild the search index of every meeting; returns the number of items indexed."""
    get_backend().clear(SearchEntry.objects.all())
    SearchEntry.objects.all().delete()
    total = 0
    for meeting in Meeting.objects.order_by("pk").iterator(chunk_size=200):
        total += _write([_entry(item, meeting) for item in _items([meeting])])
    return total
