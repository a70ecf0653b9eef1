"""What every app's views share: run one action and tell the user how it went."""

from django.contrib import messages

from .errors import UserError


def run_action(request, action, success) -> bool:
    """Run an action; a UserError becomes an error message, any other exception stays a bug.

    `success` is the message, or a function of the action's result that gives it.
    """
    try:
        result = action()
    except UserError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success(result) if callable(success) else success)
    return True
