"""The audit log in Swedish sentences: "Anna Berg ändrade beslutet i punkt 6 (Länschefsnätverket
9 november 2023): text från ”…” till ”…”."

Each app says in Swedish what its logged objects are: `register("meetings.clause", describe)`, where
`describe(obj)` gives the object as it reads after a verb ("beslutet i punkt 6 (…)"). An object
without a describer, or one since deleted, reads as its model's Swedish name and the label the log
kept. Field names are the models' verbose names; raw values become Swedish words (ja/nej, tomt,
the label of a choice).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from samverkan.language.dates import swedish_date

Describer = Callable[[models.Model], str]
_DESCRIBERS: dict[str, Describer] = {}

SYSTEM = "Systemet"
VERBS = {
    LogEntry.Action.CREATE: "skapade",
    LogEntry.Action.UPDATE: "ändrade",
    LogEntry.Action.DELETE: "tog bort",
    LogEntry.Action.ACCESS: "öppnade",
}
M2M_VERBS = {"add": "lade till", "delete": "tog bort", "clear": "tömde"}
VALUE_LENGTH = 80
MAX_CHANGES = 4
_DEFAULT_REPR = re.compile(r"^\w+ object \(\d+\)$")


def register(label: str, describe: Describer) -> None:
    """Say how objects of a model ("app_label.model_name", lower case) read in the log."""
    _DESCRIBERS[label.lower()] = describe


def actor_name(user) -> str:
    """The name of whoever made a change: the person's name, the account's name, or "Systemet"."""
    if user is None:
        return SYSTEM
    person = getattr(user, "person", None)
    if person is not None:
        return person.name
    return user.get_full_name() or user.get_username()


def quoted(value) -> str:
    text = " ".join(str(value).split())
    if len(text) > VALUE_LENGTH:
        text = text[:VALUE_LENGTH - 1].rstrip() + "…"
    return f"”{text}”"


def _model(entry: LogEntry):
    return entry.content_type.model_class() if entry.content_type_id else None


def _current_object(entry: LogEntry):
    model = _model(entry)
    if model is None or entry.action == LogEntry.Action.DELETE:
        return None
    return model._default_manager.filter(pk=entry.object_pk).first()


def describe_object(entry: LogEntry, obj=None) -> str:
    """The changed object as it reads after the verb: "punkt 6 Kalendarium (Länschefsnätverket …)"."""
    model = _model(entry)
    label = f"{model._meta.app_label}.{model._meta.model_name}" if model else ""
    if obj is None:
        obj = _current_object(entry)
    if obj is not None and label in _DESCRIBERS:
        return _DESCRIBERS[label](obj)
    noun = str(model._meta.verbose_name) if model else "ett objekt"
    shown = str(obj) if obj is not None else entry.object_repr
    if not shown or _DEFAULT_REPR.match(shown):
        return noun
    return f"{noun} {quoted(shown)}"


def _field(model, name):
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def field_name(model, name: str) -> str:
    field = _field(model, name)
    return str(getattr(field, "verbose_name", "") or name.replace("_", " "))


def field_value(model, name: str, value) -> str:
    """A logged value in words: the label of a choice, ja/nej, tomt, or the text in quotes."""
    if value in (None, "None", "", "[]", "{}"):
        return "tomt"
    field = _field(model, name)
    if field is not None and field.choices:
        labels = {str(key): str(label) for key, label in field.flatchoices}
        if str(value) in labels:
            return quoted(labels[str(value)])
    if isinstance(field, models.BooleanField) or value in (True, False):
        return "ja" if str(value) == "True" else "nej"
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        try:
            return swedish_date(date.fromisoformat(str(value)))
        except ValueError:
            return quoted(value)
    if isinstance(field, models.TimeField):
        try:
            return f"{time.fromisoformat(str(value)):%H.%M}"
        except ValueError:
            return quoted(value)
    if isinstance(field, models.ForeignKey):
        target = field.related_model._default_manager.filter(pk=value).first()
        return quoted(target) if target is not None else "ett borttaget objekt"
    return quoted(value)


def describe_changes(entry: LogEntry) -> str:
    """What changed in an update: "rubrik från ”A” till ”B”; typ från ”Information” till ”Beslut”"."""
    model = _model(entry)
    parts = []
    for name, values in _in_field_order(model, entry.changes_dict or {}):
        if isinstance(values, dict) and values.get("type") == "m2m":
            verb = M2M_VERBS.get(values.get("operation"), "ändrade")
            objects = ", ".join(str(item) for item in values.get("objects", []))
            parts.append(f"{field_name(model, name)}: {verb} {objects}".rstrip())
        elif isinstance(values, list | tuple) and len(values) == 2:
            before, after = (field_value(model, name, value) for value in values)
            parts.append(f"{field_name(model, name)} från {before} till {after}")
    if len(parts) > MAX_CHANGES:
        parts = parts[:MAX_CHANGES] + [f"och {len(parts) - MAX_CHANGES} fält till"]
    return "; ".join(parts)


def _in_field_order(model, changes: dict) -> list:
    """The changes in the order the model declares its fields (a JSON column need not keep key order)."""
    order = {field.name: position for position, field in enumerate(model._meta.get_fields())} if model else {}
    return sorted(changes.items(), key=lambda change: order.get(change[0], len(order)))


def sentence(entry: LogEntry) -> str:
    """One log entry as a Swedish sentence, without its time (the page shows that beside it)."""
    verb = VERBS.get(entry.action, "ändrade")
    text = f"{actor_name(entry.actor)} {verb} {describe_object(entry)}"
    changes = describe_changes(entry) if entry.action == LogEntry.Action.UPDATE else ""
    return f"{text}: {changes}." if changes else f"{text}."


def when(entry: LogEntry) -> str:
    """"9 november 2023 kl. 14.05" in local time."""
    local = timezone.localtime(entry.timestamp)
    return f"{swedish_date(local.date())} kl. {local:%H.%M}"


# --- The directory's own objects ----------------------------------------------------------------

register("directory.body", lambda body: f"organet {body.name}")
register("directory.person", lambda person: f"personen {person.name}")
register("directory.organization", lambda organization: f"organisationen {organization.name}")
register("directory.membership",
         lambda membership: f"medlemskapet för {membership.person.name} i {membership.body.display_name}")
