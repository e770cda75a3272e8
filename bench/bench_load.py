"""Load benchmark: gunicorn on loopback under wrk, and the job queue's throughput with one and two workers.

1. Seeds a fresh instance (SQLite, the embedded default; PostgreSQL with --database-url) with the test corpus,
   every release analysed and simplified, and one release read aloud (its MP3 is the range-request target).
2. Starts gunicorn as deploy/klartext-web.service does (--workers 4 --threads 2 by default, no access log),
   with the page cache for visitors at KLARTEXT_PAGE_CACHE_SECONDS=--page-cache-seconds (default 5; 0 = off),
   and runs wrk (Debian package `wrk`) at increasing concurrency against the release page, every release page
   in turn (a wrk Lua script), the index, the original-version feed (skipped when /feeds/original.xml answers
   404) and a 64 KiB MP3 range request. Prints requests/s, p50/p99 latency and the CPU the gunicorn
   processes and wrk used (in % of one core), so it shows whether the server or the load tool is the limit.
   Each target first gets --warmup seconds of unmeasured load (cold worker processes compile templates).
   Goal (issue 8): release page >= 500 req/s with p99 <= 50 ms.
3. Profiles the release page and the index in-process (cProfile, test client, page cache off): the top
   costs of a render; and the in-process cost of a page-cache hit.
4. Queues a speak job for every seeded release and measures speak jobs per minute with one, then two
   `klartext worker` processes (Redis queue with --redis-url, else the database-polling worker), from the
   first job's start to the last job's end, so worker start-up is not counted.

    /work/venv/bin/python bench/bench_load.py [--duration 5] [--connections 1,8,32,64] [--web-workers 4]
        [--threads 2] [--worker-class gthread] [--page-cache-seconds 5] [--warmup 2]
        [--targets release,all-releases,index,feed,mp3] [--skip-queue]
        [--redis-url redis://127.0.0.1:6390/0] [--database-url postgresql+psycopg://...]

The machine's load average is printed with the results: other processes on a 2-core machine change them.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import delete, func, select  # noqa: E402

from webapp import create_app, jobs, page_cache, queue, releases  # noqa: E402
from webapp.db import db, upgrade_database  # noqa: E402
from webapp.ingest import ExtractedText  # noqa: E402
from webapp.models import Job, Reading, ReleaseRecord  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
BIN = Path(sys.executable).parent


def settings_env(
    instance: Path, database_url: str | None, redis_url: str | None, page_cache_seconds: float
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KLARTEXT_")}
    env.update(
        KLARTEXT_PAGE_CACHE_SECONDS=str(page_cache_seconds),
        KLARTEXT_INSTANCE_PATH=str(instance),
        KLARTEXT_SECRET_KEY="bench-secret",
        KLARTEXT_WORKER="none",
        KLARTEXT_WORKER_POLL_SECONDS="0.1",
        KLARTEXT_QUEUE_NAME=f"klartext-bench-{os.getpid()}",
        KLARTEXT_QUEUE_SYNC_SECONDS="1",
        PYTHONPATH=str(ROOT),
    )
    if database_url:
        env["KLARTEXT_DATABASE_URL"] = database_url
    if redis_url:
        env["KLARTEXT_REDIS_URL"] = redis_url
    return env


def make_app(env: dict[str, str]):  # type: ignore[no-untyped-def]
    config = {k.removeprefix("KLARTEXT_"): v for k, v in env.items() if k.startswith("KLARTEXT_")}
    config["WORKER_POLL_SECONDS"] = float(config["WORKER_POLL_SECONDS"])
    config["QUEUE_SYNC_SECONDS"] = int(config["QUEUE_SYNC_SECONDS"])
    config["PAGE_CACHE_SECONDS"] = 0  # this process seeds and profiles renders; gunicorn gets the setting
    app = create_app(config)
    upgrade_database(app)
    return app


def seed(app) -> tuple[list[str], str]:  # type: ignore[no-untyped-def]
    """Store and publish the corpus, analyse and simplify all, read one; returns (slugs, MP3 name).

    The first slug is the release that was read aloud."""
    with app.app_context():
        for path in sorted(CORPUS.glob("*.txt")):
            releases.store(
                ExtractedText(path.read_text(encoding="utf-8"), "paste", None, None), None, publish=True
            )
        target = db.session.scalar(select(ReleaseRecord).order_by(ReleaseRecord.id))
        for job in db.session.scalars(select(Job).where(Job.status == "queued").order_by(Job.id)).all():
            if job.kind == "speak" and job.release_id != target.id:
                continue
            claimed = jobs.claim(job.id, 3)
            if claimed is not None:
                jobs.run_job(claimed)
        # the other speak jobs stay out of the way until the queue benchmark; nothing waits in Redis either
        db.session.execute(delete(Job).where(Job.status == "queued"))
        db.session.commit()
        if queue.enabled(app):
            queue.rq_queue(app).empty()
        reading = db.session.scalar(select(Reading).where(Reading.release_id == target.id))
        if reading is None:
            raise SystemExit("seeding failed: the target release has no reading")
        others = db.session.scalars(select(ReleaseRecord.slug).where(ReleaseRecord.id != target.id)).all()
        return [target.slug, *others], reading.filename


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def rotating_script(paths: list[str], folder: Path) -> Path:
    """A wrk Lua script that asks for ``paths`` in turn (each wrk thread keeps its own counter)."""
    script = folder / "rotate.lua"
    quoted = ", ".join(f'"{p}"' for p in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n",
        encoding="utf-8",
    )
    return script


def _tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of ``root`` and its children so far (gunicorn master and workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if root in (pid, ppid):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wrk(
    url: str, connections: int, duration: int, headers: list[str], script: Path | None = None
) -> dict[str, float]:
    """One wrk run; requests/s, latency percentiles in ms, and non-2xx/3xx answers and socket errors."""
    cmd = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "5s",
    ]
    for header in headers:
        cmd += ["-H", header]
    if script is not None:
        cmd += ["-s", str(script)]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    for pct in ("50", "99"):
        result[f"p{pct}"] = _ms(re.search(rf"^\s+{pct}%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["bad"] = float(bad.group(1)) if bad else 0.0
    result["errors"] = float(sum(int(g) for g in errors.groups())) if errors else 0.0
    return result


def load_test(
    env: dict[str, str], targets: dict[str, tuple[str, list[str], Path | None]], args: argparse.Namespace
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--workers",
            str(args.web_workers),
            "--threads",
            str(args.threads),
            "--worker-class",
            args.worker_class,
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "webapp:create_app()",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_http(base + "/")
        print(
            f"\ngunicorn --workers {args.web_workers} --threads {args.threads} --worker-class "
            f"{args.worker_class}; page cache {env['KLARTEXT_PAGE_CACHE_SECONDS']} s; wrk {args.duration} s "
            f"per row; CPU in % of one core ({os.cpu_count()} cores)"
        )
        print(
            f"{'target':<14}{'conns':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'errors':>8}"
            f"{'cpu app':>9}{'cpu wrk':>9}"
        )
        for name, (path, headers, script) in targets.items():
            status = status_of(base + path)
            if status == 404:
                print(f"{name:<14} skipped: {path} answers 404")
                continue
            if args.warmup:  # every worker process compiles its templates and opens its database connection
                wrk(base + path, max(args.connections), args.warmup, headers, script)
            for connections in args.connections:
                app_before, wrk_before, started = (
                    _tree_cpu_seconds(gunicorn.pid),
                    _children_cpu_seconds(),
                    time.monotonic(),
                )
                r = wrk(base + path, connections, args.duration, headers, script)
                elapsed = time.monotonic() - started
                app_cpu = (_tree_cpu_seconds(gunicorn.pid) - app_before) / elapsed
                wrk_cpu = (_children_cpu_seconds() - wrk_before) / elapsed
                print(
                    f"{name:<14}{connections:>6}{r['rps']:>10.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}"
                    f"{r['bad']:>9.0f}{r['errors']:>8.0f}{app_cpu:>9.0%}{wrk_cpu:>9.0%}"
                )
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


def _short(where: str) -> str:
    return re.sub(r"^.*site-packages/|^" + re.escape(str(ROOT)) + "/", "", where)[-90:]


def cache_hit_cost(env: dict[str, str], path: str, repeat: int = 2000) -> None:
    """In-process cost of a page-cache hit (test client, so including Werkzeug's test overhead)."""
    app = make_app(env)
    app.config["PAGE_CACHE_SECONDS"] = 60
    page_cache.init_app(app)
    client = app.test_client()
    client.get(path).close()
    start = time.perf_counter()
    for _ in range(repeat):
        client.get(path).close()
    print(f"\n{path} from the page cache: {(time.perf_counter() - start) / repeat * 1000:.3f} ms in-process")


def profile_page(app, path: str, repeat: int = 100) -> None:  # type: ignore[no-untyped-def]
    """In-process cost of one page (Flask test client, no HTTP), and its top costs by own time."""
    client = app.test_client()
    client.get(path).close()  # warm: templates compiled, imports done
    start = time.perf_counter()
    for _ in range(repeat):
        client.get(path).close()
    plain_ms = (time.perf_counter() - start) / repeat * 1000
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        client.get(path).close()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(15)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(
        f"\n{path}: {plain_ms:.1f} ms per request in-process; top own time under cProfile (of {total:.2f} s):"
    )
    for line in out.getvalue().splitlines():
        if re.match(r"\s+[\d/]+\s+[\d.]+\s", line):
            ncalls, tottime, _, _, _, where = line.split(None, 5)
            print(f"  {float(tottime) / total:6.1%}  {ncalls:>10}  {_short(where)}")


def queue_throughput(app, env: dict[str, str], workers: int) -> float:  # type: ignore[no-untyped-def]
    """Speak jobs per minute with ``workers`` `klartext worker` processes (all readings rendered anew)."""
    audio = Path(app.config["AUDIO_DIR"])
    with app.app_context():
        db.session.execute(delete(Reading))
        db.session.execute(delete(Job))
        db.session.commit()
    shutil.rmtree(audio)
    audio.mkdir()
    logs = [Path(app.instance_path) / f"worker-{workers}-{i}.log" for i in range(workers)]
    procs = []
    for log in logs:
        with log.open("wb") as out:
            procs.append(
                subprocess.Popen([str(BIN / "klartext"), "worker"], cwd=ROOT, env=env, stdout=out, stderr=out)
            )
    try:
        time.sleep(3)  # let the workers import; their start-up is not measured either way
        with app.app_context():
            ids = [row.id for row in db.session.scalars(select(ReleaseRecord))]
            for release_id in ids:
                jobs.enqueue("speak", release_id)
            db.session.commit()
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            with app.app_context():
                left = db.session.scalar(
                    select(func.count(Job.id)).where(Job.status.in_(("queued", "running")))
                )
                first, last = db.session.execute(
                    select(func.min(Job.started_at), func.max(Job.finished_at))
                ).one()
                failed = db.session.scalar(select(func.count(Job.id)).where(Job.status == "failed"))
            if not left:
                break
            time.sleep(0.2)
        else:
            tails = "\n".join(log.read_text(errors="replace")[-3000:] for log in logs)
            raise SystemExit(f"the speak jobs did not finish within 10 minutes; worker logs:\n{tails}")
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
    seconds = (last - first).total_seconds()
    rate = len(ids) / seconds * 60
    print(f"{workers} worker(s): {len(ids)} speak jobs in {seconds:.1f} s = {rate:.1f}/min ({failed} failed)")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", default="1,8,32,64", help="comma-separated wrk concurrency levels")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of unmeasured wrk load per target")
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class (gthread, sync)")
    parser.add_argument(
        "--page-cache-seconds",
        type=float,
        default=5,
        help="KLARTEXT_PAGE_CACHE_SECONDS for gunicorn; 0 = off",
    )
    parser.add_argument(
        "--targets",
        default="release,all-releases,index,feed,mp3",
        help="comma-separated: release, all-releases, index, feed, mp3",
    )
    parser.add_argument("--redis-url", default=None, help="measure the queue through Redis (RQ) workers")
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temporary instance folder")
    parser.add_argument("--skip-queue", action="store_true")
    args = parser.parse_args()
    args.connections = [int(c) for c in args.connections.split(",")]
    chosen = set(args.targets.split(","))
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    instance = Path(tempfile.mkdtemp(prefix="klartext-bench-"))
    try:
        env = settings_env(instance, args.database_url, args.redis_url, args.page_cache_seconds)
        app = make_app(env)
        t0 = time.perf_counter()
        slugs, mp3 = seed(app)
        slug = slugs[0]
        print(f"seeded {len(list(CORPUS.glob('*.txt')))} releases in {time.perf_counter() - t0:.0f} s ")
        print(
            f"database: {app.config['DATABASE_URL'].split('@')[-1]}; load average before: {os.getloadavg()}"
        )
        every_release = rotating_script([f"/releases/{s}" for s in slugs], instance)
        targets = {  # option name: (row label, (path, headers, wrk script))
            "release": ("release page", (f"/releases/{slug}", [], None)),
            "all-releases": (f"{len(slugs)} releases", (f"/releases/{slug}", [], every_release)),
            "index": ("index", ("/", [], None)),
            "feed": ("feed", ("/feeds/original.xml", [], None)),
            "mp3": ("mp3 range", (f"/audio/{mp3}", ["Range: bytes=0-65535"], None)),
        }
        load_test(env, dict(targets[key] for key in targets if key in chosen), args)
        for path in (f"/releases/{slug}", "/"):
            profile_page(app, path)
        cache_hit_cost(env, f"/releases/{slug}")
        if not args.skip_queue:
            print(
                f"\njob queue ({'Redis' if args.redis_url else 'database polling'}), load {os.getloadavg()}:"
            )
            one = queue_throughput(app, env, 1)
            two = queue_throughput(app, env, 2)
            print(f"two workers / one worker: {two / one:.2f}x")
        print(f"load average after: {os.getloadavg()}")
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
