"""Follow-through of a decision to each member organisation: recommendations and agreements.

A network decides little on its own: most of what it decides is a recommendation (rekommendation) or an
agreement (överenskommelse) that each member organisation adopts in its own board. A Recommendation is
such a decision; each organisation asked has one Answer (waiting until it reports its own decision),
and each e-mail round to the organisations (the request, then reminders) is a Mailing.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.urls import reverse

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody
from samverkan.directory.models import Body, Organization
from samverkan.matters.models import Matter
from samverkan.meetings.models import AgendaItem


class Recommendation(BelongsToBody, TimeStampedModel):
    """A decision the chosen member organisations are to adopt, with the date answers are wanted by."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", "Rekommendation"
        AGREEMENT = "agreement", "Överenskommelse"

    kind = models.CharField("slag", max_length=20, choices=Kind.choices, default=Kind.RECOMMENDATION)
    title = models.CharField("rubrik", max_length=300)
    matter = models.ForeignKey(Matter, verbose_name="ärende", on_delete=models.CASCADE,
                               related_name="recommendations")
    item = models.ForeignKey(AgendaItem, verbose_name="beslutad under punkt", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="recommendations")
    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.PROTECT, related_name="recommendations",
                             help_text="Organet vars medlemmar tillfrågas och vars sekretariat följer upp.")
    decision_text = models.TextField("beslutets lydelse", blank=True)
    decided_on = models.DateField("beslutsdatum", null=True, blank=True)
    answer_by = models.DateField("svar senast")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = "rekommendation"
        verbose_name_plural = "rekommendationer"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("followup:recommendation", args=[self.pk])


def answer_file_path(answer, filename: str) -> str:
    return f"uppfoljning/{answer.recommendation_id}/{answer.organization_id}/{filename}"


class Answer(BelongsToBody, TimeStampedModel):
    """One organisation's own decision on a recommendation: waiting until it is reported."""

    body_path = "recommendation.body_id"

    class Status(models.TextChoices):
        WAITING = "waiting", "Väntar"
        ADOPTED = "adopted", "Antagen"
        ADOPTED_WITH_CHANGES = "adopted_with_changes", "Antagen med ändringar"
        REJECTED = "rejected", "Avslagen"
        NOT_APPLICABLE = "not_applicable", "Ej aktuell"

    class Via(models.TextChoices):
        LINK = "link", "Via länken i e-postmeddelandet"
        MEMBER = "member", "Inloggad företrädare"
        SECRETARIAT = "secretariat", "Registrerat av sekretariatet"

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="answers")
    organization = models.ForeignKey(Organization, verbose_name="organisation", on_delete=models.PROTECT,
                                     related_name="recommendation_answers")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.WAITING)
    decided_on = models.DateField("beslutsdatum", null=True, blank=True)
    deciding_body = models.CharField("beslutande organ", max_length=200, blank=True,
                                     help_text="Organet i organisationen som beslutade, "
                                               "t.ex. ”Socialnämnden, Borlänge”.")
    registry_number = models.CharField("diarienummer", max_length=100, blank=True)
    link = models.URLField("länk till beslutet", max_length=500, blank=True)
    file = models.FileField("beslutet som fil", upload_to=answer_file_path, blank=True, max_length=300)
    original_name = models.CharField("filnamn", max_length=255, blank=True)
    answered_at = models.DateTimeField("svar registrerat", null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    answered_via = models.CharField("registrerat", max_length=12, choices=Via.choices, blank=True)

    class Meta:
        ordering = ["recommendation", "organization__kind", "organization__name"]
        verbose_name = "svar på rekommendation"
        verbose_name_plural = "svar på rekommendationer"
        constraints = [models.UniqueConstraint(fields=["recommendation", "organization"], name="answer_once")]

    def __str__(self):
        return f"{self.organization}: {self.get_status_display().lower()}"

    @property
    def is_answered(self) -> bool:
        return self.status != self.Status.WAITING

    @property
    def is_adopted(self) -> bool:
        return self.status in (self.Status.ADOPTED, self.Status.ADOPTED_WITH_CHANGES)


class Mailing(BelongsToBody, models.Model):
    """One e-mail round to the organisations that have not answered: the request, or a reminder."""

    body_path = "recommendation.body_id"

    class Kind(models.TextChoices):
        REQUEST = "request", "Begäran om beslut"
        REMINDER = "reminder", "Påminnelse"

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="mailings")
    kind = models.CharField("slag", max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField("skickad", auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    # One entry per organisation: {"organization_id", "organization", "emails": [...], "status", "error"}.
    recipients = models.JSONField("mottagare", default=list)

    class Meta:
        ordering = ["recommendation", "-sent_at", "-pk"]
        verbose_name = "utskick om rekommendation"
        verbose_name_plural = "utskick om rekommendationer"

    def __str__(self):
        return f"{self.get_kind_display()} om {self.recommendation}"

    @property
    def organization_count(self) -> int:
        return len(self.recipients)

    @property
    def unreached(self) -> list[dict]:
        return [entry for entry in self.recipients if entry.get("status") != "sent"]


auditlog.register(Recommendation, exclude_fields=["created", "modified"])
auditlog.register(Answer, exclude_fields=["created", "modified"])
auditlog.register(Mailing)
