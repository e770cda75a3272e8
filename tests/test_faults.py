"""Faults the distributed set-up must survive (issue 8 §5), with real PostgreSQL, Redis and worker processes.

- A ``klartext worker`` killed with SIGKILL while it writes a reading: another worker requeues the job
  once it is stale (``jobs.stale_after``) and finishes it; no partial MP3 is ever served. The
  database-polling worker applies the same rule.
- The database connection dropped during a burst of requests (a cut through a proxy, or
  ``pg_terminate_backend``): those requests fail quickly with a 500, later ones succeed
  (``pool_pre_ping``); a connection lost after the view ran is invalidated in the session teardown
  (webapp/db.py), so even then the answer is the app's own.

Redis restarts with queued jobs are tested in test_redis_queue.py, a full disk in test_readings.py.
Each test uses its own PostgreSQL schema and RQ queue name, so it never disturbs other tests.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask, request
from mutagen.mp3 import MP3
from redis import Redis
from sqlalchemy import create_engine, select, text
from werkzeug.serving import WSGIRequestHandler, make_server

from tests.conftest import corpus_text
from tests.services import service_url
from webapp import jobs, queue, releases
from webapp.db import db
from webapp.ingest import ExtractedText
from webapp.models import Job, Reading, utcnow

ROOT = Path(__file__).resolve().parent.parent
#: ``klartext worker`` with the stalling hook loaded first: the first MP3 of either worker stalls.
WORKER_CODE = "import tests.fault_hooks; from webapp.cli import main; main(['worker'])"
DEADLINE = 40.0


def _with_query(url: str, **params: str) -> str:
    joined = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{url}{'&' if '?' in url else '?'}{joined}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose connections work in a fresh schema of their own (dropped at the end)."""
    base = service_url("KLARTEXT_TEST_DATABASE_URL")
    schema = f"fault_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    yield _with_query(base, options=f"-csearch_path%3D{schema}")
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def redis_url() -> str:
    return service_url("KLARTEXT_TEST_REDIS_URL")


def _dispose(app: Flask) -> None:
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _store_release(app: Flask, name: str = "10-kurzmeldung-buergerbuero") -> tuple[int, str]:
    with app.app_context():
        record = releases.store(ExtractedText(corpus_text(name), "paste", None, None), None, publish=True)
        return record.id, record.slug


# --- 1. a worker killed with SIGKILL in the middle of a reading --------------------------------------


@dataclass
class Seen:
    """What the test saw of one file name while the job ran: HTTP status and body length, size on disk."""

    name: str
    status: int
    body: int
    on_disk: int


