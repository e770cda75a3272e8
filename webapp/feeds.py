"""Podcast feeds: RSS 2.0 (iTunes + Podcasting 2.0), a gPodder-compatible variant, JSON Feed, the cover.

Routes (blueprint ``feeds``, under ``/feeds``):

- ``/feeds/<feed>.xml`` – RSS for ``original``, ``leichte-sprache`` or ``alle`` (both versions);
- ``/feeds/gpodder/<feed>.xml`` – the same feed with the ``podcast:`` tags under the legacy namespace URI,
  the only one podcastparser (inside gPodder) reads (see ``webapp.feed_xml``); same ``podcast:guid``;
- ``/feeds/<feed>.json`` – JSON Feed 1.1;
- ``/feeds/cover.png`` (or ``.jpg`` for a configured JPEG) – the podcast cover.

Only published releases with a reading of the feed's version appear, newest first, at most
``FEED_MAX_ITEMS``. The items are found by a walk along the publication date that stops at the limit
(``releases.feed_entries``); the ETag is computed from them before anything is built, so the 304 that
podcast apps mostly get costs three small queries. ``Last-Modified`` moves forward on publishing,
unpublishing and re-reading.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, request, url_for
from werkzeug.wrappers import Response

from . import releases
from .cover import cover_png
from .delivery import FEED, CachePolicy, send_bytes, send_stored_file
from .feed_json import JSON_FEED_MIME_TYPE, json_feed_bytes
from .feed_xml import Category, Channel, Episode, FeedOptions, Transcript, build_feed, item_guid, podcast_guid
from .models import Reading, ReleaseRecord
from .readings import VERSION_LABELS, sidecar

bp = Blueprint("feeds", __name__, url_prefix="/feeds")

RSS_MIME_TYPE = "application/rss+xml"
COVER_CACHE = CachePolicy(max_age=24 * 3600)
FEED_FORMAT = 1  # part of the feeds' ETag: raise it when a change of this code changes the output


@dataclass(frozen=True)
class FeedSpec:
    """One podcast: which reading versions it carries and how it introduces itself."""

    versions: tuple[str, ...]
    label: str
    description: str


FEEDS: dict[str, FeedSpec] = {
    "original": FeedSpec(
        ("original",),
        "Original",
        "Pressemitteilungen im Originalwortlaut, von einer Computerstimme vorgelesen.",
    ),
    "leichte-sprache": FeedSpec(
        ("plain",),
        "Leichte Sprache",
        "Pressemitteilungen in Leichter Sprache. Eine Computerstimme liest vor.",
    ),
    "alle": FeedSpec(
        ("original", "plain"),
        "Original und Leichte Sprache",
        "Pressemitteilungen im Original und in Leichter Sprache, von einer Computerstimme vorgelesen.",
    ),
}
FEED_NAMES = "any(" + ", ".join(repr(name) for name in FEEDS) + ")"


def absolute_url(endpoint: str, **values: Any) -> str:
    """An absolute URL: under ``BASE_URL`` when it is set, else from the request's host."""
    base = current_app.config.get("BASE_URL")
    if base:
        return str(base).rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, **values, _external=True)


def categories(setting: str) -> tuple[Category, ...]:
    """``"Government, News/Politics"`` → Government; News with the subcategory Politics."""
    result = []
    for entry in setting.split(","):
        main, _, sub = (part.strip() for part in entry.partition("/"))
        if main:
            result.append(Category(main, sub or None))
    return tuple(result)


def cover_extension() -> str:
    """``jpg`` for a configured JPEG cover, else ``png`` (Apple wants .jpg or .png in the URL)."""
    configured = current_app.config.get("COVER_IMAGE")
    return "jpg" if configured and Path(configured).suffix.lower() in (".jpg", ".jpeg") else "png"


def channel(feed: str, feed_url: str, guid: str | None = None) -> Channel:
    cfg = current_app.config
    publisher = str(cfg["PUBLISHER"])
    return Channel(
        title=f"{cfg['SITE_TITLE']} – {FEEDS[feed].label}",
        link=absolute_url("public.index"),
        description=FEEDS[feed].description,
        feed_url=feed_url,
        author=publisher,
        owner_name=publisher,
        owner_email=str(cfg["OWNER_EMAIL"]),
        image_url=absolute_url("feeds.cover", ext=cover_extension()),
        categories=categories(str(cfg["FEED_CATEGORIES"])),
        guid=guid,
    )


