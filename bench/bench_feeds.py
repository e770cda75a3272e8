"""Feed and audio delivery benchmark with a real HTTP load tool: wrk against the app behind gunicorn.

Seeds a fresh instance with N published releases (default 1,000), each with an original and a plain reading
row, and one 5 MB MP3 on disk; starts gunicorn on 127.0.0.1 and measures with wrk:

- feed generation, "cold" (every request builds the feed: no cache, no validator) at the default
  ``FEED_MAX_ITEMS`` (100) and with every release in the feed (``FEED_MAX_ITEMS`` = N);
- revalidation of the same feed with ``If-None-Match`` (304, the request podcast apps send most);
- the 5 MB MP3 as 64 KiB ranges (206), as players seek, and whole (200);
- the floor, measured in the same run: ``/healthz``, the cheapest request the app answers.

Also prints the in-process build time of one feed. Every wrk run is bounded (``--seconds``), gunicorn is
stopped at the end. Needs ``wrk`` (Debian package ``wrk``).

    /work/venv/bin/python bench/bench_feeds.py [--releases 1000] [--seconds 5] [--connections 16]
        [--workers CPUS]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from webapp import create_app  # noqa: E402
from webapp.db import db, upgrade_database  # noqa: E402
from webapp.models import Reading, ReleaseRecord  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
MP3_SIZE = 5 * 1024 * 1024
RANGE_SIZE = 64 * 1024
BIG_MP3 = "bench-5mb-original-0123456789abcdef.mp3"


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    latency_avg_ms: float
    latency_p99_ms: float
    transfer_per_second: str
    non_2xx_3xx: int
    timeouts: int


def seed(instance: Path, releases: int) -> None:
    """N published releases with two reading rows each; the first one owns a real 5 MB MP3."""
    app = create_app({"INSTANCE_PATH": str(instance), "SECRET_KEY": "bench", "WORKER": "none"})
    upgrade_database(app)
    start = datetime(2024, 1, 1, 8, 0)
    with app.app_context():
        for index in range(releases):
            title = f"Pressemitteilung {index}: Straßenfest & Markt <Altstadt> 🎉"
            record = ReleaseRecord(
                slug=f"pm-{index}",
                title=title,
                data={"title": title, "lead": f"Kurzer Vorspann der Meldung {index}. " * 4},
                plain={"summary": [{"text": f"Das ist Meldung {index}."}, {"text": "Sie ist kurz."}]},
                raw_text="",
                source_kind="paste",
                state="published",
                published_at=start + timedelta(hours=index),
            )
            db.session.add(record)
            db.session.flush()
            for version in ("original", "plain"):
                name = (
                    BIG_MP3
                    if index == 0 and version == "original"
                    else f"pm-{index}-{version}-{index:016x}.mp3"
                )
                db.session.add(
                    Reading(
                        release_id=record.id,
                        version=version,
                        cache_key=f"{index}-{version}",
                        filename=name,
                        size=MP3_SIZE if name == BIG_MP3 else 480_000,
                        duration=60.0,
                        engine="espeak",
                        voice="de",
                    )
                )
        db.session.commit()
        (Path(app.config["AUDIO_DIR"]) / BIG_MP3).write_bytes(os.urandom(MP3_SIZE))


def in_process_seconds(instance: Path, max_items: int, repeat: int = 5) -> tuple[float, float]:
    """Median time to answer one feed request in-process (test client, no HTTP): built, and revalidated."""
    app = create_app(
        {"INSTANCE_PATH": str(instance), "SECRET_KEY": "bench", "WORKER": "none", "FEED_MAX_ITEMS": max_items}
    )
    client = app.test_client()
    built, revalidated = [], []
    for _ in range(repeat):
        begin = time.perf_counter()
        response = client.get("/feeds/alle.xml")
        built.append(time.perf_counter() - begin)
        assert response.status_code == 200 and response.data.count(b"<item>") == max_items
        begin = time.perf_counter()
        again = client.get("/feeds/alle.xml", headers={"If-None-Match": response.headers["ETag"]})
        revalidated.append(time.perf_counter() - begin)
        assert again.status_code == 304
    return sorted(built)[repeat // 2], sorted(revalidated)[repeat // 2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn(instance: Path, workers: int, max_items: int) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "KLARTEXT_INSTANCE_PATH": str(instance),
        "KLARTEXT_SECRET_KEY": "bench",
        "KLARTEXT_WORKER": "none",
        "KLARTEXT_FEED_MAX_ITEMS": str(max_items),
    }
    command = [
        str(GUNICORN),
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "webapp:create_app()",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, seconds: int, connections: int, headers: dict[str, str] | None = None) -> WrkResult:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=seconds + 30, check=True
    ).stdout
    average = re.search(r"Latency\s+([\d.]+)(us|ms|s)\b", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", output)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    transfer = re.search(r"Transfer/sec:\s+(\S+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", output)
    if not (average and p99 and rps and transfer):
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    return WrkResult(
        float(rps.group(1)),
        _ms(*average.groups()),
        _ms(*p99.groups()),
        transfer.group(1),
        int(errors.group(1)) if errors else 0,
        int(timeouts.group(1)) if timeouts else 0,
    )


def check(url: str, headers: dict[str, str], status: int) -> dict[str, str]:
    """One request to make sure the benchmark measures the intended answer."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            got, result = response.status, dict(response.headers)
    except urllib.error.HTTPError as error:  # 304 arrives as an "error"
        got, result = error.code, dict(error.headers)
    if got != status:
        raise RuntimeError(f"{url} {headers}: status {got}, expected {status}")
    return result


