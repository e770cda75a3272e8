"""Benchmark: time to simplify a ~500-word release, and the share spent in HanTa tagging.

Run: ``python bench/bench_plain.py``. Uses the corpus releases in ``tests/data/corpus``; prints CPU
time (``process_time``, robust on a busy machine) and wall time per release, cold (first run in the
process, with model loading) and warm (caches of earlier releases filled, this release's sentences new).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simplify import plain_tagging  # noqa: E402
from simplify.plain import simplify, source_text  # noqa: E402
from simplify.release import Release  # noqa: E402
from simplify.segment import words  # noqa: E402
from simplify.tagger import hanta  # noqa: E402


def _load(path: Path) -> Release:
    return Release.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _clear_sentence_caches() -> None:
    plain_tagging.tag.cache_clear()


def main() -> None:
    paths = sorted((ROOT / "tests" / "data" / "corpus").glob("*.json"))
    releases = [(p.stem, _load(p)) for p in paths]
    tag_time = [0.0]
    loading = time.process_time()
    tagger = hanta()
    print(f"loading HanTa's model: {time.process_time() - loading:.2f} s CPU")
    original_tag = tagger.tag_sent

    def timed_tag_sent(*args: object, **kwargs: object) -> object:
        start = time.process_time()
        try:
            return original_tag(*args, **kwargs)
        finally:
            tag_time[0] += time.process_time() - start

    tagger.tag_sent = timed_tag_sent
    cold_start = time.process_time()
    simplify(releases[0][1])
    print(f"cold start (first release, empty caches): {time.process_time() - cold_start:.2f} s CPU")
    print(f"{'release':38} {'words':>5} {'CPU s':>6} {'wall s':>6} {'tagging':>8}")
    total_words = total_cpu = total_tag = 0.0
    for name, release in releases:
        _clear_sentence_caches()
        tag_time[0] = 0.0
        count = len(words(source_text(release)))
        cpu, wall = time.process_time(), time.perf_counter()
        simplify(release)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        total_words += count
        total_cpu += cpu
        total_tag += tag_time[0]
        print(f"{name:38} {count:5d} {cpu:6.2f} {wall:6.2f} {tag_time[0] / cpu:7.0%}")
    per_500 = total_cpu / total_words * 500
    print(f"per 500 words: {per_500:.2f} s CPU; tagging share {total_tag / total_cpu:.0%}")


if __name__ == "__main__":
    main()
