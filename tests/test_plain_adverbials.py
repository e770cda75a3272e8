"""Tests of the rule "umstaende" (simplify/plain_adverbials.py) beyond its golden table: what every result
must keep (numbers, a finite verb, at most 15 words), the data file, and the rule in the whole pipeline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from simplify.plain import simplify
from simplify.plain_adverbials import circumstances, rule
from simplify.plain_circumstances import DATA_FILE, data
from simplify.plain_clauses import Piece
from simplify.plain_model import PlainConfig
from simplify.plain_tagging import has_finite_verb
from simplify.release import Release
from simplify.rules import RULES, RuleContext
from simplify.segment import words

DATA = Path(__file__).parent / "data"
GOLDEN = json.loads((DATA / "plain_golden_rules_adverbials.json").read_text(encoding="utf-8"))["rules"]
CASES = [case["input"] for case in GOLDEN["umstaende"]["cases"]]


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,:]\d+)*", text)


@pytest.mark.parametrize("text", CASES)
def test_every_line_is_short_complete_and_keeps_the_numbers(text: str) -> None:
    result = circumstances(text, 15)
    assert result is not None
    new_sentences = [p.text for p in result[1:]]
    assert all(len(words(line)) <= 15 and has_finite_verb(line) for line in new_sentences)
    assert sorted(n for p in result for n in _numbers(p.text)) == sorted(_numbers(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Laden hat am Montag, 3. März 2025, nach langer Pause mit vielen Gästen neu eröffnet.",
            "Das war",
        ),
        ("Die Gäste kamen am Samstag, 5. April 2025, zu einem großen Fest in den schönen Park.", "Das war"),
        (
            "Das Museum zeigt am Sonntag, 6. April 2025, alte Bilder und neue Fotos aus der ganzen Region.",
            "Das ist",
        ),
    ],
)
def test_the_new_sentence_follows_the_tense(text: str, expected: str) -> None:
    result = circumstances(text, 12)
    assert result is not None
    assert result[-1].text.startswith(expected)


def test_simple_sentences_stay_unchanged() -> None:
    lines = (DATA / "plain_unchanged.txt").read_text(encoding="utf-8").splitlines()
    sentences = [line for line in lines if line.strip() and not line.startswith("#")]
    assert all(circumstances(s, 15) is None for s in sentences)


def test_list_items_are_left_alone() -> None:
    item = Piece(CASES[0], True)
    assert rule(item, RuleContext(PlainConfig())) is None


def test_rule_sits_after_the_sentence_splitting_and_before_kuerzen() -> None:
    ids = [r.rule_id for r in RULES]
    assert ids.index("vorfeld") < ids.index("umstaende") < ids.index("kuerzen")


def test_data_file_has_origin_and_every_kind() -> None:
    text = (Path(__file__).parents[1] / "simplify" / "data" / DATA_FILE).read_text(encoding="utf-8")
    assert "GPL-3.0-or-later" in text.split("\n\n")[0]
    assert {"zeit", "tag", "zeitraum", "einheit", "grund", "kontakt", "nominativ"} <= set(data())
    assert {"motto", "abstand", "anzahl", "ort", "herkunft", "anlass", "stelle"} <= set(data())


def test_release_lead_is_kept_with_its_date_and_reason() -> None:
    path = DATA / "corpus" / "10-kurzmeldung-buergerbuero.json"
    version = simplify(Release.from_dict(json.loads(path.read_text(encoding="utf-8"))))
    lines = [s.text for s in version.sentences()]
    assert "Das ist am Freitag, 14. März 2025." in lines
    assert "Der Grund ist eine Personal·versammlung." in lines
    steps = [step for s in version.sentences() for step in s.steps if step.rule_id == "umstaende"]
    assert steps and all(step.why.endswith(".") for step in steps)
    assert not any("14. März 2025" in o.text for o in version.omitted)
