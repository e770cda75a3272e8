"""The Leichte-Sprache checker: golden findings per text, spans, and generated text passing it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from simplify import checker
from simplify.checker import CheckConfig, check, errors

GOLDEN: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "plain_golden_checker.json").read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", GOLDEN, ids=[c["text"][:40] for c in GOLDEN])
def test_checker_golden(case: dict[str, Any]) -> None:
    findings = check(case["text"])
    assert [[f.rule_id, f.level, f.excerpt] for f in findings] == case["findings"]


@pytest.mark.parametrize("case", GOLDEN, ids=[c["text"][:40] for c in GOLDEN])
def test_spans_point_at_the_excerpt(case: dict[str, Any]) -> None:
    for finding in check(case["text"]):
        assert case["text"][finding.start : finding.end] == finding.excerpt
        assert finding.level in ("error", "warning")
        assert finding.hint


def test_sentence_length_limits_are_configurable() -> None:
    text = "Die Stadt baut im nächsten Jahr eine neue Schule für alle Kinder."
    assert [f.rule_id for f in check(text)] == ["satzlaenge"]
    assert errors(check(text, CheckConfig(max_words=8, warn_words=5)))[0].rule_id == "satzlaenge"


def test_clean_text_has_no_findings() -> None:
    assert check("Die Feuerwehr hat den Brand gelöscht.\nDie Polizei sucht Zeugen.") == []


def test_words_of_a_glossary_term_are_not_rare(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Predictive Maintenance" is explained in the Wörterbuch as one term, so its words are not rare."""
    text = "Die Firma setzt auf Predictive Maintenance."
    assert [f for f in check(text) if f.rule_id == "seltenes-wort"] == []
    monkeypatch.setattr(checker, "phrase_spans", lambda _text: [])
    assert [f.excerpt for f in check(text) if f.rule_id == "seltenes-wort"] != []
