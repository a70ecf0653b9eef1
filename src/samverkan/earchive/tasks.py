"""Background task (django-tasks; `samverkan worker` runs it): build one e-archive package."""

from django_tasks import task

from .services import run_export


@task()
def build_archive_export(export_pk: int) -> str:
    return run_export(export_pk)
