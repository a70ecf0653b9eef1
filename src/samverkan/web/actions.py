"""What the secretariat's views share: running an action with a message, finding a served body."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404

from samverkan.directory.access import is_secretary, served_body_ids
from samverkan.directory.models import Body


def run_action(request, action, success) -> bool:
    """Run a service call; turn the errors a user can act on (ValueError) into a message.

    `success` is the message, or a function of the call's result that gives it.
    """
    try:
        result = action()
    except ValueError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, success(result) if callable(success) else success)
    return True


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
