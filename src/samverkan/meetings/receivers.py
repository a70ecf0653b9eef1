"""What the meetings app does when the directory changes."""

from .models import Attendance, MinutesVersion

SNAPSHOT_PEOPLE = {"meetings.attendance": ("person", "substitute_for"), "meetings.presentation": ("person",)}


def move_meeting_records(sender, keep, duplicate, **kwargs) -> None:
    """A merged person's attendance, presentations, notice deliveries and justeringar become the kept person's.

    Attendance stays one per meeting."""
    attended = set(Attendance.objects.filter(person=keep).values_list("meeting_id", flat=True))
    duplicate.attendances.filter(meeting_id__in=attended).delete()
    duplicate.attendances.update(person=keep)
    duplicate.presentations.update(person=keep)
    duplicate.notice_deliveries.update(person=keep)
    verifying = set(keep.verifications.values_list("meeting_id", flat=True))
    duplicate.verifications.filter(meeting_id__in=verifying).delete()
    duplicate.verifications.update(person=keep)
    _name_kept_person_in_snapshots(keep, duplicate.pk)


def _name_kept_person_in_snapshots(keep, duplicate_id: int) -> None:
    """Published readings name people by id: the merged person's id becomes the kept one's.

    An attendance the kept person already had at that meeting is not listed twice.
    """
    meetings = {*keep.attendances.values_list("meeting_id", flat=True),
                *keep.presentations.values_list("item__meeting_id", flat=True)}
    for version in MinutesVersion.objects.filter(meeting__in=meetings).exclude(snapshot=None):
        rows, present, changed = [], set(), False
        for row in version.snapshot:
            for field in SNAPSHOT_PEOPLE.get(row["model"], ()):
                if row["fields"].get(field) == duplicate_id:
                    row["fields"][field], changed = keep.pk, True
            if row["model"] == "meetings.attendance":
                if row["fields"]["person"] in present:
                    changed = True
                    continue
                present.add(row["fields"]["person"])
            rows.append(row)
        if changed:
            version.snapshot = rows
            version.save(update_fields=["snapshot"])
