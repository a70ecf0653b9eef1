"""What the public reads of a published meeting: the reading kept when it was published.

Published minutes never change in place. Each publication keeps a snapshot of the meeting as it
was then (its header, items, clauses, presenters, attachments and attendance, serialised with
Django's serialisers). Everyone but the body's secretariat reads the latest snapshot, rebuilt as
unsaved model instances with their related lists in place, so the same pages and documents show
it. What the secretariat edits after publication is a correction draft: it shows on the public
pages, in the documents and in the search index only once "Publicera rättelse" makes it the
next version.
"""

import json
from collections import defaultdict

from django.core import serializers
from django.db.models import Model

from samverkan.directory.models import Organization, Person

from .models import AgendaItem, Attachment, Attendance, Clause, Meeting, MinutesVersion, Presentation
from .selectors import all_items, meeting_with_items
from .selectors import prefetched as _prefetched

PARTS = (Clause, Presentation, Attachment)


def snapshot(meeting: Meeting) -> list[dict]:
    """The meeting as published now: a JSON-ready list of its rows (from `meeting_with_items`)."""
    rows: list[Model] = [meeting]
    for item in all_items(meeting):
        rows.append(item)
        rows.extend(item.clauses.all())
        rows.extend(item.presentations.all())
        rows.extend(item.attachments.all())
    rows.extend(meeting.attendances.all())
    return json.loads(serializers.serialize("json", rows))


def latest_snapshot_version(meeting: Meeting) -> MinutesVersion | None:
    """The newest publication that kept its reading, if any."""
    return meeting.minutes_versions.exclude(snapshot=None).order_by("-version").first()


def published_reading(version: MinutesVersion) -> Meeting:
    """The meeting as `version` published it, as unsaved instances shaped like `meeting_with_items`."""
    objects = [row.object for row in serializers.deserialize("json", json.dumps(version.snapshot),
                                                             ignorenonexistent=True)]
    meeting = next(obj for obj in objects if isinstance(obj, Meeting))
    meeting.body = version.meeting.body
    items = [obj for obj in objects if isinstance(obj, AgendaItem)]
    parts = defaultdict(list)
    for obj in objects:
        if isinstance(obj, PARTS):
            parts[(type(obj), obj.item_id)].append(obj)
    attendances = [obj for obj in objects if isinstance(obj, Attendance)]
    _link_people([*attendances, *(p for key, found in parts.items() if key[0] is Presentation for p in found)])

    by_parent = defaultdict(list)
    for item in items:
        item.meeting = meeting
        by_parent[item.parent_id].append(item)
        for model in PARTS:
            _prefetched(item, model._meta.get_field("item").remote_field.related_name, model,
                        sorted(parts[(model, item.pk)], key=lambda part: part.position))
    by_pk = {item.pk: item for item in items}
    for item in items:
        if item.parent_id:
            item.parent = by_pk[item.parent_id]
        _prefetched(item, "subitems", AgendaItem, sorted(by_parent[item.pk], key=lambda i: i.position))
    meeting.top_items = sorted(by_parent[None], key=lambda item: item.position)
    _prefetched(meeting, "attendances", Attendance, sorted(attendances, key=lambda a: a.position))
    return meeting


def public_meeting(pk: int, *, drafts: bool) -> Meeting:
    """The meeting as a reader sees it: the live rows for the secretariat (`drafts`), else as published."""
    meeting = meeting_with_items(pk)
    if drafts:
        return meeting
    version = latest_snapshot_version(meeting)
    return published_reading(version) if version else meeting


def published_attachment_ids(meeting: Meeting) -> set[int] | None:
    """The attachments the latest publication made public; None when no publication kept its reading."""
    version = latest_snapshot_version(meeting)
    if version is None:
        return None
    return {row["pk"] for row in version.snapshot
            if row["model"] == "meetings.attachment" and row["fields"].get("public")}


def public_attachments_changed(meeting: Meeting) -> bool:
    """True when the attachments now public are not the ones the latest publication made public."""
    published = published_attachment_ids(meeting)
    if published is None:
        return False
    return published != set(Attachment.objects.filter(item__meeting=meeting, public=True).values_list("pk", flat=True))


def has_unpublished_changes(meeting: Meeting, current_text: str) -> bool:
    """True when the minutes as they read now, or which attachments are public, differ from the latest
    published version."""
    latest = meeting.minutes_versions.order_by("-version").first()
    return latest is not None and (latest.text != current_text or public_attachments_changed(meeting))


def _link_people(rows: list[Attendance | Presentation]) -> None:
    """Attach the people and organisations the rows name, fetched once each."""
    people = Person.objects.in_bulk({row.person_id for row in rows})
    organizations = Organization.objects.in_bulk(
        {row.organization_id for row in rows if isinstance(row, Attendance) and row.organization_id})
    for row in rows:
        row.person = people[row.person_id]
        if isinstance(row, Attendance):
            row.organization = organizations.get(row.organization_id)


def items_as_published(items: list[AgendaItem], *, drafts_body_ids: set[int]) -> list[AgendaItem]:
    """Each item as the latest publication of its meeting reads it; items of `drafts_body_ids` (the
    secretariat's bodies) and of meetings that kept no reading stay live. An item added in a correction
    draft is left out until the correction is published."""
    meeting_ids = {item.meeting_id for item in items if item.meeting.body_id not in drafts_body_ids}
    versions = (MinutesVersion.objects.filter(meeting__in=meeting_ids).exclude(snapshot=None)
                .select_related("meeting__body").order_by("meeting", "-version"))
    latest: dict[int, MinutesVersion] = {}
    for version in versions:
        latest.setdefault(version.meeting_id, version)
    readings = {meeting_id: {item.pk: item for item in all_items(published_reading(version))}
                for meeting_id, version in latest.items()}
    shown = []
    for item in items:
        reading = readings.get(item.meeting_id)
        if reading is None:
            shown.append(item)
        elif item.pk in reading:
            shown.append(reading[item.pk])
    return shown
