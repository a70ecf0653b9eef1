"""Matters (ärenden) that run across meetings, and the assignments (uppdrag) decisions give.

A matter's timeline is built from the agenda items the secretariat has linked to it; suggested
links wait for the secretariat's confirmation and are never part of the timeline until then.
An assignment keeps every deadline it has had, each with the decision that set it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody
from samverkan.directory.models import Body, Organization, Person
from samverkan.meetings.models import AgendaItem, Clause


class Matter(BelongsToBody, TimeStampedModel):
    """A question the network works on over several meetings and bodies."""

    class Status(models.TextChoices):
        OPEN = "open", "Öppet"
        PREPARATION = "preparation", "Under beredning"
        ON_AGENDA = "on_agenda", "På dagordningen"
        DECIDED = "decided", "Beslutat"
        CLOSED = "closed", "Avslutat"

    title = models.CharField("rubrik", max_length=300)
    registry_number = models.CharField("diarienummer", max_length=100, blank=True)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.OPEN)
    description = models.TextField(
        "beskrivning", blank=True,
        help_text="Några meningar om ärendet. Används tillsammans med rubriken för att föreslå punkter.",
    )
    body = models.ForeignKey(
        Body, verbose_name="ansvarigt organ", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="matters",
    )
    items = models.ManyToManyField(AgendaItem, through="MatterItem", related_name="matters", blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = "ärende"
        verbose_name_plural = "ärenden"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("matters:matter", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED


class MatterItem(BelongsToBody, TimeStampedModel):
    """An agenda item and a matter: suggested, confirmed or rejected by the secretariat.

    Only confirmed links belong to the matter's timeline. A rejected suggestion is kept so that
    the same item is never suggested to the same matter again.
    """

    body_path = "matter.body_id"

    class State(models.TextChoices):
        SUGGESTED = "suggested", "Föreslagen"
        CONFIRMED = "confirmed", "Bekräftad"
        REJECTED = "rejected", "Avvisad"

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="links")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="matter_links")
    state = models.CharField("läge", max_length=10, choices=State.choices, default=State.SUGGESTED)
    score = models.FloatField("likhet", null=True, blank=True,
                              help_text="Likheten (0–1) som förslaget byggde på; tom när punkten kopplades för hand.")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField("bekräftad eller avvisad", null=True, blank=True)

    class Meta:
        ordering = ["matter", "-score", "pk"]
        verbose_name = "punkt i ärende"
        verbose_name_plural = "punkter i ärenden"
        constraints = [models.UniqueConstraint(fields=["matter", "item"], name="matter_item_once")]

    def __str__(self):
        return f"{self.matter} – {self.item} ({self.get_state_display().lower()})"


class Assignment(BelongsToBody, TimeStampedModel):
    """An assignment given by a decision: what, who carries it, to whom it reports, by when."""

    body_path = "following_body_id"

    class Status(models.TextChoices):
        ACTIVE = "active", "Pågående"
        COMPLETED = "completed", "Redovisat"
        CANCELLED = "cancelled", "Avbrutet"

    title = models.CharField("uppdrag", max_length=500)
    description = models.TextField("beskrivning", blank=True)
    matter = models.ForeignKey(Matter, verbose_name="ärende", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="assignments")
    item = models.ForeignKey(
        AgendaItem, verbose_name="beslutad under punkt", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="assignments",
    )
    clause = models.ForeignKey(Clause, verbose_name="beslut", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="assignments")
    decision_text = models.TextField("beslutets lydelse", blank=True,
                                     help_text="Kvar även om punkten ersätts vid en ny import.")
    decided_on = models.DateField("beslutsdatum", null=True, blank=True)
    owner_body = models.ForeignKey(Body, verbose_name="ansvarigt organ", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="assignments")
    owner_organization = models.ForeignKey(Organization, verbose_name="ansvarig organisation", null=True,
                                           blank=True, on_delete=models.PROTECT, related_name="assignments")
    owner_person = models.ForeignKey(Person, verbose_name="ansvarig person", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="assignments")
    contact = models.ForeignKey(
        Person, verbose_name="kontaktperson", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="assignment_contacts",
        help_text="Får påminnelserna när en organisation bär uppdraget.",
    )
    reports_to = models.ForeignKey(Body, verbose_name="återrapporteras till", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="reported_assignments")
    deadline = models.DateField("gäller till och med", null=True, blank=True,
                                help_text="Den senaste tidsgränsen; historiken finns i tidsgränserna.")
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.ACTIVE)
    completed_on = models.DateField("redovisat", null=True, blank=True)
    completed_item = models.ForeignKey(
        AgendaItem, verbose_name="redovisat under punkt", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="completed_assignments",
    )

    class Meta:
        ordering = ["deadline", "title"]
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"
        constraints = [
            models.CheckConstraint(
                name="assignment_one_owner",
                condition=(
                    Q(owner_body__isnull=False, owner_organization__isnull=True, owner_person__isnull=True)
                    | Q(owner_body__isnull=True, owner_organization__isnull=False, owner_person__isnull=True)
                    | Q(owner_body__isnull=True, owner_organization__isnull=True, owner_person__isnull=False)
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("matters:assignment", args=[self.pk])

    @property
    def owner(self):
        return self.owner_body or self.owner_organization or self.owner_person

    @property
    def owner_name(self) -> str:
        if self.owner_body:
            return self.owner_body.display_name
        return str(self.owner or "")

    @property
    def following_body_id(self) -> int | None:
        """The body whose secretariat follows this assignment: its carrier, else the one it reports to."""
        if self.owner_body_id or self.reports_to_id:
            return self.owner_body_id or self.reports_to_id
        return self.matter.body_id if self.matter_id else None


class Deadline(BelongsToBody, models.Model):
    """One deadline an assignment has had, with the decision that set it."""

    body_path = "assignment.following_body_id"

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="deadlines")
    due = models.DateField("tidsgräns")
    item = models.ForeignKey(AgendaItem, verbose_name="beslutad under punkt", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="deadline_decisions")
    clause = models.ForeignKey(Clause, verbose_name="beslut", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="deadline_decisions")
    decision_text = models.TextField("beslutets lydelse", blank=True)
    decided_on = models.DateField("beslutsdatum", null=True, blank=True)
    note = models.CharField("anteckning", max_length=500, blank=True)
    set_at = models.DateTimeField("registrerad", auto_now_add=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")

    class Meta:
        ordering = ["assignment", "set_at", "pk"]
        verbose_name = "tidsgräns"
        verbose_name_plural = "tidsgränser"

    def __str__(self):
        return f"{self.assignment}: {self.due.isoformat()}"


class Reminder(BelongsToBody, models.Model):
    """A reminder e-mail sent for one deadline of an assignment; the constraint keeps it to one."""

    body_path = "assignment.following_body_id"

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    due = models.DateField("tidsgräns")
    deadline = models.ForeignKey(Deadline, null=True, blank=True, on_delete=models.SET_NULL, related_name="reminders")
    sent_at = models.DateTimeField("skickad", auto_now_add=True)
    recipients = models.JSONField("mottagare", default=list)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = "påminnelse"
        verbose_name_plural = "påminnelser"
        constraints = [models.UniqueConstraint(fields=["assignment", "due"], name="reminder_once_per_deadline")]

    def __str__(self):
        return f"{self.assignment}: {self.due.isoformat()}"


from auditlog.registry import auditlog  # noqa: E402

auditlog.register(Matter, exclude_fields=["created", "modified"])
auditlog.register(MatterItem, exclude_fields=["created", "modified"])
auditlog.register(Assignment, exclude_fields=["created", "modified"])
auditlog.register(Deadline)
auditlog.register(Reminder)
