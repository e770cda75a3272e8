"""The Redis job queue (RQ), used when ``REDIS_URL`` is set; without it the in-process worker runs jobs.

The ``jobs`` table stays the source of truth. Redis only carries job ids to the
``klartext worker`` processes: after a commit that queued jobs, their ids are
pushed to an RQ queue; a worker takes an id, claims the row atomically and runs
it with the same job functions as the in-process worker. A job id that arrives
twice (or for a job someone else already ran) is skipped, so every job runs once.

Nothing is lost when Redis is restarted or unreachable: a worker pushes every
job still 'queued' in the database on start, and again every
``QUEUE_SYNC_SECONDS`` (an id already waiting in Redis is not pushed twice).
Nor when a worker dies mid-job (SIGKILL, power cut): the same sync first puts
jobs 'running' for longer than ``jobs.stale_after`` back in the queue. Their
retry gets a new RQ id (the attempt number is part of it), because RQ still
holds the dead worker's RQ job as 'started' under the old one.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from flask import Flask, current_app, has_app_context
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, SimpleWorker
from rq.exceptions import DuplicateJobError, NoSuchJobError
from rq.job import Job as RQJob
from rq.job import JobStatus
from sqlalchemy import event, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from . import jobs
from .db import db
from .models import Job

log = logging.getLogger(__name__)

_PENDING = "klartext_rq_pending"
_WAITING = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED, JobStatus.CREATED}


def enabled(app: Flask) -> bool:
    return bool(app.config.get("REDIS_URL"))


def redis_connection(app: Flask) -> Redis:
    """The app's Redis client (thread-safe, pooled), with timeouts so a dead Redis is noticed quickly."""
    client = app.extensions.get("klartext_redis")
    if client is None:
        client = Redis.from_url(
            str(app.config["REDIS_URL"]),
            socket_connect_timeout=5,
            socket_timeout=30,
            health_check_interval=15,
        )
        app.extensions["klartext_redis"] = client
    return client


def rq_queue(app: Flask, connection: Redis | None = None) -> Queue:
    return Queue(str(app.config["QUEUE_NAME"]), connection=connection or redis_connection(app))


def rq_job_id(app: Flask, job_id: int, attempts: int = 0) -> str:
    """The RQ id of a database job: one RQ job per database job and attempt, so a second push is
    recognised, and a retry after a dead worker is not mistaken for the dead worker's 'started' job."""
    base = f"{app.config['QUEUE_NAME']}-{job_id}"
    return f"{base}-retry{attempts}" if attempts else base


def push(
    app: Flask, job_ids: list[int], queue: Queue | None = None, attempts: dict[int, int] | None = None
) -> int:
    """Put job ids on the RQ queue; ids already waiting there are skipped. Returns how many were pushed.

    ``attempts`` maps a job id to how often it was claimed before (default 0, a new job)."""
    queue = queue or rq_queue(app)
    pushed = 0
    for job_id in job_ids:
        options: dict[str, Any] = {
            "job_id": rq_job_id(app, job_id, (attempts or {}).get(job_id, 0)),
            "unique": True,
            "result_ttl": 0,
            "failure_ttl": 24 * 3600,
            "job_timeout": int(app.config["JOB_TIMEOUT"]),
            "description": f"klartext job {job_id}",
        }
        try:
            queue.enqueue(run_job_by_id, job_id, **options)
        except DuplicateJobError:
            try:
                old = RQJob.fetch(options["job_id"], connection=queue.connection)
            except NoSuchJobError:  # finished between the two calls
                old = None
            if old is not None and old.get_status(refresh=False) in _WAITING:
                continue
            if old is not None:
                old.delete()
            queue.enqueue(run_job_by_id, job_id, **options)
        pushed += 1
    return pushed


def push_after_commit(job: Job) -> None:
    """Hook for ``jobs.enqueue``: push the job's id to Redis once the transaction that queued it commits.

    Pushing before the commit would let a worker look for a row it cannot see yet.
    """
    if has_app_context() and enabled(current_app):
        db.session.info.setdefault(_PENDING, []).append(job)


@event.listens_for(Session, "after_commit")
def _push_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending or not has_app_context():
        return
    # The objects are expired after the commit; their identity still holds the primary key.
    ids = [key[0] for key in (inspect(job).identity for job in pending) if key]
    try:
        push(current_app._get_current_object(), ids)  # type: ignore[attr-defined]
    except RedisError:
        # The rows are committed; a worker pushes them on its next database sync.
        log.warning("could not push jobs %s to Redis; a worker will pick them up from the database", ids)


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


def sync_from_database(app: Flask, queue: Queue | None = None) -> int:
    """Requeue the jobs of dead workers, then push every job still 'queued' in the database (after a
    Redis restart they would be lost otherwise)."""
    requeued = jobs.requeue_stale(app, jobs.stale_after(app))
    if requeued:
        log.warning("requeued %d job(s) left running by a dead worker", requeued)
    with app.app_context():
        rows = db.session.execute(select(Job.id, Job.attempts).where(Job.status == "queued").order_by(Job.id))
        attempts = {job_id: count for job_id, count in rows}
        db.session.rollback()
    return push(app, list(attempts), queue, attempts) if attempts else 0


@functools.lru_cache(maxsize=1)
def worker_app() -> Flask:
    """The one app of this worker process, made on first use (never at import)."""
    from . import create_app

    return create_app({"WORKER": "none"})


def run_job_by_id(job_id: int) -> str:
    """The RQ job function: run the stored job ``job_id`` through ``webapp.jobs``; returns its status."""
    app = worker_app()
    with app.app_context():
        job = jobs.claim(job_id, int(app.config["JOB_MAX_ATTEMPTS"]))
        if job is None:
            return "skipped"
        jobs.run_job(job)
        status = db.session.scalar(select(Job.status).where(Job.id == job_id))
        return str(status)


class KlartextWorker(SimpleWorker):
    """An RQ worker that runs jobs in its own process (one app, one connection pool, no fork per job)
    and pushes the database's queued jobs to Redis on start and every ``QUEUE_SYNC_SECONDS``."""

    def __init__(self, app: Flask, **kwargs: Any) -> None:
        self.klartext_app = app
        self.sync_seconds = max(1, int(app.config["QUEUE_SYNC_SECONDS"]))
        connection = redis_connection(app)
        super().__init__(
            [rq_queue(app, connection)],
            connection=connection,
            maintenance_interval=self.sync_seconds,
            **kwargs,
        )

    @property
    def dequeue_timeout(self) -> int:
        # Wake up at least once per sync interval, so the sync also runs while the queue is idle.
        return self.sync_seconds

    def run_maintenance_tasks(self) -> None:
        super().run_maintenance_tasks()  # type: ignore[no-untyped-call]
        try:
            pushed = sync_from_database(self.klartext_app, self.queues[0])
        except (RedisError, SQLAlchemyError) as exc:
            log.warning("database sync skipped: %s", exc)
            return
        if pushed:
            log.info("pushed %d queued job(s) from the database to Redis", pushed)


def work(app: Flask, burst: bool = False) -> bool:
    """Run an RQ worker (``klartext worker``) until stopped; returns whether it ran any job."""
    if not enabled(app):
        raise RuntimeError("klartext worker needs a Redis server: set REDIS_URL (or KLARTEXT_REDIS_URL)")
    worker = KlartextWorker(app)
    sync_from_database(app, worker.queues[0])
    return worker.work(burst=burst, logging_level="INFO")
