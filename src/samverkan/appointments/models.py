"""Appointments and the rules of procedure (arbetsordning) as data.

The tables keep the names they had when these models lived in the directory app.
"""

from auditlog.registry import auditlog
from django.db import models

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody
from samverkan.directory.models import Body, Membership, Organization, Person
from samverkan.meetings.models import AgendaItem

SIDE_LABELS = {Organization.Kind.REGION: "regionen", Organization.Kind.MUNICIPALITY: "kommunerna",
               Organization.Kind.OTHER: "annan"}


class BodyRules(BelongsToBody, TimeStampedModel):
    """A body's rules of procedure as data: how chair and vice chair are chosen."""

    class TermLength(models.TextChoices):
        YEAR = "year", "Kalenderår"

    body = models.OneToOneField(Body, verbose_name="organ", on_delete=models.CASCADE, related_name="rules")
    alternate_chair = models.BooleanField(
        "ordförandeposten växlar", default=True,
        help_text="Ordförande och vice ordförande växlar mellan regionen och kommunerna för varje mandatperiod.")
    alternation_section = models.CharField("paragraf om växling", max_length=30, blank=True, default="2 §")
    chair_in_steering_group = models.BooleanField(
        "ordförande och vice ordförande ingår i styrgruppen", default=True)
    steering_group_section = models.CharField("paragraf om styrgruppen", max_length=30, blank=True, default="3 §")
    steering_group = models.ForeignKey(
        Body, verbose_name="styrgrupp", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    term_length = models.CharField("mandatperiod", max_length=10, choices=TermLength.choices,
                                   default=TermLength.YEAR)

    class Meta:
        db_table = "directory_bodyrules"
        verbose_name = "arbetsordning"
        verbose_name_plural = "arbetsordningar"

    def __str__(self):
        return f"Arbetsordning för {self.body}"


class Appointment(BelongsToBody, TimeStampedModel):
    """A person appointed to a role for a term, with the decision that made it."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Ordförande"
        VICE_CHAIR = "vice_chair", "Vice ordförande"
        MEMBER = "member", "Ledamot"
        PROCESS_LEADER = "process_leader", "Processledare"
        REPRESENTATIVE = "representative", "Representant"

    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.PROTECT,
                               related_name="appointments")
    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.CASCADE, related_name="appointments",
                             help_text="Organet där förtroendeuppdraget utförs, t.ex. styrgruppen för en ledamot.")
    appointed_by = models.ForeignKey(
        Body, verbose_name="beslutat av", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="appointments_made")
    role = models.CharField("förtroendeuppdrag", max_length=20, choices=Role.choices)
    side = models.CharField("företräder", max_length=20, choices=Organization.Kind.choices, blank=True,
                            help_text="Regionen eller kommunerna; hämtas från personens organisation.")
    organization = models.ForeignKey(Organization, verbose_name="organisation", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="appointments")
    start_date = models.DateField("från", null=True, blank=True)
    end_date = models.DateField("till och med", null=True, blank=True)
    decided_on = models.DateField("beslutsdatum", null=True, blank=True)
    decision_item = models.ForeignKey(
        AgendaItem, verbose_name="beslutspunkt", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="appointments")
    decision_text = models.TextField("beslut", blank=True)
    membership = models.ForeignKey(Membership, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="appointments", editable=False)
    ended_on = models.DateField("avslutat", null=True, blank=True)
    end_reason = models.CharField("skäl till avslut", max_length=300, blank=True)

    class Meta:
        db_table = "directory_appointment"
        ordering = ["body", "-start_date", "role"]
        verbose_name = "förtroendeuppdrag"
        verbose_name_plural = "förtroendeuppdrag"
        indexes = [models.Index(fields=["body", "role", "start_date"])]

    def __str__(self):
        return f"{self.person} – {self.get_role_display().lower()} i {self.body.display_name}"

    @property
    def last_day(self):
        """The last day of the appointment: ended early, or at the end of the term."""
        if self.ended_on and (self.end_date is None or self.ended_on < self.end_date):
            return self.ended_on
        return self.end_date

    @property
    def side_label(self):
        return SIDE_LABELS.get(self.side, "")


class RuleException(BelongsToBody, TimeStampedModel):
    """A decided exception from a body's rules for one appointment (seed 002, item 5)."""

    body_path = "appointment.body_id"

    class Rule(models.TextChoices):
        ALTERNATION = "alternate_chair", "Växling mellan regionen och kommunerna"
        STEERING_GROUP = "chair_in_steering_group", "Ordförande och vice ordförande i styrgruppen"

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="exceptions")
    rule = models.CharField("regel", max_length=30, choices=Rule.choices)
    decided_on = models.DateField("beslutsdatum", null=True, blank=True)
    decision_item = models.ForeignKey(
        AgendaItem, verbose_name="beslutspunkt", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="rule_exceptions")
    decision_text = models.TextField("beslut", blank=True)

    class Meta:
        db_table = "directory_ruleexception"
        ordering = ["appointment", "rule"]
        verbose_name = "undantag från arbetsordningen"
        verbose_name_plural = "undantag från arbetsordningen"
        constraints = [models.UniqueConstraint(fields=["appointment", "rule"], name="rule_exception_once")]

    def __str__(self):
        return f"Undantag: {self.get_rule_display()} ({self.appointment})"


class Election(BelongsToBody, TimeStampedModel):
    """An election to a role for a term that a body tabled; open until someone is appointed."""

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.CASCADE, related_name="elections")
    role = models.CharField("förtroendeuppdrag", max_length=20, choices=Appointment.Role.choices)
    term_start = models.DateField("mandatperiod från")
    term_end = models.DateField("mandatperiod till och med")
    tabled_item = models.ForeignKey(
        AgendaItem, verbose_name="bordlagd på", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="tabled_elections")
    tabled_on = models.DateField("bordlagd", null=True, blank=True)
    decided_by = models.OneToOneField(Appointment, verbose_name="avgjord genom", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="election")

    class Meta:
        db_table = "directory_election"
        ordering = ["body", "term_start", "role"]
        verbose_name = "val"
        verbose_name_plural = "val"
        constraints = [models.UniqueConstraint(fields=["body", "role", "term_start"], name="election_once")]

    def __str__(self):
        return f"Val av {self.get_role_display().lower()} {self.term_start.year} i {self.body.display_name}"

    @property
    def is_open(self):
        return self.decided_by_id is None


auditlog.register(BodyRules, exclude_fields=["created", "modified"])
auditlog.register(Appointment, exclude_fields=["created", "modified"])
auditlog.register(RuleException, exclude_fields=["created", "modified"])
auditlog.register(Election, exclude_fields=["created", "modified"])
