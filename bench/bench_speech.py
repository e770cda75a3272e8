"""Speech benchmark: seconds of audio per second of wall time, the whole speech step against a floor.

Step: normalise (when `audio.normalize` is present) → synthesise → loudness → encode → tag.
Floor, measured in the same run: a minimal ctypes call of libespeak-ng on the raw text, each line as one
`espeak_Synth` call, straight into lameenc with the same encoder settings — what any MP3 reading costs.
Goal: step ≥ 100x real time and step time ≤ 1.3 x floor time.

    /work/venv/bin/python bench/bench_speech.py [RELEASE.txt ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import ctypes
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import espeakng_loader
import lameenc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audio.engine import SynthesisConfig  # noqa: E402
from audio.speak import chapters, synthesize  # noqa: E402
from audio.tags import EpisodeTags, write_tags  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT / "tests" / "data" / "corpus", ROOT.parent / "shared" / "corpus" / "releases")


def _script(text: str) -> tuple[str, str]:
    """The normalised script, or the raw text (with the reason) when the normaliser is missing or fails."""
    try:
        from audio.normalize import normalize
    except ImportError:
        return text, "raw text (no audio.normalize)"
    try:
        return normalize(text).text, "audio.normalize"
    except Exception as exc:  # the benchmark measures speech; a normaliser bug is reported, not fatal
        return text, f"raw text (audio.normalize failed: {type(exc).__name__}: {exc})"


_Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


def floor_once(text: str, config: SynthesisConfig) -> float:
    """Raw text → libespeak-ng → lameenc; returns seconds of audio."""
    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    rate = lib.espeak_Initialize(2, 0, os.path.dirname(espeakng_loader.get_data_path()).encode(), 0)
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(rate)
    encoder.set_out_sample_rate(44100)
    encoder.set_channels(1)
    encoder.set_bit_rate(config.bitrate_kbps)
    encoder.set_quality(config.mp3_quality)
    samples = 0
    out = bytearray()

    def collect(wav: ctypes._Pointer[ctypes.c_short], count: int, _events: int) -> int:
        nonlocal samples
        if wav and count > 0:
            out.extend(encoder.encode(ctypes.string_at(wav, count * 2)))
            samples += count
        return 0

    callback = _Callback(collect)
    lib.espeak_SetSynthCallback(callback)
    lib.espeak_SetVoiceByName(config.voice.encode())
    lib.espeak_SetParameter(1, config.rate_wpm, 0)
    for line in text.splitlines():
        if line.strip():
            data = line.encode()
            lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, 1, None, None)
    lib.espeak_Synchronize()
    out.extend(encoder.flush())
    return samples / rate


def step_once(text: str, config: SynthesisConfig) -> float:
    """The whole speech step for one release (each line a chapter); returns seconds of audio."""
    script, _ = _script(text)
    sections, position = [], 0
    for line in script.splitlines():
        if line.strip():
            sections.append((line.strip()[:40], position))
        position += len(line) + 1
    speech = synthesize(script, config)
    tags = EpisodeTags(
        title=sections[0][0],
        artist="Pressestelle",
        album="Klartext",
        date="2025-01-01",
        transcript=script,
        chapters=chapters(speech, sections),
    )
    write_tags(speech.mp3, tags)
    return speech.duration


def measure(run: Callable[[], float]) -> tuple[float, float, float]:
    """Seconds of audio, wall time and CPU time of this process for one run (CPU time is the fairer
    figure on a machine shared with other work: both runs are single-threaded)."""
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    audio = run()
    return audio, time.perf_counter() - start_wall, time.process_time() - start_cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = args.files or next(sorted(d.glob("*.txt")) for d in CORPORA if list(d.glob("*.txt")))
    texts = [f.read_text(encoding="utf-8") for f in files]
    config = SynthesisConfig()
    step_once(texts[0], config)  # warm up: library load, normaliser tables
    floor_once(texts[0], config)
    results = {}
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        for name, once in (("floor", floor_once), ("step", step_once)):
            audio, wall, cpu = measure(lambda once=once: sum(once(t, config) for t in texts))
            best = results.get(name, (audio, math.inf, math.inf))
            results[name] = (audio, min(best[1], wall), min(best[2], cpu))
    modes = {_script(t)[1] for t in texts}
    print(f"{len(texts)} releases, best of {args.repeat}; script from: {'; '.join(sorted(modes))}")
    for name, label in (("floor", "espeak + lameenc, raw text"), ("step", "normalise … tag")):
        audio, wall, cpu = results[name]
        print(
            f"{name:5} ({label:26}): {audio:7.1f} s audio; wall {wall:6.2f} s = {audio / wall:6.1f}x "
            f"real time; CPU {cpu:6.2f} s = {audio / cpu:6.1f}x"
        )
    floor, step = results["floor"], results["step"]
    for kind, index in (("wall", 1), ("CPU", 2)):
        slower = (floor[0] / floor[index]) / (step[0] / step[index])
        print(
            f"{kind}: floor speed / step speed = {slower:.2f} (goal ≤ 1.3); step ≥ 100x: "
            f"{'yes' if step[0] / step[index] >= 100 else 'NO'}"
        )


if __name__ == "__main__":
    main()
