"""Rendering the readings of a release: MP3, WebVTT, timings, chapters and HTML transcript on disk.

A reading is keyed by a hash of (spoken script, engine, voice, settings, normaliser and
pipeline versions). An unchanged text is never synthesised twice: the job finds the key
and keeps (or reuses) the files. A changed text gives new file names, so podcast apps,
which cache by URL, fetch the new audio. Every file is written atomically and the MP3
last; the database row that makes a reading visible is written after all files exist.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from flask import current_app
from mutagen.mp3 import MP3
from sqlalchemy import select

from audio.engine import SpeechError, SynthesisConfig
from audio.normalize import NORMALIZER_VERSION, Script, normalize
from audio.reading import Reading, Recorded, original_reading, plain_reading, transcript_html
from audio.reading import record as record_reading
from audio.speak import cache_key
from audio.tags import EpisodeTags
from simplify.readability import AnalysisConfig, analyze_release
from simplify.release import Release

from . import releases
from .chapters import Chapter as FeedChapter
from .chapters import chapters_json
from .db import db
from .models import Reading as ReadingRow
from .models import ReleaseRecord
from .storage import atomic_path, safe_path, write_atomic

VERSIONS = ("original", "plain")
VERSION_LABELS = {"original": "Original", "plain": "Leichte Sprache"}
#: file suffixes next to the MP3, sharing its name stem
SIDECARS = {"vtt": ".vtt", "timings": ".timings.json", "chapters": ".chapters.json", "html": ".html"}


def synthesis_config(engine: str | None = None) -> SynthesisConfig:
    cfg = current_app.config
    return SynthesisConfig(
        engine=engine or str(cfg["TTS_ENGINE"]), voice=str(cfg["TTS_VOICE"]), rate_wpm=int(cfg["TTS_RATE"])
    )


def publisher_of(release: Release) -> str:
    """Who publishes the release: the press contact's organisation, else the PUBLISHER setting."""
    organisation = release.contact.organisation if release.contact else None
    return organisation or str(current_app.config["PUBLISHER"])


def build_reading(
    release: Release, version: str, readability: dict[str, Any] | None, plain: dict[str, Any] | None
) -> Reading | None:
    """What is read for this version; None when there is nothing to read (no plain version yet).

    ``readability`` is the stored analysis of the original (computed without findings when missing).
    """
    if version == "original":
        analysis = readability or analyze_release(release, AnalysisConfig(findings=False)).to_dict()
        sentences = [(s["start"], s["end"], s["text"]) for s in analysis["sentences"]]
        return original_reading(
            release,
            sentences,
            publisher_of(release),
            read_contact_details=bool(current_app.config["READ_CONTACT_DETAILS"]),
        )
    if not plain:
        return None
    return plain_reading(plain, publisher_of(release), release.date)


def reading_for(record: ReleaseRecord, version: str) -> Reading | None:
    """``build_reading`` for a stored release."""
    return build_reading(releases.release_of(record), version, record.readability, record.plain)


def cover_for_tags() -> dict[str, Any]:
    """The configured cover image for the MP3's ID3 tag (APIC); none when no cover is configured."""
    configured = current_app.config.get("COVER_IMAGE")
    if not configured:
        return {}
    path = Path(str(configured))
    mime = "image/jpeg" if path.suffix.lower() in {".jpg", ".jpeg"} else "image/png"
    return {"cover": path.read_bytes(), "cover_mime": mime}


def file_stem(record: ReleaseRecord, version: str, key: str) -> str:
    return f"{record.slug[:60]}-{'leicht' if version == 'plain' else 'original'}-{key[:16]}"


def sidecar(filename: str, kind: str) -> str:
    """The name of a reading's transcript, timings or chapters file."""
    return filename.removesuffix(".mp3") + SIDECARS[kind]


def latest(record: ReleaseRecord, version: str) -> ReadingRow | None:
    rows = [r for r in record.readings if r.version == version]
    return rows[-1] if rows else None


def _existing(key: str) -> ReadingRow | None:
    """Any reading with these exact inputs whose MP3 is on disk (to reuse instead of synthesising)."""
    for row in db.session.scalars(select(ReadingRow).where(ReadingRow.cache_key == key)):
        if safe_path(row.filename).exists():
            return row
    return None


def render(record: ReleaseRecord, version: str, progress: Callable[[str], None]) -> ReadingRow | None:
    """Make sure the current text of ``version`` has a reading on disk; returns the (new) row."""
    reading = reading_for(record, version)
    if reading is None:
        return None
    script = normalize(reading.text)
    config = synthesis_config()
    key = cache_key(script.text, config, NORMALIZER_VERSION)
    current = latest(record, version)
    if current is not None and current.cache_key == key and safe_path(current.filename).exists():
        progress("unverändert, vorhandene Aufnahme bleibt")
        return current
    reuse = _existing(key)
    if reuse is not None:
        shared = ("filename", "size", "duration", "engine", "voice", "timings")
        row = ReadingRow(
            release_id=record.id,
            version=version,
            cache_key=key,
            **{name: getattr(reuse, name) for name in shared},
        )
        db.session.add(row)
        db.session.commit()
        return row
    progress("wird gesprochen")
    filename = file_stem(record, version, key) + ".mp3"
    title = f"{record.title} ({VERSION_LABELS[version]})"
    tags = EpisodeTags(
        title=title,
        artist=publisher_of(releases.release_of(record)),
        album=f"{current_app.config['SITE_TITLE']} – {VERSION_LABELS[version]}",
        date=(record.data or {}).get("date") or record.created_at.date().isoformat(),
        **cover_for_tags(),
    )
    with atomic_path(filename) as tmp:
        recorded = _record(reading, script, config, tmp, tags, progress)
        write_atomic(sidecar(filename, "vtt"), recorded.vtt.encode())
        timings = {"units": [asdict(u) for u in recorded.units]}
        write_atomic(sidecar(filename, "timings"), json.dumps(timings, ensure_ascii=False).encode())
        feed_chapters = [FeedChapter(c.title, c.start, c.end) for c in recorded.chapters]
        write_atomic(sidecar(filename, "chapters"), chapters_json(feed_chapters))
        write_atomic(sidecar(filename, "html"), transcript_html(reading, title).encode())
        duration = float(MP3(tmp).info.length)
    info = recorded.info
    row = ReadingRow(
        release_id=record.id,
        version=version,
        cache_key=key,
        filename=filename,
        size=safe_path(filename).stat().st_size,
        duration=round(duration, 3),
        engine=info.engine,
        voice=info.voice,
        timings=timings,
    )
    db.session.add(row)
    db.session.commit()
    return row


def _record(
    reading: Reading,
    script: Script,
    config: SynthesisConfig,
    path: Path,
    tags: EpisodeTags,
    progress: Callable[[str], None],
) -> Recorded:
    """Speak into ``path``; an online engine that fails may fall back to the offline voice."""
    try:
        return record_reading(reading, script, config, str(path), tags)
    except SpeechError as exc:
        fallback = current_app.config["TTS_FALLBACK_ENGINE"]
        if not fallback or fallback == config.engine:
            raise
        progress(f"{exc} – es liest die Ersatzstimme {fallback}")
        return record_reading(reading, script, synthesis_config(fallback), str(path), tags)


def current_readings(record: ReleaseRecord) -> dict[str, dict[str, Any]]:
    """For the page: the newest reading of each version with the URLs of its files."""
    result = {}
    for version in VERSIONS:
        row = latest(record, version)
        if row is not None:
            result[version] = {"row": row, **{kind: sidecar(row.filename, kind) for kind in SIDECARS}}
    return result
