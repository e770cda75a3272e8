"""Sentence and word segmentation: golden table, offsets, dateline, words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simplify.segment import Word, dateline_span, split_sentences, word_form, words

GOLDEN: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "segmentation_golden.json").read_text("utf-8")
)


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case["text"], case["sentences"], id=case["note"], marks=marks)


def test_golden_table_is_large_enough() -> None:
    assert len(GOLDEN) >= 80


@pytest.mark.parametrize(("text", "expected"), [_param(case) for case in GOLDEN])
def test_golden_sentences(text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [_param(case) for case in GOLDEN if "xfail" not in case])
def test_golden_offsets_are_exact(text: str, expected: list[str]) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


_ALPHABET = st.sampled_from(
    list("abcäößXYZ 0123456789.,!?:;„“()–-•\n\r\u2028") + ["Dr. ", "z. B. ", "12. ", "\n\n", "\n  "]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_sentences_are_ordered_disjoint_and_exact(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        previous_end = sentence.end


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Das ist (v.l.n.r.) gut.“", ["Das", "ist", "v.l.n.r", "gut"]),
        ("z. B. 5.300,25 € und 6,1 %", ["z", "B", "5.300,25", "und", "6,1"]),
        ("Mo.–Do. ab 14:30 Uhr", ["Mo", "Do", "ab", "14:30", "Uhr"]),
        ("Nordrhein-Westfalen, die KI.Werk-GmbH", ["Nordrhein-Westfalen", "die", "KI.Werk-GmbH"]),
        ("Mail an presse@example.de!", ["Mail", "an", "presse@example.de"]),
        ("– § ... „“", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    found = words(text)
    assert [word.text for word in found] == expected
    assert all(text[word.start : word.end] == word.text for word in found)


def test_word_hyphenated_across_line_break_is_one_word() -> None:
    text = "die Qualifi-\n  zierung und Presse- und Öffentlichkeitsarbeit"
    found = words(text)
    assert found[1] == Word(4, 22, "Qualifi-\n  zierung")
    assert word_form(found[1].text) == "Qualifizierung"
    assert [word.text for word in found[2:]] == ["und", "Presse", "und", "Öffentlichkeitsarbeit"]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Duisburg, 12. November 2024. Die Stadt wächst.", "Die Stadt wächst."),
        ("Bad Kaltenbrunn, 02. Juni 2025. Das Hitzetelefon startet.", "Das Hitzetelefon startet."),
        ("Seltental, 13.03.2025 – Der Rat tagt.", "Der Rat tagt."),
        ("Duisburg, den 1. Dez. 2024: Neu ist", "Neu ist"),
        ("Titel\n\nDuisburg, 12. November 2024. Die Stadt wächst.", "Die Stadt wächst."),
    ],
)
def test_dateline_is_found(text: str, rest: str) -> None:
    span = dateline_span(text)
    assert span is not None
    assert text[: span[0]].strip() in ("", "Titel")
    assert text[span[1] :] == rest


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt wächst, 12. November 2024 ist der Stichtag.",
        "Am 12. November 2024. Danach",
        "Er kam. Sie ging.",
        "Wir kommen am\nMontag, 12. November 2024. Danach",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_span(text) is None
