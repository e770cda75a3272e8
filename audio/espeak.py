"""The offline default voice: libespeak-ng from the `espeakng-loader` wheel, driven through ctypes.

The library runs in synchronous mode (no audio device): all PCM of one `espeak_Synth` call arrives through
the synth callback before the call returns, together with WORD, SENTENCE and END events. Event
`text_position` is a 1-based code-point index into the UTF-8 input, `sample` the sample index from the start
of the call. libespeak-ng keeps process-global state (voice, rate, callback), so every call runs under one
lock; the script is fed in pieces of whole sentences from one line, at most `MAX_CHUNK_CHARS` (about
35 s of speech), which keeps memory bounded and lets a line break end in a natural pause.

espeak-ng is GPL-3.0-or-later; the wheel ships no licence file, so the project's NOTICE has to name it.
"""

from __future__ import annotations

import ctypes
import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from audio.chunking import chunk_spans
from audio.engine import AudioChunk, AudioEncoding, SpeechError, SynthesisConfig, Timing

MAX_CHUNK_CHARS = 500

_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_RATE = 1
_EVENT_LIST_TERMINATED = 0
_EVENT_WORD = 1
_EVENT_SENTENCE = 2
_EVENT_END = 5


class _EventId(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _EventId),
    ]


_SynthCallback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


@dataclass
class _Sink:
    """What the callback collected during one `espeak_Synth` call."""

    pcm: list[bytes] = field(default_factory=list)
    events: list[tuple[int, int, int, int]] = field(default_factory=list)  # type, position, length, sample


class _Library:
    """The loaded library with its lock; one per process (see `_library`)."""

    def __init__(self) -> None:
        try:
            import espeakng_loader

            self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data_dir = os.path.dirname(espeakng_loader.get_data_path())
        except (ImportError, OSError) as exc:
            raise SpeechError(
                "Die Sprachausgabe espeak ist nicht installiert oder lässt sich nicht laden "
                f"(Paket espeakng-loader): {exc}"
            ) from exc
        self.lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        self.sample_rate: int = self.lib.espeak_Initialize(_OUTPUT_SYNCHRONOUS, 0, data_dir.encode(), 0)
        if self.sample_rate <= 0:
            raise SpeechError(f"espeak konnte seine Sprachdaten in {data_dir} nicht laden.")
        self.lock = threading.Lock()
        self.sink = _Sink()
        self._callback = _SynthCallback(self._collect)  # keep a reference: the library calls it later

    def _collect(self, wav: ctypes._Pointer[ctypes.c_short], count: int, events: ctypes.Array[_Event]) -> int:
        if wav and count > 0:
            self.sink.pcm.append(ctypes.string_at(wav, count * 2))
        i = 0
        while events[i].type != _EVENT_LIST_TERMINATED:
            e = events[i]
            if e.type in (_EVENT_WORD, _EVENT_SENTENCE, _EVENT_END):
                self.sink.events.append((e.type, e.text_position, e.length, e.sample))
            i += 1
        return 0

    def synth(self, text: str, voice: str, rate_wpm: int) -> _Sink:
        """Speak `text`; caller holds `lock`. Callback, voice and rate are set on every call (80 µs) in
        case other code in the process has used the library in between."""
        self.lib.espeak_SetSynthCallback(self._callback)
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise SpeechError(f"Die espeak-Stimme {voice!r} gibt es nicht (für Deutsch: 'de').")
        self.lib.espeak_SetParameter(_RATE, rate_wpm, 0)
        self.sink = _Sink()
        data = text.encode("utf-8")
        status = self.lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
        self.lib.espeak_Synchronize()
        if status != 0:
            raise SpeechError(f"espeak hat die Ausgabe mit Fehlercode {status} abgebrochen.")
        return self.sink


_LOADING = threading.Lock()  # lru_cache alone could run two first calls at once and load the library twice


def _library() -> _Library:
    with _LOADING:
        return _loaded()


@functools.lru_cache(maxsize=1)
def _loaded() -> _Library:
    return _Library()


def _timings(
    events: list[tuple[int, int, int, int]], total: int, rate: int, offset: int, limit: int
) -> tuple[tuple[Timing, ...], tuple[Timing, ...]]:
    """Sentence and word timings from the events of one call on `text[offset:limit]`.

    A word lasts until the next event (so it includes the pause after it); a sentence from its SENTENCE
    event to the next one, its text up to the position of its last END event.
    """

    def char(position: int) -> int:
        return min(max(offset + position - 1, offset), limit)

    words: list[Timing] = []
    sentences: list[Timing] = []
    open_sentence: tuple[int, int] | None = None  # (sample, char_start)
    sentence_char_end = offset
    for i, (kind, position, length, sample) in enumerate(events):
        following = events[i + 1][3] if i + 1 < len(events) else total
        if kind == _EVENT_WORD:
            start = char(position)
            end = char(position + length)
            words.append(Timing(sample / rate, following / rate, start, max(end, start)))
            sentence_char_end = max(sentence_char_end, end)
        elif kind == _EVENT_END:
            sentence_char_end = max(sentence_char_end, char(position))
        elif kind == _EVENT_SENTENCE:
            if open_sentence:
                sentences.append(
                    Timing(open_sentence[0] / rate, sample / rate, open_sentence[1], sentence_char_end)
                )
            open_sentence = (sample, char(position))
            sentence_char_end = open_sentence[1]
    if open_sentence:
        sentences.append(Timing(open_sentence[0] / rate, total / rate, open_sentence[1], sentence_char_end))
    return tuple(sentences), tuple(words)


class EspeakEngine:
    """The `espeak` engine (see the module docstring)."""

    name = "espeak"
    encoding: AudioEncoding = "pcm_s16le"

    def stream(self, text: str, config: SynthesisConfig) -> Iterator[AudioChunk]:
        library = _library()
        clean = text.replace("\x00", " ")
        for start, end in chunk_spans(clean, MAX_CHUNK_CHARS, pack=True):
            with library.lock:
                sink = library.synth(clean[start:end], config.voice, config.rate_wpm)
            pcm = b"".join(sink.pcm)
            total = len(pcm) // 2
            sentences, words = _timings(sink.events, total, library.sample_rate, start, end)
            yield AudioChunk(
                data=pcm,
                encoding=self.encoding,
                sample_rate=library.sample_rate,
                duration=total / library.sample_rate,
                sentences=tuple(_tidy(clean, s, end) for s in sentences),
                words=words,
            )


_CLOSING = frozenset(".!?…:;,\"'»«“”‘’)]")


def _tidy(text: str, timing: Timing, limit: int) -> Timing:
    """A sentence span without trailing white space and with its closing punctuation (at the end of a
    piece espeak reports the END event one character early)."""
    end = timing.char_end
    while end > timing.char_start and text[end - 1].isspace():
        end -= 1
    while end < limit and text[end] in _CLOSING:
        end += 1
    return Timing(timing.start, timing.end, timing.char_start, end)
