"""The espeak engine, driven for real: PCM, word and sentence timings, rate, errors."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from audio.engine import AudioChunk, SpeechError, SynthesisConfig, get_engine
from audio.speak import synthesize

TEXT = "Die Stadt Köln eröffnet heute ein Museum. Das ist schön!\nWie geht es weiter? Gut, danke."
WORDS = re.findall(r"\w+", TEXT)
SENTENCES = [
    "Die Stadt Köln eröffnet heute ein Museum.",
    "Das ist schön!",
    "Wie geht es weiter?",
    "Gut, danke.",
]


def speak(text: str, **settings: object) -> list[AudioChunk]:
    return list(get_engine("espeak").stream(text, SynthesisConfig(**settings)))  # type: ignore[arg-type]


def test_pcm_chunks_per_line() -> None:
    chunks = speak(TEXT)
    assert len(chunks) == 2  # one call per line
    for chunk in chunks:
        assert chunk.encoding == "pcm_s16le"
        assert chunk.sample_rate == 22050
        assert len(chunk.data) % 2 == 0
        assert chunk.duration == pytest.approx(len(chunk.data) / 2 / 22050)
        assert 0.5 < chunk.duration < 8


def test_word_spans_point_at_the_words_even_after_umlauts() -> None:
    words = [w for chunk in speak(TEXT) for w in chunk.words]
    assert [TEXT[w.char_start : w.char_end] for w in words] == WORDS


def test_sentence_spans_and_times() -> None:
    chunks = speak(TEXT)
    sentences = [s for chunk in chunks for s in chunk.sentences]
    assert [TEXT[s.char_start : s.char_end] for s in sentences] == SENTENCES
    for chunk in chunks:
        starts = [s.start for s in chunk.sentences]
        assert starts[0] == 0.0
        assert all(
            a.end == pytest.approx(b.start)
            for a, b in zip(chunk.sentences, chunk.sentences[1:], strict=False)
        )
        assert chunk.sentences[-1].end == pytest.approx(chunk.duration)


def test_word_timings_are_monotonic_and_inside_the_chunk() -> None:
    for chunk in speak(TEXT):
        for word, following in zip(chunk.words, chunk.words[1:], strict=False):
            assert 0 <= word.start < word.end <= following.start + 1e-9
        assert chunk.words[-1].end <= chunk.duration + 1e-9


def test_faster_rate_is_shorter() -> None:
    slow = sum(c.duration for c in speak(TEXT, rate_wpm=120))
    fast = sum(c.duration for c in speak(TEXT, rate_wpm=300))
    assert fast < slow * 0.6


def test_rate_outside_range_is_refused_in_german() -> None:
    with pytest.raises(SpeechError, match="Sprechtempo"):
        SynthesisConfig(rate_wpm=20)


def test_unknown_voice_names_the_cause() -> None:
    with pytest.raises(SpeechError, match="espeak-Stimme 'xx-gibtsnicht'"):
        speak("Hallo Welt.", voice="xx-gibtsnicht")


def test_unknown_engine_names_the_setting() -> None:
    with pytest.raises(SpeechError, match="KLARTEXT_TTS_ENGINE"):
        get_engine("piper")


@pytest.mark.parametrize("text", ["😀🎉", "★ ■ → …", "   \n\t ", "", "–—!?"])
def test_nothing_readable_is_a_german_error(text: str) -> None:
    with pytest.raises(SpeechError, match="Der Text enthält nichts Vorlesbares"):
        synthesize(text, SynthesisConfig())


@pytest.mark.parametrize("text", ["Łódź und Αθήνα 😀 sind Städte.", "Null\x00Byte im Text.", "x"])
def test_odd_characters_do_not_crash(text: str) -> None:
    chunks = speak(text)
    words = [w for c in chunks for w in c.words]
    assert words
    assert all(0 <= w.char_start <= w.char_end <= len(text) for w in words)


def test_concurrent_calls_are_serialised() -> None:
    texts = [f"Satz Nummer {n} von vielen, gesprochen im Thread." for n in ("eins", "zwei", "drei", "vier")]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(speak, texts * 2))
    for text, chunks in zip(texts * 2, results, strict=True):
        assert [text[w.char_start : w.char_end] for c in chunks for w in c.words] == re.findall(r"\w+", text)
