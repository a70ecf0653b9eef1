"""Database helpers that hold for any backend."""

from django.db import IntegrityError, transaction


def get_or_create_once(find, create) -> tuple:
    """(row, created): the row `find()` returns, else the one `create()` makes.

    Two processes may look for the same name at once and both find nothing; the unique constraint
    lets one of them create the row, and the other then takes that row instead of failing. The
    insert runs in a savepoint, so the surrounding transaction (a whole imported file) goes on.
    """
    existing = find()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        existing = find()
        if existing is None:
            raise
        return existing, False
