"""Background jobs: the ``jobs`` table is the queue, a thread in the web process the worker.

Jobs take a release id, never objects. A job function gets ``(job_id, release_id)``
and runs inside an app context that the worker makes. A failure is stored on the
row (and shown to the editor); a job that was running when its process died is
put back in the queue and tried again, up to ``JOB_MAX_ATTEMPTS``:

- ``klartext serve`` (one process, the embedded case) requeues every 'running' job on start; with
  ``--production`` the worker threads of the gunicorn processes use the stale rule below instead;
- every ``klartext worker`` (Redis or database polling) and worker thread requeues, on start and every
  ``QUEUE_SYNC_SECONDS``, the jobs 'running' for longer than ``stale_after``: JOB_TIMEOUT plus a
  margin. No live job runs that long: RQ stops a job at JOB_TIMEOUT and the job then stores its
  failure; a worker killed with SIGKILL (or its machine gone) leaves the row 'running' forever.
  The rule assumes no job runs longer than JOB_TIMEOUT in the polling workers either, which do not
  enforce it; a job requeued by mistake runs twice (every job may be repeated: it recomputes and
  replaces its output), none is lost.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from flask import Flask
from sqlalchemy import or_, select, update

from .db import db
from .models import Job, utcnow

log = logging.getLogger(__name__)

JobFunction = Callable[[int, int | None], None]

#: kind -> function; filled by the modules that define jobs (``register``).
REGISTRY: dict[str, JobFunction] = {}


class JobFailed(Exception):
    """A job could not do its work; the message (German) is shown to the editor."""


def register(kind: str) -> Callable[[JobFunction], JobFunction]:
    def wrap(func: JobFunction) -> JobFunction:
        REGISTRY[kind] = func
        return func

    return wrap


def enqueue(kind: str, release_id: int | None) -> Job:
    """Queue a job (the caller commits). An identical queued job is reused."""
    if kind not in REGISTRY:
        raise KeyError(f"unknown job kind {kind!r}")
    existing = db.session.scalar(
        select(Job).where(Job.kind == kind, Job.release_id == release_id, Job.status == "queued")
    )
    if existing is not None:
        return existing
    job = Job(kind=kind, release_id=release_id, status="queued", message="Wartet")
    db.session.add(job)
    from . import queue  # imports this module

    queue.push_after_commit(job)
    _wake.set()
    return job


def set_progress(job_id: int, progress: int, message: str) -> None:
    db.session.execute(update(Job).where(Job.id == job_id).values(progress=progress, message=message))
    db.session.commit()


def claim(job_id: int, max_attempts: int) -> Job | None:
    """Take one queued job atomically; None when it is gone, not queued, someone else took it,
    or it has used up its attempts (then it is marked failed)."""
    claimed = db.session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == "queued")
        .values(status="running", started_at=utcnow(), attempts=Job.attempts + 1, message="Läuft")
    )
    db.session.commit()
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return None
    job = db.session.get(Job, job_id)
    if job is not None and job.attempts > max_attempts:
        job.status = "failed"
        job.error = job.error or "Abgebrochen: zu viele Versuche."
        job.finished_at = utcnow()
        db.session.commit()
        return None
    return job


def _claim_next(max_attempts: int) -> Job | None:
    """Take the oldest queued job atomically (safe with several workers)."""
    candidates = db.session.scalars(
        select(Job.id).where(Job.status == "queued").order_by(Job.id).limit(5)
    ).all()
    for job_id in candidates:
        job = claim(job_id, max_attempts)
        if job is not None:
            return job
    return None


def run_job(job: Job) -> None:
    """Run one claimed job and store its outcome."""
    func = REGISTRY.get(job.kind)
    job_id, release_id = job.id, job.release_id
    try:
        if func is None:
            raise JobFailed(f"Unbekannte Aufgabe {job.kind!r}.")
        func(job_id, release_id)
    except Exception as exc:  # noqa: BLE001 - every failure is stored and shown, never swallowed
        db.session.rollback()
        if isinstance(exc, JobFailed):
            log.warning("job %s (%s) failed: %s", job_id, job.kind, exc)
            message = str(exc)
        else:
            log.exception("job %s (%s) crashed", job_id, job.kind)
            message = f"Interner Fehler: {exc.__class__.__name__}: {exc}"
        db.session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(status="failed", error=message, message="Fehlgeschlagen", finished_at=utcnow())
        )
        db.session.commit()
        return
    db.session.execute(
        update(Job)
        .where(Job.id == job_id)
        .values(status="done", progress=100, message="Fertig", error=None, finished_at=utcnow())
    )
    db.session.commit()


def run_pending(app: Flask, limit: int | None = None) -> int:
    """Run queued jobs until none is left (or ``limit``); returns how many ran. Used by tests and the CLI."""
    ran = 0
    with app.app_context():
        while limit is None or ran < limit:
            job = _claim_next(app.config["JOB_MAX_ATTEMPTS"])
            if job is None:
                break
            run_job(job)
            ran += 1
    return ran


def stale_after(app: Flask) -> timedelta:
    """How long a job may be 'running' before any worker presumes its process dead and requeues it:
    JOB_TIMEOUT plus as long again for the failure to be stored, at most a minute."""
    timeout = int(app.config["JOB_TIMEOUT"])
    return timedelta(seconds=timeout + min(timeout, 60))


def requeue_stale(app: Flask, older_than: timedelta = timedelta(seconds=0)) -> int:
    """Put jobs left 'running' by a dead process back into the queue."""
    with app.app_context():
        result = db.session.execute(
            update(Job)
            .where(
                Job.status == "running",
                or_(Job.started_at.is_(None), Job.started_at <= utcnow() - older_than),
            )
            .values(status="queued", message="Wird erneut versucht")
        )
        db.session.commit()
        return result.rowcount or 0


_wake = threading.Event()


class Worker(threading.Thread):
    """The in-process worker: polls the jobs table and runs jobs one at a time."""

    def __init__(self, app: Flask) -> None:
        super().__init__(name="klartext-worker", daemon=True)
        self.app = app
        self.stopping = threading.Event()

    def run(self) -> None:
        poll = float(self.app.config["WORKER_POLL_SECONDS"])
        sweep_every = max(1, int(self.app.config["QUEUE_SYNC_SECONDS"]))
        next_sweep = 0.0
        while not self.stopping.is_set():
            try:
                if time.monotonic() >= next_sweep:  # jobs of workers that died (see the module docstring)
                    if requeued := requeue_stale(self.app, stale_after(self.app)):
                        log.warning("requeued %d job(s) left running by a dead worker", requeued)
                    next_sweep = time.monotonic() + sweep_every
                ran = run_pending(self.app, limit=1)
            except Exception:  # noqa: BLE001 - keep the worker alive; the error is logged
                log.exception("worker loop error")
                ran = 0
            if not ran:
                _wake.wait(poll)
                _wake.clear()

    def stop(self) -> None:
        self.stopping.set()
        _wake.set()


def start_worker(app: Flask) -> Worker | None:
    """Start the in-process worker when configured (``klartext serve`` does; tests run jobs explicitly)."""
    if app.config["WORKER"] != "thread" or app.config.get("REDIS_URL"):
        return None  # with Redis, `klartext worker` processes run the jobs
    worker = Worker(app)
    worker.start()
    app.extensions["klartext_worker"] = worker
    return worker
