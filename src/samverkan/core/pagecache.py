"""A cache of public pages as an anonymous reader gets them, exact by a generation number.

Every cached page is stored under the current *generation* of the public content. A change to
anything a public page shows (a meeting, its published versions, items and parts, source
documents, people, organisations, bodies; see `samverkan.web.apps`) moves the generation on once
per committed transaction, so every page stored before is never served again: no page can be
stale, whatever it shows, and no page needs to know what it depends on. Published minutes change
only through a correction (a new published version), so a published meeting's page is rendered
once per correction, import or change of the people it names, not once per reader.

Only the anonymous rendering is kept: a request with a session or message cookie, a query
string or an htmx header is rendered as before. Cached responses carry an ETag (of the content)
and Last-Modified, and answer a conditional GET with 304.

The cache is Django's `pages` cache (settings.CACHES). It must be shared by all the processes
serving the site (the file cache in the data folder by default), because the generation moved by
one process must be seen by all.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

CACHE = "pages"
GENERATION_KEY = "generation"


def _cache():
    return caches[CACHE]


def generation() -> str:
    """The current generation of the public content (made on first use)."""
    cache = _cache()
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        current = cache.get(GENERATION_KEY)
    return current


def _move_on() -> None:
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def _pending(using: str = DEFAULT_DB_ALIAS) -> bool:
    """This connection has changed public content in a transaction that has not committed yet."""
    connection = connections[using]
    return connection.in_atomic_block and any(entry[1] is _move_on for entry in connection.run_on_commit)


def content_changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Public content changed: move the generation on when the transaction commits (once per
    transaction; at once outside one). Rolled-back work moves nothing."""
    if not _pending(using):
        transaction.on_commit(_move_on, using=using)


def kept(name: str, compute: Callable[[], object]):
    """A value computed from public content (what anyone may read), kept for the current generation."""
    if _pending():
        return compute()
    cache = _cache()
    key = f"value:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value)
    return value


def cacheable(request: HttpRequest, query: tuple[str, ...] = ()) -> bool:
    """An anonymous reader's plain GET: no session or messages cookie, not htmx, and no query but
    the parameters named in `query` (once each; the page's cache name must then include the query)."""
    keys = list(request.GET)
    return (request.method in ("GET", "HEAD") and set(keys) <= set(query)
            and all(len(request.GET.getlist(key)) == 1 for key in keys)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.headers.get("HX-Request"))


def serve(request: HttpRequest, name: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The page `name` (with its query string) from the cache, or rendered by `render()` and kept when it may be.

    `render()` marks a response it allows to be kept with `response.public_cache = True` and may set
    `response.last_modified` (a datetime). The generation is read before rendering, so a page
    rendered while a change commits is stored under the generation that change ends.
    """
    if _pending():
        return render()  # this transaction's own changes are not in any generation yet
    cache = _cache()
    key = f"page:{generation()}:{name}?{request.META.get('QUERY_STRING', '')}"
    entry = cache.get(key)
    if entry is None:
        response = render()
        if response.status_code != 200 or not getattr(response, "public_cache", False) or response.streaming:
            return response
        modified = getattr(response, "last_modified", None)
        entry = {
            "content": response.content,
            "content_type": response["Content-Type"],
            "etag": f'"{hashlib.blake2b(response.content, digest_size=12).hexdigest()}"',
            "last_modified": int(modified.timestamp()) if isinstance(modified, datetime) else None,
        }
        cache.set(key, entry)
    response = HttpResponse(entry["content"], content_type=entry["content_type"])
    response["ETag"] = entry["etag"]
    if entry["last_modified"] is not None:
        response["Last-Modified"] = http_date(entry["last_modified"])
    # Browsers ask again each time (a conditional GET, 304 when unchanged); a signed-in reader's
    # cookie gives another page.
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return get_conditional_response(request, etag=entry["etag"], last_modified=entry["last_modified"],
                                    response=response)
