"""Signals of the meetings app, for the apps above it (search) that follow its changes."""

from django.dispatch import Signal

# Sent with `meeting=` whenever what a meeting says (items, clauses, people, publication) changed.
# Sent inside the action's transaction, not on commit: the search index then commits or rolls
# back together with the change it describes.
meeting_changed = Signal()


def announce_change(meeting) -> None:
    """Tell the listeners (the search index) that this meeting changed."""
    meeting_changed.send(sender=type(meeting), meeting=meeting)


# Sent with `forwarding=`, `item=` (the new agenda item) and `acting_user=` when a body takes up an
# item another body forwarded to it; the matters app puts the new item on the forwarded item's matter.
# Sent inside the action's transaction, like meeting_changed.
forwarding_received = Signal()
