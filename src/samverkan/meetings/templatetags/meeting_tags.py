from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, None when missing."""
    return mapping.get(key) if mapping else None


M2M_OPERATIONS = {"add": "lade till", "delete": "tog bort", "clear": "tömde"}


@register.filter
def audit_changes(entry) -> str:
    """The changes of an audit log entry as text: "field: old → new", or for a many-to-many field
    (a body's secretaries) "secretaries: lade till anna"; LogEntry.changes_str fails on the latter."""
    parts = []
    for name, values in (entry.changes_dict or {}).items():
        if isinstance(values, dict) and values.get("type") == "m2m":
            operation = M2M_OPERATIONS.get(values.get("operation"), values.get("operation", ""))
            parts.append(f"{name}: {operation} {', '.join(str(item) for item in values.get('objects', []))}")
        elif isinstance(values, list | tuple) and len(values) == 2:
            parts.append(f"{name}: {values[0]} → {values[1]}")
        else:
            parts.append(f"{name}: {values}")
    return "; ".join(parts)
