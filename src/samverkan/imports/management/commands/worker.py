"""`samverkan worker`: django-tasks' database worker, which also queues again the files whose worker died
mid-reading — once at start and then every few minutes — so that no page view has to write."""

import threading

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from samverkan.imports.services import requeue_stalled, stalled_after


def watch_stalled_files(stop: threading.Event, every: float) -> None:
    """Queue stalled files again until `stop` is set (in its own thread, with its own connection)."""
    while not stop.wait(every):
        try:
            requeue_stalled()
        finally:
            close_old_connections()


class Command(DatabaseWorker):
    help = "Run background tasks (reading uploaded files); files whose reading stalled are queued again."

    def handle(self, *args, **options):
        requeue_stalled()
        stop = threading.Event()
        watcher = threading.Thread(target=watch_stalled_files, args=(stop, stalled_after().total_seconds() / 3),
                                   name="stalled-files", daemon=True)
        watcher.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
