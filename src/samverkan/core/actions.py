"""Actions: every write a person makes goes through a function decorated here.

An action runs in one transaction and takes the keyword `acting_user`: the audit log records that
user as the one who made the change, also outside a request (commands, imports, tests). A function
that names `acting_user` in its own signature receives it too.
"""

from __future__ import annotations

import inspect
from contextlib import contextmanager
from functools import wraps

from auditlog.context import auditlog_value, set_actor
from django.db import transaction


def action(function):
    """Run `function` as an action: atomically, with `acting_user` as the audit log's actor."""
    wants_user = "acting_user" in inspect.signature(function).parameters

    @wraps(function)
    def run(*args, acting_user=None, **kwargs):
        if wants_user:
            kwargs["acting_user"] = acting_user
        with transaction.atomic(), _actor(acting_user):
            return function(*args, **kwargs)

    return run


def signed_in(user):
    """The user when signed in, else None: who a record says made it ("by", "set by")."""
    return user if getattr(user, "is_authenticated", False) else None


@contextmanager
def _actor(user):
    """The audit actor for the action; what was there before (a request's context) comes back after."""
    if signed_in(user) is None:
        yield
        return
    previous = auditlog_value.get(None)
    address = previous or {}
    with set_actor(user, address.get("remote_addr"), address.get("remote_port")):
        yield
    # set_actor leaves its own context behind and disconnects only its own receiver.
    auditlog_value.set(previous)
