"""Organisations, bodies and people, named after OParl 1.1."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from samverkan.core.models import TimeStampedModel
from samverkan.core.ownership import BelongsToBody
from samverkan.core.text import normalize_name


class Organization(TimeStampedModel):
    """A principal: a municipality, a region or another organisation."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", "Kommun"
        REGION = "region", "Region"
        OTHER = "other", "Annan"

    name = models.CharField("namn", max_length=200, unique=True)
    kind = models.CharField("typ", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    code = models.CharField("kommunkod", max_length=10, blank=True)
    slug = models.SlugField(max_length=200, unique=True)
    registry_email = models.EmailField(
        "registratorns e-post", blank=True,
        help_text="Organisationens registratur (diarium): dit protokollsutdrag expedieras, t.ex. kommun@borlange.se.",
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = "organisation"
        verbose_name_plural = "organisationer"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("web:organization", args=[self.slug])


class Body(BelongsToBody, TimeStampedModel):
    """A body that meets: the network, its steering group, councils, working groups."""

    body_path = "pk"

    name = models.CharField("namn", max_length=200, unique=True)
    short_name = models.CharField("kortnamn", max_length=100, blank=True)
    abbreviation = models.CharField("förkortning", max_length=30, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name="överordnat organ", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="children",
    )
    slug = models.SlugField(max_length=200, unique=True)
    secretaries = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="sekretariat", blank=True, related_name="served_bodies",
        help_text="Användare som sköter organets möten: planerar, kallar, antecknar och publicerar.",
    )
    attachments_public_by_default = models.BooleanField(
        "Bilagor är offentliga som standard", default=True,
        help_text="Rutan ”Offentlig” är ikryssad när en bilaga laddas upp; den kan ändras för varje bilaga.",
    )
    certify_extracts = models.BooleanField(
        "Utdrag bestyrks med ”Rätt utdraget intygar”", default=True,
        help_text="Utdrag ur justerade minnesanteckningar får sekreterarens namn och datum under ”Rätt utdraget "
                  "intygar”.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "organ"
        verbose_name_plural = "organ"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.abbreviation or self.name)
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        return self.short_name or self.name


class Person(TimeStampedModel):
    """A person, recorded once: names equal after normalisation are the same person."""

    name = models.CharField("namn", max_length=200)
    name_key = models.CharField(max_length=200, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name="organisation", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="people",
    )
    title = models.CharField("befattning", max_length=200, blank=True)
    email = models.EmailField("e-post", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="användarkonto", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="person",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "personer"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = normalize_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("web:person", args=[self.pk])


class Membership(BelongsToBody, TimeStampedModel):
    """A person's place in a body, for an organisation and a role, over a period."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    role = models.CharField("roll", max_length=100, blank=True)
    start_date = models.DateField("från", null=True, blank=True)
    end_date = models.DateField("till", null=True, blank=True)
    acting = models.BooleanField("tillförordnad", default=False)

    class Meta:
        ordering = ["body", "person"]
        verbose_name = "medlemskap"
        verbose_name_plural = "medlemskap"

    def __str__(self):
        return f"{self.person} i {self.body}"


class DistinctPeople(TimeStampedModel):
    """The secretariat's word that two similar names are different people."""

    first = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="distinct_people_pair"),
        ]
        verbose_name = "bekräftat olika personer"
        verbose_name_plural = "bekräftat olika personer"