def _worker(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def _wait_for(condition: Callable[[], bool], what: str, logs: list[Path]) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            text_of_logs = "\n".join(p.read_text(errors="replace") for p in logs if p.exists())
            pytest.fail(f"{what} did not happen within {DEADLINE} s; worker logs:\n{text_of_logs}")
        time.sleep(0.05)


def _look(client, audio: Path, names: set[str]) -> list[Seen]:  # type: ignore[no-untyped-def]
    """Ask the app for every file in the audio folder (and the names given), as a listener would."""
    seen = []
    for name in sorted(names | {p.name for p in audio.iterdir()}):
        with client.get(f"/audio/{name}") as response:
            status, body = response.status_code, len(response.data)
        path = audio / name
        seen.append(Seen(name, status, body, path.stat().st_size if path.exists() else -1))
    return seen


def test_worker_killed_mid_reading_job_is_retried_and_no_partial_mp3_is_served(
    make_app, pg_url, redis_url, tmp_path
) -> None:
    queue_name = f"klartext-fault-{uuid.uuid4().hex[:8]}"
    settings = {
        "DATABASE_URL": pg_url,
        "REDIS_URL": redis_url,
        "QUEUE_NAME": queue_name,
        "QUEUE_SYNC_SECONDS": "1",
        "JOB_TIMEOUT": "4",  # a job 'running' for 8 s is presumed dead (jobs.stale_after)
        "JOB_MAX_ATTEMPTS": "3",
        "WORKER": "none",
        "SECRET_KEY": "test-secret",
        "INSTANCE_PATH": str(tmp_path / "instance"),
    }
    app = make_app(**{k: int(v) if v.isdigit() else v for k, v in settings.items() if k != "INSTANCE_PATH"})
    audio = Path(app.config["AUDIO_DIR"])
    client = app.test_client()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KLARTEXT_")}
    marker = tmp_path / "stalled.txt"
    env.update(
        {f"KLARTEXT_{k}": v for k, v in settings.items()},
        PYTHONPATH=str(ROOT),
        KLARTEXT_TEST_STALL_MARKER=str(marker),
    )
    logs = [tmp_path / "worker-0.log", tmp_path / "worker-1.log"]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        _, slug = _store_release(app)
        with app.app_context():  # analysis and plain version here; the speak job is left to the workers
            for kind in ("analyze", "simplify"):
                job_id = db.session.scalar(select(Job.id).where(Job.kind == kind))
                jobs.run_job(jobs.claim(job_id, 3))
            speak_id = db.session.scalar(select(Job.id).where(Job.kind == "speak"))
            assert db.session.get(Job, speak_id).status == "queued"

        # Two workers; the one that takes the speak job stalls inside the MP3's atomic write and is killed.
        procs += [_worker([sys.executable, "-c", WORKER_CODE], env, log) for log in logs]
        _wait_for(marker.exists, "the stall", logs)
        tmp_name, final_name, pid = marker.read_text().split()
        [killed] = [proc for proc in procs if proc.pid == int(pid)]
        [survivor] = [proc for proc in procs if proc is not killed]
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=10)
        tmp_file = Path(tmp_name)

        # What the dead worker left: a running job, half an MP3 under a temporary name, nothing to serve.
        with app.app_context():
            job = db.session.get(Job, speak_id)
            assert (job.status, job.attempts) == ("running", 1)
            assert db.session.scalars(select(Reading)).all() == []
        assert tmp_file.parent == audio and tmp_file.name.startswith(".tmp-")
        assert 0 < tmp_file.stat().st_size
        assert not (audio / final_name).exists()
        assert not list(audio.glob("*.mp3"))
        watched = {final_name, tmp_file.name}
        assert {s.name: s.status for s in _look(client, audio, watched)} == dict.fromkeys(
            watched | {p.name for p in audio.iterdir()}, 404
        )

        # The other worker requeues the job once it is stale and finishes it.
        survivor_log = logs[procs.index(survivor)]
        seen: list[Seen] = []

        def finished() -> bool:
            seen.extend(_look(client, audio, watched))
            with app.app_context():
                status = db.session.scalar(select(Job.status).where(Job.id == speak_id))
                db.session.rollback()
            assert status != "failed", survivor_log.read_text(errors="replace")
            return status == "done"

        _wait_for(finished, "the retry", logs)
        seen.extend(_look(client, audio, watched))

        with app.app_context():
            job = db.session.get(Job, speak_id)
            assert (job.status, job.attempts, job.error) == ("done", 2, None)
            rows = {row.version: row for row in db.session.scalars(select(Reading))}
            assert set(rows) == {"original", "plain"}
            assert rows["original"].filename == final_name
            for row in rows.values():
                mp3 = audio / row.filename
                assert mp3.stat().st_size == row.size
                assert MP3(mp3).info.length == pytest.approx(row.duration, abs=0.1)
                assert row.duration > 1.0
            sizes = {row.filename: row.size for row in rows.values()}
        assert "requeued 1 job(s) left running by a dead worker" in survivor_log.read_text(errors="replace")
        assert survivor.poll() is None
        with client.get(f"/releases/{slug}") as response:
            page = response.get_data(as_text=True)
        assert f"/audio/{final_name}" in page

        # Never a partial MP3: whenever a file had an MP3's final name, and whenever an MP3 was served, it
        # was the whole file; the dead worker's temporary file was never served.
        mp3s = [s for s in seen if s.name.endswith(".mp3")]
        assert all(s.on_disk in (-1, sizes[s.name]) for s in mp3s)
        served = [s for s in seen if s.status == 200]
        assert any(s.name == final_name for s in served)
        assert all(s.body == sizes[s.name] for s in served if s.name.endswith(".mp3"))
        assert all(s.status == 404 for s in seen if s.name.startswith(".tmp-"))
        assert all(s.status in (200, 404) for s in seen)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)
        connection = Redis.from_url(redis_url)
        queue.rq_queue(app, connection).delete(delete_jobs=True)
        connection.close()
        _dispose(app)


