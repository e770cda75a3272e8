"""The job runner skeleton: queue table, worker, stored failures."""

from __future__ import annotations

import time

import pytest

from webapp import jobs
from webapp.db import db
from webapp.models import Job


@pytest.fixture
def job_kinds():
    calls: list[int | None] = []

    @jobs.register("test-ok")
    def ok(job_id: int, release_id: int | None) -> None:
        jobs.set_progress(job_id, 50, "Halb fertig")
        calls.append(release_id)

    @jobs.register("test-fail")
    def fail(job_id: int, release_id: int | None) -> None:
        raise jobs.JobFailed("Die Sprachausgabe ist nicht erreichbar.")

    @jobs.register("test-crash")
    def crash(job_id: int, release_id: int | None) -> None:
        raise RuntimeError("boom")

    yield calls
    for kind in ("test-ok", "test-fail", "test-crash"):
        jobs.REGISTRY.pop(kind, None)


def test_job_runs_and_is_marked_done(app, job_kinds) -> None:
    with app.app_context():
        job = jobs.enqueue("test-ok", None)
        db.session.commit()
        job_id = job.id
    assert jobs.run_pending(app) == 1
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert (job.status, job.progress, job.attempts) == ("done", 100, 1)
    assert job_kinds == [None]


def test_failed_job_stores_its_error(app, job_kinds) -> None:
    with app.app_context():
        jobs.enqueue("test-fail", None)
        jobs.enqueue("test-crash", None)
        db.session.commit()
    assert jobs.run_pending(app) == 2
    with app.app_context():
        failed = {j.kind: j for j in db.session.query(Job).all()}
        assert failed["test-fail"].status == "failed"
        assert failed["test-fail"].error == "Die Sprachausgabe ist nicht erreichbar."
        assert failed["test-crash"].status == "failed"
        assert "RuntimeError: boom" in failed["test-crash"].error


def test_same_queued_job_is_not_queued_twice(app, job_kinds) -> None:
    with app.app_context():
        a = jobs.enqueue("test-ok", None)
        db.session.commit()
        b = jobs.enqueue("test-ok", None)
        assert a.id == b.id


def test_stale_running_job_is_requeued_and_retried(app, job_kinds) -> None:
    with app.app_context():
        job = Job(kind="test-ok", status="running", attempts=1)
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    assert jobs.requeue_stale(app) == 1
    jobs.run_pending(app)
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert job.status == "done" and job.attempts == 2


def test_job_over_attempt_limit_fails(app, job_kinds) -> None:
    with app.app_context():
        db.session.add(Job(kind="test-ok", status="queued", attempts=app.config["JOB_MAX_ATTEMPTS"]))
        db.session.commit()
    jobs.run_pending(app)
    with app.app_context():
        job = db.session.query(Job).one()
        assert job.status == "failed" and "zu viele Versuche" in job.error


def test_worker_thread_runs_jobs_in_the_background(make_app, job_kinds) -> None:
    app = make_app(WORKER="thread", WORKER_POLL_SECONDS=0.05)
    worker = jobs.start_worker(app)
    assert worker is not None
    try:
        with app.app_context():
            jobs.enqueue("test-ok", None)
            db.session.commit()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with app.app_context():
                if db.session.query(Job).one().status == "done":
                    break
            time.sleep(0.05)
        with app.app_context():
            assert db.session.query(Job).one().status == "done"
    finally:
        worker.stop()
        worker.join(timeout=5)
