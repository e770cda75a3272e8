"""Podcast feeds through the Flask test client: elements, publishing rules, GUIDs, caching, bad titles.

Most tests store releases with readings written directly (a few bytes standing in for an MP3), so they
run fast; the first test renders real readings through the jobs and follows every URL of the feed.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from lxml import etree
from sqlalchemy import event, select, update

from tests.conftest import corpus_text
from webapp import jobs, releases
from webapp.db import db
from webapp.feed_xml import ATOM_NS, ITUNES_NS, PODCAST_LEGACY_NS, PODCAST_NS, podcast_guid
from webapp.ingest import ExtractedText
from webapp.models import Reading, ReleaseRecord
from webapp.review import form_values
from webapp.storage import write_atomic

NS = {"itunes": ITUNES_NS, "atom": ATOM_NS, "podcast": PODCAST_NS}
FEEDS = ("original", "leichte-sprache", "alle")


def _fetch(client, url: str, method: str = "GET", **kwargs):
    """Request and close (file responses hold an open file until closed)."""
    response = client.open(url, method=method, **kwargs)
    response.get_data()
    response.close()
    return response


def _feed(client, name: str) -> etree._Element:
    response = client.get(f"/feeds/{name}.xml")
    assert response.status_code == 200 and response.mimetype == "application/rss+xml"
    return etree.fromstring(response.data)  # strict parser: any invalid XML fails here


def _items(client, name: str) -> list[etree._Element]:
    return _feed(client, name).findall("channel/item")


def _stored(app, name: str = "10-kurzmeldung-buergerbuero", *, title: str | None = None, publish=True) -> int:
    """A stored release (no jobs run); returns its id."""
    with app.app_context():
        record = releases.store(ExtractedText(corpus_text(name), "paste", None, None), None, publish=publish)
        if title is not None:
            record.title = title
        db.session.commit()
        return record.id


def _read(app, release_id: int, version: str, content: bytes = b"ID3 fake mp3 ", tag: str = "a") -> str:
    """A reading row with a small file standing in for the MP3; returns the file name."""
    with app.app_context():
        filename = f"pm-{release_id}-{version}-{tag}.mp3"
        data = content + filename.encode()
        write_atomic(filename, data, app)
        db.session.add(
            Reading(
                release_id=release_id,
                version=version,
                cache_key=f"{release_id}{version}{tag}",
                filename=filename,
                size=len(data),
                duration=12.5,
                engine="espeak",
                voice="de",
            )
        )
        db.session.commit()
        return filename


def _set(app, release_id: int, **values) -> None:
    with app.app_context():
        record = db.session.get(ReleaseRecord, release_id)
        for key, value in values.items():
            setattr(record, key, value)
        db.session.commit()


def test_real_readings_fill_every_element_and_a_rerender_keeps_the_guid(app, editor_client) -> None:
    release_id = _stored(app)
    jobs.run_pending(app)
    with app.app_context():
        record = db.session.get(ReleaseRecord, release_id)
        rows = {r.version: (r.filename, r.size, r.duration) for r in record.readings}
        lead, summary = record.data["lead"], [s["text"] for s in record.plain["summary"]]
        slug = record.slug
    assert set(rows) == {"original", "plain"}
    for name, versions in [("original", ["original"]), ("leichte-sprache", ["plain"]), ("alle", list(rows))]:
        rss = _feed(editor_client, name)
        assert rss.get("version") == "2.0"
        channel = rss.find("channel")
        for tag in ("title", "link", "description", "language", "lastBuildDate"):
            assert channel.findtext(tag), tag
        assert channel.findtext("language") == "de"
        assert channel.findtext("link") == "http://localhost/"
        self_link = channel.find("atom:link", NS)
        assert (
            self_link.get("href") == f"http://localhost/feeds/{name}.xml" and self_link.get("rel") == "self"
        )
        assert channel.findtext("itunes:author", namespaces=NS) == "Klartext"
        assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "redaktion@example.invalid"
        assert [c.get("text") for c in channel.findall("itunes:category", NS)] == ["Government", "News"]
        assert channel.find("itunes:category/itunes:category", NS).get("text") == "Politics"
        assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
        assert channel.find("itunes:image", NS).get("href") == "http://localhost/feeds/cover.png"
        assert channel.findtext("podcast:guid", namespaces=NS) == podcast_guid(self_link.get("href"))
        assert channel.findtext("podcast:locked", namespaces=NS) == "yes"
        items = channel.findall("item")
        assert len(items) == len(versions)
        for item, version in zip(items, versions, strict=True):
            filename, size, duration = rows[version]
            assert item.findtext("title").startswith("Bürgerbüro bleibt am Freitag geschlossen")
            description = item.findtext("description")
            assert description == (lead if version == "original" else "\n".join(summary))
            assert item.findtext("link").startswith(f"http://localhost/releases/{slug}")
            assert item.find("guid").get("isPermaLink") == "false"
            published = parsedate_to_datetime(item.findtext("pubDate"))
            assert abs(published - datetime.now(UTC)) < timedelta(minutes=5)
            enclosure = item.find("enclosure")
            assert enclosure.get("url") == f"http://localhost/audio/{filename}"
            assert enclosure.get("type") == "audio/mpeg" and int(enclosure.get("length")) == size
            head = _fetch(editor_client, enclosure.get("url"), method="HEAD")
            assert head.status_code == 200 and int(head.headers["Content-Length"]) == size
            assert int(item.findtext("itunes:duration", namespaces=NS)) == round(duration)
            transcripts = {t.get("type"): t for t in item.findall("podcast:transcript", NS)}
            assert set(transcripts) == {"text/vtt", "text/html"}
            assert transcripts["text/vtt"].get("rel") == "captions"
            vtt = _fetch(editor_client, transcripts["text/vtt"].get("url"))
            assert vtt.status_code == 200 and vtt.data.startswith(b"WEBVTT")
            html = _fetch(editor_client, transcripts["text/html"].get("url"))
            assert html.status_code == 200 and html.mimetype == "text/html"
            chapters = item.find("podcast:chapters", NS)
            document = json.loads(_fetch(editor_client, chapters.get("url")).data)
            assert chapters.get("type") == "application/json+chapters" and document["chapters"]

    # An edit of the plain version is read again: new file, new enclosure URL, the same GUID.
    before = _items(editor_client, "leichte-sprache")[0]
    with app.app_context():
        values = form_values(db.session.get(ReleaseRecord, release_id).plain)
    values["summary"] += "\nDas Bürger·büro hilft Ihnen gern."
    response = editor_client.post(f"/redaktion/pm/{release_id}/leichte-sprache", data=values)
    assert response.status_code == 303
    jobs.run_pending(app)
    after = _items(editor_client, "leichte-sprache")
    assert len(after) == 1
    assert after[0].findtext("guid") == before.findtext("guid")
    assert after[0].find("enclosure").get("url") != before.find("enclosure").get("url")
    assert "Das Bürger·büro hilft Ihnen gern." in after[0].findtext("description")
    original = _items(editor_client, "original")[0]
    assert original.findtext("guid") != before.findtext("guid")  # one GUID per release *and* version


def test_only_published_releases_with_a_reading_appear_and_unpublishing_removes(
    app, editor_client, client
) -> None:
    draft = _stored(app, "09-baustelle-kanalstrasse", publish=False)
    published = _stored(app, "07-hitzetelefon-kaltenbrunn")
    unread = _stored(app, "02-innovationsforum-seltental")  # published, but not read (yet)
    for release_id in (draft, published):
        _read(app, release_id, "original")
    _read(app, published, "plain")
    assert [i.findtext("link") for i in _items(client, "original")] == [
        f"http://localhost/releases/{_slug(app, published)}"
    ]
    combined = _items(client, "alle")
    assert len(combined) == 2 and {i.findtext("link").split("#")[0] for i in combined} == {
        f"http://localhost/releases/{_slug(app, published)}"
    }
    assert _slug(app, unread) not in client.get("/feeds/alle.json").get_data(as_text=True)
    editor_client.post(f"/redaktion/pm/{published}/status", data={"state": "unpublished"})
    for name in FEEDS:
        assert _items(client, name) == []
        assert json.loads(client.get(f"/feeds/{name}.json").data)["items"] == []


def _slug(app, release_id: int) -> str:
    with app.app_context():
        return db.session.get(ReleaseRecord, release_id).slug


def test_failed_reading_leaves_the_release_out(make_app) -> None:
    app = make_app(TTS_VOICE="keine-solche-stimme")  # the speech job fails for real
    failed = _stored(app)
    jobs.run_pending(app)
    with app.app_context():
        record = db.session.get(ReleaseRecord, failed)
        speak = [j for j in record.jobs if j.kind == "speak"]
        assert speak and all(j.status == "failed" and "keine-solche-stimme" in j.error for j in speak)
        assert record.is_public and record.readings == []
    ok = _stored(app, "07-hitzetelefon-kaltenbrunn")
    _read(app, ok, "original")
    client = app.test_client()
    links = [i.findtext("link") for i in _items(client, "original")]
    assert links == [f"http://localhost/releases/{_slug(app, ok)}"]
    assert _items(client, "leichte-sprache") == []


def test_revalidation_answers_304_and_a_change_gives_a_new_etag(app, client) -> None:
    release_id = _stored(app)
    _read(app, release_id, "original")
    # times in the past, so that a change made now moves Last-Modified by whole seconds
    _set(app, release_id, published_at=datetime(2025, 3, 10, 9, 0), updated_at=datetime(2025, 3, 10, 9, 0))
    with app.app_context():
        db.session.execute(update(Reading).values(created_at=datetime(2025, 3, 10, 9, 0)))
        db.session.commit()
    first = client.get("/feeds/original.xml")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert modified == "Mon, 10 Mar 2025 09:00:00 GMT"
    assert "max-age=300" in first.headers["Cache-Control"]
    again = client.get("/feeds/original.xml", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    assert client.get("/feeds/original.xml", headers={"If-Modified-Since": modified}).status_code == 304
    json_first = client.get("/feeds/original.json")
    assert (
        client.get("/feeds/original.json", headers={"If-None-Match": json_first.headers["ETag"]}).status_code
        == 304
    )
    head = client.head("/feeds/original.xml")
    assert head.status_code == 200 and int(head.headers["Content-Length"]) == len(first.data)
    _set(app, release_id, state="unpublished")
    changed = client.get("/feeds/original.xml", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    # a client that only keeps the date also notices that the item left
    assert client.get("/feeds/original.xml", headers={"If-Modified-Since": modified}).status_code == 200


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Straßen & Wege <neu> geplant", "Straßen & Wege <neu> geplant"),
        ("Sommerfest 🎉🌞 im Park", "Sommerfest 🎉🌞 im Park"),
        ("Steuer\x00zeichen\x07 und\x1b[0m Escape\x0b", "Steuerzeichen und[0m Escape"),
        ("]]> CDATA-Ende & \"Zitat\" 'x'", "]]> CDATA-Ende & \"Zitat\" 'x'"),
        ("Zeilen\numbruch\r\nund\tTab", "Zeilen umbruch und Tab"),
    ],
)
def test_hostile_titles_give_valid_xml_and_json(app, client, raw: str, clean: str) -> None:
    release_id = _stored(app, title=raw)
    _read(app, release_id, "original")
    _read(app, release_id, "plain")
    for name in FEEDS:
        titles = [item.findtext("title") for item in _items(client, name)]
        assert titles and all(title.startswith(clean) for title in titles)
        items = json.loads(client.get(f"/feeds/{name}.json").data)["items"]
        assert items and all(item["title"].startswith(clean) for item in items)


def test_limit_newest_first_and_constant_queries(make_app) -> None:
    app = make_app(FEED_MAX_ITEMS=3)
    client = app.test_client()
    start = datetime(2025, 1, 1, 8, 0)
    ids = []
    for day in range(5):
        release_id = _stored(app, title=f"Meldung {day}")
        _read(app, release_id, "original")
        _read(app, release_id, "plain")
        _set(app, release_id, published_at=start + timedelta(days=day))
        ids.append(release_id)
    assert [i.findtext("title") for i in _items(client, "original")] == [
        "Meldung 4",
        "Meldung 3",
        "Meldung 2",
    ]
    combined = [i.findtext("title") for i in _items(client, "alle")]
    assert combined == ["Meldung 4 (Original)", "Meldung 4 (Leichte Sprache)", "Meldung 3 (Original)"]
    assert len(json.loads(client.get("/feeds/original.json").data)["items"]) == 3

    statements: list[str] = []
    with app.app_context():
        engine = db.engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        client.get("/feeds/original.xml")
        few = len(statements)
        for day in range(5, 9):
            release_id = _stored(app, title=f"Meldung {day}")
            _read(app, release_id, "original")
        statements.clear()
        client.get("/feeds/original.xml")
        assert len(statements) == few  # no query per release
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def test_urls_follow_base_url_or_the_request(make_app, tmp_path) -> None:
    cases = [
        (None, "http://feeds.example.org/"),
        ("https://presse.example.de/", "https://presse.example.de/"),
    ]
    for index, (base, expected) in enumerate(cases):
        app = make_app(BASE_URL=base, INSTANCE_PATH=str(tmp_path / f"site-{index}"))
        release_id = _stored(app)
        filename = _read(app, release_id, "original")
        client = app.test_client()
        channel = client.get("/feeds/original.xml", base_url="http://feeds.example.org").data
        rss = etree.fromstring(channel).find("channel")
        assert rss.findtext("link") == expected
        assert rss.find("item/enclosure").get("url") == f"{expected}audio/{filename}"


def test_gpodder_variant_uses_the_legacy_namespace_and_the_same_podcast_guid(app, client) -> None:
    release_id = _stored(app)
    _read(app, release_id, "plain")
    official = _feed(client, "leichte-sprache").find("channel")
    legacy = _feed(client, "gpodder/leichte-sprache").find("channel")
    assert legacy.nsmap["podcast"] == PODCAST_LEGACY_NS and PODCAST_NS not in legacy.nsmap.values()
    legacy_ns = {"podcast": PODCAST_LEGACY_NS}
    assert legacy.findtext("podcast:guid", namespaces=legacy_ns) == official.findtext(
        "podcast:guid", namespaces=NS
    )
    assert len(legacy.findall("item/podcast:transcript", legacy_ns)) == 2
    assert legacy.find("atom:link", NS).get("href") == "http://localhost/feeds/gpodder/leichte-sprache.xml"
    assert client.get("/feeds/gpodder/unbekannt.xml").status_code == 404
    assert client.get("/feeds/unbekannt.xml").status_code == 404


def test_default_and_configured_cover(make_app, tmp_path) -> None:
    client = make_app().test_client()
    png = client.get("/feeds/cover.png")
    assert png.status_code == 200 and png.mimetype == "image/png" and png.data.startswith(b"\x89PNG")
    width, height = int.from_bytes(png.data[16:20], "big"), int.from_bytes(png.data[20:24], "big")
    assert width == height and 1400 <= width <= 3000
    assert client.get("/feeds/cover.png", headers={"If-None-Match": png.headers["ETag"]}).status_code == 304
    assert client.get("/feeds/cover.jpg").status_code == 404
    jpeg = tmp_path / "titelbild.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    app = make_app(COVER_IMAGE=str(jpeg), INSTANCE_PATH=str(tmp_path / "other"))
    client = app.test_client()
    response = _fetch(client, "/feeds/cover.jpg")
    assert response.status_code == 200 and response.mimetype == "image/jpeg"
    assert response.data == jpeg.read_bytes()
    assert client.get("/feeds/cover.png").status_code == 404
    rss = _feed(client, "original").find("channel")
    assert rss.find("itunes:image", NS).get("href") == "http://localhost/feeds/cover.jpg"


def test_json_feed_lists_attachments_with_sizes_and_transcripts(app, client) -> None:
    release_id = _stored(app)
    filename = _read(app, release_id, "original")
    response = client.get("/feeds/original.json")
    assert response.mimetype == "application/feed+json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.data)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == "http://localhost/feeds/original.json"
    (item,) = document["items"]
    (attachment,) = item["attachments"]
    with app.app_context():
        size = db.session.scalars(select(Reading.size)).one()
    assert attachment == {
        "url": f"http://localhost/audio/{filename}",
        "mime_type": "audio/mpeg",
        "size_in_bytes": size,
        "duration_in_seconds": 12,
    }
    assert [t["type"] for t in item["_podcast"]["transcripts"]] == ["text/vtt", "text/html"]


def test_items_are_found_behind_many_newer_releases_without_readings(make_app) -> None:
    """The walk along the publication date goes on past a batch (50) of releases that have no item."""
    app = make_app(FEED_MAX_ITEMS=2)
    old = [_stored(app, title=f"Alt {n}") for n in range(3)]
    for n, release_id in enumerate(old):
        _read(app, release_id, "original")
        _set(app, release_id, published_at=datetime(2024, 1, 1 + n))
    hidden = _stored(app, title="Zurückgezogen")
    _read(app, hidden, "original")
    _set(app, hidden, state="unpublished", published_at=datetime(2025, 6, 1))
    with app.app_context():
        for n in range(60):
            db.session.add(
                ReleaseRecord(
                    slug=f"ohne-lesung-{n}",
                    title=f"Ohne Lesung {n}",
                    data={},
                    raw_text="",
                    source_kind="paste",
                    state="published",
                    published_at=datetime(2025, 1, 1) + timedelta(hours=n),
                )
            )
        db.session.commit()
    titles = [item.findtext("title") for item in _items(app.test_client(), "original")]
    assert titles == ["Alt 2", "Alt 1"]
