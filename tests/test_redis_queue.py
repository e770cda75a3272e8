"""The Redis job queue with real ``redis-server`` and real worker processes.

Two workers share one SQLite database and one Redis; every queued job must run exactly
once, also when Redis is restarted (and loses its data) while jobs are waiting.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from redis import Redis
from sqlalchemy import func, select

from tests import queue_jobs
from tests.services import service_url
from webapp import jobs, queue
from webapp.db import db
from webapp.models import Job

ROOT = Path(__file__).resolve().parent.parent
#: The worker processes import the test job kind, then run what ``klartext worker`` runs.
WORKER_CODE = "import tests.queue_jobs; from webapp import queue; queue.work(queue.worker_app())"
DEADLINE = 40.0


@pytest.fixture
def redis_url() -> str:
    return service_url("KLARTEXT_TEST_REDIS_URL")


@pytest.fixture
def settings(tmp_path: Path) -> dict[str, str]:
    """What the web app and the workers share, as ``KLARTEXT_*`` values; a fresh queue name per test."""
    return {
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'instance' / 'klartext.sqlite3'}",
        "SECRET_KEY": "test-secret",
        "QUEUE_NAME": f"klartext-test-{uuid.uuid4().hex[:8]}",
        "QUEUE_SYNC_SECONDS": "1",
        "JOB_TIMEOUT": "60",
        "JOB_MAX_ATTEMPTS": "3",
        "WORKER": "none",
    }


class Workers:
    """Worker processes started like ``klartext worker``; stopped (and killed if stuck) at the end."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env = env
        self.log_dir = log_dir
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, count: int) -> None:
        for _ in range(count):
            log = open(self.log_dir / f"worker-{len(self.procs)}.log", "wb")  # noqa: SIM115 - closed in stop
            self.procs.append(
                subprocess.Popen(
                    [sys.executable, "-c", WORKER_CODE], cwd=ROOT, env=self.env, stdout=log, stderr=log
                )
            )
            log.close()

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.log_dir.glob("worker-*.log")))


@pytest.fixture
def workers_for(tmp_path: Path) -> Iterator[Callable[[str, dict[str, str]], Workers]]:
    made: list[Workers] = []

    def factory(redis: str, settings: dict[str, str]) -> Workers:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KLARTEXT_")}
        env.update({f"KLARTEXT_{k}": v for k, v in settings.items()})
        env.update(
            KLARTEXT_REDIS_URL=redis,
            KLARTEXT_TEST_JOB_LOG=str(tmp_path / "ran.txt"),
            KLARTEXT_TEST_JOB_SECONDS="0.05",
            PYTHONPATH=str(ROOT),
        )
        workers = Workers(env, tmp_path)
        made.append(workers)
        return workers

    yield factory
    for workers in made:
        workers.stop()


def web_app(make_app: Callable[..., Flask], settings: dict[str, str], redis: str) -> Flask:
    overrides: dict[str, object] = {k: v for k, v in settings.items() if k != "INSTANCE_PATH"}
    for key in ("QUEUE_SYNC_SECONDS", "JOB_TIMEOUT", "JOB_MAX_ATTEMPTS"):
        overrides[key] = int(settings[key])
    return make_app(REDIS_URL=redis, **overrides)


def queue_jobs_in_db(app: Flask, count: int) -> list[int]:
    """Queue ``count`` jobs the way ``jobs.enqueue`` does, with the push-after-commit hook."""
    with app.app_context():
        rows = [Job(kind=queue_jobs.KIND, status="queued", message="Wartet") for _ in range(count)]
        db.session.add_all(rows)
        for row in rows:
            queue.push_after_commit(row)
        db.session.commit()
        return [row.id for row in rows]


def wait_until_done(app: Flask, job_ids: list[int], workers: Workers) -> None:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        with app.app_context():
            done = db.session.scalar(
                select(func.count(Job.id)).where(Job.id.in_(job_ids), Job.status == "done")
            )
        if done == len(job_ids):
            return
        time.sleep(0.1)
    pytest.fail(f"only {done} of {len(job_ids)} jobs done in {DEADLINE} s; worker logs:\n{workers.logs()}")


def ran(tmp_path: Path) -> list[tuple[int, int]]:
    """(job id, worker pid) for every run the test job recorded."""
    log = tmp_path / "ran.txt"
    words = [int(word) for word in log.read_text().split()] if log.exists() else []
    return list(zip(words[::2], words[1::2], strict=True))


