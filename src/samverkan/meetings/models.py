"""Meetings with their agenda items, proposals, decisions and attendance."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody
from samverkan.directory.models import Body, Organization, Person
from samverkan.language.dates import swedish_date


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
        CANCELLED = "cancelled", "Inställt"

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField("datum", null=True, blank=True)
    start_time = models.TimeField("starttid", null=True, blank=True)
    end_time = models.TimeField("sluttid", null=True, blank=True)
    location = models.CharField("plats", max_length=300, blank=True)
    online_link = models.URLField("digital länk", max_length=500, blank=True,
                                  help_text="Länken till det digitala mötet (Teams, Zoom …), om det finns ett.")
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
    finished_on = models.DateField(
        "färdigställt", null=True, blank=True,
        help_text="Dagen minnesanteckningarna först publicerades, justerade: då blev de allmän handling "
                  "(TF 2 kap.). En rättelse ändrar inte dagen.",
    )
    cancellation_reason = models.TextField("skäl att ställa in", blank=True)
    lock_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "möte"
        verbose_name_plural = "möten"
        indexes = [models.Index(fields=["body", "date"])]

    def __str__(self):
        when = swedish_date(self.date) if self.date else "utan datum"  # shown on pages: Swedish
        return f"{self.body.display_name} {when}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

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
            separator = "" if self.number.isalpha() else "."
            return f"{self.parent.number}{separator}{self.number}"
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

    def __str__(self):
        return f"{self.person} föredrar {self.item}"


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

    def __str__(self):
        return f"{self.person} vid {self.meeting}"


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

    def __str__(self):
        return f"Kallelse version {self.version} till {self.meeting}"


class NoticeDelivery(BelongsToBody, models.Model):
    """One e-mail of a notice to one person: sent, or failed with the server's error."""

    body_path = "dispatch.meeting.body_id"

    class Status(models.TextChoices):
        SENT = "sent", "Skickad"
        FAILED = "failed", "Misslyckades"

    dispatch = models.ForeignKey(NoticeDispatch, on_delete=models.CASCADE, related_name="deliveries")
    person = models.ForeignKey(Person, verbose_name="mottagare", null=True, on_delete=models.SET_NULL,
                               related_name="notice_deliveries")
    name = models.CharField("namn", max_length=200)
    email = models.EmailField("e-post")
    sent_at = models.DateTimeField("skickad", auto_now_add=True)
    status = models.CharField("status", max_length=10, choices=Status.choices)
    error = models.TextField("fel", blank=True)

    class Meta:
        ordering = ["dispatch", "name", "sent_at", "pk"]
        verbose_name = "leverans av kallelse"
        verbose_name_plural = "leveranser av kallelser"

    def __str__(self):
        return f"{self.dispatch} till {self.email}: {self.get_status_display().lower()}"


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
    finished_on = models.DateField("färdigställd", null=True, blank=True,
                                   help_text="Dagen den här versionen färdigställdes (publicerades).")
    # The meeting's rows as published (meetings.published.snapshot): what everyone but the
    # secretariat reads. Null for versions published before snapshots were kept.
    snapshot = models.JSONField("publicerad läsning", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["meeting", "-version"]
        verbose_name = "publicerad version av minnesanteckningar"
        verbose_name_plural = "publicerade versioner av minnesanteckningar"
        constraints = [models.UniqueConstraint(fields=["meeting", "version"], name="minutes_version_once")]

    def __str__(self):
        return f"Minnesanteckningar version {self.version} för {self.meeting}"


class Forwarding(BelongsToBody, TimeStampedModel):
    """An item a body forwarded ('överlämnade') to another body, waiting on that body's agenda.

    Made and kept in step by the recording actions when an item's outcome is 'forwarded' with a
    target body; the receiving body's secretariat takes it up on an agenda (`received_into`) or
    dismisses it with a reason. It belongs to the receiving body: its secretariat acts on it.
    """

    body_path = "to_body_id"

    item = models.OneToOneField(AgendaItem, verbose_name="överlämnad punkt", on_delete=models.CASCADE,
                                related_name="forwarding")
    to_body = models.ForeignKey(Body, verbose_name="till organ", on_delete=models.PROTECT,
                                related_name="incoming_forwardings")
    forwarded_at = models.DateTimeField("överlämnad")
    notified_at = models.DateTimeField("sekretariatet meddelat", null=True, blank=True)
    received_into = models.OneToOneField(
        AgendaItem, verbose_name="tagen upp som", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="received_forwarding",
        help_text="Punkten på det mottagande organets dagordning.",
    )
    received_at = models.DateTimeField("tagen upp", null=True, blank=True)
    dismissed_at = models.DateTimeField("avvisad", null=True, blank=True)
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    dismissal_reason = models.TextField("skäl att avvisa", blank=True)

    class Meta:
        ordering = ["to_body", "forwarded_at", "pk"]
        verbose_name = "överlämnat ärende"
        verbose_name_plural = "överlämnade ärenden"

    def __str__(self):
        return f"{self.item.title} till {self.to_body.display_name}"

    @property
    def is_received(self) -> bool:
        return self.received_at is not None

    @property
    def is_dismissed(self) -> bool:
        return self.dismissed_at is not None


class Verifier(BelongsToBody, models.Model):
    """A justerare named for a meeting's minutes, and when the minutes were verified (justerade).

    The justerare confirms in the app (`recorded_by` empty), or the secretariat records that the
    minutes were verified without changes on their behalf (`recorded_by` the secretary)."""

    body_path = "meeting.body_id"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="verifiers")
    person = models.ForeignKey(Person, verbose_name="justerare", on_delete=models.PROTECT,
                               related_name="verifications")
    verified_at = models.DateTimeField("justerat", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="registrerat av", null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["meeting", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="one_verifier_per_person")]
        verbose_name = "justerare"
        verbose_name_plural = "justerare"

    def __str__(self):
        return f"{self.person.name}, justerare"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class ExtractDispatch(BelongsToBody, models.Model):
    """An extract (utdrag) of one item's decision sent out (expedierat): when, by whom, to whom, from
    which published version of the minutes."""

    body_path = "item.meeting.body_id"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="extract_dispatches")
    minutes_version = models.ForeignKey(MinutesVersion, verbose_name="version av minnesanteckningarna",
                                        on_delete=models.PROTECT, related_name="extract_dispatches")
    sent_at = models.DateTimeField("expedierat", auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    subject = models.CharField("ämne", max_length=500)
    message = models.TextField("meddelande")

    class Meta:
        ordering = ["item", "-sent_at", "-pk"]
        verbose_name = "expediering av utdrag"
        verbose_name_plural = "expedieringar av utdrag"

    def __str__(self):
        return f"Utdrag ur {self.item} expedierat"


class ExtractRecipient(BelongsToBody, models.Model):
    """One recipient of a dispatched extract: an organisation's registry, a person, a body's secretary or a
    typed address; sent, or failed with the mail server's answer."""

    body_path = "dispatch.item.meeting.body_id"

    class Kind(models.TextChoices):
        REGISTRY = "registry", "Registrator"
        PERSON = "person", "Person"
        BODY = "body", "Organ"
        ADDRESS = "address", "E-postadress"

    class Status(models.TextChoices):
        SENT = "sent", "Skickad"
        FAILED = "failed", "Misslyckades"

    dispatch = models.ForeignKey(ExtractDispatch, on_delete=models.CASCADE, related_name="recipients")
    kind = models.CharField("slag", max_length=10, choices=Kind.choices)
    name = models.CharField("namn", max_length=300)
    email = models.EmailField("e-post")
    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="received_extracts")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="received_extracts")
    to_body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="received_extracts")
    status = models.CharField("status", max_length=10, choices=Status.choices)
    error = models.TextField("fel", blank=True)

    class Meta:
        ordering = ["dispatch", "pk"]
        verbose_name = "mottagare av utdrag"
        verbose_name_plural = "mottagare av utdrag"

    def __str__(self):
        return f"{self.name} <{self.email}>"
