"""The two full-text engines behind one interface: SQLite FTS5 and PostgreSQL tsvector.

Both index the same Python-made terms (text.index_text: stems, and lemmas' stems) and take the same
query: every word's stem, a longer stem it begins, or its lemma's stem. An entry whose item has
non-public attachments has a second reading with their text, searched instead of the first for the
members of the item's body.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import BigIntegerField, Case, Count, F, Q, QuerySet, When, Window

from .models import SearchEntry
from .text import Term, fts5_query, index_text, tsquery

FTS_TABLE = "search_fts"
# bm25 weights for the FTS5 columns (title, clauses, text, attachments): a title match counts most.
# Given to FTS5's `rank` column (`rank MATCH …`), which, unlike bm25() itself, a window count allows.
RANK = "bm25(10.0, 4.0, 1.0, 0.5)"
CONFIG = "simple"  # the terms are made in Python: PostgreSQL only splits and lower-cases them
RELEVANCE, DATE = "relevance", "date"


def _stemmed_columns(entry: SearchEntry, *, restricted: bool) -> tuple[str, str, str, str]:
    """The entry's title, clauses, other text and attachments as indexed terms, for the four weights."""
    rest = f"{entry.body_text}\n{entry.presenters}"
    attachments = f"{entry.attachments_text}\n{entry.restricted_text}" if restricted else entry.attachments_text
    return (index_text(entry.title), index_text(entry.clauses_text), index_text(rest),
            index_text(attachments))


def _restricted_for(readable_body_ids) -> Q | None:
    """The entries a reader reads in their members' reading: non-public attachments of their bodies."""
    if not readable_body_ids:
        return None
    return Q(has_restricted=True, body_id__in=list(readable_body_ids))


class SqliteBackend:
    """Stemmed text in an FTS5 table, ranked with weighted bm25; the members' reading at rowid −item id."""

    def write(self, entries: list[SearchEntry]) -> None:
        """Add the entries' stemmed text to the FTS5 table."""
        rows = [(e.pk, *_stemmed_columns(e, restricted=False)) for e in entries]
        rows += [(-e.pk, *_stemmed_columns(e, restricted=True)) for e in entries if e.has_restricted]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, clauses, text, attachments) "
                "VALUES (%s, %s, %s, %s, %s)", rows)

    def clear(self, entries: QuerySet | None = None) -> None:
        """Remove the entries' rows (all rows when None) from the FTS5 table."""
        with connection.cursor() as cursor:
            if entries is None:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
                return
            sql, params = entries.values("pk").order_by().query.sql_with_params()
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({sql})", params)
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE -rowid IN ({sql})", params)

    def find(self, terms: list[Term], entries: QuerySet, limit: int, offset: int, *,
             readable_body_ids=frozenset(), order: str = RELEVANCE):
        """(item id, rank) pairs of the best matches among entries, and the number of matches.

        One query gives the page and the total (a window count). What the reader may see is checked
        for each match inside the full-text query (a correlated lookup of the entry by its key), so
        the cost grows with the matches, never with the archive; the ranking is the FTS5 `rank`
        column with the weighted bm25.
        """
        restricted = _restricted_for(readable_body_ids)
        if restricted is None:
            visible = entries.values("pk")
            correlate = f"visible.pk = {FTS_TABLE}.rowid"
        else:
            visible = entries.annotate(
                fts_row=Case(When(restricted, then=-F("pk")), default=F("pk"), output_field=BigIntegerField())
            ).values("pk", "fts_row")
            correlate = f"visible.pk = abs({FTS_TABLE}.rowid) AND visible.fts_row = {FTS_TABLE}.rowid"
        sql, params = visible.order_by().query.sql_with_params()
        where = (f"{FTS_TABLE} MATCH %s AND rank MATCH %s "
                 f"AND EXISTS (SELECT 1 FROM ({sql}) visible WHERE {correlate})")
        params = [fts5_query(terms), RANK, *params]
        with connection.cursor() as cursor:
            if limit <= 0:
                cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {where}", params)
                return [], cursor.fetchone()[0]
            if order == DATE:
                cursor.execute(
                    f"SELECT abs({FTS_TABLE}.rowid), -rank, count(*) OVER () FROM {FTS_TABLE} "
                    f"JOIN search_searchentry entry ON entry.item_id = abs({FTS_TABLE}.rowid) WHERE {where} "
                    "ORDER BY entry.date IS NULL, entry.date DESC, rank, 1 DESC LIMIT %s OFFSET %s",
                    [*params, limit, offset])
            else:
                cursor.execute(f"SELECT abs(rowid), -rank, count(*) OVER () FROM {FTS_TABLE} WHERE {where} "
                               "ORDER BY rank, abs(rowid) DESC LIMIT %s OFFSET %s", [*params, limit, offset])
            rows = cursor.fetchall()
            if rows:
                return [(pk, rank) for pk, rank, _ in rows], rows[0][2]
            if offset <= 0:
                return [], 0
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {where}", params)  # a page past the end
            return [], cursor.fetchone()[0]


