"""Storing, finding and changing releases — the queries live here, not in the views."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import defer, load_only

from simplify.release import Release, Source, parse_release

from . import jobs
from .db import db
from .ingest import ExtractedText
from .models import Reading, ReleaseRecord, Revision, User, utcnow

#: What runs after a release is stored or its text changes, in order (pipeline steps register these).
AFTER_INGEST: list[str] = []

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def slugify(title: str, max_length: int = 80) -> str:
    """ASCII slug for URLs: 'Förderprogramm für KMU' -> 'foerderprogramm-fuer-kmu'."""
    text = unicodedata.normalize("NFKD", title.translate(_UMLAUTS))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:max_length].rstrip("-") or "pressemitteilung"


def _unique_slug(title: str) -> str:
    base = slugify(title)
    slug, n = base, 2
    while db.session.scalar(select(ReleaseRecord.id).where(ReleaseRecord.slug == slug)) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def store(extracted: ExtractedText, user: User | None, publish: bool = False) -> ReleaseRecord:
    """Parse extracted text, store the release and queue the later pipeline steps."""
    source = Source(kind=extracted.kind, filename=extracted.filename, url=extracted.url)
    release: Release = parse_release(extracted.text, source=source)
    release = replace(release, source=source)
    record = ReleaseRecord(
        slug=_unique_slug(release.title),
        title=release.title[:500],
        language=release.language,
        data=release.to_dict(),
        raw_text=extracted.text,
        source_kind=extracted.kind,
        source_name=extracted.url or extracted.filename,
        created_by=user,
        state="draft",
    )
    db.session.add(record)
    db.session.flush()
    if publish:
        set_state(record, "published")
    for kind in AFTER_INGEST:
        jobs.enqueue(kind, record.id)
    db.session.commit()
    return record


def set_state(record: ReleaseRecord, state: str) -> None:
    if state not in ReleaseRecord.STATES:
        raise ValueError(f"unknown state {state!r}")
    record.state = state
    if state == "published" and record.published_at is None:
        record.published_at = utcnow()


def release_of(record: ReleaseRecord) -> Release:
    return Release.from_dict(record.data)


def get_by_slug(slug: str) -> ReleaseRecord | None:
    return db.session.scalar(select(ReleaseRecord).where(ReleaseRecord.slug == slug))


#: lists show title, date, place and lead: the large JSON columns are not loaded for them
_LIST_ONLY = (defer(ReleaseRecord.readability), defer(ReleaseRecord.plain), defer(ReleaseRecord.raw_text))


def published_page(page: int, per_page: int, query: str = "") -> tuple[list[ReleaseRecord], int]:
    """Published releases, newest first, optionally filtered by words (all must occur)."""
    stmt = select(ReleaseRecord).where(ReleaseRecord.state == "published")
    for word in query.split()[:8]:
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        stmt = stmt.where(or_(ReleaseRecord.title.ilike(pattern), ReleaseRecord.raw_text.ilike(pattern)))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = db.session.scalars(
        stmt.options(*_LIST_ONLY)
        .order_by(ReleaseRecord.published_at.desc(), ReleaseRecord.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return list(rows), total


def all_page(page: int, per_page: int) -> tuple[list[ReleaseRecord], int]:
    """Every release for the editor list, newest first."""
    total = db.session.scalar(select(func.count(ReleaseRecord.id))) or 0
    rows = db.session.scalars(
        select(ReleaseRecord)
        .options(*_LIST_ONLY)
        .order_by(ReleaseRecord.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return list(rows), total


def revisions_of(record: ReleaseRecord) -> list[Revision]:
    """Earlier states of the release's editable parts, newest first."""
    stmt = select(Revision).where(Revision.release_id == record.id).order_by(Revision.id.desc())
    return list(db.session.scalars(stmt))


def release_of_audio(filename: str) -> ReleaseRecord | None:
    """The release a stored MP3 belongs to (identical readings share a file: a public one wins)."""
    rows = db.session.scalars(select(Reading).where(Reading.filename == filename)).all()
    records = [row.release for row in rows]
    return next((r for r in records if r.is_public), records[0] if records else None)


