"""The speech step: spoken script → loudness-normalised, encoded, optionally tagged MP3 with timings.

Memory stays bounded for any length of text: the engine yields the script in pieces, and each piece is
levelled and encoded before the next one is made. Loudness, however, is a property of the whole
recording, so it takes three passes over the audio:

1. measure the integrated loudness of the raw voice;
2. apply the gain to the target and the peak limiter, and measure again (limiting the peaks of a
   synthetic voice costs about half a loudness unit, which this pass finds and corrects; skipped when
   the sample peak shows the limiter will not act);
3. apply the corrected gain and limiter and encode.

For texts up to `buffer_seconds` of audio (10 minutes by default, about 26 MB of PCM: every real press
release) the raw PCM of pass 1 is kept and replayed; for longer texts the engine is simply run again for
passes 2 and 3. espeak synthesises over a thousand times faster than real time, so a rerun costs a fraction
of the MP3 encoding, and memory stays at one piece of audio plus a few numbers per second. Its output
varies by a few milliseconds from run to run, which does not matter to a loudness measurement; timings
and audio both come from the last pass. Engines that deliver MP3 (gTTS) are passed through without
loudness processing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from audio.engine import AudioChunk, Engine, SpeechError, SynthesisConfig, Timing, get_engine
from audio.mp3 import LoudnessMeter, Mp3Encoder, float_to_pcm, level, needs_limiter, pcm_to_float
from audio.tags import Chapter, EpisodeTags, write_tags

PIPELINE_VERSION = "1"  # part of the cache key: bump when this module's output changes
DEFAULT_BUFFER_SECONDS = 600.0


@dataclass(frozen=True)
class SpeechInfo:
    """What a synthesis run produced, apart from the audio itself: duration in seconds, sentence and word
    timings (seconds, character spans in the script), and the engine and voice that spoke."""

    duration: float
    sentences: tuple[Timing, ...]
    words: tuple[Timing, ...]
    engine: str
    voice: str


@dataclass(frozen=True)
class Speech(SpeechInfo):
    """A `SpeechInfo` with the MP3 bytes."""

    mp3: bytes


def cache_key(script_text: str, config: SynthesisConfig, normalizer_version: str) -> str:
    """sha256 (hex) of everything that determines the audio: script, settings, normaliser and pipeline."""
    material = {
        "script": script_text,
        "config": dataclasses.asdict(config),
        "normalizer": normalizer_version,
        "pipeline": PIPELINE_VERSION,
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def check_readable(script_text: str) -> None:
    """Raise `SpeechError` unless the script has at least one letter or digit to speak."""
    if not any(c.isalnum() for c in script_text):
        raise SpeechError(
            "Der Text enthält nichts Vorlesbares: keine Buchstaben und keine Ziffern, "
            "nur Leerzeichen, Satzzeichen, Symbole oder Emoji."
        )


class _Replay:
    """The engine's chunks, iterable several times: from memory while they fit `buffer_seconds`,
    otherwise by running the engine again."""

    def __init__(self, engine: Engine, text: str, config: SynthesisConfig, buffer_seconds: float) -> None:
        self._engine, self._text, self._config = engine, text, config
        self._limit = buffer_seconds
        self._kept: list[AudioChunk] | None = None

    def __iter__(self) -> Iterator[AudioChunk]:
        if self._kept is not None:
            yield from self._kept
            return
        kept: list[AudioChunk] | None = []
        seconds = 0.0
        for chunk in self._engine.stream(self._text, self._config):
            seconds += chunk.duration
            if kept is not None and seconds <= self._limit:
                kept.append(chunk)
            else:
                kept = None
            yield chunk
        self._kept = kept


def _levelled(chunks: Iterable[AudioChunk], gain_db: float, config: SynthesisConfig) -> Iterator[AudioChunk]:
    for chunk in chunks:
        samples = level(pcm_to_float(chunk.data), gain_db, config.true_peak_dbtp, chunk.sample_rate)
        yield dataclasses.replace(chunk, data=float_to_pcm(samples))


def _loudness(chunks: Iterable[AudioChunk]) -> tuple[float | None, float]:
    """Integrated loudness (None if not measurable) and sample peak."""
    meter: LoudnessMeter | None = None
    for chunk in chunks:
        meter = meter or LoudnessMeter(chunk.sample_rate)
        meter.add(pcm_to_float(chunk.data))
    return (meter.integrated_lufs(), meter.sample_peak) if meter else (None, 0.0)


def pcm_stream(
    script_text: str, config: SynthesisConfig, *, buffer_seconds: float = DEFAULT_BUFFER_SECONDS
) -> Iterator[AudioChunk]:
    """The script as loudness-normalised PCM chunks (see the module docstring); PCM engines only."""
    check_readable(script_text)
    engine = get_engine(config.engine)
    if engine.encoding != "pcm_s16le":
        raise ValueError(f"engine {engine.name} does not produce PCM")
    chunks = _Replay(engine, script_text, config, buffer_seconds)
    raw, peak = _loudness(chunks)
    if raw is None:
        raise SpeechError("Die Sprachausgabe hat nur Stille erzeugt: Der Text enthält nichts Vorlesbares.")
    gain = config.target_lufs - raw
    if needs_limiter(peak, gain, config.true_peak_dbtp):
        levelled, _ = _loudness(_levelled(chunks, gain, config))
        if levelled is not None:
            gain += config.target_lufs - levelled
    yield from _levelled(chunks, gain, config)


def write_mp3(
    script_text: str,
    config: SynthesisConfig,
    fp: BinaryIO,
    *,
    buffer_seconds: float = DEFAULT_BUFFER_SECONDS,
) -> SpeechInfo:
    """Speak the script and write MP3 frames (no tag) to `fp` piece by piece; tag the file afterwards
    with `audio.tags.write_tags(path, …)`, which needs the timings returned here."""
    check_readable(script_text)
    engine = get_engine(config.engine)
    if engine.encoding == "pcm_s16le":
        chunks = pcm_stream(script_text, config, buffer_seconds=buffer_seconds)
    else:
        chunks = engine.stream(script_text, config)
    encoder: Mp3Encoder | None = None
    sentences: list[Timing] = []
    words: list[Timing] = []
    elapsed = 0.0
    for chunk in chunks:
        if chunk.encoding == "pcm_s16le":
            encoder = encoder or Mp3Encoder(chunk.sample_rate, config.bitrate_kbps, config.mp3_quality)
            fp.write(encoder.encode(chunk.data))
        else:
            fp.write(chunk.data)
        sentences.extend(t.shifted(elapsed) for t in chunk.sentences)
        words.extend(t.shifted(elapsed) for t in chunk.words)
        elapsed += chunk.duration
    if encoder:
        fp.write(encoder.flush())
    if not words:
        raise SpeechError(
            "Die Sprachausgabe hat kein einziges Wort gesprochen: Der Text enthält nichts Vorlesbares."
        )
    return SpeechInfo(elapsed, tuple(sentences), tuple(words), engine.name, config.voice)


def synthesize(script_text: str, config: SynthesisConfig, *, tags: EpisodeTags | None = None) -> Speech:
    """Speak the script into MP3 bytes held in memory, tagged when `tags` is given."""
    buffer = io.BytesIO()
    info = write_mp3(script_text, config, buffer)
    mp3 = buffer.getvalue()
    if tags is not None:
        mp3 = write_tags(mp3, tags)
    return Speech(info.duration, info.sentences, info.words, info.engine, info.voice, mp3=mp3)


def chapters(info: SpeechInfo, sections: Sequence[tuple[str, int]]) -> tuple[Chapter, ...]:
    """Chapters for sections given as (title, character offset in the script where the section starts),
    in script order: each starts with the first sentence that ends after its offset (the first at 0) and
    ends where the next begins. Sections without speech of their own are left out."""
    starts: list[tuple[str, float]] = []
    for title, offset in sections:
        start = next((s.start for s in info.sentences if s.char_end > offset), None)
        if start is None:
            continue
        start = 0.0 if not starts else start
        if starts and start <= starts[-1][1]:
            starts[-1] = (title, starts[-1][1])  # the previous section had no sentence of its own
            continue
        starts.append((title, start))
    ends = [s for _, s in starts[1:]] + [info.duration]
    return tuple(Chapter(title, start, end) for (title, start), end in zip(starts, ends, strict=True))
