"""E-archive packages the secretariat asked for: a body, a period, what to include, and how it went."""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody
from samverkan.language.dates import swedish_date


def export_path(export, filename: str) -> str:
    return f"e-arkiv/{export.body_id}/{filename}"


class ArchiveExport(BelongsToBody, TimeStampedModel):
    """One e-archive package (E-ARK SIP as a ZIP), built in the background and then downloadable."""

    body_path = "body_id"

    class State(models.TextChoices):
        QUEUED = "queued", "I kö"
        RUNNING = "running", "Skapas"
        DONE = "done", "Klart"
        FAILED = "failed", "Misslyckades"

    body = models.ForeignKey("directory.Body", verbose_name="organ", on_delete=models.CASCADE,
                             related_name="archive_exports")
    start = models.DateField("från och med")
    end = models.DateField("till och med")
    include_non_public = models.BooleanField("ta med bilagor som inte är offentliga", default=False)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="beställt av", null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    state = models.CharField("läge", max_length=10, choices=State.choices, default=State.QUEUED)
    error = models.TextField("fel", blank=True)
    file = models.FileField("paket", upload_to=export_path, blank=True, max_length=300)
    size = models.PositiveBigIntegerField("storlek (byte)", default=0)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    objid = models.CharField("paketets id", max_length=100, blank=True)
    meetings = models.PositiveIntegerField("möten", default=0)
    documents = models.PositiveIntegerField("filer", default=0)
    started = models.DateTimeField("började", null=True, blank=True)
    finished = models.DateTimeField("klart", null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = "e-arkivpaket"
        verbose_name_plural = "e-arkivpaket"

    def __str__(self):
        return f"{self.body.display_name} {swedish_date(self.start)}–{swedish_date(self.end)}"

    @property
    def is_pending(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    @property
    def file_name(self) -> str:
        return f"e-arkiv-{self.body.slug}-{self.start.isoformat()}--{self.end.isoformat()}.zip"


# Who asked for which body's records, for which period, and whether non-public attachments went in.
auditlog.register(ArchiveExport, include_fields=["body", "start", "end", "include_non_public"])
