"""After many imported documents PostgreSQL's planner statistics are made again (autovacuum may be off)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverkan.archive import services

pytestmark = pytest.mark.django_db(transaction=True)  # ANALYZE cannot run inside a transaction


def _analyzed(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith("ANALYZE")]


def test_every_few_written_documents_the_import_tables_are_analysed(sample_paths, monkeypatch):
    monkeypatch.setattr(services, "ANALYZE_EVERY", 3)
    monkeypatch.setitem(services._since_analyze, "documents", 0)
    with CaptureQueriesContext(connection) as first_two:
        for path in sample_paths[:2]:
            services.import_file(path)
    with CaptureQueriesContext(connection) as third:
        services.import_file(sample_paths[2])
    with CaptureQueriesContext(connection) as again:
        services.import_file(sample_paths[2])  # unchanged: nothing written, nothing counted
    assert _analyzed(first_two.captured_queries) == [] and _analyzed(again.captured_queries) == []
    if connection.vendor != "postgresql":
        assert _analyzed(third.captured_queries) == []
        assert services.analyze_imported() is False
        return
    analyzed = _analyzed(third.captured_queries)
    assert 'ANALYZE "meetings_agendaitem"' in analyzed and 'ANALYZE "search_searchentry"' in analyzed
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'meetings_agendaitem'")
        assert cursor.fetchone()[0] > 0
    assert services.analyze_imported() is True


def test_the_import_command_analyses_at_its_end(sample_paths):
    from django.core.management import call_command

    with CaptureQueriesContext(connection) as queries:
        call_command("import_documents", str(sample_paths[0].parent), verbosity=0)
    assert bool(_analyzed(queries.captured_queries)) == (connection.vendor == "postgresql")
