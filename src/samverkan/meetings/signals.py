"""Signals of the meetings app, for the apps above it (search) that follow its changes."""

from django.dispatch import Signal

# Sent with `meeting=` whenever what a meeting says (items, clauses, people, publication) changed.
# Sent inside the action's transaction, not on commit: the search index then commits or rolls
# back together with the change it describes.
meeting_changed = Signal()


def announce_change(meeting) -> None:
    """Tell the listeners (the search index) that this meeting changed."""
    meeting_changed.send(sender=type(meeting), meeting=meeting)
