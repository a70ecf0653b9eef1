"""Wording for the public pages: a meeting's status as a reader understands it, and whether an item was
decided as proposed (then the page shows the clauses once)."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# What each status means to someone reading the archive: a label and one sentence.
STATUS_WORDING = {
    "planned": ("Kommande", "Mötet är planerat; kallelsen har inte skickats än."),
    "notified": ("Kallelse skickad", "Kallelsen med dagordningen har skickats till deltagarna."),
    "recorded": ("Genomfört", "Mötet har hållits; minnesanteckningarna är inte publicerade än."),
    "published": ("Publicerat", "Minnesanteckningarna är publicerade och offentliga."),
    "cancelled": ("Inställt", "Mötet är inställt."),
}


@register.filter
def status_label(meeting) -> str:
    """'Kommande', 'Kallelse skickad', 'Genomfört', 'Publicerat' or 'Inställt'."""
    return STATUS_WORDING.get(meeting.status, (meeting.get_status_display(), ""))[0]


@register.filter
def status_explanation(meeting) -> str:
    return STATUS_WORDING.get(meeting.status, ("", ""))[1]


@register.filter
def decided_as_proposed(item) -> bool:
    """The decision clauses say word for word what the proposal clauses said (whitespace aside)."""
    proposals = [" ".join(clause.text.split()) for clause in item.proposals]
    decisions = [" ".join(clause.text.split()) for clause in item.decisions]
    return bool(proposals) and proposals == decisions


@register.filter
def webcal(url: str) -> str:
    """A calendar feed's address with the webcal: scheme, which calendar programs open as a subscription."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return "webcal://" + url[len(scheme):]
    return url


@register.filter
def by_key(mapping, key):
    """mapping[key], or None: a dict lookup by a variable (`recommendations|by_key:item.pk`)."""
    return mapping.get(key) if mapping else None


@register.simple_tag
def select_options(choices, selected, value="pk", label="name"):
    """The <option>s of a long choice list (every presenter of the archive), the `selected` one marked.

    Written in Python because a template loop over thousands of options was half the search page's time.
    """
    chosen = "" if selected is None else str(selected)
    options = []
    for choice in choices:
        key = str(getattr(choice, value))
        marked = " selected" if key == chosen else ""
        options.append(f'<option value="{escape(key)}"{marked}>{escape(getattr(choice, label))}</option>')
    return mark_safe("".join(options))  # every value and label is escaped above