def wait_for_workers(connection: Redis, name: str, count: int, workers: Workers) -> None:
    from rq import Worker

    deadline = time.monotonic() + DEADLINE
    rq_queue = queue.Queue(name, connection=connection)
    while len(Worker.all(queue=rq_queue)) < count:
        if time.monotonic() > deadline or any(p.poll() is not None for p in workers.procs):
            pytest.fail(f"workers did not start; logs:\n{workers.logs()}")
        time.sleep(0.1)


def test_an_id_waiting_in_redis_is_not_pushed_again(make_app, settings, redis_url) -> None:
    app = web_app(make_app, settings, redis_url)
    job_ids = queue_jobs_in_db(app, 5)
    rq_queue = queue.Queue(settings["QUEUE_NAME"], connection=Redis.from_url(redis_url))
    assert rq_queue.count == 5
    assert queue.push(app, job_ids) == 0
    assert queue.sync_from_database(app) == 0
    assert rq_queue.count == 5
    rq_queue.delete(delete_jobs=True)


def test_a_job_is_claimed_once(make_app, settings, redis_url) -> None:
    app = web_app(make_app, settings, redis_url)
    [job_id] = queue_jobs_in_db(app, 1)
    with app.app_context():
        assert jobs.claim(job_id, 3) is not None
        assert jobs.claim(job_id, 3) is None
        assert jobs.claim(job_id + 1000, 3) is None
    queue.Queue(settings["QUEUE_NAME"], connection=Redis.from_url(redis_url)).delete(delete_jobs=True)


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """A private redis-server without persistence: a restart empties it, the worst case."""

    def __init__(self, directory: Path) -> None:
        self.port = _unused_port()
        self.directory = directory
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                Redis.from_url(self.url, socket_connect_timeout=1).ping()
                return
            except OSError:
                time.sleep(0.05)
            except Exception:  # noqa: BLE001 - redis' ConnectionError while it starts
                time.sleep(0.05)
        pytest.fail("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


@pytest.fixture
def private_redis(redis_url, tmp_path) -> Iterator[RedisServer]:
    """Needs the same setup as the shared server (``KLARTEXT_TEST_REDIS_URL`` set), but may be restarted."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def test_two_workers_run_every_job_once_across_redis_restarts(
    make_app, settings, private_redis, workers_for, tmp_path
) -> None:
    app = web_app(make_app, settings, private_redis.url)
    connection = Redis.from_url(private_redis.url)
    rq_queue = queue.Queue(settings["QUEUE_NAME"], connection=connection)

    # 1. Jobs wait in Redis, no worker runs; Redis restarts and forgets them. Starting workers recovers them.
    first = queue_jobs_in_db(app, 10)
    assert rq_queue.count == 10
    private_redis.stop()
    private_redis.start()
    assert rq_queue.count == 0, "the restarted Redis is empty"
    workers = workers_for(private_redis.url, settings)
    workers.start(2)
    wait_until_done(app, first, workers)
    wait_for_workers(connection, settings["QUEUE_NAME"], 2, workers)

    # 2. Both workers share a burst of jobs; ids pushed a second time are skipped.
    burst = queue_jobs_in_db(app, 30)
    queue.sync_from_database(app)  # may push ids a second time: a worker must then skip them
    wait_until_done(app, burst, workers)
    assert len({pid for job_id, pid in ran(tmp_path) if job_id in burst}) == 2, "both workers took jobs"

    # 3. Redis goes down while the workers run; jobs queued meanwhile are only in the database.
    private_redis.stop()
    last = queue_jobs_in_db(app, 10)  # the push fails; the commit does not
    private_redis.start()
    wait_until_done(app, last, workers)

    assert Counter(job_id for job_id, _ in ran(tmp_path)) == Counter(first + burst + last)
    with app.app_context():
        assert set(db.session.scalars(select(Job.attempts))) == {1}
    assert all(p.poll() is None for p in workers.procs), "the workers survived the restarts"


def test_jobs_of_a_rolled_back_transaction_are_not_pushed(make_app, settings, redis_url) -> None:
    app = web_app(make_app, settings, redis_url)
    rq_queue = queue.Queue(settings["QUEUE_NAME"], connection=Redis.from_url(redis_url))
    with app.app_context():
        job = Job(kind=queue_jobs.KIND, status="queued")
        db.session.add(job)
        queue.push_after_commit(job)
        db.session.flush()
        db.session.rollback()
        db.session.commit()
    assert rq_queue.count == 0


def test_without_redis_nothing_is_pushed(make_app) -> None:
    app = make_app()
    assert not queue.enabled(app)
    with app.app_context():
        job = Job(kind=queue_jobs.KIND, status="queued")
        db.session.add(job)
        queue.push_after_commit(job)
        assert "klartext_rq_pending" not in db.session.info
        db.session.commit()
