"""Podcasting 2.0 JSON chapters from section titles and start times."""

from __future__ import annotations

import json
import math

import pytest

from webapp.chapters import (
    CHAPTERS_VERSION,
    Chapter,
    ChapterError,
    chapters_document,
    chapters_from_sections,
    chapters_json,
    clean_lines,
    clean_text,
    npt_timestamp,
)


def test_sections_become_chapters_ending_where_the_next_starts() -> None:
    chapters = chapters_from_sections(
        [("Überblick", 0), ("Zitat der Bürgermeisterin", 12.25), ("Kontakt", 40)]
    )
    assert chapters == (
        Chapter("Überblick", 0.0, 12.25),
        Chapter("Zitat der Bürgermeisterin", 12.25, 40.0),
        Chapter("Kontakt", 40.0, None),
    )


def test_json_document_has_the_spec_shape() -> None:
    chapters = chapters_from_sections([("Überblick", 0), ("Kontakt", 40.1234)], duration=61.5)
    data = chapters_json(chapters)
    assert json.loads(data) == {
        "version": "1.2.0",
        "chapters": [
            {"startTime": 0, "title": "Überblick", "endTime": 40.123},
            {"startTime": 40.123, "title": "Kontakt", "endTime": 61.5},
        ],
    }
    assert "Überblick".encode() in data  # umlauts stay readable
    assert CHAPTERS_VERSION == "1.2.0"


def test_empty_sections_give_an_empty_chapter_list() -> None:
    assert chapters_document(chapters_from_sections([])) == {"version": "1.2.0", "chapters": []}


def test_titles_are_cleaned() -> None:
    (chapter,) = chapters_from_sections([("  Rat\x00 &\n <Verwaltung>\x1b ", 0)])
    assert chapter.title == "Rat & <Verwaltung>"


@pytest.mark.parametrize(
    ("sections", "duration", "message"),
    [
        ([("A", 0), ("B", 0)], None, "not after"),
        ([("A", 5), ("B", 2)], None, "not after"),
        ([("A", -1)], None, "not a time"),
        ([("A", math.nan)], None, "not a time"),
        ([("A", 0), ("\x00 ", 3)], None, "no title"),
        ([("A", 0), ("B", 30)], 30.0, "last section starts"),
    ],
)
def test_invalid_sections_raise_a_named_error(
    sections: list[tuple[str, float]], duration: float | None, message: str
) -> None:
    with pytest.raises(ChapterError, match=message):
        chapters_from_sections(sections, duration=duration)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, "00:00:00.000"), (20.5, "00:00:20.500"), (61.0004, "00:01:01.000"), (3723.25, "01:02:03.250")],
)
def test_npt_timestamps(seconds: float, expected: str) -> None:
    assert npt_timestamp(seconds) == expected


def test_clean_text_keeps_ordinary_text() -> None:
    assert clean_text("Köln – 12 % mehr „Grün“ 🌳") == "Köln – 12 % mehr „Grün“ 🌳"


def test_clean_lines_keeps_non_empty_lines() -> None:
    assert clean_lines("Satz eins.\n\n\x07 Satz  zwei.\r\n \n") == "Satz eins.\nSatz zwei."
