"""Restructuring rules: clause first ("nebensatz-vorne"), gapping ("auslassung") and "nicht …, sondern …".

The golden input → output tables are in ``tests/data/plain_golden_rules_restructure.json``; these tests
check the helpers, the data file and what every golden output must be: complete sentences that add no
number and no word the input did not have (besides the few linking words).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from simplify.plain_clauses import Piece
from simplify.plain_conditions import VERB_FIRST, fronted_subclause, linkings
from simplify.plain_model import PlainConfig
from simplify.plain_restructure import first_constituent_end, subject_pronoun
from simplify.plain_rewrite import simplify_sentence
from simplify.plain_tagging import compound_parts, has_finite_verb, tag
from simplify.rules import RULES, RULES_BY_ID, RuleContext

DATA = Path(__file__).parent / "data"
OWN_RULES = ("nebensatz-vorne", "auslassung", "sondern", "vergleich")
GOLDEN = json.loads((DATA / "plain_golden_rules_restructure.json").read_text(encoding="utf-8"))["rules"]
CASES = [
    (rule_id, case["input"], case["expected"]) for rule_id in OWN_RULES for case in GOLDEN[rule_id]["cases"]
]
# Words the rules may bring in: the marker, linking words and pronouns from the data file and the code.
ADDED_WORDS = {word.lower() for linking in linkings().values() for word in linking if word} | {
    "er",
    "sie",
    "es",
    "das",
    "sind",
    "auch",  # "in A und in B" → "… in A." + "… auch in B."
    # "Wer …, wird gebeten, sich … zu melden": "Vielleicht kann jemand …" + "Dann soll sich diese Person …",
    # a second place "Oder diese Person …", the telephone number "Die Rufnummer ist …" (rule "umstaende")
    "jemand",
    "diese",
    "person",
    "soll",
    "sollen",
    "oder",
    "ist",
    "die",
}


def _apply(rule_id: str, text: str) -> list[str] | None:
    result = RULES_BY_ID[rule_id].apply(Piece(text), RuleContext(PlainConfig()))
    return None if result is None else [p.text for p in result]


def test_data_file_rows() -> None:
    table = linkings()
    assert VERB_FIRST in table and "wenn" in table
    assert "dass" not in table and "wer" not in table  # would assert what may not be true
    for word, linking in table.items():
        assert word == VERB_FIRST or word.islower()
        assert linking.connector[:1].isupper(), word
        assert linking.marker in ("", "vielleicht"), word
        assert linking.repeated.islower() or not linking.repeated, word


def test_rules_run_before_clause_splitting() -> None:
    order = [rule.rule_id for rule in RULES]
    assert all(order.index(rule_id) < order.index("satz-teilen") for rule_id in OWN_RULES)
    assert order.index("nebensatz-vorne") < order.index("auslassung") < order.index("sondern")


@pytest.mark.parametrize(
    ("clause", "first"),
    [
        ("sie zu spät erkannt", "sie"),
        ("das gemessene Signal stark ab", "das gemessene Signal"),
        ("für den Kreis eine amtliche Hitzewarnung", "für den Kreis"),
        ("die ersten Kräfte der Berufsfeuerwehr um 14:37 Uhr", "die ersten Kräfte der Berufsfeuerwehr"),
        ("8,5 Millionen Euro", "8,5 Millionen Euro"),
    ],
)
def test_first_constituent(clause: str, first: str) -> None:
    tokens = tag(clause)
    end = first_constituent_end(tokens)
    assert end is not None
    assert clause[: tokens[end - 1].end] == first


@pytest.mark.parametrize(
    "clause",
    ["nicht heute", "und die Stadt", "vom", "", "das Signal vom Soll ab", "die Kräfte von der Wache"],
)
def test_first_constituent_unsure(clause: str) -> None:
    assert first_constituent_end(tag(clause)) is None


@pytest.mark.parametrize(
    ("sentence", "pronoun"),
    [
        ("Die Stadt hat", "Sie"),
        ("Der Zuschuss ist", "Er"),
        ("Das Fest findet", "Es"),
        ("Die Kinder spielen", "Sie"),
        ("Geschulte Helfer rufen", "Sie"),
        ("Lena Brandt arbeitet", None),
        ("Ein Mann kam", None),
        ("Wir arbeiten", None),
    ],
)
def test_subject_pronoun(sentence: str, pronoun: str | None) -> None:
    tokens = tag(sentence)
    assert subject_pronoun(tokens[:-1], tokens[-1]) == pronoun


@pytest.mark.parametrize(("rule_id", "text", "expected"), CASES)
def test_golden_outputs_are_full_sentences_without_new_facts(
    rule_id: str, text: str, expected: list[str]
) -> None:
    source_words = {w.lower() for w in re.findall(r"\w[\w.,:-]*\w|\w", text)}
    for line in expected:
        assert has_finite_verb(line), line
        assert set(re.findall(r"\d+(?:[.,:]\d+)*", line)) <= set(re.findall(r"\d+(?:[.,:]\d+)*", text))
        new_words = {w.lower() for w in re.findall(r"\w[\w.,:-]*\w|\w", line)} - source_words
        assert new_words <= ADDED_WORDS | {w.lower() for w in _split_particles(text)}, (line, new_words)
    assert _apply(rule_id, text) == _apply(rule_id, text)  # deterministic


def _split_particles(text: str) -> set[str]:
    """A separable verb comes apart ("eintrafen" → "trafen … ein"); both parts count as source words."""
    found = set()
    for token in tag(text):
        parts = compound_parts(token.text) if token.is_finite_verb else ()
        if parts and parts[0][1] == "PTKVZ_SEP":
            found |= {parts[0][0], token.text[len(parts[0][0]) :]}
    return found


def _unchanged_sentences() -> list[str]:
    lines = (DATA / "plain_unchanged.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("sentence", _unchanged_sentences())
@pytest.mark.parametrize("rule_id", OWN_RULES)
def test_simple_sentences_stay_unchanged(rule_id: str, sentence: str) -> None:
    assert _apply(rule_id, sentence) is None


def test_no_split_when_a_piece_stays_too_long() -> None:
    """A condition without its consequence would say something else: split only if all pieces fit."""
    long_condition = (
        "Wenn die Stadt in diesem Jahr wegen der hohen Kosten für Energie und Personal und der sinkenden "
        "Einnahmen keine neuen Kredite aufnimmt, sinkt die Schuld."
    )
    assert fronted_subclause(long_condition, 15) is None
    assert fronted_subclause(long_condition, 30) is not None


def test_condition_reaches_the_plain_version() -> None:
    kept, omitted = simplify_sentence(
        "Werden die Schäden zu spät erkannt, drohen teure Reparaturen.", 0, RuleContext(PlainConfig())
    )
    assert [s.text for s in kept] == [
        "Die Schäden werden vielleicht zu spät erkannt.",
        "Dann drohen teure Reparaturen.",
    ]
    assert not omitted
    assert kept[0].steps[0].rule_id == "nebensatz-vorne"
