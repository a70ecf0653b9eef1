"""Joint money from the state agreements: what came in, what meetings allocated, what was used.

Amounts are whole kronor in integer fields, never floats. What is left of an agreement is what
was received less what is allocated; an allocation's unspent part counts as allocated until the
secretariat returns it to the agreement (``returned``), after which it can be distributed again.
"""

from auditlog.registry import auditlog
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody
from samverkan.directory.models import Body, Organization


class Agreement(BelongsToBody, TimeStampedModel):
    """A state agreement (överenskommelse, ÖK) for one year, whose joint money a body decides on."""

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.PROTECT, related_name="agreements",
                             help_text="Nätverket som beslutar om de länsgemensamma medlen.")
    name = models.CharField("namn", max_length=200, help_text="Kort namn, t.ex. ”ÖK psykisk hälsa”.")
    year = models.PositiveSmallIntegerField("år")
    title = models.CharField("fullständig titel", max_length=500, blank=True)
    notes = models.TextField("anteckningar", blank=True)

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = "överenskommelse"
        verbose_name_plural = "överenskommelser"
        constraints = [
            models.UniqueConstraint(fields=["body", "name", "year"], name="agreement_once_a_year"),
        ]

    def __str__(self):
        return f"{self.name} {self.year}"

    def get_absolute_url(self):
        return reverse("funds:agreement", args=[self.pk])


class FocusArea(BelongsToBody, TimeStampedModel):
    """A focus area of an agreement (inriktningsområde, insatsområde), e.g. ”3.3 Samsjuklighet”."""

    body_path = "agreement.body_id"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="focus_areas")
    code = models.CharField("nummer", max_length=20, blank=True)
    name = models.CharField("namn", max_length=300)

    class Meta:
        ordering = ["agreement", "code", "name"]
        verbose_name = "inriktningsområde"
        verbose_name_plural = "inriktningsområden"
        constraints = [
            models.UniqueConstraint(fields=["agreement", "name"], name="focus_area_once"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}".strip()


class Receipt(BelongsToBody, TimeStampedModel):
    """Money received under an agreement (medel som kommit in), in whole kronor."""

    body_path = "agreement.body_id"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="receipts")
    amount = models.PositiveBigIntegerField("belopp (kr)")
    received_on = models.DateField("datum", null=True, blank=True)
    note = models.CharField("anteckning", max_length=500, blank=True)

    class Meta:
        ordering = ["agreement", "received_on", "pk"]
        verbose_name = "mottagna medel"
        verbose_name_plural = "mottagna medel"

    def __str__(self):
        return f"{self.amount} kr till {self.agreement}"


class PopulationFigure(TimeStampedModel):
    """A municipality's population on a date, as Statistics Sweden (SCB) published it."""

    code = models.CharField("kommunkod", max_length=4)
    name = models.CharField("kommun", max_length=100)
    date = models.DateField("datum")
    population = models.PositiveIntegerField("folkmängd")
    source = models.CharField("källa", max_length=500, blank=True)

    class Meta:
        ordering = ["-date", "code"]
        verbose_name = "folkmängd"
        verbose_name_plural = "folkmängd"
        constraints = [
            models.UniqueConstraint(fields=["code", "date"], name="population_once_a_date"),
        ]

    def __str__(self):
        return f"{self.code} {self.name} {self.date.isoformat()}: {self.population}"


