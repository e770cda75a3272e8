"""JSON Feed 1.1 with audio attachments, from the same Channel/Episode inputs as the RSS feed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from webapp.feed_json import JSON_FEED_VERSION, build_json_feed, json_feed_bytes
from webapp.feed_xml import Channel, Episode, FeedOptions, Transcript, item_guid

START = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
CHANNEL = Channel(
    title="Stadt Lindenhagen – Leichte Sprache zum Hören",
    link="https://presse.lindenhagen.example/",
    description="Pressemitteilungen in Leichter Sprache, vorgelesen.",
    feed_url="https://presse.lindenhagen.example/feeds/plain.json",
    author="Presseamt Lindenhagen",
    owner_name="Presseamt Lindenhagen",
    owner_email="presse@lindenhagen.example",
    image_url="https://presse.lindenhagen.example/static/cover.png",
)


def make_episode(number: int, **overrides: object) -> Episode:
    base = f"https://presse.lindenhagen.example/releases/mitteilung-{number}"
    values: dict[str, object] = {
        "guid": item_guid(f"release-{number}", "plain"),
        "title": f"Mitteilung {number}",
        "link": base,
        "summary": f"Kurz gesagt: Nummer {number}.",
        "published": START + timedelta(days=number),
        "audio_url": f"https://presse.lindenhagen.example/audio/{number}-ff00.mp3",
        "audio_length": 50_000 + number,
        "duration_seconds": 30.6 + number,
        "transcripts": (Transcript(f"{base}/plain.vtt", "text/vtt", rel="captions"),),
        "chapters_url": f"{base}/plain-chapters.json",
    }
    values.update(overrides)
    return Episode(**values)  # type: ignore[arg-type]


def test_document_is_json_feed_1_1_with_audio_attachments() -> None:
    episodes = [make_episode(n) for n in (1, 2, 3)]
    document = json.loads(json_feed_bytes(CHANNEL, episodes))
    assert document["version"] == JSON_FEED_VERSION == "https://jsonfeed.org/version/1.1"
    assert document["title"] == "Stadt Lindenhagen – Leichte Sprache zum Hören"
    assert document["home_page_url"] == "https://presse.lindenhagen.example/"
    assert document["feed_url"] == "https://presse.lindenhagen.example/feeds/plain.json"
    assert document["language"] == "de"
    assert document["authors"] == [{"name": "Presseamt Lindenhagen"}]
    assert [item["id"] for item in document["items"]] == [e.guid for e in reversed(episodes)]
    for item, episode in zip(document["items"], reversed(episodes), strict=True):
        assert item["url"] == episode.link
        assert item["title"] == episode.title
        assert item["content_text"] == episode.summary
        assert datetime.fromisoformat(item["date_published"]) == episode.published
        assert item["attachments"] == [
            {
                "url": episode.audio_url,
                "mime_type": "audio/mpeg",
                "size_in_bytes": episode.audio_length,
                "duration_in_seconds": round(episode.duration_seconds),
            }
        ]
        assert item["_podcast"] == {
            "transcripts": [
                {"url": f"{episode.link}/plain.vtt", "type": "text/vtt", "language": "de", "rel": "captions"}
            ],
            "chapters": episode.chapters_url,
        }


def test_dates_are_rfc3339_in_utc() -> None:
    local = datetime(2026, 7, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    (item,) = build_json_feed(CHANNEL, [make_episode(1, published=local)])["items"]
    assert item["date_published"] == "2026-07-01T10:00:00Z"


def test_item_count_is_limited_to_the_newest() -> None:
    episodes = [make_episode(n, published=START + timedelta(minutes=n)) for n in range(10_000)]
    items = build_json_feed(CHANNEL, episodes, FeedOptions(max_items=10))["items"]
    assert [item["id"] for item in items] == [e.guid for e in episodes[::-1][:10]]


@pytest.mark.parametrize("title", ["A & B <c> 🎉", "Steuer\x00zeichen\x1b und \ud800"])
def test_hostile_titles_give_valid_utf8_json(title: str) -> None:
    data = json_feed_bytes(CHANNEL, [make_episode(1, title=title)])
    (item,) = json.loads(data.decode("utf-8"))["items"]
    assert not any(ord(char) < 0x20 or 0xD800 <= ord(char) <= 0xDFFF for char in item["title"])
    assert item["title"].strip()


def test_items_without_transcripts_or_chapters_have_no_extension() -> None:
    (item,) = build_json_feed(CHANNEL, [make_episode(1, transcripts=(), chapters_url=None)])["items"]
    assert "_podcast" not in item
