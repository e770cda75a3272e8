"""MP3 encoding, loudness, tags and the speech pipeline, with the real espeak voice."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from scipy.signal import resample_poly

from audio.engine import SynthesisConfig
from audio.mp3 import LoudnessMeter, Mp3Encoder, level, pcm_to_float
from audio.speak import SpeechInfo, cache_key, chapters, pcm_stream, synthesize, write_mp3
from audio.tags import Chapter, EpisodeTags, write_tags

SCRIPT = (
    "Die Stadt Lindenhagen hat am zwölften November zweitausendvierundzwanzig ihren Haushalt beschlossen. "
    "Der Rat stimmte mit großer Mehrheit zu.\n"
    "Für Schulen und Kitas gibt es dreißig Millionen Euro mehr als im Vorjahr. "
    "Die Bürgermeisterin sagte, das sei ein gutes Zeichen für die Familien in der Stadt.\n"
    "Pressekontakt: Anna Weber, Pressestelle der Stadt."
)
CONFIG = SynthesisConfig()
RATE = 22050


def true_peak(samples: np.ndarray) -> float:
    return float(20 * np.log10(np.abs(resample_poly(samples, 4, 1)).max()))


@pytest.fixture(scope="module")
def speech() -> SpeechInfo:
    return synthesize(SCRIPT, CONFIG)


@pytest.fixture(scope="module")
def levelled() -> np.ndarray:
    return np.concatenate([pcm_to_float(c.data) for c in pcm_stream(SCRIPT, CONFIG)])


def test_mp3_is_mpeg1_44k_mono_cbr(speech: SpeechInfo) -> None:
    info = MP3(io.BytesIO(speech.mp3)).info  # type: ignore[attr-defined]
    assert info.version == 1 and info.layer == 3
    assert info.sample_rate == 44100
    assert info.channels == 1
    assert info.bitrate == 64000
    assert info.length == pytest.approx(speech.sentences[-1].end, abs=0.3)
    assert info.length == pytest.approx(speech.duration, abs=0.3)
    assert speech.engine == "espeak" and speech.voice == "de"


def test_timings_cover_the_script(speech: SpeechInfo) -> None:
    assert len(speech.sentences) == 5
    assert SCRIPT[speech.sentences[0].char_start : speech.sentences[0].char_end].startswith("Die Stadt")
    starts = [w.start for w in speech.words]
    assert starts == sorted(starts)
    assert all(SCRIPT[w.char_start : w.char_end].isalnum() for w in speech.words)
    assert speech.sentences[-1].end == pytest.approx(speech.duration)


def test_loudness_is_minus_16_lufs_with_true_peak_below_minus_1(levelled: np.ndarray) -> None:
    assert pyloudnorm.Meter(RATE).integrated_loudness(levelled) == pytest.approx(-16.0, abs=1.0)
    assert true_peak(levelled) <= -1.0


def test_louder_target_is_honoured() -> None:
    config = SynthesisConfig(target_lufs=-20.0, true_peak_dbtp=-3.0)
    samples = np.concatenate([pcm_to_float(c.data) for c in pcm_stream(SCRIPT, config)])
    assert pyloudnorm.Meter(RATE).integrated_loudness(samples) == pytest.approx(-20.0, abs=1.0)
    assert true_peak(samples) <= -3.0


def test_quiet_target_needs_no_limiter_and_is_exact() -> None:
    samples = np.concatenate(
        [pcm_to_float(c.data) for c in pcm_stream(SCRIPT, SynthesisConfig(target_lufs=-30.0))]
    )
    assert pyloudnorm.Meter(RATE).integrated_loudness(samples) == pytest.approx(-30.0, abs=0.1)
    assert true_peak(samples) < -6.0


def test_streaming_meter_agrees_with_pyloudnorm() -> None:
    rng = np.random.default_rng(7)
    signal = rng.normal(0, 0.05, RATE * 6) * np.repeat(rng.uniform(0, 2, 30), RATE // 5)
    meter = LoudnessMeter(RATE)
    for piece in np.array_split(signal, 7):  # uneven pieces: filter state and segments carry over
        meter.add(piece)
    measured = meter.integrated_lufs()
    assert measured is not None
    assert measured == pytest.approx(pyloudnorm.Meter(RATE).integrated_loudness(signal), abs=0.05)


def test_silence_is_not_measurable() -> None:
    meter = LoudnessMeter(RATE)
    meter.add(np.zeros(RATE * 2))
    assert meter.integrated_lufs() is None


def test_limiter_keeps_true_peak_under_ceiling() -> None:
    t = np.arange(RATE * 8) / RATE  # longer than one of the limiter's work blocks
    tone = (
        0.5 * np.sin(2 * np.pi * 5000.3 * t) * (t > 0.5) * (1 + 0.5 * np.sin(t))
    )  # intersample peaks, onset
    out = level(tone, 12.0, -1.0, RATE)
    assert true_peak(out) <= -1.0
    assert np.abs(out[: RATE // 2]).max() == 0.0
    assert true_peak(out) > -2.0  # limited, not just turned down
    quiet = level(tone, -12.0, -1.0, RATE)
    assert np.allclose(quiet, tone * 10 ** (-12 / 20))  # below the ceiling: gain only


def test_rerun_path_matches_buffered_path() -> None:
    buffered, rerun = io.BytesIO(), io.BytesIO()
    a = write_mp3(SCRIPT, CONFIG, buffered)
    b = write_mp3(SCRIPT, CONFIG, rerun, buffer_seconds=0.0)
    assert b.duration == pytest.approx(a.duration, rel=0.02)
    assert len(b.sentences) == len(a.sentences) and len(b.words) == len(a.words)
    samples = np.concatenate([pcm_to_float(c.data) for c in pcm_stream(SCRIPT, CONFIG, buffer_seconds=0.0)])
    assert pyloudnorm.Meter(RATE).integrated_loudness(samples) == pytest.approx(-16.0, abs=1.0)


class CountingSink(io.RawIOBase):
    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.size += len(data)
        return len(data)


def peak_memory(paragraphs: int) -> tuple[int, int]:
    text = "\n".join([SCRIPT.splitlines()[1]] * paragraphs)
    sink = CountingSink()
    tracemalloc.start()
    write_mp3(text, CONFIG, sink, buffer_seconds=0.0)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, sink.size


def test_memory_does_not_grow_with_text_length() -> None:
    short_peak, short_size = peak_memory(2)
    long_peak, long_size = peak_memory(8)
    extra_seconds = (long_size - short_size) * 8 / 64000  # CBR 64 kbit/s
    extra_pcm = extra_seconds * RATE * 2  # what keeping the extra 16-bit PCM would cost
    assert extra_seconds > 40
    assert long_peak - short_peak < 0.25 * extra_pcm


def test_encoder_alone() -> None:
    encoder = Mp3Encoder(RATE)
    tone = (np.sin(np.arange(RATE) * 0.05) * 8000).astype("<i2").tobytes()
    data = encoder.encode(tone) + encoder.flush()
    assert MP3(io.BytesIO(data)).info.length == pytest.approx(1.0, abs=0.1)  # type: ignore[attr-defined]


TAGS = EpisodeTags(
    title="Haushalt beschlossen",
    artist="Stadt Lindenhagen",
    album="Pressemitteilungen Lindenhagen",
    date="2024-11-12",
    transcript=SCRIPT,
    chapters=(Chapter("Beschluss", 0.0, 4.0), Chapter("Schulen", 4.0, 9.5)),
    cover=b"\x89PNG\r\n\x1a\nnot really",
    cover_mime="image/png",
)


def check_tags(id3: ID3) -> None:
    assert id3.version == (2, 4, 0)
    assert id3["TIT2"].text == ["Haushalt beschlossen"]
    assert id3["TPE1"].text == ["Stadt Lindenhagen"]
    assert id3["TALB"].text == ["Pressemitteilungen Lindenhagen"]
    assert str(id3["TDRC"].text[0]) == "2024-11-12"
    assert id3["TLAN"].text == ["deu"]
    (uslt,) = id3.getall("USLT")
    assert uslt.lang == "deu" and uslt.text == SCRIPT
    (toc,) = id3.getall("CTOC")
    assert toc.child_element_ids == ["ch0", "ch1"]
    chaps = sorted(id3.getall("CHAP"), key=lambda c: c.start_time)
    assert [(c.element_id, c.start_time, c.end_time) for c in chaps] == [
        ("ch0", 0, 4000),
        ("ch1", 4000, 9500),
    ]
    assert [c.sub_frames["TIT2"].text for c in chaps] == [["Beschluss"], ["Schulen"]]
    (apic,) = id3.getall("APIC")
    assert apic.mime == "image/png" and apic.data == TAGS.cover and apic.type == 3


def test_tags_on_bytes_read_back(speech: SpeechInfo) -> None:
    tagged = write_tags(speech.mp3, TAGS)  # type: ignore[attr-defined]
    check_tags(ID3(io.BytesIO(tagged)))
    assert MP3(io.BytesIO(tagged)).info.length == pytest.approx(speech.duration, abs=0.3)


def test_tags_on_a_path_replace_old_tags(speech: SpeechInfo, tmp_path: Path) -> None:
    path = tmp_path / "episode.mp3"
    path.write_bytes(write_tags(speech.mp3, TAGS))  # type: ignore[attr-defined]
    assert write_tags(path, TAGS) is None
    check_tags(ID3(path))
    assert len(ID3(path).getall("TIT2")) == 1


def test_synthesize_with_tags(speech: SpeechInfo) -> None:
    result = synthesize("Kurzer Text zum Schluss.", CONFIG, tags=TAGS)
    check_tags(ID3(io.BytesIO(result.mp3)))


def test_chapters_follow_sections(speech: SpeechInfo) -> None:
    lines = SCRIPT.splitlines(keepends=True)
    sections = [
        ("Beschluss", 0),
        ("Leer", len(lines[0])),
        ("Schulen", len(lines[0])),
        ("Kontakt", SCRIPT.index("Presse")),
    ]
    result = chapters(speech, sections)
    assert [c.title for c in result] == ["Beschluss", "Schulen", "Kontakt"]
    assert result[0].start == 0.0 and result[-1].end == speech.duration
    assert result[1].start == speech.sentences[2].start and result[2].start == speech.sentences[4].start
    EpisodeTags("t", "a", "b", "2025-01-01", chapters=result)  # accepted: ordered, non-empty


def test_chapters_out_of_order_are_refused() -> None:
    with pytest.raises(ValueError):
        EpisodeTags("t", "a", "b", "2025-01-01", chapters=(Chapter("B", 5, 6), Chapter("A", 0, 5)))


def test_cache_key_changes_with_every_input() -> None:
    base = cache_key(SCRIPT, CONFIG, "1")
    assert base == cache_key(SCRIPT, SynthesisConfig(), "1")
    assert len(base) == 64 and int(base, 16) >= 0
    others = {
        cache_key(SCRIPT + " ", CONFIG, "1"),
        cache_key(SCRIPT, SynthesisConfig(rate_wpm=170), "1"),
        cache_key(SCRIPT, SynthesisConfig(engine="gtts"), "1"),
        cache_key(SCRIPT, CONFIG, "2"),
    }
    assert base not in others and len(others) == 4
