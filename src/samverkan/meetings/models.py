"""Meetings with their agenda items, proposals, decisions and attendance."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody
from samverkan.directory.models import Body, Organization, Person


class Meeting(BelongsToBody, TimeStampedModel):
    """One meeting of a body; its agenda and its minutes are read into the same meeting."""

    class Mode(models.TextChoices):
        ON_SITE = "on_site", "På plats"
        DIGITAL = "digital", "Digitalt"
        HYBRID = "hybrid", "På plats och digitalt"
        UNKNOWN = "unknown", "Okänt"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planerat"
        NOTIFIED = "notified", "Kallat"
        RECORDED = "recorded", "Genomfört"
        PUBLISHED = "published", "Publicerat"

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField("datum", null=True, blank=True)
    start_time = models.TimeField("starttid", null=True, blank=True)
    end_time = models.TimeField("sluttid", null=True, blank=True)
    location = models.CharField("plats", max_length=300, blank=True)
    mode = models.CharField("form", max_length=10, choices=Mode.choices, default=Mode.UNKNOWN)
    registry_number = models.CharField("diarienummer", max_length=100, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.PLANNED)
    previous_minutes_date = models.DateField(
        "föregående minnesanteckningar", null=True, blank=True,
        help_text="Datum för de minnesanteckningar som dagordningen hänvisar till.",
    )
    published_at = models.DateTimeField(
        "publicerat", null=True, blank=True,
        help_text="När mötets minnesanteckningar blev offentliga. Arkivhandlingar är offentliga när de importeras.",
    )
    minutes_date = models.DateField(
        "minnesanteckningarnas datum", null=True, blank=True,
        help_text="Datum som minnesanteckningarna bär ('Datum: 2023-11-15'), oftast några dagar efter mötet.",
    )
    lock_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "möte"
        verbose_name_plural = "möten"
        indexes = [models.Index(fields=["body", "date"])]

    def __str__(self):
        when = self.date.isoformat() if self.date else "utan datum"
        return f"{self.body.display_name} {when}"

    def get_absolute_url(self):
        return reverse("web:meeting", args=[self.pk])

    @property
    def previous_meeting(self):
        """The meeting whose minutes this meeting approved, when it is in the archive."""
        if not self.previous_minutes_date:
            return None
        return Meeting.objects.filter(body=self.body, date=self.previous_minutes_date).first()


class AgendaItem(BelongsToBody, TimeStampedModel):
    """A numbered item (or sub-item) on a meeting's agenda."""

    body_path = "meeting.body_id"

    class Type(models.TextChoices):
        PROCEDURAL = "procedural", "Formalia"
        DECISION = "decision", "Beslut"
        INFORMATION = "information", "Information"
        REPORT = "report", "Rapport"
        OTHER_BUSINESS = "other_business", "Övriga frågor"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="subitems"
    )
    number = models.CharField("nummer", max_length=10)
    position = models.PositiveIntegerField("ordning", default=0)
    title = models.CharField("rubrik", max_length=1000)
    type = models.CharField("typ", max_length=20, choices=Type.choices, default=Type.INFORMATION)
    class Outcome(models.TextChoices):
        OPEN = "", "Ej behandlad"
        DECIDED = "decided", "Beslutad"
        TABLED = "tabled", "Bordlagd"
        TAKEN_BACK = "taken_back", "Återtagen för beredning"
        FORWARDED = "forwarded", "Överlämnad"

    agenda_text = models.TextField("underlag", blank=True)
    minutes_text = models.TextField("anteckningar", blank=True)
    outcome = models.CharField("utfall", max_length=12, choices=Outcome.choices, blank=True, default="")
    forwarded_to = models.ForeignKey(
        Body, verbose_name="överlämnad till", null=True, blank=True, on_delete=models.PROTECT,
        related_name="forwarded_items",
    )
    continues = models.ForeignKey(
        "self", verbose_name="fortsättning på", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="continuations",
        help_text="Punkten på ett tidigare möte som bordlades eller återtogs och tas upp igen här.",
    )
    lock_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["meeting", "parent_id", "position"]
        verbose_name = "punkt"
        verbose_name_plural = "punkter"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], condition=models.Q(parent=None),
                                    name="item_number_unique"),
            models.UniqueConstraint(fields=["meeting", "parent", "number"],
                                    condition=models.Q(parent__isnull=False), name="subitem_number_unique"),
        ]

    def __str__(self):
        return f"{self.full_number}. {self.title}"

    @property
    def full_number(self):
        if self.parent_id:
            return f"{self.parent.number}{self.number}" if self.number.isalpha() else f"{self.parent.number}.{self.number}"
        return self.number

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#punkt-{self.pk}"

    @property
    def proposals(self):
        return [c for c in self.clauses.all() if c.kind == Clause.Kind.PROPOSAL]

    @property
    def decisions(self):
        return [c for c in self.clauses.all() if c.kind == Clause.Kind.DECISION]


