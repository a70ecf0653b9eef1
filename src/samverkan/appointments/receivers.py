"""What the appointments app does when the directory changes."""


def move_appointments(sender, keep, duplicate, **kwargs) -> None:
    """A merged person's appointments become the kept person's."""
    duplicate.appointments.update(person=keep)
