"""RSS 2.0 podcast feed with the iTunes and Podcasting 2.0 namespaces, built with lxml.

Input is plain frozen dataclasses (`Channel`, `Episode`), so the builder needs no Flask and no database
and can be tested alone. The caller passes only episodes that have audio; the builder keeps the newest
`FeedOptions.max_items`.

Tag choices follow Apple's podcast RSS requirements (mirrored by the Podcast Standards Project's PSP-1)
and the Podcasting 2.0 namespace documentation (Podcastindex-org/podcast-namespace).

Namespace of the ``podcast:`` tags: the official URI is ``https://podcastindex.org/namespace/1.0``.
podcastparser 0.6.11 (the parser inside gPodder) maps ``podcast:*`` only under the legacy GitHub URI;
under the official one it drops transcript, chapters and ``podcast:locked`` (checked in
tests/test_feed_xml.py). Declaring both URIs and writing every tag twice would give duplicate transcripts
in clients that honour both, as the namespace spec asks clients to. So the default feed uses the official
URI only and ``FeedOptions(legacy_namespace=True)`` renders the same feed under the legacy URI, for a
gPodder-compatible variant the web layer may serve at its own address. Chapters also go inline as Podlove
Simple Chapters (``psc:``), which podcastparser and many apps read whatever the namespace question.
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from lxml import etree

from webapp.chapters import CHAPTERS_MIME_TYPE, Chapter, clean_lines, clean_text, npt_timestamp

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM_NS = "http://www.w3.org/2005/Atom"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
PODCAST_LEGACY_NS = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
PSC_NS = "http://podlove.org/simple-chapters"

# Namespace of podcast:guid, fixed by the Podcasting 2.0 spec ("guid" tag).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
# Our own fixed namespace for item GUIDs (a random UUID chosen once for Klartext; never change it).
ITEM_GUID_NAMESPACE = uuid.UUID("5d0c2a57-3f0e-4b8e-9c55-6f1d2f3b7a41")

TITLE_LIMIT = 255  # characters; Apple truncates longer values
DESCRIPTION_LIMIT = 4000  # bytes (UTF-8), Apple's limit for channel and item descriptions

GENERATOR = "Klartext"


def podcast_guid(feed_url: str) -> str:
    """``podcast:guid``: UUIDv5 of the feed URL without scheme and trailing slashes (Podcasting 2.0)."""
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def item_guid(release_key: str, version: str) -> str:
    """A GUID that never changes for one release and version (``original``, ``plain``).

    ``release_key`` must be the release's permanent identifier (not its slug or title, which editors
    may change); re-rendered audio keeps the GUID and only the enclosure URL changes.
    """
    return str(uuid.uuid5(ITEM_GUID_NAMESPACE, f"{release_key}/{version}"))


@dataclass(frozen=True)
class Transcript:
    """A ``podcast:transcript``: WebVTT (``rel="captions"``, timed) or HTML (``rel=None``)."""

    url: str
    mime_type: str
    language: str = "de"
    rel: str | None = None


@dataclass(frozen=True)
class Category:
    """An Apple Podcasts category, optionally with one subcategory (e.g. ``News`` / ``Politics``)."""

    name: str
    subcategory: str | None = None


@dataclass(frozen=True)
class Channel:
    """What a feed says about the podcast itself."""

    title: str
    link: str
    description: str
    feed_url: str
    author: str
    owner_name: str
    owner_email: str
    image_url: str
    language: str = "de"
    categories: tuple[Category, ...] = (Category("Government"), Category("News", "Politics"))
    explicit: bool = False
    locked: bool = True
    # podcast:medium. "newsletter" (written articles with a spoken version) describes press releases
    # best, but apps built on the Podcast Index treat non-"podcast" media differently (some hide them from
    # podcast search), and most apps ignore the tag. We say "podcast" explicitly; publishers may choose.
    medium: str = "podcast"
    copyright: str | None = None
    # None: derived from feed_url. Set it to keep the identity of the canonical feed in a variant
    # served at another URL (the legacy-namespace feed).
    guid: str | None = None

    def __post_init__(self) -> None:
        for name in ("link", "feed_url", "image_url"):
            if not getattr(self, name).startswith(("https://", "http://")):
                raise ValueError(
                    f"channel {name} must be an absolute http(s) URL, got {getattr(self, name)!r}"
                )
        if "@" not in self.owner_email:
            raise ValueError(f"itunes:owner needs an e-mail address, got {self.owner_email!r}")


@dataclass(frozen=True)
class Episode:
    """One published reading. ``audio_length`` is the exact file size in bytes, after tagging."""

    guid: str
    title: str
    link: str
    summary: str
    published: datetime
    audio_url: str
    audio_length: int
    duration_seconds: float
    audio_type: str = "audio/mpeg"
    transcripts: tuple[Transcript, ...] = ()
    chapters_url: str | None = None
    chapters: tuple[Chapter, ...] = ()
    image_url: str | None = None

    def __post_init__(self) -> None:
        if self.published.tzinfo is None:
            raise ValueError(f"episode {self.guid}: published must be timezone-aware (pubDate needs a zone)")
        if self.audio_length <= 0:
            raise ValueError(f"episode {self.guid}: enclosure length must be the exact byte size, > 0")
        if self.duration_seconds <= 0:
            raise ValueError(f"episode {self.guid}: duration must be positive")


@dataclass(frozen=True)
class FeedOptions:
    """How to render: how many newest items, and which URI the ``podcast:`` prefix is bound to."""

    max_items: int = 100
    legacy_namespace: bool = False

    def __post_init__(self) -> None:
        if self.max_items < 1:
            raise ValueError("max_items must be at least 1")


def newest(episodes: Iterable[Episode], limit: int) -> list[Episode]:
    """The ``limit`` newest episodes, newest first, without sorting the whole input."""
    return heapq.nlargest(limit, episodes, key=lambda episode: episode.published)


def rfc2822(moment: datetime) -> str:
    """RFC 2822 date in GMT, e.g. ``Wed, 25 Nov 2026 16:00:00 GMT``."""
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def plain_title(text: str) -> str:
    """A title safe for XML and within Apple's 255-character limit."""
    cleaned = clean_text(text)
    return cleaned if len(cleaned) <= TITLE_LIMIT else cleaned[: TITLE_LIMIT - 1].rstrip() + "…"


