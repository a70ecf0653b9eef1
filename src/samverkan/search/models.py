"""The search index: one denormalised entry per agenda item."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from samverkan.directory.models import Body
from samverkan.meetings.models import AgendaItem, Meeting


class SearchEntry(models.Model):
    """An agenda item's searchable text and filter fields, rebuilt whenever its meeting is indexed.

    On PostgreSQL `search_vector` holds the weighted Swedish tsvector (GIN index created in
    migration 0002); on SQLite the stemmed text lives in the FTS5 table `search_fts`, rowid = item id.
    """

    item = models.OneToOneField(
        AgendaItem, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="search_entries")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="search_entries")
    date = models.DateField("datum", null=True, blank=True)
    year = models.PositiveSmallIntegerField("år", null=True, blank=True)
    item_type = models.CharField("typ", max_length=20, choices=AgendaItem.Type.choices)
    title = models.TextField("rubrik")
    body_text = models.TextField("text", blank=True)
    clauses_text = models.TextField("förslag och beslut", blank=True)
    presenters = models.TextField("föredragande", blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "sökpost"
        verbose_name_plural = "sökposter"
        indexes = [
            models.Index(fields=["year", "item_type"]),
            models.Index(fields=["body", "year"]),
        ]

    def __str__(self):
        return self.title

    @property
    def texts(self) -> list[str]:
        """The indexed texts, in the order a snippet prefers them."""
        return [self.body_text, self.clauses_text, self.presenters, self.title]
