"""The speech-engine interface: configuration, audio chunks with timings, and engine lookup.

An engine turns a spoken script (already normalised for speech) into a stream of `AudioChunk`s. Each chunk
carries its own audio and the sentence and word timings inside it; a writer (`audio.speak`) joins the
chunks, normalises loudness and encodes MP3. Engines hold no per-call state: everything that changes the
output is in `SynthesisConfig`, which is also what the audio cache key is computed from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

AudioEncoding = Literal["pcm_s16le", "mp3"]

ENGINE_NAMES = ("espeak", "gtts")


class SpeechError(Exception):
    """Speech could not be produced; the message (German) names the probable cause for the editor."""


@dataclass(frozen=True)
class SynthesisConfig:
    """Everything that changes the audio output of a synthesis run.

    Defaults: espeak's German voice at 160 words per minute (espeak's own default of 175 is fast for
    listeners who are new to a topic); loudness at the podcast-usual -16 LUFS with 1 dB headroom for
    the true peak; 64 kbps mono, plenty for one synthetic voice. The gTTS fields only matter for that
    engine: the Google host's top-level domain, the per-request timeout, and how often and how patiently
    a "429 Too Many Requests" answer is retried (the wait doubles each time).
    """

    engine: str = "espeak"
    voice: str = "de"
    rate_wpm: int = 160
    target_lufs: float = -16.0
    true_peak_dbtp: float = -1.0
    bitrate_kbps: int = 64
    mp3_quality: int = 5
    gtts_tld: str = "de"
    gtts_timeout_s: float = 15.0
    gtts_retries: int = 4
    gtts_backoff_s: float = 1.0

    def __post_init__(self) -> None:
        if self.engine not in ENGINE_NAMES:
            raise SpeechError(
                f"Unbekannte Sprachausgabe {self.engine!r}: möglich sind {', '.join(ENGINE_NAMES)} "
                "(Einstellung KLARTEXT_TTS_ENGINE)."
            )
        if not 80 <= self.rate_wpm <= 450:
            raise SpeechError(
                f"Sprechtempo {self.rate_wpm} Wörter pro Minute liegt außerhalb von 80 bis 450."
            )
        if self.bitrate_kbps not in (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192):
            raise SpeechError(f"MP3-Bitrate {self.bitrate_kbps} kbit/s wird für 44,1 kHz nicht unterstützt.")


@dataclass(frozen=True)
class Timing:
    """A stretch of speech: `start`/`end` in seconds; `char_start`/`char_end` a half-open script span."""

    start: float
    end: float
    char_start: int
    char_end: int

    def shifted(self, seconds: float) -> Timing:
        """The same timing `seconds` later (chunk-relative → track-relative)."""
        return Timing(self.start + seconds, self.end + seconds, self.char_start, self.char_end)


@dataclass(frozen=True)
class AudioChunk:
    """One piece of synthesised audio.

    `data` is 16-bit little-endian mono PCM at `sample_rate` for PCM engines, or complete MP3 frames for
    engines that only deliver MP3 (gTTS). Timings are relative to the start of this chunk; their
    character spans index the whole script passed to `Engine.stream`.
    """

    data: bytes
    encoding: AudioEncoding
    sample_rate: int
    duration: float
    sentences: tuple[Timing, ...]
    words: tuple[Timing, ...]


class Engine(Protocol):
    """A speech engine. `stream` yields chunks in script order; it raises `SpeechError` on failure."""

    @property
    def name(self) -> str: ...

    @property
    def encoding(self) -> AudioEncoding: ...

    def stream(self, text: str, config: SynthesisConfig) -> Iterator[AudioChunk]: ...


def get_engine(name: str) -> Engine:
    """The engine called `name` ("espeak" or "gtts").

    Engines that need a user-supplied voice file (such as Piper) would be added here: a module with a class
    satisfying `Engine`, reading the voice path from the config, and a name in `ENGINE_NAMES`.
    """
    if name == "espeak":
        from audio.espeak import EspeakEngine

        return EspeakEngine()
    if name == "gtts":
        from audio.gtts_engine import GttsEngine

        return GttsEngine()
    raise SpeechError(
        f"Unbekannte Sprachausgabe {name!r}: möglich sind {', '.join(ENGINE_NAMES)} "
        "(Einstellung KLARTEXT_TTS_ENGINE)."
    )