class Distribution(BelongsToBody, TimeStampedModel):
    """A sum split by decision: first between the principals, then the municipalities' part by population.

    Its lines are the allocations it made (``allocations``).
    """

    body_path = "agreement.body_id"

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="distributions")
    total = models.PositiveBigIntegerField("belopp (kr)")
    region = models.ForeignKey(Organization, verbose_name="region", on_delete=models.PROTECT,
                               related_name="+", null=True, blank=True)
    region_weight = models.PositiveIntegerField("regionens andel", default=50)
    municipalities_weight = models.PositiveIntegerField("kommunernas andel", default=50)
    population_date = models.DateField("folkmängd per", null=True, blank=True)
    focus_area = models.ForeignKey(FocusArea, verbose_name="inriktningsområde", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="distributions")
    decided_on = models.DateField("beslutsdatum", null=True, blank=True)
    decision_item = models.ForeignKey(
        "meetings.AgendaItem", verbose_name="beslutspunkt", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="fund_distributions",
    )
    decision_reference = models.CharField("beslut", max_length=300, blank=True,
                                          help_text="Möte och punkt i fritext, t.ex. ”Nätverket 2023-11-09, punkt 9”.")
    note = models.TextField("anteckning", blank=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = "fördelning"
        verbose_name_plural = "fördelningar"
        constraints = [
            models.CheckConstraint(condition=Q(region_weight__gt=0) | Q(municipalities_weight__gt=0),
                                   name="distribution_has_a_share"),
        ]

    def __str__(self):
        return f"Fördelning av {self.total} kr, {self.agreement}"

    def get_absolute_url(self):
        return reverse("funds:distribution", args=[self.pk])


class Allocation(BelongsToBody, TimeStampedModel):
    """Money of an agreement allocated by a decision of a meeting to an organisation or a project."""

    body_path = "agreement.body_id"

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="allocations")
    focus_area = models.ForeignKey(FocusArea, verbose_name="inriktningsområde", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="allocations")
    recipient_organization = models.ForeignKey(
        Organization, verbose_name="mottagare (organisation)", null=True, blank=True,
        on_delete=models.PROTECT, related_name="fund_allocations",
    )
    recipient_project = models.CharField("mottagare (projekt eller uppdrag)", max_length=300, blank=True)
    amount = models.PositiveBigIntegerField("belopp (kr)")
    returned = models.PositiveBigIntegerField(
        "återfört (kr)", default=0,
        help_text="Ej förbrukat belopp som förts tillbaka till överenskommelsen och kan fördelas igen.",
    )
    decided_on = models.DateField("beslutsdatum", null=True, blank=True)
    decision_item = models.ForeignKey(
        "meetings.AgendaItem", verbose_name="beslutspunkt", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="fund_allocations",
    )
    decision_reference = models.CharField("beslut", max_length=300, blank=True)
    note = models.TextField("anteckning", blank=True)
    distribution = models.ForeignKey(Distribution, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="allocations")
    basis_population = models.PositiveIntegerField("folkmängd (underlag)", null=True, blank=True)

    class Meta:
        ordering = ["agreement", "decided_on", "pk"]
        verbose_name = "anslag"
        verbose_name_plural = "anslag"
        constraints = [
            models.CheckConstraint(condition=Q(returned__lte=F("amount")), name="allocation_returned_within"),
            models.CheckConstraint(
                condition=Q(recipient_organization__isnull=False) | ~Q(recipient_project=""),
                name="allocation_has_recipient",
            ),
        ]

    def __str__(self):
        return f"{self.amount} kr till {self.recipient}"

    @property
    def recipient(self) -> str:
        parts = [str(self.recipient_organization) if self.recipient_organization_id else "",
                 self.recipient_project]
        return ": ".join(part for part in parts if part)

    @property
    def net_amount(self) -> int:
        """What the allocation holds of the agreement's money: the amount less what was returned."""
        return self.amount - self.returned


class UseReport(BelongsToBody, TimeStampedModel):
    """Use of an allocation reported by its recipient (redovisad användning)."""

    body_path = "allocation.agreement.body_id"

    allocation = models.ForeignKey(Allocation, on_delete=models.CASCADE, related_name="uses")
    amount = models.PositiveBigIntegerField("belopp (kr)")
    reported_on = models.DateField("redovisat", null=True, blank=True)
    description = models.TextField("vad medlen använts till", blank=True)

    class Meta:
        ordering = ["allocation", "reported_on", "pk"]
        verbose_name = "redovisad användning"
        verbose_name_plural = "redovisad användning"

    def __str__(self):
        return f"{self.amount} kr använt av {self.allocation}"


for _model in (Agreement, FocusArea, Receipt, PopulationFigure, Distribution, Allocation, UseReport):
    auditlog.register(_model, exclude_fields=["created", "modified"])
