"""Who may see and do what: secretariat, members and the public.

Secretariat: users named as secretaries of a body edit everything of that body.
Members: users whose person has a current membership of a body read its drafts,
notices and attachments before they are public. Everyone else reads published
minutes, and attachments marked public.

Rules decided on purpose (each has a test in tests/meetings/test_access_rules.py):

- Matters and assignments: a secretariat is no wider reader than a member. It sees those tied to
  meetings it may see (published ones, and every meeting of the bodies it serves or belongs to) and
  those of the bodies it serves; a matter or assignment of no body is seen by every secretariat only
  while no meeting is tied to it (any secretariat may take it up). One tied only to another body's
  unpublished meeting stays hidden: its wording is that body's draft.
- People: a merge moves attendance, presentations, memberships and appointments in every body, and
  "distinct" hides the pair from every secretariat. So a secretariat resolves a pair only when each
  of the two appears in no body it does not serve (people who appear in no body at all included);
  a pair that spans other bodies is for a secretary of all of them, or a superuser.
- The public calendar and body feed show a coming meeting once its notice is sent or its minutes
  are published: a planned date and place is the secretariat's draft until then. (An adopted year
  calendar is a public decision and stays public.)
- Optimistic locking: a form that edits the agenda order, attendance or decisions must send the
  version it was opened at; a missing or unreadable one is a stale form (samverkan.meetings.views.common).
  Programs that call the actions without a version still win, as before.
"""

from functools import wraps

from auditlog.models import LogEntry
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Body, Membership, Organization, Person
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


def announced_meetings(meetings):
    """The meetings of a queryset the public may know are coming: notice sent, or minutes published."""
    noticed = meetings.model.objects.filter(dispatches__isnull=False).values("pk")
    return meetings.filter(Q(published_at__isnull=False) | Q(pk__in=noticed))


# --- Matters and assignments: what a secretariat sees beyond its visible meetings --------------

NOTHING = Q(pk__in=[])


def secretariat_matters_filter(user) -> Q:
    """On Matter: the matters of the bodies the user serves, and those of no body tied to no meeting."""
    served = served_body_ids(user)
    if not served:
        return NOTHING
    return Q(body_id__in=served) | (Q(body__isnull=True) & ~Q(links__state="confirmed"))


def secretariat_assignments_filter(user) -> Q:
    """On Assignment: those whose body (owner, reporting, or its matter's) the user serves, and those
    of no body decided in no meeting."""
    served = served_body_ids(user)
    if not served:
        return NOTHING
    bodiless = Q(owner_body__isnull=True, reports_to__isnull=True)
    return bodiless & (Q(matter__body_id__in=served) | Q(matter__body__isnull=True, item__isnull=True))


# --- People: who may merge two people or mark them distinct ------------------------------------

def people_outside(user) -> set[int]:
    """People who appear (membership, attendance, presentation, appointment) in a body the user does not serve."""
    others = Body.objects.exclude(pk__in=served_body_ids(user)).values("pk")
    found = set(Membership.objects.filter(body__in=others).values_list("person_id", flat=True))
    for path in ("attendances__meeting__body", "presentations__item__meeting__body", "appointments__body"):
        found |= set(Person.objects.filter(**{f"{path}__in": others}).values_list("pk", flat=True))
    return found


def can_resolve_people(user, *people: Person) -> bool:
    """True when the user keeps every body the people appear in (or they appear in none)."""
    return is_any_secretary(user) and not people_outside(user) & {person.pk for person in people}


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
