"""The search index: one denormalised entry per agenda item, its attachments' text and its vocabulary."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from samverkan.directory.models import Body
from samverkan.meetings.models import AgendaItem, Attachment, Meeting


class SearchEntry(models.Model):
    """An agenda item's searchable text and filter fields, rebuilt whenever its meeting is indexed.

    On PostgreSQL `search_vector` holds the weighted tsvector of the stems everyone who reads the item
    may search, `members_vector` (only when the item has non-public attachments) the same with those
    attachments' text, for the body's members; both GIN-indexed (migrations 0002, 0003). On SQLite the
    stems live in the FTS5 table `search_fts`: rowid = item id for everyone's row, rowid = −item id for
    the members' row.
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
    attachments_text = models.TextField("bilagornas text", blank=True,
                                        help_text="Text ur de bilagor som alla som läser punkten får läsa.")
    restricted_text = models.TextField("ej offentliga bilagors text", blank=True,
                                       help_text="Text ur bilagor som bara organets medlemmar får läsa.")
    has_restricted = models.BooleanField(default=False, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    members_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "sökpost"
        verbose_name_plural = "sökposter"
        indexes = [
            models.Index(fields=["year", "item_type"]),
            models.Index(fields=["body", "year"]),
            models.Index(fields=["date"]),
        ]

    def __str__(self):
        return self.title

    def texts(self, *, restricted: bool = False) -> list[str]:
        """The indexed texts a reader may see, in the order a snippet prefers them."""
        attachments = [self.attachments_text, self.restricted_text if restricted else ""]
        return [self.body_text, self.clauses_text, *attachments, self.presenters, self.title]


class AttachmentText(models.Model):
    """The text read from an uploaded attachment's file, kept so it is read once per file content."""

    attachment = models.OneToOneField(Attachment, primary_key=True, on_delete=models.CASCADE,
                                      related_name="search_text")
    sha256 = models.CharField("SHA-256", max_length=64)
    text = models.TextField("text", blank=True)

    class Meta:
        verbose_name = "bilagetext"
        verbose_name_plural = "bilagetexter"

    def __str__(self):
        return f"Text ur bilaga {self.attachment_id}"


class SearchWord(models.Model):
    """A word of the indexed text and in how many entries it occurs: what "Menade du …?" offers."""

    word = models.CharField("ord", max_length=60, primary_key=True)
    initial = models.CharField(max_length=1)
    length = models.PositiveSmallIntegerField()
    count = models.IntegerField("antal poster")

    class Meta:
        verbose_name = "sökord"
        verbose_name_plural = "sökord"
        indexes = [models.Index(fields=["initial", "length"])]

    def __str__(self):
        return self.word
