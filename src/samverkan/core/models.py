"""Fields every record shares (as in OParl: created, modified)."""

from django.db import models


class TimeStampedModel(models.Model):
    created = models.DateTimeField("skapad", auto_now_add=True)
    modified = models.DateTimeField("ändrad", auto_now=True)

    class Meta:
        abstract = True