def _utc(moment: datetime) -> datetime:
    """Database times are naive UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def item_summary(record: ReleaseRecord, version: str) -> str:
    """The plain version's summary (a sentence a line) or the original's lead; else the title."""
    if version == "plain":
        lines = [str(s.get("text", "")) for s in (record.plain or {}).get("summary", [])]
        text = "\n".join(line for line in lines if line.strip())
    else:
        text = str((record.data or {}).get("lead") or "")
    return text or record.title


@dataclass(frozen=True)
class Links:
    """URL prefixes of release pages and audio files, built once per feed (not once per item)."""

    release: str
    audio: str

    @classmethod
    def current(cls) -> Links:
        # Slugs and stored file names are [a-z0-9._-] only, so appending them needs no quoting.
        return cls(
            release=absolute_url("public.release", slug="_").removesuffix("_"),
            audio=absolute_url("public.audio", name="_").removesuffix("_"),
        )


def episode(record: ReleaseRecord, reading: Reading, combined: bool, links: Links) -> Episode:
    """The feed item of one reading. The GUID is tied to the release's permanent id and creation time."""
    version = reading.version
    title = f"{record.title} ({VERSION_LABELS[version]})" if combined else record.title
    link = links.release + record.slug + ("#leichte-sprache" if version == "plain" else "")

    def file_url(kind: str) -> str:
        return links.audio + sidecar(reading.filename, kind)

    return Episode(
        guid=item_guid(f"{record.id}/{record.created_at:%Y%m%dT%H%M%S%f}", version),
        title=title,
        link=link,
        summary=item_summary(record, version),
        published=_utc(record.published_at or record.created_at),
        audio_url=links.audio + reading.filename,
        audio_length=reading.size,
        duration_seconds=max(reading.duration, 0.001),
        transcripts=(
            Transcript(file_url("vtt"), "text/vtt", rel="captions"),
            Transcript(file_url("html"), "text/html"),
        ),
        chapters_url=file_url("chapters"),
    )


def _options(legacy_namespace: bool = False) -> FeedOptions:
    return FeedOptions(int(current_app.config["FEED_MAX_ITEMS"]), legacy_namespace=legacy_namespace)


def _validator(kind: str, feed: str, entries: list[releases.FeedEntry]) -> str:
    """An ETag computed from what the document is made of, so a revalidation needs no build.

    Any change of an item's release row or reading, of the item list, of the configuration or of the
    address the URLs are built from changes it; ``FEED_FORMAT`` is raised when the output format changes.
    """
    cfg = current_app.config
    parts = [
        str(FEED_FORMAT),
        kind,
        feed,
        absolute_url("public.index"),
        *(str(cfg[name]) for name in ("SITE_TITLE", "PUBLISHER", "OWNER_EMAIL", "FEED_CATEGORIES")),
        str(cfg.get("COVER_IMAGE")),
        str(cfg["FEED_MAX_ITEMS"]),
        *(f"{e.release_id}:{e.reading_id}:{e.changed_at.isoformat()}" for e in entries),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _not_modified(etag: str, changed: datetime | None, cors: bool) -> Response:
    """The 304 answer, with the headers a 200 would have had (RFC 9110, section 15.4.5)."""
    response: Response = current_app.response_class(status=304)
    response.set_etag(etag)
    response.last_modified = changed
    response.cache_control.public = True
    response.cache_control.max_age = FEED.max_age
    if cors:
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def serve_feed(kind: str, feed: str) -> Response:
    """Answer a feed request: 304 from the item list alone when the client has it, else build it."""
    entries = releases.feed_entries(FEEDS[feed].versions, int(current_app.config["FEED_MAX_ITEMS"]))
    etag = _validator(kind, feed, entries)
    moments = [_utc(e.changed_at) for e in entries]
    unlisted = releases.unlisted_changed_at()
    if unlisted is not None:
        moments.append(_utc(unlisted))
    changed = max(moments, default=None)
    mimetype = JSON_FEED_MIME_TYPE if kind == "json" else RSS_MIME_TYPE
    if request.if_none_match.contains(etag):
        return _not_modified(etag, changed, cors=kind == "json")
    links = Links.current()
    combined = len(FEEDS[feed].versions) > 1
    episodes = [episode(record, reading, combined, links) for record, reading in releases.feed_rows(entries)]
    if kind == "json":
        document = json_feed_bytes(
            channel(feed, absolute_url("feeds.json_feed", feed=feed)), episodes, _options()
        )
    elif kind == "gpodder":
        identity = podcast_guid(absolute_url("feeds.rss", feed=feed))  # one podcast, two addresses
        gpodder_channel = channel(feed, absolute_url("feeds.gpodder", feed=feed), identity)
        document = build_feed(gpodder_channel, episodes, _options(legacy_namespace=True))
    else:
        document = build_feed(channel(feed, absolute_url("feeds.rss", feed=feed)), episodes, _options())
    # the validator above, not a content hash, so the next 304 needs no build
    return send_bytes(document, mimetype=mimetype, last_modified=changed, cors=kind == "json", etag=etag)


@bp.route(f"/<{FEED_NAMES}:feed>.xml")
def rss(feed: str) -> Response:
    return serve_feed("rss", feed)


@bp.route(f"/gpodder/<{FEED_NAMES}:feed>.xml")
def gpodder(feed: str) -> Response:
    """The RSS feed under the legacy ``podcast:`` namespace URI, for podcastparser-based apps."""
    return serve_feed("gpodder", feed)


@bp.route(f"/<{FEED_NAMES}:feed>.json")
def json_feed(feed: str) -> Response:
    return serve_feed("json", feed)


@functools.lru_cache(maxsize=1)
def _default_cover() -> bytes:
    return cover_png()


@bp.route("/cover.<any(png, jpg):ext>", methods=["GET", "HEAD"])
def cover(ext: str) -> Response:
    """The configured cover image, or the generated default."""
    if ext != cover_extension():
        abort(404)
    configured = current_app.config.get("COVER_IMAGE")
    if configured:
        path = Path(configured)
        mimetype = "image/jpeg" if ext == "jpg" else "image/png"
        return send_stored_file(path.parent, path.name, mimetype=mimetype, cache=COVER_CACHE, cors=True)
    return send_bytes(_default_cover(), mimetype="image/png", cache=COVER_CACHE, cors=True)
