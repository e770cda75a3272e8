"""detect_language: German, English or undetermined."""

from __future__ import annotations

from pathlib import Path

import pytest

from simplify.language import UNKNOWN, detect_language, stopwords

CORPUS = Path(__file__).parent / "data" / "corpus"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_corpus_is_german(path: Path) -> None:
    assert detect_language(path.read_text(encoding="utf-8")) == "de"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The company has announced a new sensor for offices. It measures the air quality and "
            "sends the data to an app, which was developed with partners from the region.",
            "en",
        ),
        ("Die Stadt hat den Haushalt beschlossen. Er sieht Investitionen in die Schulen vor.", "de"),
        ("", UNKNOWN),
        ("123 456 789", UNKNOWN),
        ("ClimaNode Pro", UNKNOWN),
        ("the und", UNKNOWN),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_stopword_lists_do_not_overlap() -> None:
    words = stopwords()
    assert set(words) == {"de", "en"}
    assert not words["de"] & words["en"]
