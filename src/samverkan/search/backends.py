"""The two full-text engines behind one interface: SQLite FTS5 and PostgreSQL tsvector."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import F, QuerySet

from .models import SearchEntry
from .text import fts5_query, stemmed_text, websearch_query

FTS_TABLE = "search_fts"
# bm25 weights for the FTS5 columns (title, clauses, text): a title match counts most.
BM25 = f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0)"
CONFIG = "swedish"


def _stemmed_columns(entry: SearchEntry) -> tuple[str, str, str]:
    """The entry's title, clauses and other text as stems, for the three weights."""
    rest = f"{entry.body_text}\n{entry.presenters}"
    return stemmed_text(entry.title), stemmed_text(entry.clauses_text), stemmed_text(rest)


class SqliteBackend:
    """Stemmed text in an FTS5 table (rowid = item id), ranked with weighted bm25."""

    def write(self, entries: list[SearchEntry]) -> None:
        """Add the entries' stemmed text to the FTS5 table."""
        rows = [(e.pk, *_stemmed_columns(e)) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, clauses, text) VALUES (%s, %s, %s, %s)", rows)

    def clear(self, entries: QuerySet | None = None) -> None:
        """Remove the entries' rows (all rows when None) from the FTS5 table."""
        with connection.cursor() as cursor:
            if entries is None:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
                return
            sql, params = entries.values("pk").order_by().query.sql_with_params()
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({sql})", params)

    def find(self, query: str, terms: list[str], entries: QuerySet, limit: int, offset: int):
        """(item id, rank) pairs of the best matches among entries, and the number of matches."""
        sql, params = entries.values("pk").order_by().query.sql_with_params()
        # "+rowid" keeps SQLite from probing the FTS table once per filtered id (quadratic).
        where = f"{FTS_TABLE} MATCH %s AND +rowid IN ({sql})"
        params = [fts5_query(terms), *params]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {where}", params)
            total = cursor.fetchone()[0]
            cursor.execute(f"SELECT rowid, -{BM25} FROM {FTS_TABLE} WHERE {where} "
                           f"ORDER BY {BM25}, rowid DESC LIMIT %s OFFSET %s", [*params, limit, offset])
            return cursor.fetchall(), total


class PostgresBackend:
    """A weighted Swedish tsvector of the stemmed text, GIN-indexed, ranked with ts_rank_cd."""

    UPDATE = (
        "UPDATE search_searchentry SET search_vector = "
        f"setweight(to_tsvector('{CONFIG}', %s), 'A') || setweight(to_tsvector('{CONFIG}', %s), 'B')"
        f" || setweight(to_tsvector('{CONFIG}', %s), 'C') WHERE item_id = %s"
    )

    def write(self, entries: list[SearchEntry]) -> None:
        """Store the entries' weighted tsvector, built from the same stems as on SQLite."""
        with connection.cursor() as cursor:
            cursor.executemany(self.UPDATE, [(*_stemmed_columns(e), e.pk) for e in entries])

    def clear(self, entries: QuerySet | None = None) -> None:
        """Nothing to do: the vector lives in the entry row."""

    def find(self, query: str, terms: list[str], entries: QuerySet, limit: int, offset: int):
        """(item id, rank) pairs of the best matches among entries, and the number of matches."""
        tsquery = SearchQuery(websearch_query(query), search_type="websearch", config=CONFIG)
        matches = entries.filter(search_vector=tsquery)
        ranked = matches.annotate(
            rank=SearchRank(F("search_vector"), tsquery, cover_density=True)
        ).order_by("-rank", "-pk").values_list("pk", "rank")
        return list(ranked[offset:offset + limit]), matches.count()


def get_backend():
    """The search backend for the default database."""
    if connection.vendor == "sqlite":
        return SqliteBackend()
    if connection.vendor == "postgresql":
        return PostgresBackend()
    raise ImproperlyConfigured("Sökningen stöder bara SQLite och PostgreSQL.")