#: columns a feed needs; the heavy ones (raw text, readability, word timings) stay in the database
_FEED_RELEASE_COLUMNS = (
    ReleaseRecord.id,
    ReleaseRecord.slug,
    ReleaseRecord.title,
    ReleaseRecord.state,
    ReleaseRecord.data,
    ReleaseRecord.plain,
    ReleaseRecord.created_at,
    ReleaseRecord.updated_at,
    ReleaseRecord.published_at,
)
_FEED_READING_COLUMNS = (
    Reading.id,
    Reading.release_id,
    Reading.version,
    Reading.filename,
    Reading.size,
    Reading.duration,
    Reading.created_at,
)


@dataclass(frozen=True)
class FeedEntry:
    """One feed item, before loading it: ids and when it last changed."""

    release_id: int
    reading_id: int
    changed_at: datetime


def feed_entries(versions: Sequence[str], limit: int) -> list[FeedEntry]:
    """The newest ``limit`` (published release, latest reading) pairs of the given versions, newest first.

    A release without a reading of a version (not read yet, or the reading failed) has no item for it.
    Releases are walked newest first along the ``published_at`` index in batches (keyset pagination),
    so the cost depends on ``limit``, not on how many releases there are. Filtering the state in SQL
    would let SQLite choose the state index instead and sort every published release.
    """
    entries: list[FeedEntry] = []
    batch = max(limit, 50)
    stmt = (
        select(ReleaseRecord.id, ReleaseRecord.state, ReleaseRecord.published_at, ReleaseRecord.updated_at)
        .where(ReleaseRecord.published_at.is_not(None))
        .order_by(ReleaseRecord.published_at.desc(), ReleaseRecord.id.desc())
        .limit(batch)
    )
    after = stmt
    while len(entries) < limit:
        rows = db.session.execute(after).all()
        published = [row for row in rows if row.state == "published"]
        readings = _latest_readings([row.id for row in published], versions)
        for row in published:
            for version in sorted(versions):
                reading = readings.get((row.id, version))
                if reading is not None and len(entries) < limit:
                    entries.append(FeedEntry(row.id, reading.id, max(row.updated_at, reading.created_at)))
        if len(rows) < batch:
            break
        last = rows[-1]
        after = stmt.where(
            or_(
                ReleaseRecord.published_at < last.published_at,
                and_(ReleaseRecord.published_at == last.published_at, ReleaseRecord.id < last.id),
            )
        )
    return entries


def _latest_readings(release_ids: Sequence[int], versions: Sequence[str]) -> dict[tuple[int, str], Any]:
    """(release id, version) -> (id, created_at) of the newest reading, for the given releases."""
    if not release_ids:
        return {}
    stmt = (
        select(Reading.id, Reading.release_id, Reading.version, Reading.created_at)
        .where(Reading.release_id.in_(release_ids), Reading.version.in_(versions))
        .order_by(Reading.id)
    )
    return {(row.release_id, row.version): row for row in db.session.execute(stmt)}


def feed_rows(entries: Sequence[FeedEntry]) -> list[tuple[ReleaseRecord, Reading]]:
    """The releases and readings of ``entries``, in the same order, with only the columns a feed uses."""
    records = db.session.scalars(
        select(ReleaseRecord)
        .where(ReleaseRecord.id.in_({e.release_id for e in entries}))
        .options(load_only(*_FEED_RELEASE_COLUMNS))
    )
    readings = db.session.scalars(
        select(Reading)
        .where(Reading.id.in_([e.reading_id for e in entries]))
        .options(load_only(*_FEED_READING_COLUMNS))
    )
    by_id = {record.id: record for record in records}
    reading_by_id = {reading.id: reading for reading in readings}
    return [(by_id[e.release_id], reading_by_id[e.reading_id]) for e in entries]


def unlisted_changed_at() -> datetime | None:
    """When a release that is not published last changed (e.g. was unpublished).

    An item leaving a feed must move the feed's ``Last-Modified`` forward, which the remaining items
    cannot show. Uses the state index, so it reads only the releases that are not published.
    """
    others = [state for state in ReleaseRecord.STATES if state != "published"]
    return db.session.scalar(
        select(func.max(ReleaseRecord.updated_at)).where(ReleaseRecord.state.in_(others))
    )