def test_polling_worker_requeues_only_jobs_running_longer_than_the_stale_limit(make_app) -> None:
    """The database-polling `klartext worker` (no Redis) applies the same rule as the Redis workers."""
    app = make_app(JOB_TIMEOUT=30, QUEUE_SYNC_SECONDS=1, WORKER_POLL_SECONDS=0.05)
    assert jobs.stale_after(app) == timedelta(seconds=60)
    assert jobs.stale_after(make_app(JOB_TIMEOUT=600)) == timedelta(seconds=660)
    ran: list[int] = []
    jobs.register("test-fault-note")(lambda job_id, release_id: ran.append(job_id))
    worker = jobs.Worker(app)
    try:
        with app.app_context():
            now = utcnow()
            dead = Job(
                kind="test-fault-note", status="running", attempts=1, started_at=now - timedelta(seconds=61)
            )
            alive = Job(
                kind="test-fault-note", status="running", attempts=1, started_at=now - timedelta(seconds=50)
            )
            db.session.add_all([dead, alive])
            db.session.commit()
            dead_id, alive_id = dead.id, alive.id
        worker.start()
        deadline = time.monotonic() + 10
        while not ran and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)  # a second sweep, or a wrongly requeued job, would show now
    finally:
        worker.stop()
        worker.join(timeout=10)
        jobs.REGISTRY.pop("test-fault-note", None)
    assert ran == [dead_id]
    with app.app_context():
        assert db.session.get(Job, dead_id).status == "done"
        assert db.session.get(Job, dead_id).attempts == 2
        assert db.session.get(Job, alive_id).status == "running"


# --- 2. the database connection dropped and restored during a request burst --------------------------


