"""Storing, finding and changing releases — the queries live here, not in the views."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from sqlalchemy import func, or_, select

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


def published_page(page: int, per_page: int, query: str = "") -> tuple[list[ReleaseRecord], int]:
    """Published releases, newest first, optionally filtered by words (all must occur)."""
    stmt = select(ReleaseRecord).where(ReleaseRecord.state == "published")
    for word in query.split()[:8]:
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        stmt = stmt.where(or_(ReleaseRecord.title.ilike(pattern), ReleaseRecord.raw_text.ilike(pattern)))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = db.session.scalars(
        stmt.order_by(ReleaseRecord.published_at.desc(), ReleaseRecord.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return list(rows), total


def all_page(page: int, per_page: int) -> tuple[list[ReleaseRecord], int]:
    """Every release for the editor list, newest first."""
    total = db.session.scalar(select(func.count(ReleaseRecord.id))) or 0
    rows = db.session.scalars(
        select(ReleaseRecord).order_by(ReleaseRecord.id.desc()).offset((page - 1) * per_page).limit(per_page)
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
