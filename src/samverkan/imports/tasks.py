"""Background tasks (Django's tasks API through django-tasks; `samverkan worker` runs them)."""

from django_tasks import task

from .services import read_queued_file


@task()
def read_import_file(file_id: int) -> str:
    """Read one uploaded file; the row says how it went."""
    return read_queued_file(file_id)
