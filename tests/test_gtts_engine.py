"""The gtts engine against a loopback fake of Google's batchexecute endpoint (no internet involved).

The fake decodes the `f.req` form field like the real service, records each piece of text, and answers
with a real (lameenc-made) MP3 in the service's response format, or with 429 when told to.
"""

from __future__ import annotations

import base64
import io
import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import lameenc
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mutagen.mp3 import MP3

from audio.chunking import chunk_spans
from audio.engine import SpeechError, SynthesisConfig
from audio.speak import synthesize

CONFIG = SynthesisConfig(engine="gtts", gtts_backoff_s=0.001, gtts_timeout_s=5.0)
LONG_SENTENCE = (
    "Die Stadt Lindenhagen hat am zwölften November ihren Haushalt für das kommende Jahr beschlossen, "
    "und zwar mit großer Mehrheit, nach einer langen Debatte im Rat, die bis in den späten Abend dauerte."
)
SCRIPT = f"{LONG_SENTENCE} Der Rat tagt wieder im Januar.\nMehr steht im Internet."


def tone_mp3(seconds: float) -> bytes:
    """A short MP3 like the service's: mono 24 kHz, 32 kbit/s."""
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(24000)
    encoder.set_channels(1)
    encoder.set_bit_rate(32)
    samples = (np.sin(np.arange(int(24000 * seconds)) * 0.06) * 6000).astype("<i2")
    return bytes(encoder.encode(samples.tobytes()) + encoder.flush())


@dataclass
class Fake:
    """Behaviour and record of the fake service."""

    url: str = ""
    pieces: list[str] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    refuse_first: int = 0  # answer 429 to this many requests before serving
    mp3: bytes = field(default_factory=lambda: tone_mp3(0.6))


def handler_for(fake: Fake) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server naming)
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            request = json.loads(urllib.parse.parse_qs(body)["f.req"][0])
            text = json.loads(request[0][0][1])[0]
            if len(fake.statuses) < fake.refuse_first:
                fake.statuses.append(429)
                self.send_response(429)
                self.end_headers()
                return
            fake.statuses.append(200)
            fake.pieces.append(text)
            audio = json.dumps([base64.b64encode(fake.mp3).decode()])
            line = json.dumps(
                [["wrb.fr", "jQ1olc", audio, None, None, None, "generic"]], separators=(",", ":")
            )
            payload = f")]}}'\n\n{len(line)}\n{line}\n".encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


def point_gtts_at(monkeypatch: pytest.MonkeyPatch, base: str) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("gtts.tts._translate_url", lambda tld="com", path="": f"{base}/{path}")


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[Fake]:
    record = Fake()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(record))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    record.url = f"http://127.0.0.1:{server.server_address[1]}"
    point_gtts_at(monkeypatch, record.url)
    yield record
    server.shutdown()
    server.server_close()
    thread.join()


def test_pieces_are_sentence_aware_and_at_most_100_characters(fake: Fake) -> None:
    speech = synthesize(SCRIPT, CONFIG)
    assert all(0 < len(p) <= 100 for p in fake.pieces)
    assert " ".join(fake.pieces) == " ".join(SCRIPT.split())  # nothing lost, nothing added
    assert "Der Rat tagt wieder im Januar." in fake.pieces  # a sentence is never merged with another
    assert fake.pieces[-1] == "Mehr steht im Internet."
    assert fake.pieces[0].endswith(",")  # the long sentence is cut after a clause
    assert len(fake.pieces) == 4
    assert len(speech.sentences) == 3


def test_mp3_and_estimated_timings(fake: Fake) -> None:
    speech = synthesize(SCRIPT, CONFIG)
    piece = MP3(io.BytesIO(fake.mp3)).info.length  # type: ignore[attr-defined]
    assert speech.engine == "gtts"
    assert speech.duration == pytest.approx(4 * piece)
    assert MP3(io.BytesIO(speech.mp3)).info.length == pytest.approx(speech.duration, abs=0.1)  # type: ignore[attr-defined]
    first, second, third = speech.sentences
    assert (first.start, first.end) == pytest.approx((0.0, 2 * piece))
    assert second.start == pytest.approx(first.end)
    assert SCRIPT[third.char_start : third.char_end] == "Mehr steht im Internet."
    words = speech.words
    assert [SCRIPT[w.char_start : w.char_end] for w in words[-4:]] == ["Mehr", "steht", "im", "Internet"]
    assert all(a.end == pytest.approx(b.start) for a, b in zip(words, words[1:], strict=False))
    assert words[-1].end == pytest.approx(speech.duration)


def test_429_is_retried_with_backoff_then_succeeds(fake: Fake) -> None:
    fake.refuse_first = 2
    speech = synthesize("Ein kurzer Satz.", CONFIG)
    assert fake.statuses == [429, 429, 200]
    assert fake.pieces == ["Ein kurzer Satz."]
    assert speech.duration > 0


def test_429_forever_is_a_german_error(fake: Fake) -> None:
    fake.refuse_first = 1000
    with pytest.raises(SpeechError, match="HTTP 429") as error:
        synthesize("Ein kurzer Satz.", SynthesisConfig(engine="gtts", gtts_retries=3, gtts_backoff_s=0.001))
    assert "KLARTEXT_TTS_ENGINE=espeak" in str(error.value)
    assert fake.statuses == [429] * 4


def test_unreachable_service_names_the_cause(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    point_gtts_at(monkeypatch, f"http://127.0.0.1:{port}")
    with pytest.raises(SpeechError) as error:
        synthesize("Ein kurzer Satz.", CONFIG)
    message = str(error.value)
    assert message.startswith("Die Sprachausgabe gTTS braucht Internet")
    assert "setzen Sie KLARTEXT_TTS_ENGINE=espeak" in message


def test_symbols_only_never_reach_the_service(fake: Fake) -> None:
    with pytest.raises(SpeechError, match="nichts Vorlesbares"):
        synthesize("★ 😀 …", CONFIG)
    assert fake.statuses == []


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("abcÄöß XYZ09.,;:!?\n–\"'"), max_size=400),
    max_chars=st.integers(min_value=1, max_value=120),
    pack=st.booleans(),
)
def test_chunk_spans_cover_the_text_in_order(text: str, max_chars: int, pack: bool) -> None:
    spans = chunk_spans(text, max_chars, pack=pack)
    assert all(0 <= start < end <= len(text) and end - start <= max_chars for start, end in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert "".join("".join(text[s:e] for s, e in spans).split()) == "".join(text.split())


def test_sentences_are_cut_at_clauses_then_spaces() -> None:
    text = "Erster Satz. Zweiter Satz, der lang ist; sehr lang.\nDritter"
    assert [text[s:e] for s, e in chunk_spans(text, 20, pack=False)] == [
        "Erster Satz.",
        "Zweiter Satz,",
        "der lang ist;",
        "sehr lang.",
        "Dritter",
    ]
    assert [text[s:e] for s, e in chunk_spans(text, 60, pack=True)] == [
        "Erster Satz. Zweiter Satz, der lang ist; sehr lang.",
        "Dritter",
    ]
