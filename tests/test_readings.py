"""Readings through the app: MP3 and transcript files, caching, delivery, failures."""

from __future__ import annotations

import errno
import json
import re
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from sqlalchemy import select

from tests.conftest import corpus_text
from webapp import jobs
from webapp.db import db
from webapp.models import Job, ReleaseRecord
from webapp.review import form_values


def _add(client, name: str = "10-kurzmeldung-buergerbuero", publish: bool = True) -> str:
    data = {"text": corpus_text(name)}
    if publish:
        data["publish"] = "y"
    response = client.post("/redaktion/neu", data=data)
    assert response.status_code == 303
    return response.headers["Location"]


def _record(app) -> ReleaseRecord:
    return db.session.scalars(select(ReleaseRecord)).one()


def test_both_versions_are_read_into_tagged_mp3_with_transcripts(app, editor_client) -> None:
    _add(editor_client)
    jobs.run_pending(app)
    audio_dir = Path(app.config["AUDIO_DIR"])
    with app.app_context():
        record = _record(app)
        assert all(j.status == "done" for j in record.jobs), [(j.kind, j.error) for j in record.jobs]
        rows = {r.version: r for r in record.readings}
        assert set(rows) == {"original", "plain"}
        original = rows["original"]
        slug = record.slug
    mp3 = audio_dir / original.filename
    assert original.filename.startswith(slug[:40]) and re.search(
        r"-original-[0-9a-f]{16}\.mp3$", original.filename
    )
    assert mp3.stat().st_size == original.size
    info = MP3(mp3).info
    assert info.sample_rate == 44100 and info.channels == 1
    assert abs(info.length - original.duration) < 0.05
    tags = ID3(mp3)
    assert tags["TIT2"].text[0].endswith("(Original)")
    assert tags["TLAN"].text[0] == "deu"
    assert tags.getall("USLT")[0].text.startswith("Pressemitteilung von")
    assert tags.getall("CHAP"), "no chapters"
    stem = original.filename.removesuffix(".mp3")
    vtt = (audio_dir / f"{stem}.vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT") and "-->" in vtt
    timings = json.loads((audio_dir / f"{stem}.timings.json").read_text(encoding="utf-8"))
    assert timings["units"][0]["text"].startswith("Pressemitteilung von")
    anchors = [u["anchor"] for u in timings["units"] if u["anchor"]]
    assert anchors and all(a.startswith("satz-") for a in anchors)
    starts = [u["start"] for u in timings["units"]]
    assert starts == sorted(starts)
    chapters = json.loads((audio_dir / f"{stem}.chapters.json").read_text(encoding="utf-8"))
    assert chapters["version"] == "1.2.0" and chapters["chapters"][0]["startTime"] == 0
    assert not list(audio_dir.glob(".tmp-*")), "temporary files left behind"
    page = editor_client.get(f"/releases/{slug}").get_data(as_text=True)
    assert page.count('<audio controls preload="none"') == 2 and "autoplay" not in page
    assert "Vorgelesene Fassung des Textes „Original“ oben" in page
    assert re.search(r"MP3 herunterladen \(Original, \d+ kB, (\d+ Min\. )?\d+ Sek\.\)", page)
    for anchor in anchors[1:]:  # every spoken sentence of lead and body has its element on the page
        assert f'id="{anchor}"' in page


def _fetch(client, url: str, method: str = "GET", **kwargs):
    """Request a file and close the response (file responses hold an open file until closed)."""
    response = client.open(url, method=method, **kwargs)
    response.get_data()
    response.close()
    return response


def test_audio_delivery_honours_ranges_and_hides_drafts(app, editor_client) -> None:
    _add(editor_client, publish=False)
    jobs.run_pending(app)
    with app.app_context():
        record = _record(app)
        filename, size, release_id = record.readings[0].filename, record.readings[0].size, record.id
    response = _fetch(editor_client, f"/audio/{filename}", headers={"Range": "bytes=0-99"})
    assert response.status_code == 206 and response.headers["Content-Range"] == f"bytes 0-99/{size}"
    assert response.mimetype == "audio/mpeg"
    head = _fetch(editor_client, f"/audio/{filename}", method="HEAD")
    assert head.status_code == 200 and int(head.headers["Content-Length"]) == size
    assert (
        _fetch(editor_client, f"/audio/{filename}", headers={"Range": f"bytes={size + 10}-"}).status_code
        == 416
    )
    vtt = _fetch(editor_client, f"/audio/{filename.removesuffix('.mp3')}.vtt")
    assert vtt.mimetype == "text/vtt" and vtt.headers["Access-Control-Allow-Origin"] == "*"
    editor_client.post("/logout")
    assert _fetch(editor_client, f"/audio/{filename}").status_code == 404  # a draft's audio is not public
    editor_client.post("/login", data={"username": "editor", "password": "korrekt-pferd-batterie"})
    editor_client.post(f"/redaktion/pm/{release_id}/status", data={"state": "published"})
    editor_client.post("/logout")
    assert _fetch(editor_client, f"/audio/{filename}").status_code == 200
    assert _fetch(editor_client, "/audio/..%2Fklartext.sqlite3").status_code == 404
    assert _fetch(editor_client, "/audio/unbekannt.mp3").status_code == 404


