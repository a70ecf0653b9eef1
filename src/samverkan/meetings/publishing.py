"""Publishing the minutes, and corrections that keep what was published before."""

import difflib

from django.utils import timezone

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.language.dates import swedish_date

from .documents.minutes import minutes_text
from .forwarding import notify_forwardings
from .models import AgendaItem, Meeting, MinutesVersion
from .published import latest_snapshot_version, public_attachments_changed, snapshot
from .selectors import all_items, meeting_with_items
from .signals import announce_change
from .verification import check_verified


@action
def publish_minutes(meeting: Meeting, note: str = "", *, publish_unrecorded: bool = False,
                    acting_user=None) -> MinutesVersion:
    """Make the minutes public; a later publication is a correction kept beside the earlier ones.

    The minutes of a meeting that has not been held yet are refused, and so are minutes with
    items still "Ej behandlad" unless the secretary publishes them on purpose.
    """
    latest = meeting.minutes_versions.order_by("-version").first()
    today = timezone.localdate()
    if meeting.date and meeting.date > today:
        raise UserError(f"Mötet hålls {swedish_date(meeting.date)} och minnesanteckningarna kan publiceras "
                        "först från mötesdagen.", code="meeting_not_held")
    reading = meeting_with_items(meeting.pk)
    unrecorded = [item.full_number for item in all_items(reading) if _unrecorded(item)]
    if unrecorded and latest is None and not publish_unrecorded:
        raise UserError(f"{_count_items(unrecorded)} är inte {_handled(unrecorded)}: {', '.join(unrecorded)}. "
                        "Ange vad som hände med dem, eller kryssa i ”Publicera ändå”.", code="unrecorded_items")
    if latest is None:
        check_verified(meeting)
        meeting.minutes_date = max(filter(None, [today, meeting.date]))
        # Verified and published: an official document (allmän handling) from today. A correction keeps it.
        meeting.finished_on = today
    text = minutes_text(reading)
    if latest and latest.text == text and not public_attachments_changed(meeting):
        raise UserError("Minnesanteckningarna är oförändrade sedan de publicerades.", code="unchanged")
    if latest and not note.strip():
        raise UserError("Beskriv vad som rättats.", code="note_missing")
    meeting.published_at = meeting.published_at or timezone.now()
    meeting.status = Meeting.Status.PUBLISHED
    meeting.save(update_fields=["published_at", "status", "minutes_date", "finished_on", "modified"])
    version = MinutesVersion.objects.create(
        meeting=meeting, version=(latest.version + 1) if latest else 1,
        published_by=acting_user, text=text, note=note.strip(), finished_on=today,
        snapshot=snapshot(meeting_with_items(meeting.pk)),
    )
    announce_change(meeting)
    notify_forwardings(meeting)
    return version


@action
def keep_published_reading(meeting: Meeting, *, acting_user=None) -> MinutesVersion | None:
    """Before the first edit of a published meeting: keep what the public reads, so the edit is a draft.

    Minutes imported from the archive are public without a version; they get version 1, "as
    imported". A version published before snapshots were kept gets its snapshot now, from the rows
    as they still are. Nothing happens for a meeting that is not published or already kept.
    """
    if meeting.published_at is None or latest_snapshot_version(meeting) is not None:
        return None
    reading = meeting_with_items(meeting.pk)
    latest = meeting.minutes_versions.order_by("-version").first()
    if latest is not None:
        latest.snapshot = snapshot(reading)
        latest.save(update_fields=["snapshot"])
        return latest
    version = MinutesVersion.objects.create(
        meeting=meeting, version=1, published_by=None, text=minutes_text(reading),
        note="Publicerad vid import från arkivet.", snapshot=snapshot(reading),
    )
    MinutesVersion.objects.filter(pk=version.pk).update(published_at=meeting.published_at)
    return version


def _unrecorded(item: AgendaItem) -> bool:
    """Nothing is recorded of the item: no outcome, no notes, no decision."""
    return item.outcome == AgendaItem.Outcome.OPEN and not item.minutes_text.strip() and not item.decisions


def _handled(numbers: list[str]) -> str:
    return "behandlad" if len(numbers) == 1 else "behandlade"


def _count_items(numbers: list[str]) -> str:
    return "1 punkt" if len(numbers) == 1 else f"{len(numbers)} punkter"


def corrections(version: MinutesVersion) -> list[dict]:
    """What a correction changed, for readers: each changed passage as {"before": [lines], "after":
    [lines]} ("Tidigare: … / Nu: …"), without diff syntax; [] for the first version."""
    earlier = version.meeting.minutes_versions.filter(version__lt=version.version).order_by("-version").first()
    if earlier is None:
        return []
    before = [line.strip() for line in earlier.text.splitlines() if line.strip()]
    after = [line.strip() for line in version.text.splitlines() if line.strip()]
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [{"before": before[i1:i2], "after": after[j1:j2]}
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