def plain_description(text: str) -> str:
    """A plain-text description safe for XML within 4000 UTF-8 bytes, cut at a character boundary."""
    cleaned = clean_lines(text)
    if len(cleaned.encode("utf-8")) <= DESCRIPTION_LIMIT:
        return cleaned
    cut = cleaned.encode("utf-8")[: DESCRIPTION_LIMIT - len("…".encode())].decode("utf-8", "ignore")
    return cut.rstrip() + "…"


def _sub(parent: etree._Element, tag: str, content: str | None = None, **attrs: str) -> etree._Element:
    """A child element; ``content`` is its text (``text`` would clash with itunes:category's attribute)."""
    element = etree.SubElement(parent, tag, attrs)
    if content is not None:
        element.text = content
    return element


def _channel_elements(channel_el: etree._Element, channel: Channel, podcast_ns: str) -> None:
    itunes, podcast = f"{{{ITUNES_NS}}}", f"{{{podcast_ns}}}"
    _sub(channel_el, "title", plain_title(channel.title))
    _sub(channel_el, "link", channel.link)
    _sub(channel_el, "description", plain_description(channel.description))
    _sub(channel_el, "language", channel.language)
    _sub(channel_el, "generator", GENERATOR)
    if channel.copyright:
        _sub(channel_el, "copyright", clean_text(channel.copyright))
    _sub(channel_el, f"{{{ATOM_NS}}}link", href=channel.feed_url, rel="self", type="application/rss+xml")
    _sub(channel_el, itunes + "author", clean_text(channel.author))
    owner = _sub(channel_el, itunes + "owner")
    _sub(owner, itunes + "name", clean_text(channel.owner_name))
    _sub(owner, itunes + "email", channel.owner_email)
    for category in channel.categories:
        category_el = _sub(channel_el, itunes + "category", text=category.name)
        if category.subcategory:
            _sub(category_el, itunes + "category", text=category.subcategory)
    _sub(channel_el, itunes + "explicit", "true" if channel.explicit else "false")
    _sub(channel_el, itunes + "image", href=channel.image_url)
    _sub(channel_el, itunes + "type", "episodic")
    _sub(channel_el, podcast + "guid", channel.guid or podcast_guid(channel.feed_url))
    _sub(channel_el, podcast + "locked", "yes" if channel.locked else "no", owner=channel.owner_email)
    _sub(channel_el, podcast + "medium", channel.medium)


def _item_element(channel_el: etree._Element, episode: Episode, podcast_ns: str) -> None:
    itunes, podcast = f"{{{ITUNES_NS}}}", f"{{{podcast_ns}}}"
    item = _sub(channel_el, "item")
    _sub(item, "title", plain_title(episode.title))
    _sub(item, "description", plain_description(episode.summary))
    _sub(item, "link", episode.link)
    _sub(item, "guid", episode.guid, isPermaLink="false")
    _sub(item, "pubDate", rfc2822(episode.published))
    _sub(item, "enclosure", url=episode.audio_url, length=str(episode.audio_length), type=episode.audio_type)
    _sub(item, itunes + "duration", str(max(1, round(episode.duration_seconds))))
    _sub(item, itunes + "explicit", "false")
    if episode.image_url:
        _sub(item, itunes + "image", href=episode.image_url)
    for transcript in episode.transcripts:
        attrs = {"url": transcript.url, "type": transcript.mime_type, "language": transcript.language}
        if transcript.rel:
            attrs["rel"] = transcript.rel
        _sub(item, podcast + "transcript", **attrs)
    if episode.chapters_url:
        _sub(item, podcast + "chapters", url=episode.chapters_url, type=CHAPTERS_MIME_TYPE)
    if episode.chapters:
        psc = _sub(item, f"{{{PSC_NS}}}chapters", version="1.2")
        for chapter in episode.chapters:
            _sub(psc, f"{{{PSC_NS}}}chapter", start=npt_timestamp(chapter.start), title=chapter.title)


def build_feed(channel: Channel, episodes: Iterable[Episode], options: FeedOptions | None = None) -> bytes:
    """The RSS document as UTF-8 bytes with an XML declaration, newest ``options.max_items`` items."""
    options = options or FeedOptions()
    podcast_ns = PODCAST_LEGACY_NS if options.legacy_namespace else PODCAST_NS
    nsmap = {"itunes": ITUNES_NS, "atom": ATOM_NS, "podcast": podcast_ns, "psc": PSC_NS}
    rss = etree.Element("rss", {"version": "2.0"}, nsmap=nsmap)
    channel_el = _sub(rss, "channel")
    _channel_elements(channel_el, channel, podcast_ns)
    items: Sequence[Episode] = newest(episodes, options.max_items)
    if items:
        _sub(channel_el, "lastBuildDate", rfc2822(items[0].published))
    for episode in items:
        _item_element(channel_el, episode, podcast_ns)
    document: bytes = etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return document
