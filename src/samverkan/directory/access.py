"""Who may see and do what: secretariat, members and the public.

Secretariat: users named as secretaries of a body edit everything of that body.
Members: users whose person has a current membership of a body read its drafts,
notices and attachments before they are public. Everyone else reads published
minutes, and attachments marked public.
"""

from functools import wraps

from auditlog.models import LogEntry
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Body, Organization, Person
from .selectors import current_membership


def _current_memberships(person):
    return person.memberships.filter(current_membership())


def is_secretary(user, body: Body) -> bool:
    """True when the user keeps the meetings of this body (or is a superuser)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or body.secretaries.filter(pk=user.pk).exists()


def is_member(user, body: Body) -> bool:
    """True when the user's person belongs to the body today, or keeps its meetings."""
    if not user.is_authenticated:
        return False
    if is_secretary(user, body):
        return True
    person = getattr(user, "person", None)
    return person is not None and _current_memberships(person).filter(body=body).exists()


def member_body_ids(user) -> set[int]:
    """The bodies whose unpublished material the user may read."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return set(Body.objects.values_list("pk", flat=True))
    ids = set(user.served_bodies.values_list("pk", flat=True))
    person = getattr(user, "person", None)
    if person is not None:
        ids |= set(_current_memberships(person).values_list("body_id", flat=True))
    return ids


def served_body_ids(user) -> set[int]:
    """The bodies whose meetings the user keeps."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return set(Body.objects.values_list("pk", flat=True))
    return set(user.served_bodies.values_list("pk", flat=True))


def visible_meetings_filter(user) -> Q:
    """A filter on Meeting: published ones, and all of the user's bodies."""
    return Q(published_at__isnull=False) | Q(body_id__in=member_body_ids(user))


def can_view_meeting(user, meeting) -> bool:
    return meeting.published_at is not None or is_member(user, meeting.body)


def can_edit_meeting(user, meeting) -> bool:
    return is_secretary(user, meeting.body)


def can_download_attachment(user, attachment) -> bool:
    """Members read every attachment; the public only public ones of published meetings."""
    meeting = attachment.item.meeting
    if is_member(user, meeting.body):
        return True
    return attachment.public and meeting.published_at is not None


def is_any_secretary(user) -> bool:
    return bool(served_body_ids(user))


def audit_entries_for(user):
    """The audit log a user may read: everything for a superuser; for a secretariat the changes
    of its own bodies' records, and of people and organisations, which all bodies share."""

    if user.is_superuser:
        return LogEntry.objects.all()
    shared = ContentType.objects.get_for_models(Person, Organization).values()
    return LogEntry.objects.filter(
        Q(additional_data__body_id__in=list(served_body_ids(user))) | Q(content_type__in=list(shared)))


# --- Views: who may open a secretariat page, and which records they find ------------------

def secretariat_required(view):
    """Signed in and keeping the meetings of at least one body; others see no such page."""
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_any_secretary(request.user):
            raise Http404("Sidan finns inte.")
        return view(request, *args, **kwargs)
    return wrapped


def served_body(request, slug) -> Body:
    """The body of that slug, when the user keeps its meetings; otherwise there is no such page."""
    body = get_object_or_404(Body, slug=slug)
    if not is_secretary(request.user, body):
        raise Http404("Organet finns inte.")
    return body


def served_or_404(request, queryset, pk, missing: str):
    """The record of that pk when the user keeps the meetings of the body it belongs to.

    Anyone else is told `missing` ("Mötet finns inte."): others' records are not to be found.
    """
    record = get_object_or_404(queryset, pk=pk)
    if record.owning_body_id() not in served_body_ids(request.user):
        raise Http404(missing)
    return record
