"""Publishing the minutes, and corrections that keep what was published before."""

import difflib

from django.utils import timezone

from samverkan.core.actions import action
from samverkan.core.errors import UserError

from .documents.minutes import minutes_text
from .models import Meeting, MinutesVersion
from .selectors import meeting_with_items
from .signals import announce_change


@action
def publish_minutes(meeting: Meeting, note: str = "", *, acting_user=None) -> MinutesVersion:
    """Make the minutes public; a later publication is a correction kept beside the earlier ones."""
    latest = meeting.minutes_versions.order_by("-version").first()
    if latest is None:
        meeting.minutes_date = timezone.localdate()
    text = minutes_text(meeting_with_items(meeting.pk))
    if latest and latest.text == text:
        raise UserError("Minnesanteckningarna är oförändrade sedan de publicerades.")
    if latest and not note.strip():
        raise UserError("Beskriv vad som rättats.")
    version = MinutesVersion.objects.create(
        meeting=meeting, version=(latest.version + 1) if latest else 1,
        published_by=acting_user, text=text, note=note.strip(),
    )
    meeting.published_at = meeting.published_at or timezone.now()
    meeting.status = Meeting.Status.PUBLISHED
    meeting.save(update_fields=["published_at", "status", "minutes_date", "modified"])
    announce_change(meeting)
    return version


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


def correction_diff(version: MinutesVersion) -> list[str]:
    """What a correction changed compared with the version published before it, as a unified diff."""
    earlier = version.meeting.minutes_versions.filter(version__lt=version.version).order_by("-version").first()
    if earlier is None:
        return []
    return list(difflib.unified_diff(
        earlier.text.splitlines(), version.text.splitlines(),
        fromfile=f"version {earlier.version}", tofile=f"version {version.version}", lineterm="", n=1,
    ))
