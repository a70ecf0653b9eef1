"""What the meetings app does when the directory changes."""

from .models import Attendance


def move_meeting_records(sender, keep, duplicate, **kwargs) -> None:
    """A merged person's attendance, presentations and notice deliveries become the kept person's.

    Attendance stays one per meeting."""
    attended = set(Attendance.objects.filter(person=keep).values_list("meeting_id", flat=True))
    duplicate.attendances.filter(meeting_id__in=attended).delete()
    duplicate.attendances.update(person=keep)
    duplicate.presentations.update(person=keep)
    duplicate.notice_deliveries.update(person=keep)
