"""The backend-specific half of the index: an FTS5 table on SQLite, a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE_FORWARD = [
    # Stemmed text only; diacritics kept so "har" and "här" stay different words.
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, clauses, text, tokenize = 'unicode61 remove_diacritics 0')",
    # Deleting an entry (also by cascade from its item or meeting) deletes its FTS row.
    "CREATE TRIGGER search_fts_entry_deleted AFTER DELETE ON search_searchentry "
    "BEGIN DELETE FROM search_fts WHERE rowid = old.item_id; END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_entry_deleted",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (search_vector)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_entry_vector_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