class ItemPart(models.Model):
    """Something recorded on an item or meeting, in order, by the document it came from.

    Parts that came from an imported file go when a new version of that file replaces it.
    """

    position = models.PositiveIntegerField("ordning", default=0)
    source = models.ForeignKey(
        "archive.SourceDocument", null=True, blank=True, on_delete=models.CASCADE,
        related_name="%(class)ss",
    )

    class Meta:
        abstract = True


class Clause(BelongsToBody, ItemPart):
    """One att-clause: a proposal ('Förslag till beslut') or a decision ('beslutade')."""

    body_path = "item.meeting.body_id"

    class Kind(models.TextChoices):
        PROPOSAL = "proposal", "Förslag"
        DECISION = "decision", "Beslut"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="clauses")
    kind = models.CharField("slag", max_length=10, choices=Kind.choices)
    text = models.TextField("text")

    class Meta:
        ordering = ["item", "kind", "position"]
        verbose_name = "att-sats"
        verbose_name_plural = "att-satser"

    def __str__(self):
        return self.text


class Presentation(BelongsToBody, ItemPart):
    """A person presenting an item ('Föredragande'), with the title given there."""

    body_path = "item.meeting.body_id"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="presentations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="presentations")
    title = models.CharField("titel", max_length=300, blank=True)

    class Meta:
        ordering = ["item", "position"]
        verbose_name = "föredragande"
        verbose_name_plural = "föredragande"


def attachment_path(attachment, filename: str) -> str:
    return f"bilagor/{attachment.item.meeting_id}/{attachment.sha256[:16]}/{filename}"


class Attachment(BelongsToBody, ItemPart):
    """An attachment on an item, 'Bilaga N': a label read from a document, or an uploaded file."""

    body_path = "item.meeting.body_id"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="attachments")
    label = models.CharField("bilaga", max_length=50)
    file = models.FileField("fil", upload_to=attachment_path, blank=True, max_length=300)
    original_name = models.CharField("filnamn", max_length=255, blank=True)
    content_type = models.CharField("filtyp", max_length=100, blank=True)
    size = models.PositiveIntegerField("storlek (byte)", null=True, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    public = models.BooleanField("offentlig", default=False,
                                 help_text="Får visas för allmänheten när minnesanteckningarna är publicerade.")

    class Meta:
        ordering = ["item", "position"]
        verbose_name = "bilaga"
        verbose_name_plural = "bilagor"

    def __str__(self):
        return self.label


class Attendance(BelongsToBody, ItemPart):
    """A person present at a meeting, for an organisation, with the title written there."""

    body_path = "meeting.body_id"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendances"
    )
    title = models.CharField("titel", max_length=300, blank=True)
    acting = models.BooleanField("tillförordnad (tf)", default=False)
    substitute_for = models.ForeignKey(
        Person, verbose_name="ersättare för", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="substituted_by",
    )

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = "närvaro"
        verbose_name_plural = "närvaro"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once"),
        ]


class NoticeDispatch(BelongsToBody, models.Model):
    """A notice with agenda sent to the members: which version went to whom, and when."""

    body_path = "meeting.body_id"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="dispatches")
    version = models.PositiveIntegerField("version")
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 av dagordningens innehåll.")
    sent_at = models.DateTimeField("skickad", auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recipients = models.JSONField("mottagare", default=list)

    class Meta:
        ordering = ["meeting", "-version"]
        verbose_name = "utskick av kallelse"
        verbose_name_plural = "utskick av kallelser"
        constraints = [models.UniqueConstraint(fields=["meeting", "version"], name="dispatch_version_once")]


class MinutesVersion(BelongsToBody, models.Model):
    """A published version of the minutes, kept as it was when it was published."""

    body_path = "meeting.body_id"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes_versions")
    version = models.PositiveIntegerField("version")
    published_at = models.DateTimeField("publicerad", auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    text = models.TextField("minnesanteckningar som text")
    note = models.TextField("vad som ändrats", blank=True)

    class Meta:
        ordering = ["meeting", "-version"]
        verbose_name = "publicerad version av minnesanteckningar"
        verbose_name_plural = "publicerade versioner av minnesanteckningar"
        constraints = [models.UniqueConstraint(fields=["meeting", "version"], name="minutes_version_once")]


# Year calendar (kalendarium), external calendars, recurring meetings and feeds ------------------

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
        verbose_name = "kalenderprenumeration"
        verbose_name_plural = "kalenderprenumerationer"

    def __str__(self):
        return f"Kalender för {self.person}"


from auditlog.registry import auditlog  # noqa: E402

auditlog.register(CalendarPlan, exclude_fields=["created", "modified"])
auditlog.register(PlannedDate)
auditlog.register(ExternalCalendar, exclude_fields=["created", "modified", "ics"])
auditlog.register(MeetingSeries, exclude_fields=["created", "modified"])
