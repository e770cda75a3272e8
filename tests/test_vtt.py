"""WebVTT (one cue per sentence) and read-along JSON from real espeak timings."""

from __future__ import annotations

import json
import re

import pytest

from audio.engine import SynthesisConfig, Timing
from audio.speak import SpeechInfo, synthesize
from audio.vtt import timestamp, timings_json, webvtt

SCRIPT = (
    "Die Feuerwehr rückte am Abend mit zwölf Fahrzeugen aus. Verletzt wurde niemand, "
    "aber die Wohnung ist nicht mehr bewohnbar, weil das Feuer auch das Treppenhaus und das Dach "
    "beschädigt hat und die Statik erst geprüft werden muss.\n"
    "Die Polizei ermittelt. Zeugen melden sich bitte bei der Wache <Nord> & Süd!"
)
CUE = re.compile(r"^(\d+)\n(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)\n((?:.+\n?)+)$")


def seconds(stamp: str) -> float:
    hours, minutes, rest = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


@pytest.fixture(scope="module")
def speech() -> SpeechInfo:
    return synthesize(SCRIPT, SynthesisConfig())


def parse(vtt: str) -> list[tuple[float, float, str]]:
    header, *blocks = vtt.strip("\n").split("\n\n")
    assert header == "WEBVTT"
    cues = []
    for block in blocks:
        match = CUE.match(block)
        assert match, block
        cues.append((seconds(match[2]), seconds(match[3]), match[4]))
    return cues


def test_one_cue_per_sentence_in_order_without_overlap(speech: SpeechInfo) -> None:
    vtt = webvtt(speech.sentences, SCRIPT)
    assert vtt.startswith("WEBVTT\n\n")
    cues = parse(vtt)
    assert len(cues) == len(speech.sentences) == 4
    for (start, end, _), (next_start, _, _) in zip(cues, cues[1:], strict=False):
        assert start < end <= next_start
    assert cues[-1][1] == pytest.approx(speech.duration, abs=0.001)
    texts = [" ".join(text.split("\n")) for _, _, text in cues]
    assert texts[0] == "Die Feuerwehr rückte am Abend mit zwölf Fahrzeugen aus."
    assert texts[3] == "Zeugen melden sich bitte bei der Wache &lt;Nord&gt; &amp; Süd!"


def test_long_sentences_wrap_at_65_characters(speech: SpeechInfo) -> None:
    cues = parse(webvtt(speech.sentences, SCRIPT))
    lines = [line for _, _, text in cues for line in text.split("\n")]
    assert max(len(line) for line in lines) <= 65
    assert len(cues[1][2].split("\n")) >= 3


def test_overlapping_and_empty_timings_are_repaired() -> None:
    text = "Eins. Zwei. Drei."
    timings = [Timing(0.0, 1.2, 0, 5), Timing(1.0, 2.0, 6, 11), Timing(2.0, 2.0, 12, 17)]
    cues = parse(webvtt(timings, text))
    assert [(s, e) for s, e, _ in cues] == [(0.0, 1.2), (1.2, 2.0)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "00:00:00.000"), (61.0005, "00:01:01.000"), (3661.5, "01:01:01.500"), (-1, "00:00:00.000")],
)
def test_timestamp(value: float, expected: str) -> None:
    assert timestamp(value) == expected


def test_timings_json_for_read_along(speech: SpeechInfo) -> None:
    data = json.loads(timings_json(speech.sentences, speech.words, SCRIPT))
    assert len(data["sentences"]) == 4
    words = data["words"]
    assert [w["text"] for w in words[:3]] == ["Die", "Feuerwehr", "rückte"]
    for word in words:
        assert SCRIPT[word["char_start"] : word["char_end"]] == word["text"]
        assert word["start"] < word["end"]
    assert [w["start"] for w in words] == sorted(w["start"] for w in words)
    assert all(a["end"] <= b["start"] + 0.001 for a, b in zip(words, words[1:], strict=False))
