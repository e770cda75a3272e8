"""Serving audio, transcripts, chapters, covers and feeds the way podcast apps and browsers expect.

What Werkzeug 3.1 already does (checked in tests/test_delivery.py, so an upgrade that changes it fails
there): with ``conditional=True`` it answers HEAD like GET without a body, sends ``Accept-Ranges: bytes``,
a single range as 206 with ``Content-Range``, a range past the end *or a malformed Range header* as 416
with ``Content-Range: bytes */<size>``, honours ``If-Range``, and answers ``If-None-Match`` /
``If-Modified-Since`` with 304 (an ETag mismatch wins over a matching date, as RFC 9110 says).

What this module adds:
- ``Cache-Control: public, max-age=<1 year>, immutable`` for files whose name carries a content hash,
  so browsers do not even revalidate; shorter lifetimes for feeds.
- A strong ETag of our choosing (the content hash) instead of Werkzeug's mtime-size-path one, so every
  machine behind a load balancer sends the same ETag for the same bytes.
- CORS (``Access-Control-Allow-Origin: *``) on request, e.g. for transcripts and chapters that web
  players fetch from other origins; also on 206/304/416 answers.
- 416 as a bare response (empty body, ``Content-Range: bytes */<size>``) instead of Werkzeug's exception,
  so the app's HTML/JSON error pages do not answer a media player.
- Multiple ranges (``bytes=0-1,5-6``): Werkzeug answers 416 although the ranges are satisfiable; RFC 9110
  allows a server to ignore Range, so we serve the whole file with 200, which every client can use.
- Path safety: files are looked up inside one directory with ``safe_join``; anything else is 404.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app, request
from werkzeug.exceptions import NotFound, RequestedRangeNotSatisfiable
from werkzeug.http import parse_range_header
from werkzeug.security import safe_join
from werkzeug.utils import send_file
from werkzeug.wrappers import Response

ONE_YEAR = 365 * 24 * 3600
CORS_EXPOSED_HEADERS = "Accept-Ranges, Content-Range, Content-Length, ETag"


@dataclass(frozen=True)
class CachePolicy:
    """The ``Cache-Control`` of a response: lifetime in seconds and whether the bytes can never change."""

    max_age: int
    immutable: bool = False

    def __post_init__(self) -> None:
        if self.max_age < 0:
            raise ValueError("max_age must not be negative")


IMMUTABLE = CachePolicy(max_age=ONE_YEAR, immutable=True)  # hashed file names: audio, VTT, chapters
FEED = CachePolicy(max_age=300)  # feeds: a few minutes, then revalidate with ETag / Last-Modified


def _environ_without_multiple_ranges() -> dict[str, Any]:
    """The request environment, minus a Range header asking for several ranges (see module docstring)."""
    environ = request.environ
    parsed = parse_range_header(environ.get("HTTP_RANGE"))
    if parsed is not None and len(parsed.ranges) > 1:
        return {key: value for key, value in environ.items() if key != "HTTP_RANGE"}
    return environ


def _range_not_satisfiable(size: int) -> Response:
    response = current_app.response_class(status=416)
    response.headers["Content-Range"] = f"bytes */{size}"
    response.accept_ranges = "bytes"
    return response


def _finish(response: Response, cache: CachePolicy, cors: bool) -> Response:
    if response.status_code != 416:
        response.cache_control.public = True
        response.cache_control.max_age = cache.max_age
        response.cache_control.immutable = cache.immutable
    if cors:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = CORS_EXPOSED_HEADERS
    return response


def send_stored_file(
    directory: str | os.PathLike[str],
    name: str,
    *,
    mimetype: str | None = None,
    etag: str | bool = True,
    cache: CachePolicy = IMMUTABLE,
    cors: bool = False,
) -> Response:
    """Serve ``directory/name`` with HEAD, Range, ETag/Last-Modified revalidation and caching headers.

    ``etag`` may be the file's content hash (preferred for hashed names), ``True`` for Werkzeug's own, or
    ``False`` for none. ``mimetype`` defaults to a guess from the file name. Must run in a request context.
    Raises ``NotFound`` when the name leaves the directory or the file does not exist.
    """
    path = safe_join(os.fspath(directory), name)
    if path is None or not os.path.isfile(path):
        raise NotFound()
    try:
        response = send_file(
            path,
            _environ_without_multiple_ranges(),
            mimetype=mimetype,
            conditional=True,
            etag=etag,
            max_age=cache.max_age,
            use_x_sendfile=current_app.config["USE_X_SENDFILE"],
            response_class=current_app.response_class,
        )
    except RequestedRangeNotSatisfiable:
        response = _range_not_satisfiable(os.path.getsize(path))
    return _finish(response, cache, cors)


def send_bytes(
    data: bytes,
    *,
    mimetype: str,
    last_modified: datetime | None = None,
    cache: CachePolicy = FEED,
    cors: bool = False,
    etag: str | None = None,
) -> Response:
    """Serve generated bytes (a feed, a chapters document) with an ETag, 304s and Range support.

    ``last_modified`` should be when the content last changed (e.g. the newest item's publication), so
    ``If-Modified-Since`` revalidation works for clients that do not keep ETags. ``etag``: a validator
    the caller already has (hashing the content is skipped); by default a hash of the content.
    """
    response: Response = current_app.response_class(data, mimetype=mimetype)
    response.set_etag(etag or hashlib.sha256(data).hexdigest()[:32])
    if last_modified is not None:
        response.last_modified = last_modified
    try:
        response.make_conditional(
            _environ_without_multiple_ranges(), accept_ranges=True, complete_length=len(data)
        )
    except RequestedRangeNotSatisfiable:
        response = _range_not_satisfiable(len(data))
    return _finish(response, cache, cors)
