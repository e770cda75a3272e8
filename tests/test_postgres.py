"""Storage and jobs on a real PostgreSQL server (psycopg 3), with the same Alembic migrations as SQLite."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from sqlalchemy import create_engine, inspect, select, text

from tests.conftest import corpus_text
from tests.services import service_url
from webapp import jobs, releases
from webapp.db import db
from webapp.ingest import ExtractedText
from webapp.models import Job


@pytest.fixture
def pg_app(make_app: Callable[..., Flask]) -> Iterator[Flask]:
    """An app on an empty PostgreSQL database, migrated to the newest schema."""
    url = service_url("KLARTEXT_TEST_DATABASE_URL")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    app = make_app(DATABASE_URL=url, WTF_CSRF_ENABLED=False)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def job_kind() -> Iterator[list[int]]:
    ran: list[int] = []

    @jobs.register("test-pg")
    def note(job_id: int, release_id: int | None) -> None:
        jobs.set_progress(job_id, 50, "Halb fertig")
        ran.append(job_id)

    yield ran
    jobs.REGISTRY.pop("test-pg", None)


def test_migrations_build_the_schema_on_postgresql(pg_app: Flask) -> None:
    with pg_app.app_context():
        assert db.engine.dialect.name == "postgresql"
        assert db.engine.dialect.driver == "psycopg"
        tables = set(inspect(db.engine).get_table_names())
        head = db.session.scalar(text("SELECT version_num FROM alembic_version"))
    assert {"users", "releases", "jobs", "readings", "revisions", "alembic_version"} <= tables
    assert head


def test_release_is_stored_and_read_back(pg_app: Flask) -> None:
    raw = corpus_text("01-haushalt-lindenhagen")
    with pg_app.app_context():
        record = releases.store(ExtractedText(raw, "paste", None, None), None, publish=True)
        slug, data = record.slug, record.data
        db.session.remove()
        again = releases.get_by_slug(slug)
        assert again is not None
        assert again.data == data
        assert again.raw_text == raw
        assert releases.release_of(again).title == again.title
    page = pg_app.test_client().get(f"/releases/{slug}")
    assert page.status_code == 200
    assert "Lindenhagen" in page.get_data(as_text=True)


def test_jobs_run_and_store_their_outcome(pg_app: Flask, job_kind: list[int]) -> None:
    with pg_app.app_context():
        job = jobs.enqueue("test-pg", None)
        db.session.commit()
        job_id = job.id
    assert jobs.run_pending(pg_app) == 1
    with pg_app.app_context():
        job = db.session.get(Job, job_id)
        assert (job.status, job.progress, job.attempts, job.error) == ("done", 100, 1, None)
    assert job_kind == [job_id]


@pytest.mark.parametrize("how", ["next", "by-id"])
def test_two_threads_never_claim_the_same_job(pg_app: Flask, how: str) -> None:
    with pg_app.app_context():
        rows = [Job(kind="test-pg", status="queued") for _ in range(60)]
        db.session.add_all(rows)
        db.session.commit()
        all_ids = [row.id for row in rows]
    start = threading.Barrier(2, timeout=10)
    claimed: list[list[int]] = [[], []]
    errors: list[BaseException] = []

    def claimer(mine: list[int]) -> None:
        try:
            with pg_app.app_context():
                start.wait()
                if how == "by-id":  # both threads race for every job, in the same order
                    mine.extend(job.id for job in (jobs.claim(i, 3) for i in all_ids) if job is not None)
                for _ in range(len(all_ids) + 1 if how == "next" else 0):  # bounded: every job, then none
                    job = jobs._claim_next(3)
                    if job is None:
                        break
                    mine.append(job.id)
                db.session.remove()
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=claimer, args=(mine,)) for mine in claimed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert not any(thread.is_alive() for thread in threads)
    assert not set(claimed[0]) & set(claimed[1])
    assert sorted(claimed[0] + claimed[1]) == all_ids
    with pg_app.app_context():
        statuses = set(db.session.scalars(select(Job.status)))
        attempts = set(db.session.scalars(select(Job.attempts)))
    assert statuses == {"running"} and attempts == {1}
