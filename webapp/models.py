"""SQLAlchemy models. They mirror the library dataclasses: the structured release,
its readability and plain version are stored as their JSON (``to_dict``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .db import db


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class User(UserMixin, db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)


class ReleaseRecord(db.Model):  # type: ignore[name-defined,misc]
    """One stored release and its state in the review workflow."""

    __tablename__ = "releases"

    STATES = ("draft", "review", "published", "unpublished")

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    title: Mapped[str] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(8), default="de")
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    raw_text: Mapped[str] = mapped_column(Text)
    source_kind: Mapped[str] = mapped_column(String(10))
    source_name: Mapped[str | None] = mapped_column(String(2000))
    readability: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    plain: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    plain_edited: Mapped[bool] = mapped_column(default=False)
    plain_checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    plain_checked_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(index=True)

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    plain_checked_by: Mapped[User | None] = relationship(foreign_keys=[plain_checked_by_id])
    jobs: Mapped[list[Job]] = relationship(back_populates="release", order_by="Job.id")
    readings: Mapped[list[Reading]] = relationship(back_populates="release", order_by="Reading.id")

    @property
    def is_public(self) -> bool:
        return self.state == "published"


class Job(db.Model):  # type: ignore[name-defined,misc]
    """A unit of background work on one release; the row is the queue."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    release_id: Mapped[int | None] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    progress: Mapped[int] = mapped_column(default=0)
    message: Mapped[str | None] = mapped_column(String(500))
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]

    release: Mapped[ReleaseRecord | None] = relationship(back_populates="jobs")


class Reading(db.Model):  # type: ignore[name-defined,misc]
    """A rendered MP3 of one version of a release, with its transcript files."""

    __tablename__ = "readings"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"), index=True)
    version: Mapped[str] = mapped_column(String(20))  # original | plain
    cache_key: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(200), index=True)
    size: Mapped[int]
    duration: Mapped[float]
    engine: Mapped[str] = mapped_column(String(40))
    voice: Mapped[str] = mapped_column(String(80))
    timings: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    release: Mapped[ReleaseRecord] = relationship(back_populates="readings")


class Revision(db.Model):  # type: ignore[name-defined,misc]
    """An earlier state of an editable part of a release (who changed what, when)."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    field: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User | None] = relationship()
