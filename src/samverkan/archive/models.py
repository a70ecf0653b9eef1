"""Imported files, kept with their text and what the reader warned about."""

from django.db import models

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody


class SourceDocument(BelongsToBody, TimeStampedModel):
    """One imported file: an agenda or a set of minutes, identified by its SHA-256."""

    body_path = "meeting.body_id"

    class Kind(models.TextChoices):
        AGENDA = "agenda", "Dagordning"
        MINUTES = "minutes", "Minnesanteckningar"

    file_name = models.CharField("filnamn", max_length=300)
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    size = models.PositiveIntegerField("storlek (byte)")
    kind = models.CharField("slag", max_length=10, choices=Kind.choices)
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="source_documents"
    )
    text = models.TextField("text")
    warnings = models.JSONField("varningar", default=list, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = "källdokument"
        verbose_name_plural = "källdokument"

    def __str__(self):
        return self.file_name