def report(label: str, result: WrkResult, floor: WrkResult | None) -> None:
    if floor and result.requests_per_second > 0:
        ratio = f"{floor.requests_per_second / result.requests_per_second:6.1f}x floor"
    else:
        ratio = " " * 14
    print(
        f"{label:<44} {result.requests_per_second:9.0f} req/s  avg {result.latency_avg_ms:7.2f} ms  "
        f"p99 {result.latency_p99_ms:7.2f} ms  {result.transfer_per_second:>9}/s  {ratio}"
        + (f"  NON-2xx/3xx: {result.non_2xx_3xx}" if result.non_2xx_3xx else "")
        + (f"  TIMEOUTS: {result.timeouts}" if result.timeouts else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn worker processes")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")
    with tempfile.TemporaryDirectory(prefix="klartext-bench-feeds-") as tmp:
        instance = Path(tmp) / "instance"
        begin = time.perf_counter()
        seed(instance, args.releases)
        print(
            f"seeded {args.releases} published releases (2 readings each) "
            f"in {time.perf_counter() - begin:.1f} s"
        )
        for items in (100, args.releases):
            built, revalidated = in_process_seconds(instance, items)
            print(
                f"in-process: /feeds/alle.xml with {items} items: built in {built * 1000:.1f} ms, "
                f"revalidated (304) in {revalidated * 1000:.1f} ms (medians)"
            )
        print(
            f"wrk: {args.connections} connections, {args.seconds} s per run, "
            f"gunicorn {args.workers} workers, {os.cpu_count()} CPUs"
        )
        for items in (100, args.releases):
            with gunicorn(instance, args.workers, items) as base:
                floor = wrk(base + "/healthz", args.seconds, args.connections)
                if items == 100:
                    report("floor: /healthz", floor, None)
                for feed in ("original", "alle"):
                    url = f"{base}/feeds/{feed}.xml"
                    etag = check(url, {}, 200)["ETag"]
                    check(url, {"If-None-Match": etag}, 304)
                    count = min(items, args.releases * (2 if feed == "alle" else 1))
                    report(
                        f"{feed}.xml, {count} items, cold (200)",
                        wrk(url, args.seconds, args.connections),
                        floor,
                    )
                    report(
                        f"{feed}.xml, {count} items, revalidated (304)",
                        wrk(url, args.seconds, args.connections, {"If-None-Match": etag}),
                        floor,
                    )
                if items == 100:
                    mp3 = f"{base}/audio/{BIG_MP3}"
                    byte_range = {"Range": f"bytes={MP3_SIZE // 2}-{MP3_SIZE // 2 + RANGE_SIZE - 1}"}
                    check(mp3, byte_range, 206)
                    report(
                        "5 MB MP3, 64 KiB range (206)",
                        wrk(mp3, args.seconds, args.connections, byte_range),
                        floor,
                    )
                    report("5 MB MP3, whole file (200)", wrk(mp3, args.seconds, args.connections), floor)


if __name__ == "__main__":
    main()
