"""View decorators for who may open a page."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from samverkan.directory.access import is_any_secretary


def secretariat_required(view):
    """Signed in and keeping the meetings of at least one body; others see no such page."""
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_any_secretary(request.user):
            raise Http404("Sidan finns inte.")
        return view(request, *args, **kwargs)
    return wrapped
