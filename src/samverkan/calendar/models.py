"""Year calendars, planned dates, external calendars, recurring meetings and calendar feeds.

The tables keep the names they had when these models lived in the meetings app.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody
from samverkan.directory.models import Body, Person
from samverkan.meetings.models import AgendaItem, Meeting

WEEKDAYS = [(0, "måndag"), (1, "tisdag"), (2, "onsdag"), (3, "torsdag"), (4, "fredag"), (5, "lördag"),
            (6, "söndag")]


class CalendarPlan(BelongsToBody, TimeStampedModel):
    """A body's proposed year calendar; the secretariat adjusts it and adopts it into meetings."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Förslag"
        ADOPTED = "adopted", "Fastställt"

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.CASCADE, related_name="calendar_plans")
    year = models.PositiveIntegerField("år")
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.DRAFT)
    count = models.PositiveIntegerField("antal möten")
    weekday = models.PositiveSmallIntegerField("veckodag", choices=WEEKDAYS, default=3)
    start_time = models.TimeField("starttid")
    end_time = models.TimeField("sluttid", null=True, blank=True)
    excluded_months = models.JSONField("månader utan möten", default=list, blank=True)
    alternate_modes = models.BooleanField("varannan gång på plats och digitalt", default=False)
    first_mode = models.CharField("första mötets form", max_length=10, choices=Meeting.Mode.choices,
                                  default=Meeting.Mode.ON_SITE)
    location = models.CharField("plats vid möten på plats", max_length=300, blank=True)
    digital_location = models.CharField("plats vid digitala möten", max_length=300, blank=True, default="Teams")
    notes = models.JSONField("anmärkningar", default=list, blank=True)
    adopted_at = models.DateTimeField("fastställt", null=True, blank=True)
    adopted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decision_item = models.ForeignKey(AgendaItem, verbose_name="beslutspunkt", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="calendar_plans")

    class Meta:
        db_table = "meetings_calendarplan"
        ordering = ["body", "-year"]
        verbose_name = "kalendarium"
        verbose_name_plural = "kalendarier"
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="calendar_plan_once")]

    def __str__(self):
        return f"Kalendarium {self.year} för {self.body.display_name}"


class PlannedDate(BelongsToBody, models.Model):
    """One date of a year calendar, with why it was chosen or moved."""

    body_path = "plan.body_id"

    plan = models.ForeignKey(CalendarPlan, on_delete=models.CASCADE, related_name="dates")
    date = models.DateField("datum")
    start_time = models.TimeField("starttid")
    end_time = models.TimeField("sluttid", null=True, blank=True)
    mode = models.CharField("form", max_length=10, choices=Meeting.Mode.choices, default=Meeting.Mode.ON_SITE)
    location = models.CharField("plats", max_length=300, blank=True)
    preferred_date = models.DateField("önskat datum", null=True, blank=True)
    reason = models.TextField("skäl", blank=True)
    conflicts = models.JSONField("krockar", default=list, blank=True)
    adjusted = models.BooleanField("ändrat av sekretariatet", default=False)
    meeting = models.OneToOneField(Meeting, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="planned_date")

    class Meta:
        db_table = "meetings_planneddate"
        ordering = ["plan", "date"]
        verbose_name = "datum i kalendarium"
        verbose_name_plural = "datum i kalendarium"

    def __str__(self):
        return self.date.isoformat()


class ExternalCalendar(TimeStampedModel):
    """Another organisation's meetings imported from an .ics file, checked for conflicts."""

    name = models.CharField("namn", max_length=200)
    bodies = models.ManyToManyField(
        Body, verbose_name="gäller för", blank=True, related_name="external_calendars",
        help_text="Organ vars kalendarium ska undvika krockar med kalendern. Tomt: alla organ.")
    ics = models.TextField("iCalendar-data")
    source_name = models.CharField("filnamn", max_length=255, blank=True)
    event_count = models.PositiveIntegerField("antal händelser", default=0)

    class Meta:
        db_table = "meetings_externalcalendar"
        ordering = ["name"]
        verbose_name = "extern kalender"
        verbose_name_plural = "externa kalendrar"

    def __str__(self):
        return self.name


class MeetingSeries(BelongsToBody, TimeStampedModel):
    """A recurring meeting of a body, e.g. the weekly status meeting on Fridays at 08:00."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "Varje vecka"
        MONTHLY = "monthly", "Varje månad"

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.CASCADE, related_name="meeting_series")
    title = models.CharField("rubrik", max_length=300)
    frequency = models.CharField("återkommer", max_length=10, choices=Frequency.choices,
                                 default=Frequency.WEEKLY)
    interval = models.PositiveSmallIntegerField("intervall", default=1,
                                                help_text="1 = varje vecka, 2 = varannan vecka …")
    weekday = models.PositiveSmallIntegerField("veckodag", choices=WEEKDAYS, default=4)
    start_time = models.TimeField("starttid")
    end_time = models.TimeField("sluttid", null=True, blank=True)
    start_date = models.DateField("från")
    end_date = models.DateField("till och med", null=True, blank=True)
    location = models.CharField("plats", max_length=300, blank=True)
    mode = models.CharField("form", max_length=10, choices=Meeting.Mode.choices, default=Meeting.Mode.DIGITAL)
    skip_holidays = models.BooleanField("inte på helgdagar", default=True)
    public = models.BooleanField("visas i den offentliga kalendern", default=False)
    decision_item = models.ForeignKey(AgendaItem, verbose_name="beslutspunkt", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="meeting_series")

    class Meta:
        db_table = "meetings_meetingseries"
        ordering = ["body", "weekday", "start_time"]
        verbose_name = "återkommande möte"
        verbose_name_plural = "återkommande möten"

    def __str__(self):
        return f"{self.title} ({self.body.display_name})"


class CalendarSubscription(TimeStampedModel):
    """The secret address of a person's calendar feed; a new token makes the old address stop working."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="calendar_subscription")
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        db_table = "meetings_calendarsubscription"
        verbose_name = "kalenderprenumeration"
        verbose_name_plural = "kalenderprenumerationer"

    def __str__(self):
        return f"Kalender för {self.person}"


auditlog.register(CalendarPlan, exclude_fields=["created", "modified"])
auditlog.register(PlannedDate)
auditlog.register(ExternalCalendar, exclude_fields=["created", "modified", "ics"])
auditlog.register(MeetingSeries, exclude_fields=["created", "modified"])
