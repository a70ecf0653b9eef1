"""Attachments' text, the members' reading and the vocabulary. PostgreSQL now indexes the Python stems
with the 'simple' configuration: after migrating, run `samverkan rebuild_search_index`."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

SQLITE_FORWARD = [
    # A fourth column for the attachments' text; FTS5 tables cannot gain columns, so copy into a new one.
    "CREATE VIRTUAL TABLE search_fts_new USING fts5("
    "title, clauses, text, attachments, tokenize = 'unicode61 remove_diacritics 0')",
    "INSERT INTO search_fts_new (rowid, title, clauses, text, attachments) "
    "SELECT rowid, title, clauses, text, '' FROM search_fts",
    "DROP TRIGGER IF EXISTS search_fts_entry_deleted",
    "DROP TABLE search_fts",
    "ALTER TABLE search_fts_new RENAME TO search_fts",
    # Deleting an entry deletes both its rows: everyone's (rowid = item id) and the members' (−item id).
    "CREATE TRIGGER search_fts_entry_deleted AFTER DELETE ON search_searchentry "
    "BEGIN DELETE FROM search_fts WHERE rowid IN (old.item_id, -old.item_id); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_entry_deleted",
    "DELETE FROM search_fts WHERE rowid < 0",
    "CREATE VIRTUAL TABLE search_fts_old USING fts5("
    "title, clauses, text, tokenize = 'unicode61 remove_diacritics 0')",
    "INSERT INTO search_fts_old (rowid, title, clauses, text) SELECT rowid, title, clauses, text FROM search_fts",
    "DROP TABLE search_fts",
    "ALTER TABLE search_fts_old RENAME TO search_fts",
    "CREATE TRIGGER search_fts_entry_deleted AFTER DELETE ON search_searchentry "
    "BEGIN DELETE FROM search_fts WHERE rowid = old.item_id; END",
]
POSTGRES_FORWARD = [
    "CREATE INDEX search_entry_members_vector_gin ON search_searchentry USING gin (members_vector) "
    "WHERE members_vector IS NOT NULL",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_entry_members_vector_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0005_body_attachments_public_by_default'),
        ('meetings', '0009_notice_deliveries_and_online_link'),
        ('search', '0002_fulltext'),
    ]

    operations = [
        migrations.CreateModel(
            name='AttachmentText',
            fields=[
                ('attachment', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_text', serialize=False, to='meetings.attachment')),
                ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                ('text', models.TextField(blank=True, verbose_name='text')),
            ],
            options={
                'verbose_name': 'bilagetext',
                'verbose_name_plural': 'bilagetexter',
            },
        ),
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('word', models.CharField(max_length=60, primary_key=True, serialize=False, verbose_name='ord')),
                ('initial', models.CharField(max_length=1)),
                ('length', models.PositiveSmallIntegerField()),
                ('count', models.IntegerField(verbose_name='antal poster')),
            ],
            options={
                'verbose_name': 'sökord',
                'verbose_name_plural': 'sökord',
            },
        ),
        migrations.AddField(
            model_name='searchentry',
            name='attachments_text',
            field=models.TextField(blank=True, help_text='Text ur de bilagor som alla som läser punkten får läsa.', verbose_name='bilagornas text'),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='has_restricted',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='members_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='restricted_text',
            field=models.TextField(blank=True, help_text='Text ur bilagor som bara organets medlemmar får läsa.', verbose_name='ej offentliga bilagors text'),
        ),
        migrations.AddIndex(
            model_name='searchentry',
            index=models.Index(fields=['date'], name='search_sear_date_58da88_idx'),
        ),
        migrations.AddIndex(
            model_name='searchword',
            index=models.Index(fields=['initial', 'length'], name='search_sear_initial_aac1a1_idx'),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