def test_unchanged_text_is_not_read_twice_and_an_edit_gives_a_new_file(app, editor_client) -> None:
    _add(editor_client)
    jobs.run_pending(app)
    with app.app_context():
        record = _record(app)
        before = {r.version: r.filename for r in record.readings}
        count = len(record.readings)
        jobs.enqueue("speak", record.id)
        db.session.commit()
    jobs.run_pending(app)
    with app.app_context():
        assert len(_record(app).readings) == count  # nothing new: the same text is not synthesised again
        record = _record(app)
        values = form_values(record.plain)
        values["summary"] += "\nDas Bürger·büro hilft Ihnen gern."
        release_id = record.id
    assert editor_client.post(f"/redaktion/pm/{release_id}/leichte-sprache", data=values).status_code == 303
    jobs.run_pending(app)
    with app.app_context():
        record = _record(app)
        latest = {}
        for row in record.readings:
            latest[row.version] = row.filename
        assert latest["original"] == before["original"]
        assert latest["plain"] != before["plain"]  # new URL for podcast apps


def test_gtts_offline_fails_with_reason_and_falls_back_when_configured(
    make_app, monkeypatch, tmp_path
) -> None:
    import gtts.tts

    monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld="com", path="": "http://127.0.0.1:9/" + path)
    for fallback, expected in [(None, "failed"), ("espeak", "done")]:
        app = make_app(
            WTF_CSRF_ENABLED=False,
            TTS_ENGINE="gtts",
            TTS_FALLBACK_ENGINE=fallback,
            INSTANCE_PATH=str(tmp_path / f"instance-{fallback}"),
        )
        from webapp.auth import create_user

        with app.app_context():
            create_user("editor", "korrekt-pferd-batterie")
        client = app.test_client()
        client.post("/login", data={"username": "editor", "password": "korrekt-pferd-batterie"})
        _add(client)
        jobs.run_pending(app)
        with app.app_context():
            speak = db.session.scalars(select(Job).where(Job.kind == "speak")).all()
            assert {j.status for j in speak} == {expected}, [(j.status, j.error) for j in speak]
            if expected == "failed":
                assert "braucht Internet" in speak[0].error and "KLARTEXT_TTS_ENGINE=espeak" in speak[0].error
            else:
                assert {r.engine for r in _record(app).readings} == {"espeak"}


def test_disk_full_while_writing_audio_leaves_nothing_half_written(app, editor_client, monkeypatch) -> None:
    import audio.reading as reading_module

    real_write = reading_module.write_mp3

    def write_then_fail(text, config, fh):
        real_write(text, config, fh)  # the bytes are written to the temporary file …
        raise OSError(errno.ENOSPC, "No space left on device")  # … and then the disk is full

    monkeypatch.setattr(reading_module, "write_mp3", write_then_fail)
    _add(editor_client)
    jobs.run_pending(app)
    with app.app_context():
        job = db.session.scalars(select(Job).where(Job.kind == "speak")).first()
        assert job.status == "failed" and "Speicherplatz voll" in job.error
        assert _record(app).readings == []
    audio_dir = Path(app.config["AUDIO_DIR"])
    assert list(audio_dir.iterdir()) == [], "a file was left behind"


@pytest.mark.parametrize("symbols", ["★ ☆ ✓ → ← ♥", "🙂🙂🙂 !!! ???"])
def test_text_with_nothing_to_read_is_refused_clearly(app, symbols) -> None:
    from audio.engine import SpeechError
    from audio.speak import synthesize
    from webapp.readings import synthesis_config

    with app.app_context(), pytest.raises(SpeechError, match="nichts Vorlesbares"):
        synthesize(symbols, synthesis_config())


def test_configured_cover_goes_into_the_id3_tag(make_app, tmp_path) -> None:
    from webapp.auth import create_user
    from webapp.cover import cover_png

    cover = tmp_path / "cover.png"
    cover.write_bytes(cover_png())
    app = make_app(WTF_CSRF_ENABLED=False, COVER_IMAGE=str(cover))
    with app.app_context():
        create_user("editor", "korrekt-pferd-batterie")
    client = app.test_client()
    client.post("/login", data={"username": "editor", "password": "korrekt-pferd-batterie"})
    _add(client)
    jobs.run_pending(app)
    with app.app_context():
        filename = _record(app).readings[0].filename
    apic = ID3(Path(app.config["AUDIO_DIR"]) / filename).getall("APIC")
    assert apic and apic[0].mime == "image/png" and apic[0].data == cover.read_bytes()


def test_identical_text_in_another_release_reuses_the_audio_files(app, editor_client) -> None:
    _add(editor_client)
    jobs.run_pending(app)
    _add(editor_client)  # the same release again: another slug, the same spoken text
    jobs.run_pending(app)
    with app.app_context():
        first, second = db.session.scalars(select(ReleaseRecord).order_by(ReleaseRecord.id)).all()
        assert first.slug != second.slug
        files = {r.version: r.filename for r in first.readings}
        assert {r.version: r.filename for r in second.readings} == files
        assert [r.size for r in second.readings] == [r.size for r in first.readings]
    assert len(list(Path(app.config["AUDIO_DIR"]).glob("*.mp3"))) == 2  # one per version, not per release
