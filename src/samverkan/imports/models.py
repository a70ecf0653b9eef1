"""Archive uploads in the browser: a batch of files, each read in the background and confirmed by a person."""

from datetime import date

from django.conf import settings
from django.db import models

from samverkan.core.models import TimeStampedModel
from samverkan.language.dates import format_date


class ImportBatch(TimeStampedModel):
    """One upload: many files, or the files of a ZIP of folders."""

    body = models.ForeignKey("directory.Body", verbose_name="organ", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="import_batches",
                             help_text="Organet för filer som inte själva säger vilket organ som möttes.")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="uppladdad av", null=True,
                                    on_delete=models.SET_NULL, related_name="import_batches")
    review = models.BooleanField("granska innan import", default=True)
    threshold = models.PositiveSmallIntegerField(
        "säkerhet för import utan rättelse (%)", default=90,
        help_text="Filer vars läsning har minst denna säkerhet kan importeras alla på en gång; de andra väntar.")

    class Meta:
        ordering = ["-created"]
        verbose_name = "importomgång"
        verbose_name_plural = "importomgångar"

    def __str__(self):
        return f"Import {self.pk}"


class ImportFile(TimeStampedModel):
    """One document of a batch: queued, read by a task, then imported (directly or once a person confirms)."""

    class State(models.TextChoices):
        QUEUED = "queued", "I kö"
        READING = "reading", "Läses"
        NEEDS_REVIEW = "needs_review", "Att granska"
        IMPORTED = "imported", "Importerad"
        FAILED = "failed", "Misslyckades"

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField("ordning", default=0)
    name = models.CharField("filnamn", max_length=300)
    path = models.CharField("sökväg i ZIP-filen", max_length=1000, blank=True)
    file = models.FileField("fil", upload_to="imports/%Y/%m/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, db_index=True)
    size = models.PositiveBigIntegerField("storlek (byte)", default=0)
    state = models.CharField("läge", max_length=20, choices=State.choices, default=State.QUEUED)
    error = models.TextField("fel", blank=True)
    text = models.TextField("text", blank=True, help_text="Filens text, som läsaren fick den.")
    reading = models.JSONField("läsning", null=True, blank=True,
                               help_text="Vad läsaren fick ut, i formen av meeting-document.schema.json.")
    body_name = models.CharField("organ", max_length=300, blank=True)
    result = models.CharField("utfall", max_length=20, blank=True)  # imported, replaced or unchanged
    source = models.ForeignKey("archive.SourceDocument", verbose_name="källdokument", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    meeting = models.ForeignKey("meetings.Meeting", verbose_name="möte", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    confidence = models.PositiveSmallIntegerField("läsningens säkerhet (%)", null=True, blank=True)
    # A scanned PDF's pages as images (imports/sidor/<pk>/sida-N.png), made when it is read: the review shows
    # them beside the text that OCR made of them.
    page_images = models.PositiveSmallIntegerField("sidbilder", default=0)
    read_started = models.DateTimeField("läsningen började", null=True, blank=True)
    read_finished = models.DateTimeField("läsningen slutade", null=True, blank=True)

    class Meta:
        ordering = ["batch", "position", "pk"]
        verbose_name = "importfil"
        verbose_name_plural = "importfiler"

    def __str__(self):
        return self.path or self.name

    @property
    def shown_name(self) -> str:
        return self.path or self.name

    @property
    def summary(self) -> str:
        """The reading in one line: kind, body, date, how many items, attendees and warnings."""
        reading = self.reading or {}
        parts = ["Minnesanteckningar" if reading.get("kind") == "minutes" else "Dagordning", self.body_name]
        if reading.get("meeting_date"):
            parts.append(format_date(date.fromisoformat(reading["meeting_date"])))
        parts.append(f"{len(reading.get('items', []))} punkter")
        if reading.get("attendees"):
            parts.append(f"{len(reading['attendees'])} närvarande")
        if reading.get("warnings"):
            parts.append(f"{len(reading['warnings'])} varningar")
        return " · ".join(part for part in parts if part)


class ImportCorrection(TimeStampedModel):
    """What a person said instead of the reader, at one place of a file's reading (a path, see corrections.py).

    Kept with the file: a new reading of it by a later reader gets the same corrections again.
    """

    file = models.ForeignKey(ImportFile, on_delete=models.CASCADE, related_name="corrections")
    path = models.CharField("fält", max_length=300)
    read_value = models.JSONField("läsaren sa", null=True, blank=True)
    value = models.JSONField("rättat till", null=True, blank=True)
    person = models.ForeignKey("directory.Person", verbose_name="kopplad till person", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="rättad av", null=True,
                                on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created", "pk"]
        constraints = [models.UniqueConstraint(fields=["file", "path"], name="one_correction_per_field")]
        verbose_name = "rättelse av läsning"
        verbose_name_plural = "rättelser av läsningar"

    def __str__(self):
        return f"{self.file}: {self.path}"
