"""Readability findings: one positive and one negative case per rule, spans point at the words."""

from __future__ import annotations

import pytest

from simplify.findings import RULES, Finding, FindingsConfig, find
from simplify.segment import split_sentences


def _findings(text: str, rule: str, config: FindingsConfig | None = None) -> list[Finding]:
    found = [f for f in find(split_sentences(text), config) if f.rule == rule]
    for finding in found:
        assert [text[start:end] for start, end in finding.spans] == list(finding.words)
        assert finding.hint
    return found


POSITIVE = [
    (
        "long_sentence",
        "Die Stadt baut in den nächsten Jahren an vielen Orten neue Schulen, Kitas, Straßen, "
        "Radwege und Brücken, damit alle gut leben.",
        None,
    ),
    ("long_word", "Die Fachkräftesicherung ist wichtig.", ("Fachkräftesicherung",)),
    ("passive", "Die Brücke wird im Mai saniert.", ("wird", "saniert")),
    ("nominal_style", "Die Umsetzung der Sanierung dauert.", ("Umsetzung", "Sanierung")),
    ("genitive", "Der Bürgermeister lobte die Arbeit des Teams.", ("Arbeit", "des", "Teams")),
    ("abbreviation", "Viele Berufe, z. B. in der Pflege, suchen Personal bei der IHK.", ("z. B.", "IHK")),
    ("number", "Die Quote sank um 6,1 % auf 12.500 Fälle.", ("6,1 %", "12.500")),
    ("parenthesis", "Die Feuerwehr (mit 40 Kräften) kam – sehr schnell.", ("(mit 40 Kräften)", "–")),
    ("negation", "Niemand wurde verletzt, und es gab keine Schäden.", ("Niemand", "keine")),
    ("subjunctive", "Das Forum biete dafür den richtigen Rahmen, sonst wäre es leer.", ("biete", "wäre")),
    (
        "foreign_word",
        "In ihrer Keynote ging es um Predictive Maintenance.",
        ("Keynote", "Predictive Maintenance"),
    ),
]

NEGATIVE = [
    ("long_sentence", "Die Stadt baut eine neue Schule."),
    ("long_word", "Die Stadt baut eine neue Schule."),
    ("passive", "Die Stadt wird im Mai eine Brücke sanieren."),
    ("nominal_style", "Die Stadt saniert die Brücke in der Region."),
    ("genitive", "Der Bürgermeister gab der Feuerwehr einen Preis."),
    ("abbreviation", "Die KI.Werk-Halle steht unter www.example.org im Netz."),
    ("number", "Im Jahr 2024 kamen 300 Gäste."),
    ("parenthesis", "Die Stadt-Verwaltung hilft gern."),
    ("negation", "Alle kamen pünktlich."),
    ("subjunctive", "Ich habe das Programm gelesen und wir sagten zu."),
    ("foreign_word", "Die Stadt baut eine neue Schule."),
]


def test_every_rule_is_tested() -> None:
    rules = {rule for rule, _ in RULES}
    assert rules == {rule for rule, _, _ in POSITIVE} == {rule for rule, _ in NEGATIVE}


@pytest.mark.parametrize(("rule", "text", "words"), POSITIVE, ids=[case[0] for case in POSITIVE])
def test_rule_fires(rule: str, text: str, words: tuple[str, ...] | None) -> None:
    found = _findings(text, rule)
    assert len(found) == 1
    assert found[0].sentence == 0
    if words is not None:
        assert found[0].words == words


@pytest.mark.parametrize(("rule", "text"), NEGATIVE, ids=[case[0] for case in NEGATIVE])
def test_rule_stays_quiet(rule: str, text: str) -> None:
    assert _findings(text, rule) == []


def test_long_sentence_hint_names_the_count() -> None:
    text = "Wir bauen eine neue Schule in der Stadt."
    (finding,) = _findings(text, "long_sentence", FindingsConfig(max_sentence_words=5))
    assert finding.spans == ((0, len(text)),)
    assert "8 Wörter" in finding.hint


def test_long_word_suggests_compound_parts() -> None:
    (finding,) = _findings("Das Technologiezentrum öffnet.", "long_word")
    assert finding.suggestion == "Technologie-Zentrum"
    assert "Technologie-Zentrum" in finding.hint


def test_spans_are_absolute_in_later_sentences() -> None:
    text = "Er kam. Die Arbeit des Teams war gut."
    (finding,) = _findings(text, "genitive")
    assert finding.sentence == 1
    assert finding.spans[0][0] == text.index("Arbeit")
