"""Optimistic locking: an edit names the version it started from, and loses to a newer one."""

from django.db.models import F

from .errors import UserError


class EditConflict(UserError):
    """Someone else saved the same thing after this edit began."""

    def __init__(self, obj):
        self.obj = obj
        super().__init__(
            f"{obj._meta.verbose_name.capitalize()} har ändrats av någon annan sedan du öppnade den. "
            "Ladda om sidan och gör ändringen igen.",
            code="stale_edit",
        )


def claim_version(obj, expected_version: int | None) -> None:
    """Move obj to its next version, or raise EditConflict when it has moved on already.

    Without an expected version (a program, not a form) the edit always wins.
    """
    model = type(obj)
    rows = model.objects.filter(pk=obj.pk)
    if expected_version is not None:
        rows = rows.filter(lock_version=expected_version)
    if rows.update(lock_version=F("lock_version") + 1) != 1:
        raise EditConflict(obj)
    obj.lock_version = model.objects.values_list("lock_version", flat=True).get(pk=obj.pk)