class PostgresBackend:
    """Weighted tsvectors of the stemmed text, GIN-indexed, ranked with ts_rank_cd."""

    VECTOR = (
        f"setweight(to_tsvector('{CONFIG}', %s), 'A') || setweight(to_tsvector('{CONFIG}', %s), 'B')"
        f" || setweight(to_tsvector('{CONFIG}', %s), 'C') || setweight(to_tsvector('{CONFIG}', %s), 'D')"
    )
    UPDATE = f"UPDATE search_searchentry SET search_vector = {VECTOR} WHERE item_id = %s"
    UPDATE_MEMBERS = f"UPDATE search_searchentry SET members_vector = {VECTOR} WHERE item_id = %s"

    def write(self, entries: list[SearchEntry]) -> None:
        """Store the entries' weighted tsvectors, built from the same stems as on SQLite."""
        with connection.cursor() as cursor:
            cursor.executemany(self.UPDATE, [(*_stemmed_columns(e, restricted=False), e.pk) for e in entries])
            members = [(*_stemmed_columns(e, restricted=True), e.pk) for e in entries if e.has_restricted]
            if members:
                cursor.executemany(self.UPDATE_MEMBERS, members)

    def clear(self, entries: QuerySet | None = None) -> None:
        """Nothing to do: the vectors live in the entry row."""

    def find(self, terms: list[Term], entries: QuerySet, limit: int, offset: int, *,
             readable_body_ids=frozenset(), order: str = RELEVANCE):
        """(item id, rank) pairs of the best matches among entries, and the number of matches."""
        query = SearchQuery(tsquery(terms), search_type="raw", config=CONFIG)
        rank = SearchRank(F("search_vector"), query, cover_density=True)
        restricted = _restricted_for(readable_body_ids)
        if restricted is None:
            matches = entries.filter(search_vector=query)
        else:
            matches = entries.filter((Q(search_vector=query) & ~restricted) | (Q(members_vector=query) & restricted))
            rank = Case(When(restricted, then=SearchRank(F("members_vector"), query, cover_density=True)),
                        default=rank)
        if limit <= 0:
            return [], matches.count()
        # One query for the page and the total: a window count over every match.
        ranked = matches.annotate(rank=rank, total=Window(Count("pk")))
        if order == DATE:
            ranked = ranked.order_by(F("date").desc(nulls_last=True), "-rank", "-pk")
        else:
            ranked = ranked.order_by("-rank", "-pk")
        rows = list(ranked.values_list("pk", "rank", "total")[offset:offset + limit])
        if rows:
            return [(pk, score) for pk, score, _ in rows], rows[0][2]
        return [], (matches.count() if offset > 0 else 0)


def get_backend():
    """The search backend for the default database."""
    if connection.vendor == "sqlite":
        return SqliteBackend()
    if connection.vendor == "postgresql":
        return PostgresBackend()
    raise ImproperlyConfigured("Sökningen stöder bara SQLite och PostgreSQL.")
