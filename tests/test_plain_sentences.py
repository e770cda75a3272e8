"""Tests of the rules that turn long sentences into several short ones beyond their golden tables:
two verbs with one longer subject ("verben-teilen"), a thing named again after a dash ("einschub"),
and whole sentences through all rules — every line keeps its numbers and names, is short and has a
finite verb."""

from __future__ import annotations

import re

import pytest

from simplify.plain_clauses import Piece, coordinated_verbs, insertions
from simplify.plain_model import PlainConfig
from simplify.plain_rewrite import simplify_sentence
from simplify.plain_tagging import has_finite_verb
from simplify.rules import RuleContext
from simplify.segment import words


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Dächer alter Bauernhäuser bestehen aus Stroh und sind bei Sturm gefährdet.",
            ["Dächer alter Bauernhäuser bestehen aus Stroh.", "Die Dächer sind bei Sturm gefährdet."],
        ),
        (
            "Ein neu gebautes Hallenbad öffnet im Mai und bietet Kurse für Kinder an.",
            ["Ein neu gebautes Hallenbad öffnet im Mai.", "Das Hallenbad bietet Kurse für Kinder an."],
        ),
        (
            "Die Leitung der neuen Schule begrüßt die Eltern und zeigt ihnen die Räume.",
            [
                "Die Leitung der neuen Schule begrüßt die Eltern.",
                "Die Leitung der neuen Schule zeigt ihnen die Räume.",
            ],
        ),
    ],
)
def test_coordinated_verbs_with_longer_subjects(sentence: str, expected: list[str]) -> None:
    assert coordinated_verbs(sentence) == [Piece(e) for e in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ein Bus fährt los und hält am Markt.",  # "ein" without adjective: der or das?
        "Anna und Ben spielen im Park.",
        "Die Stadt, die wir lieben, wächst und baut neue Häuser.",
    ],
)
def test_coordinated_verbs_leaves_unsure_subjects(sentence: str) -> None:
    assert coordinated_verbs(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Wir haben vor drei Jahren mit einem Projekt begonnen – der digitalen Ausleihe unserer Bücher.",
            [
                "Wir haben vor drei Jahren mit einem Projekt begonnen.",
                "Das war die digitale Ausleihe unserer Bücher.",
            ],
        ),
        (
            "Die Gemeinde arbeitet mit einem Partner – der Firma Lindner aus Hamm.",
            ["Die Gemeinde arbeitet mit einem Partner.", "Das ist die Firma Lindner aus Hamm."],
        ),
    ],
)
def test_dash_names_the_thing_again(sentence: str, expected: list[str]) -> None:
    assert insertions(sentence) == [Piece(e) for e in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Wir haben mit einem Projekt begonnen – dem Umbau der Halle.",  # "dem": der or das?
        "Wir fahren mit dem Rad – den Berg hinauf.",
    ],
)
def test_dash_without_a_sure_nominative_is_not_a_sentence(sentence: str) -> None:
    result = insertions(sentence)
    assert result is None or all(not p.text.startswith("Das ") for p in result)


def _numbers(text: str) -> list[str]:
    return sorted(re.findall(r"\d+(?:[.,]\d+)*", text))


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        (
            "Ein eigens entwickeltes Messgerät, ein sogenannter Spektrometer, misst die Werte zwischen 3 und "
            "9 Volt und vergleicht sie mit einer gespeicherten Kurve der jeweiligen Pumpe.",
            3,
        ),
        (
            "Die Befunde hat das Labor um Eva Kern jetzt in der Zeitschrift Applied Water Research Letters "
            "ausführlich beschrieben.",
            2,
        ),
        (
            "Wir haben vor 4 Jahren mit einem Standort angefangen – der kleinen Werkstatt unserer Eltern.",
            2,
        ),
    ],
)
def test_long_sentences_become_short_complete_ones(sentence: str, kept: int) -> None:
    lines, omitted = simplify_sentence(sentence, 0, RuleContext(PlainConfig()))
    assert omitted == [] and len(lines) == kept
    assert _numbers(" ".join(line.text for line in lines)) == _numbers(sentence)
    for line in lines:
        assert len(words(line.text)) <= 15 and has_finite_verb(line.text)
