"""The RSS podcast feed: required elements, real parsers (feedparser, podcastparser), limits, hostile text."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

import feedparser
import podcastparser
import pytest
from lxml import etree

from webapp.chapters import chapters_from_sections
from webapp.feed_xml import (
    ATOM_NS,
    ITUNES_NS,
    PODCAST_LEGACY_NS,
    PODCAST_NS,
    PSC_NS,
    Category,
    Channel,
    Episode,
    FeedOptions,
    Transcript,
    build_feed,
    item_guid,
    podcast_guid,
)

FEED_URL = "https://presse.lindenhagen.example/feeds/original.xml"
NS = {"itunes": ITUNES_NS, "atom": ATOM_NS, "podcast": PODCAST_NS, "psc": PSC_NS}
START = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def make_channel(**overrides: object) -> Channel:
    values: dict[str, object] = {
        "title": "Stadt Lindenhagen – Pressemitteilungen zum Hören",
        "link": "https://presse.lindenhagen.example/",
        "description": "Pressemitteilungen der Stadt Lindenhagen, vorgelesen.",
        "feed_url": FEED_URL,
        "author": "Presseamt Lindenhagen",
        "owner_name": "Presseamt Lindenhagen",
        "owner_email": "presse@lindenhagen.example",
        "image_url": "https://presse.lindenhagen.example/static/cover.png",
    }
    values.update(overrides)
    return Channel(**values)  # type: ignore[arg-type]


def make_episode(number: int, title: str | None = None, published: datetime | None = None) -> Episode:
    base = f"https://presse.lindenhagen.example/releases/mitteilung-{number}"
    return Episode(
        guid=item_guid(f"release-{number}", "original"),
        title=title or f"Mitteilung {number}: Haushalt & Bürgerhaus",
        link=base,
        summary=f"Kurzfassung {number}. Der Rat beschließt den Haushalt.",
        published=published or START + timedelta(days=number),
        audio_url=f"https://presse.lindenhagen.example/audio/{number:04d}-abc{number}.mp3",
        audio_length=100_000 + number,
        duration_seconds=60.4 + number,
        transcripts=(
            Transcript(f"{base}/transcript.vtt", "text/vtt", rel="captions"),
            Transcript(f"{base}/transcript.html", "text/html"),
        ),
        chapters_url=f"{base}/chapters.json",
        chapters=chapters_from_sections([("Einleitung", 0), ("Zitate", 20.5)], duration=60.4 + number),
    )


EPISODES = tuple(make_episode(n) for n in (1, 2, 3))


@pytest.fixture(scope="module")
def feed_bytes() -> bytes:
    return build_feed(make_channel(), EPISODES)


@pytest.fixture(scope="module")
def channel_el(feed_bytes: bytes) -> etree._Element:
    root = etree.fromstring(feed_bytes)
    assert root.tag == "rss" and root.get("version") == "2.0"
    (channel,) = root.findall("channel")
    return channel


def test_channel_has_every_required_element(channel_el: etree._Element) -> None:
    assert channel_el.findtext("title") == "Stadt Lindenhagen – Pressemitteilungen zum Hören"
    assert channel_el.findtext("link") == "https://presse.lindenhagen.example/"
    assert channel_el.findtext("description") == "Pressemitteilungen der Stadt Lindenhagen, vorgelesen."
    assert channel_el.findtext("language") == "de"
    self_link = channel_el.find("atom:link", NS)
    assert self_link is not None
    assert dict(self_link.attrib) == {"href": FEED_URL, "rel": "self", "type": "application/rss+xml"}
    assert channel_el.findtext("itunes:author", namespaces=NS) == "Presseamt Lindenhagen"
    assert channel_el.findtext("itunes:owner/itunes:email", namespaces=NS) == "presse@lindenhagen.example"
    assert channel_el.findtext("itunes:owner/itunes:name", namespaces=NS) == "Presseamt Lindenhagen"
    categories = [
        (c.get("text"), [s.get("text") for s in c]) for c in channel_el.findall("itunes:category", NS)
    ]
    assert categories == [("Government", []), ("News", ["Politics"])]
    assert channel_el.findtext("itunes:explicit", namespaces=NS) == "false"
    image = channel_el.find("itunes:image", NS)
    assert image is not None and image.get("href") == "https://presse.lindenhagen.example/static/cover.png"
    locked = channel_el.find("podcast:locked", NS)
    assert locked is not None and locked.text == "yes" and locked.get("owner") == "presse@lindenhagen.example"
    assert channel_el.findtext("podcast:medium", namespaces=NS) == "podcast"
    assert channel_el.findtext("podcast:guid", namespaces=NS) == podcast_guid(FEED_URL)


def test_podcast_guid_follows_the_podcasting20_recipe() -> None:
    # The spec's own example: "podnews.net/rss" gives 9b024349-ccf0-5f69-a609-6b82873eab3c.
    assert podcast_guid("https://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert podcast_guid("http://podnews.net/rss/") == podcast_guid("https://podnews.net/rss")
    assert uuid.UUID(podcast_guid(FEED_URL)).version == 5


def test_item_guid_is_stable_per_release_and_version() -> None:
    assert item_guid("release-7", "original") == item_guid("release-7", "original")
    assert item_guid("release-7", "original") != item_guid("release-7", "plain")
    assert item_guid("release-7", "plain") != item_guid("release-8", "plain")


def test_items_have_every_required_element_newest_first(channel_el: etree._Element) -> None:
    items = channel_el.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Mitteilung 3: Haushalt & Bürgerhaus",
        "Mitteilung 2: Haushalt & Bürgerhaus",
        "Mitteilung 1: Haushalt & Bürgerhaus",
    ]
    for item, episode in zip(items, reversed(EPISODES), strict=True):
        assert item.findtext("description") == episode.summary
        assert item.findtext("link") == episode.link
        guid = item.find("guid")
        assert guid is not None and guid.text == episode.guid and guid.get("isPermaLink") == "false"
        pub_date = item.findtext("pubDate")
        assert pub_date is not None and pub_date.endswith(" GMT")
        assert parsedate_to_datetime(pub_date) == episode.published
        (enclosure,) = item.findall("enclosure")
        assert dict(enclosure.attrib) == {
            "url": episode.audio_url,
            "length": str(episode.audio_length),
            "type": "audio/mpeg",
        }
        assert item.findtext("itunes:duration", namespaces=NS) == str(round(episode.duration_seconds))
        transcripts = [dict(t.attrib) for t in item.findall("podcast:transcript", NS)]
        assert transcripts == [
            {
                "url": f"{episode.link}/transcript.vtt",
                "type": "text/vtt",
                "language": "de",
                "rel": "captions",
            },
            {"url": f"{episode.link}/transcript.html", "type": "text/html", "language": "de"},
        ]
        chapters = item.find("podcast:chapters", NS)
        assert chapters is not None
        assert dict(chapters.attrib) == {"url": episode.chapters_url, "type": "application/json+chapters"}
        psc = [(c.get("start"), c.get("title")) for c in item.findall("psc:chapters/psc:chapter", NS)]
        assert psc == [("00:00:00.000", "Einleitung"), ("00:00:20.500", "Zitate")]
    assert channel_el.findtext("lastBuildDate") == items[0].findtext("pubDate")


def test_pubdate_of_a_local_time_is_converted_to_gmt() -> None:
    berlin_winter = timezone(timedelta(hours=1))
    episode = make_episode(1, published=datetime(2026, 12, 24, 10, 0, tzinfo=berlin_winter))
    item = etree.fromstring(build_feed(make_channel(), [episode])).find("channel/item")
    assert item is not None and item.findtext("pubDate") == "Thu, 24 Dec 2026 09:00:00 GMT"


def test_feedparser_reads_the_feed_without_errors(feed_bytes: bytes) -> None:
    parsed = feedparser.parse(feed_bytes)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title == "Stadt Lindenhagen – Pressemitteilungen zum Hören"
    assert parsed.feed.language == "de"
    assert parsed.feed.image.href == "https://presse.lindenhagen.example/static/cover.png"
    assert len(parsed.entries) == 3
    for entry, episode in zip(parsed.entries, reversed(EPISODES), strict=True):
        assert entry.id == episode.guid
        (enclosure,) = entry.enclosures
        assert (enclosure.href, enclosure.length, enclosure.type) == (
            episode.audio_url,
            str(episode.audio_length),
            "audio/mpeg",
        )
        assert entry.itunes_duration == str(round(episode.duration_seconds))
        # feedparser keeps only the last podcast:transcript of an item (see the research note, §9).
        assert entry.podcast_transcript["url"] == f"{episode.link}/transcript.html"
        assert entry.published_parsed[:6] == episode.published.timetuple()[:6]


@pytest.mark.parametrize("legacy", [False, True])
def test_podcastparser_sees_episodes_and_enclosures(legacy: bool) -> None:
    feed = build_feed(make_channel(), EPISODES, FeedOptions(legacy_namespace=legacy))
    parsed = podcastparser.parse(FEED_URL, io.BytesIO(feed))
    assert parsed["title"] == "Stadt Lindenhagen – Pressemitteilungen zum Hören"
    assert parsed["cover_url"] == "https://presse.lindenhagen.example/static/cover.png"
    assert [e["guid"] for e in parsed["episodes"]] == [e.guid for e in reversed(EPISODES)]
    for parsed_episode, episode in zip(parsed["episodes"], reversed(EPISODES), strict=True):
        (enclosure,) = parsed_episode["enclosures"]
        assert enclosure["url"] == episode.audio_url
        assert enclosure["file_size"] == episode.audio_length
        assert enclosure["mime_type"] == "audio/mpeg"
        assert parsed_episode["total_time"] == round(episode.duration_seconds)
        assert parsed_episode["published"] == int(episode.published.timestamp())
        # Podlove Simple Chapters are read under either podcast-namespace URI (whole seconds only).
        assert [(c["start"], c["title"]) for c in parsed_episode["chapters"]] == [
            (0, "Einleitung"),
            (20, "Zitate"),
        ]


def test_podcastparser_reads_podcast_tags_only_under_the_legacy_uri() -> None:
    """Why FeedOptions.legacy_namespace exists: with the official URI podcastparser sees no podcast:* tag."""
    official = podcastparser.parse(FEED_URL, io.BytesIO(build_feed(make_channel(), EPISODES)))
    legacy_feed = build_feed(make_channel(), EPISODES, FeedOptions(legacy_namespace=True))
    legacy = podcastparser.parse(FEED_URL, io.BytesIO(legacy_feed))
    newest = EPISODES[-1]
    assert official["episodes"][0].get("transcript_url") is None
    assert official["episodes"][0].get("chapters_json_url") is None
    assert official.get("import_prohibited") is None
    assert legacy["episodes"][0]["chapters_json_url"] == newest.chapters_url
    assert legacy["episodes"][0]["transcript_url"] in {t.url for t in newest.transcripts}
    assert legacy["import_prohibited"] is True
    root = etree.fromstring(legacy_feed)
    assert root.nsmap["podcast"] == PODCAST_LEGACY_NS
    assert PODCAST_NS not in root.nsmap.values()


def test_legacy_variant_can_keep_the_canonical_podcast_guid() -> None:
    variant = make_channel(feed_url=FEED_URL.replace(".xml", "-gpodder.xml"), guid=podcast_guid(FEED_URL))
    root = etree.fromstring(build_feed(variant, EPISODES, FeedOptions(legacy_namespace=True)))
    guid = root.find(f"channel/{{{PODCAST_LEGACY_NS}}}guid")
    assert guid is not None and guid.text == podcast_guid(FEED_URL)


def test_ten_thousand_episodes_are_limited_to_the_newest() -> None:
    episodes = [make_episode(n, published=START + timedelta(minutes=n)) for n in range(10_000)]
    feed = build_feed(make_channel(), reversed(episodes), FeedOptions(max_items=25))
    items = etree.fromstring(feed).findall("channel/item")
    assert len(items) == 25
    assert [item.findtext("guid") for item in items] == [e.guid for e in episodes[::-1][:25]]
    assert len(feed) < 40_000


HOSTILE_TITLES = [
    "Rat & Verwaltung <script>alert(1)</script> \"Zitat\" 'x'",
    "Sommerfest 🎉🌞 im Park",
    "Steuer\x00zeichen\x07 und \x1b[31mFarbe\x0b\x0c",
    "Ungültig \ud800 Surrogat und \ufffe Nichtzeichen \x85 C1",
    "]]> CDATA-Ende & &amp; Entität",
    "Zeilen\numbruch\r\nund\tTab",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_hostile_titles_give_well_formed_xml(title: str) -> None:
    channel = make_channel(title=title, description=title, author=title)
    episode = make_episode(1, title=title)
    episode = Episode(**{**episode.__dict__, "summary": title})
    feed = build_feed(channel, [episode])
    root = etree.fromstring(feed)  # raises on malformed XML
    parsed_title = root.findtext("channel/item/title")
    assert parsed_title is not None and parsed_title.strip() == parsed_title
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in parsed_title)
    assert not feedparser.parse(feed).bozo
    assert podcastparser.parse(FEED_URL, io.BytesIO(feed))["episodes"][0]["title"] == parsed_title


def test_hostile_title_keeps_its_visible_text() -> None:
    episode = make_episode(1, title="Rat & <Verwaltung> 🎉\x00 tagt")
    title = etree.fromstring(build_feed(make_channel(), [episode])).findtext("channel/item/title")
    assert title == "Rat & <Verwaltung> 🎉 tagt"


def test_long_values_are_cut_to_apple_limits() -> None:
    episode = make_episode(1, title="Wort " * 100)
    episode = Episode(**{**episode.__dict__, "summary": "Ä" * 3000})
    item = etree.fromstring(build_feed(make_channel(), [episode])).find("channel/item")
    assert item is not None
    title, description = item.findtext("title") or "", item.findtext("description") or ""
    assert len(title) <= 255 and title.endswith("…")
    assert len(description.encode("utf-8")) <= 4000 and description.endswith("…")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("published", datetime(2026, 1, 1), "timezone-aware"),
        ("audio_length", 0, "exact byte size"),
        ("duration_seconds", 0.0, "duration"),
    ],
)
def test_episode_rejects_values_a_feed_cannot_carry(field: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Episode(**{**make_episode(1).__dict__, field: value})


def test_custom_category_and_medium() -> None:
    channel = make_channel(categories=(Category("News", "Daily News"),), medium="newsletter", locked=False)
    root = etree.fromstring(build_feed(channel, EPISODES))
    subcategory = root.find("channel/itunes:category/itunes:category", NS)
    assert subcategory is not None and subcategory.get("text") == "Daily News"
    assert root.findtext("channel/podcast:medium", namespaces=NS) == "newsletter"
    assert root.findtext("channel/podcast:locked", namespaces=NS) == "no"


def test_max_items_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_items"):
        FeedOptions(max_items=0)


def test_description_keeps_one_sentence_per_line() -> None:
    summary = "Der Rat hat getagt.\n\n  Das  Bürgerhaus\x00 wird neu gebaut. \r\nEs kostet 2 Millionen Euro."
    episode = Episode(**{**make_episode(1).__dict__, "summary": summary})
    description = etree.fromstring(build_feed(make_channel(), [episode])).findtext("channel/item/description")
    assert description == "Der Rat hat getagt.\nDas Bürgerhaus wird neu gebaut.\nEs kostet 2 Millionen Euro."


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("feed_url", "/feeds/original.xml", "absolute"),
        ("image_url", "cover.png", "absolute"),
        ("owner_email", "Presseamt", "e-mail"),
    ],
)
def test_channel_rejects_values_apps_cannot_use(field: str, value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_channel(**{field: value})
