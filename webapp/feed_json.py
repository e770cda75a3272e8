"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) beside the RSS feed, from the same inputs.

Each reading is an item with one attachment (the MP3: url, mime_type, size_in_bytes,
duration_in_seconds). Transcripts and chapters have no standard JSON Feed field, so they travel in a
``_podcast`` extension object (JSON Feed reserves underscore-prefixed keys for extensions), which readers
that do not know it ignore.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC
from typing import Any

from webapp.chapters import clean_text
from webapp.feed_xml import Channel, Episode, FeedOptions, newest, plain_description, plain_title

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
JSON_FEED_MIME_TYPE = "application/feed+json"


def _item(episode: Episode) -> dict[str, Any]:
    summary = plain_description(episode.summary)
    item: dict[str, Any] = {
        "id": episode.guid,
        "url": episode.link,
        "title": plain_title(episode.title),
        "summary": summary,
        "content_text": summary,
        "date_published": episode.published.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "attachments": [
            {
                "url": episode.audio_url,
                "mime_type": episode.audio_type,
                "size_in_bytes": episode.audio_length,
                "duration_in_seconds": round(episode.duration_seconds),
            }
        ],
    }
    if episode.image_url:
        item["image"] = episode.image_url
    extension: dict[str, Any] = {}
    if episode.transcripts:
        extension["transcripts"] = [
            {"url": t.url, "type": t.mime_type, "language": t.language, **({"rel": t.rel} if t.rel else {})}
            for t in episode.transcripts
        ]
    if episode.chapters_url:
        extension["chapters"] = episode.chapters_url
    if extension:
        item["_podcast"] = extension
    return item


def build_json_feed(
    channel: Channel, episodes: Iterable[Episode], options: FeedOptions | None = None
) -> dict[str, Any]:
    """The JSON Feed document as a dict, newest ``options.max_items`` items first."""
    options = options or FeedOptions()
    return {
        "version": JSON_FEED_VERSION,
        "title": plain_title(channel.title),
        "home_page_url": channel.link,
        "feed_url": channel.feed_url,
        "description": plain_description(channel.description),
        "icon": channel.image_url,
        "authors": [{"name": clean_text(channel.author)}],
        "language": channel.language,
        "items": [_item(episode) for episode in newest(episodes, options.max_items)],
    }


def json_feed_bytes(
    channel: Channel, episodes: Iterable[Episode], options: FeedOptions | None = None
) -> bytes:
    """The JSON Feed as UTF-8 bytes, ready to serve as ``application/feed+json``."""
    document = build_json_feed(channel, episodes, options)
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
