"""What the import pages read: the user's batches and their files, with counts."""

from dataclasses import dataclass

from django.db.models import Count
from django.http import Http404

from .models import ImportBatch, ImportFile

State = ImportFile.State
DONE = (State.NEEDS_REVIEW, State.IMPORTED, State.FAILED)


def batches_of(user):
    """The batches the user may see: their own (every batch, for a superuser)."""
    batches = ImportBatch.objects.select_related("body", "uploaded_by").annotate(file_count=Count("files"))
    return batches if user.is_superuser else batches.filter(uploaded_by=user)


def batch_or_404(user, pk) -> ImportBatch:
    batch = batches_of(user).filter(pk=pk).first()
    if batch is None:
        raise Http404("Importen finns inte.")
    return batch


def file_or_404(user, pk) -> ImportFile:
    row = ImportFile.objects.select_related("batch").filter(pk=pk).first()
    if row is None or not (user.is_superuser or row.batch.uploaded_by_id == user.pk):
        raise Http404("Filen finns inte.")
    return row


@dataclass
class Progress:
    total: int
    read: int
    needs_review: int
    imported: int
    failed: int

    @property
    def pending(self) -> bool:
        return self.read < self.total


def progress_of(files: list[ImportFile]) -> Progress:
    states = [row.state for row in files]
    return Progress(total=len(states), read=sum(s in DONE for s in states),
                    needs_review=states.count(State.NEEDS_REVIEW), imported=states.count(State.IMPORTED),
                    failed=states.count(State.FAILED))
