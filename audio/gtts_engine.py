"""The online `gtts` engine: Google Translate's speech endpoint through the gTTS package.

gTTS sends one HTTPS request per piece of at most 100 characters and its own tokenizer cuts German
abbreviations at their full stops. So we cut the script ourselves: every sentence starts a new piece,
longer sentences are cut at clause marks or spaces (`audio.chunking`), and gTTS gets each piece with its
pre-processors and tokenizer switched off. Each request has a timeout; "429 Too Many Requests" is retried
with exponential back-off; anything else becomes a `SpeechError` naming the probable cause.

The service returns MP3, which we cannot decode without ffmpeg: the pieces are passed on as MP3 (loudness
normalisation applies only to PCM engines such as espeak), sentence timings are the summed durations of
their pieces (read by mutagen), and word timings are estimated by spreading each piece's duration over its
words in proportion to their length.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import Any

from gtts import gTTS, gTTSError
from mutagen import MutagenError
from mutagen.mp3 import MP3

from audio.chunking import Span, cut_span, sentence_spans
from audio.engine import AudioChunk, AudioEncoding, SpeechError, SynthesisConfig, Timing

MAX_PIECE_CHARS = 100  # gTTS.GOOGLE_TTS_MAX_CHARS
_WORD = re.compile(r"\w[^\s]*\w|\w", re.UNICODE)
_MP3_FILE: Any = MP3  # mutagen is untyped
_OFFLINE_HINT = "Zum Vorlesen ohne Internet setzen Sie KLARTEXT_TTS_ENGINE=espeak."


def _failure(exc: gTTSError, config: SynthesisConfig) -> SpeechError:
    host = f"translate.google.{config.gtts_tld}"
    response = exc.rsp
    if response is None:
        return SpeechError(
            f"Die Sprachausgabe gTTS braucht Internet, aber der Google-Sprachdienst ({host}) ist nicht "
            f"erreichbar (keine Verbindung oder Zeitüberschreitung nach {config.gtts_timeout_s:g} s). "
            + _OFFLINE_HINT
        )
    status = int(response.status_code)
    if status == 429:
        cause = (
            f"zu viele Anfragen (HTTP 429), auch nach {config.gtts_retries} Wiederholungen; "
            "später erneut versuchen"
        )
    elif status == 200:
        cause = (
            "die Antwort enthielt keine Audiodaten (Schnittstelle geändert oder Sprache nicht unterstützt)"
        )
    elif status >= 500:
        cause = f"Störung beim Dienst (HTTP {status}); später erneut versuchen"
    else:
        cause = f"Anfrage abgelehnt (HTTP {status}; Schnittstelle geändert oder Zugang gesperrt)"
    return SpeechError(f"Der Google-Sprachdienst ({host}) liefert keine Sprache: {cause}. " + _OFFLINE_HINT)


def _fetch(text: str, config: SynthesisConfig) -> bytes:
    """MP3 for one piece, retrying 429 answers after 1, 2, 4 … × `gtts_backoff_s` seconds."""
    tts = gTTS(
        text,
        lang=config.voice,
        tld=config.gtts_tld,
        lang_check=False,
        pre_processor_funcs=[],
        tokenizer_func=lambda piece: [piece],
        timeout=config.gtts_timeout_s,
    )
    attempt = 0
    while True:
        try:
            return b"".join(tts.stream())
        except gTTSError as exc:
            too_many = exc.rsp is not None and exc.rsp.status_code == 429
            if not too_many or attempt >= config.gtts_retries:
                raise _failure(exc, config) from exc
        time.sleep(config.gtts_backoff_s * 2**attempt)
        attempt += 1


def _duration(data: bytes) -> tuple[float, int]:
    try:
        info = _MP3_FILE(io.BytesIO(data)).info
    except MutagenError as exc:
        raise SpeechError(f"Der Google-Sprachdienst lieferte keine gültigen MP3-Daten ({exc}).") from exc
    return float(info.length), int(info.sample_rate)


def _estimated_words(text: str, piece: Span, start: float, duration: float) -> list[Timing]:
    matches = list(_WORD.finditer(text, piece[0], piece[1]))
    weights = [m.end() - m.start() + 1 for m in matches]
    total = sum(weights)
    words: list[Timing] = []
    elapsed = start
    for m, weight in zip(matches, weights, strict=True):
        length = duration * weight / total
        words.append(Timing(elapsed, elapsed + length, m.start(), m.end()))
        elapsed += length
    return words


class GttsEngine:
    """The `gtts` engine (see the module docstring)."""

    name = "gtts"
    encoding: AudioEncoding = "mp3"

    def stream(self, text: str, config: SynthesisConfig) -> Iterator[AudioChunk]:
        for sentence in sentence_spans(text):
            pieces = [
                p
                for p in cut_span(text, sentence, MAX_PIECE_CHARS)
                if any(c.isalnum() for c in text[p[0] : p[1]])
            ]
            audio: list[bytes] = []
            words: list[Timing] = []
            elapsed = 0.0
            sample_rate = 0
            for piece in pieces:
                mp3 = _fetch(text[piece[0] : piece[1]], config)
                duration, sample_rate = _duration(mp3)
                words.extend(_estimated_words(text, piece, elapsed, duration))
                audio.append(mp3)
                elapsed += duration
            if audio:
                yield AudioChunk(
                    data=b"".join(audio),
                    encoding=self.encoding,
                    sample_rate=sample_rate,
                    duration=elapsed,
                    sentences=(Timing(0.0, elapsed, sentence[0], sentence[1]),),
                    words=tuple(words),
                )
