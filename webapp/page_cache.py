"""Rendered-page cache for anonymous visitors: micro-caching in front of the Flask app.

A WSGI middleware answers anonymous GET and HEAD requests for the public HTML pages (the index with its
query string, a release, the about page) from a stored copy of an earlier answer — status, headers and body
as the app sent them — so a hit skips the session, log-in, limiter, database and Jinja entirely. Everything
else (the API with its per-address rate limit, feeds, audio with its range handling, ``/healthz``, editor
pages, any request with a session or remember-me cookie or an ``Authorization`` header) goes to the app.

Freshness: a copy is served for at most ``PAGE_CACHE_SECONDS`` (``0`` turns the cache off). Every
database commit that changed anything but job bookkeeping empties this process's cache at once (SQLAlchemy
session events, so edits, publishing, the pipeline's jobs, the CLI and the API all count without a call at
each write). Other gunicorn workers and machines keep their copies until the time is up.

Only ``200`` answers without ``Set-Cookie``, without ``Cache-Control: private/no-store/no-cache`` and
varying on nothing but ``Cookie`` are kept. The key is scheme, host, script root, path and query string
(HSTS depends on the scheme; nothing on these pages depends on the method, ``Accept`` or the language).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any

from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session
from werkzeug.exceptions import HTTPException
from werkzeug.http import parse_cookie
from werkzeug.routing import RequestRedirect

from .db import db
from .logs import log

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

#: the public HTML pages; everything else is always answered by the app
CACHED_ENDPOINTS = frozenset({"public.index", "public.release", "public.about"})
#: tables whose changes never show on the public pages (job progress is written many times per job)
IGNORED_TABLES = frozenset({"jobs"})
MAX_ENTRIES = 1000
MAX_BYTES = 32 * 1024 * 1024  # per process; a release page is about 100 KiB
EXTENSION = "klartext_page_cache"
_CHANGED = "klartext_pages_changed"  # session.info flag between flush and commit

Key = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class Entry:
    """One stored answer."""

    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    stored_at: float

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 200


class PageStore:
    """Thread-safe LRU of answers, bounded by entries and bytes, each fresh for ``seconds``.

    When an entry has just expired, the first request that will render it anew claims the refresh and the
    others get the expired copy until it is done, so a popular page costs one render per expiry and process,
    not one per thread (a copy is never served once it is twice ``seconds`` old).
    ``invalidate`` empties the store and raises the generation; an answer rendered from data read before that
    (``put`` with the older generation) is refused, so a slow render never stores a page from before an edit.
    """

    def __init__(
        self,
        seconds: float,
        max_entries: int = MAX_ENTRIES,
        max_bytes: int = MAX_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if seconds <= 0 or max_entries < 1 or max_bytes < 1:
            raise ValueError("seconds, max_entries and max_bytes must be positive")
        self.seconds = seconds
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.clock = clock
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self._refreshing: set[Key] = set()
        self._bytes = 0
        self._generation = 0
        self._lock = threading.Lock()

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def total_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Key, claim: bool = False) -> Entry | None:
        """The entry for ``key`` (now the most recently used), or None: render it.

        An expired entry is returned while another caller refreshes it; with ``claim`` the caller promises
        to render (then ``put`` or ``release``) and becomes that refresher when nobody is.
        """
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            age = self.clock() - entry.stored_at
            if age >= self.seconds:
                if age >= 2 * self.seconds:
                    self._drop(key)
                    return None
                if key not in self._refreshing:
                    if claim:
                        self._refreshing.add(key)
                    return None
            self._entries.move_to_end(key)
            return entry

    def release(self, key: Key) -> None:
        """End a refresh claimed with ``get(key, claim=True)`` (``put`` does this too)."""
        with self._lock:
            self._refreshing.discard(key)

    def put(self, key: Key, entry: Entry, generation: int) -> bool:
        """Store ``entry`` unless the cache was invalidated since ``generation`` or it is too large."""
        size = entry.size
        if size > self.max_bytes // 4:
            self.release(key)
            return False
        with self._lock:
            self._refreshing.discard(key)
            if generation != self._generation:
                return False
            if key in self._entries:
                self._drop(key)
            self._entries[key] = entry
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))
            return True

    def invalidate(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()
            self._refreshing.clear()
            self._bytes = 0

    def _drop(self, key: Key) -> None:
        self._bytes -= self._entries.pop(key).size


def _cacheable(status: str, headers: list[tuple[str, str]]) -> bool:
    if not status.startswith("200 "):
        return False
    for name, value in headers:
        name = name.lower()
        if name == "set-cookie":
            return False
        if name == "cache-control" and any(d in value.lower() for d in ("private", "no-store", "no-cache")):
            return False
        if name == "vary" and any(v.strip().lower() != "cookie" for v in value.split(",")):
            return False
    return True


class PageCacheMiddleware:
    """WSGI middleware that answers from ``store`` what it may and passes everything else to the app."""

    def __init__(self, app: Flask, wsgi_app: WSGIApplication, store: PageStore) -> None:
        self.app = app
        self.wsgi_app = wsgi_app
        self.store = store

    def key(self, environ: WSGIEnvironment) -> Key | None:
        """The cache key of an anonymous GET or HEAD request, else None (the path is checked on a miss)."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in environ:
            return None
        cookie_header = environ.get("HTTP_COOKIE")
        if cookie_header:
            cookies = parse_cookie(cookie_header)
            session_cookie = self.app.config["SESSION_COOKIE_NAME"]
            remember_cookie = self.app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
            if session_cookie in cookies or remember_cookie in cookies:
                return None
        return (
            environ.get("wsgi.url_scheme", "http"),
            environ.get("HTTP_HOST", ""),
            environ.get("SCRIPT_NAME", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
        )

    def is_public_page(self, environ: WSGIEnvironment) -> bool:
        """Whether the request's path is one of ``CACHED_ENDPOINTS`` (redirects and 404s are not)."""
        try:
            endpoint, _ = self.app.url_map.bind_to_environ(environ).match(method="GET")
        except (HTTPException, RequestRedirect):
            return False
        return endpoint in CACHED_ENDPOINTS

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        key = self.key(environ)
        if key is None:
            return self.wsgi_app(environ, start_response)
        get = environ["REQUEST_METHOD"] == "GET"  # a HEAD has no body to keep: the next GET stores
        entry = self.store.get(key, claim=get)  # only public pages are ever stored: a hit needs no URL match
        if entry is not None:
            return self._serve(entry, environ, start_response)
        if not get:
            return self.wsgi_app(environ, start_response)
        try:
            if not self.is_public_page(environ):
                return self.wsgi_app(environ, start_response)
            return self._render(key, environ, start_response)
        finally:
            self.store.release(key)

    def _serve(self, entry: Entry, environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
        started = time.perf_counter()
        age = max(0, int(self.store.clock() - entry.stored_at))
        start_response(entry.status, [*entry.headers, ("Age", str(age))])
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        status = int(entry.status[:3])
        log.info(
            "%s %s %s",
            method,
            path,
            status,
            extra={
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "cache": "hit",
            },
        )
        return [] if method == "HEAD" else [entry.body]

    def _render(self, key: Key, environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
        """Let the app answer (buffered: these pages are rendered whole anyway) and keep what may be kept."""
        generation = self.store.generation  # before the app reads the database
        captured: dict[str, Any] = {}
        chunks: list[bytes] = []

        def capture(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], Any]:
            captured.update(status=status, headers=headers, exc_info=exc_info)
            return chunks.append

        body = self.wsgi_app(environ, capture)
        try:
            chunks.extend(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        status, headers = captured["status"], captured["headers"]
        data = b"".join(chunks)
        if _cacheable(status, headers):
            self.store.put(key, Entry(status, tuple(headers), data, self.store.clock()), generation)
        start_response(status, headers, captured["exc_info"])
        return [data]


def _store() -> PageStore | None:
    if not has_app_context():
        return None
    middleware = current_app.extensions.get(EXTENSION)
    return middleware.store if middleware is not None else None


def _changed_tables(objects: Iterator[Any]) -> bool:
    return any(getattr(obj, "__tablename__", None) not in IGNORED_TABLES for obj in objects)


@event.listens_for(db.session, "after_flush")
def _note_flush(session: Session, flush_context: Any) -> None:
    if _changed_tables(chain(session.new, session.dirty, session.deleted)):
        session.info[_CHANGED] = True


@event.listens_for(db.session, "do_orm_execute")
def _note_bulk_change(state: ORMExecuteState) -> None:
    """``update()``/``delete()``/``insert()`` statements bypass the flush."""
    if state.is_update or state.is_delete or state.is_insert:
        mapper = state.bind_mapper
        if mapper is None or mapper.local_table.name not in IGNORED_TABLES:  # type: ignore[attr-defined]
            state.session.info[_CHANGED] = True


@event.listens_for(db.session, "after_commit")
def _invalidate_on_commit(session: Session) -> None:
    if session.info.pop(_CHANGED, False):
        store = _store()
        if store is not None:
            store.invalidate()


@event.listens_for(db.session, "after_rollback")
def _forget_on_rollback(session: Session) -> None:
    session.info.pop(_CHANGED, None)


def init_app(app: Flask, clock: Callable[[], float] = time.monotonic) -> None:
    """Put the cache in front of the app when ``PAGE_CACHE_SECONDS`` > 0 (a second call changes nothing)."""
    seconds = float(app.config["PAGE_CACHE_SECONDS"])
    if seconds < 0:
        raise ValueError(f"PAGE_CACHE_SECONDS must be 0 (off) or positive, not {seconds}")
    if seconds == 0 or EXTENSION in app.extensions:
        return
    middleware = PageCacheMiddleware(app, app.wsgi_app, PageStore(seconds, clock=clock))
    app.extensions[EXTENSION] = middleware
    app.wsgi_app = middleware  # type: ignore[method-assign]