class TcpProxy:
    """A loopback TCP proxy in front of PostgreSQL that can drop every connection and refuse new ones,
    as a database restart or a network cut does to the app (the shared server itself stays up)."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.down = threading.Event()
        self.lock = threading.Lock()
        self.open: list[socket.socket] = []
        self.closing = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.down.is_set():
                client.close()  # like a server that is not (yet) there
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self.lock:
                self.open += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self) -> None:
        """Drop every open connection and refuse new ones until ``restore``."""
        self.down.set()
        with self.lock:
            dropped, self.open = self.open, []
        for sock in dropped:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def restore(self) -> None:
        self.down.clear()

    def close(self) -> None:
        self.closing = True
        self.cut()
        self.listener.close()


@dataclass
class Answer:
    started: float
    status: int
    body: str
    seconds: float


def _burst(base: str, path: str, seconds: float, threads: int = 6) -> list[Answer]:
    """Several clients asking for ``path`` in a loop for ``seconds``; every answer with its timing."""
    answers: list[Answer] = []
    lock = threading.Lock()
    t0 = time.monotonic()

    def client() -> None:
        while (start := time.monotonic()) - t0 < seconds:
            status, body = _get(base + path)
            with lock:
                answers.append(Answer(start - t0, status, body, time.monotonic() - start))

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=seconds + 30)
    assert not any(worker.is_alive() for worker in workers), "a request hung"
    return answers


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """No access log line per request (hundreds in a burst)."""


@pytest.fixture
def served(make_app) -> Iterator[Callable[[str], tuple[Flask, str]]]:
    """Serve an app on ``database_url`` with a real threaded HTTP server on loopback; yields its base URL.
    The page cache is off: these tests are about requests that reach the database."""
    made: list[tuple[Flask, threading.Thread, object]] = []

    def serve(database_url: str) -> tuple[Flask, str]:
        app = make_app(DATABASE_URL=database_url, TESTING=False, PAGE_CACHE_SECONDS=0)
        server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        made.append((app, thread, server))
        return app, f"http://127.0.0.1:{server.server_port}"

    yield serve
    for app, thread, server in made:
        server.shutdown()  # type: ignore[attr-defined]
        thread.join(timeout=10)
        _dispose(app)


GERMAN_ERROR = "Etwas ist schiefgegangen"


def _assert_clean_failures(answers: list[Answer]) -> None:
    """No hang, no leaked internals; a failure is a 500/503 with our German page."""
    for answer in answers:
        assert answer.status in (200, 500, 503), answer
        assert answer.seconds < 10, f"request took {answer.seconds:.1f} s"
        if answer.status != 200:
            assert GERMAN_ERROR in answer.body, answer.body[:500]
        assert "Traceback" not in answer.body and "psycopg" not in answer.body


def test_database_outage_during_a_request_burst_fails_cleanly_and_recovers(pg_url, served) -> None:
    parts = urlsplit(pg_url)
    proxy = TcpProxy((parts.hostname or "127.0.0.1", parts.port or 5432))
    try:
        proxied = pg_url.replace(f"@{parts.hostname}:{parts.port}/", f"@127.0.0.1:{proxy.port}/", 1)
        app, base = served(proxied)
        _, slug = _store_release(app)
        assert urllib.request.urlopen(f"{base}/releases/{slug}", timeout=10).status == 200

        outage = (1.0, 2.0)  # seconds into the burst

        def cut_and_restore() -> None:
            time.sleep(outage[0])
            proxy.cut()
            time.sleep(outage[1] - outage[0])
            proxy.restore()

        timer = threading.Thread(target=cut_and_restore)
        timer.start()
        answers = _burst(base, f"/releases/{slug}", seconds=4.5)
        timer.join()

        _assert_clean_failures(answers)
        during = [a for a in answers if outage[0] + 0.05 < a.started < outage[1] - 0.05]
        after = [a for a in answers if a.started > outage[1] + 1.0]  # reconnecting may take a moment
        assert during and all(a.status == 500 for a in during), "the outage was not noticed"
        assert after and all(a.status == 200 for a in after), "no recovery after the database came back"
        assert all(a.status == 200 for a in answers if a.started < outage[0] - 0.05)
    finally:
        proxy.close()


def test_terminated_database_sessions_during_a_burst_fail_cleanly_and_recover(pg_url, served) -> None:
    application_name = f"klartext-fault-{uuid.uuid4().hex[:8]}"
    app, base = served(_with_query(pg_url, application_name=application_name))
    _, slug = _store_release(app)
    admin = create_engine(service_url("KLARTEXT_TEST_DATABASE_URL"))
    terminated: list[int] = []
    finished: list[float] = []  # seconds after the burst began when the last session was terminated

    def terminate_repeatedly() -> None:
        time.sleep(0.5)
        with admin.connect() as connection:
            for _ in range(10):
                terminated.append(
                    connection.execute(
                        text(
                            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                            "WHERE application_name = :name"
                        ),
                        {"name": application_name},
                    ).scalar_one()
                )
                connection.commit()
                time.sleep(0.1)
        finished.append(time.monotonic() - began)

    try:
        killer = threading.Thread(target=terminate_repeatedly)
        began = time.monotonic()
        killer.start()
        answers = _burst(base, f"/releases/{slug}", seconds=4.0)
        killer.join()
    finally:
        admin.dispose()
    _assert_clean_failures(answers)
    assert sum(terminated) >= 3, "the app's database sessions were not terminated"
    after = [a for a in answers if a.started > finished[0] + 0.2]  # a loaded machine terminates later
    assert after and all(a.status == 200 for a in after)


def test_a_connection_lost_after_the_view_ran_still_gets_a_proper_answer(pg_url, served) -> None:
    """The connection dies after the view's last query, before the request ends (the window the bursts above
    hit by chance). Flask-SQLAlchemy's teardown (``session.remove()``) then rolls back on the dead
    connection and raises — unless the app's own teardown (webapp/db.py) invalidates the dead connection
    first, which it does: the page still arrives.
    """
    app, base = served(pg_url)
    _, slug = _store_release(app)
    admin = create_engine(service_url("KLARTEXT_TEST_DATABASE_URL"))

    @app.after_request
    def drop_connection(response):  # type: ignore[no-untyped-def]
        if request.path.startswith("/releases/"):
            pid = db.session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with admin.connect() as connection:
                connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                connection.commit()
            time.sleep(0.1)  # the backend is gone before the teardown rolls back
        return response

    try:
        answers = [_get(f"{base}/releases/{slug}") for _ in range(3)]
    finally:
        admin.dispose()
    for status, body in answers:
        assert "<title>500 Internal Server Error</title>" not in body  # the server's bare page, not ours
        assert (status, GERMAN_ERROR in body or "Bürgerbüro" in body) in ((200, True), (500, True))


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
