"""Golden tests of each rewriting rule: input → expected pieces, and inputs a rule must leave alone.

The tables live in ``tests/data/plain_golden_rules*.json``; a list item is written with a leading "• "."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from simplify.plain_clauses import Piece
from simplify.plain_model import PlainConfig
from simplify.release import Person
from simplify.rules import RULES, RULES_BY_ID, RuleContext


def _golden() -> dict[str, Any]:
    """All golden tables (``plain_golden_rules*.json``, one per group of rules); a rule id may appear
    in one file only."""
    tables: dict[str, Any] = {}
    for path in sorted((Path(__file__).parent / "data").glob("plain_golden_rules*.json")):
        rules = json.loads(path.read_text(encoding="utf-8"))["rules"]
        assert not set(rules) & set(tables), f"rule ids repeated in {path.name}"
        tables |= rules
    return tables


GOLDEN = _golden()
CASES = [(rule_id, case) for rule_id, table in GOLDEN.items() for case in table["cases"]]
UNCHANGED = [(rule_id, text) for rule_id, table in GOLDEN.items() for text in table["unchanged"]]


def _apply(rule_id: str, text: str, persons: list[list[str]] | None = None) -> list[str] | None:
    people = tuple(Person(name, role) for name, role in persons or [])
    names = frozenset(word for person in people for word in person.name.split())
    context = RuleContext(PlainConfig(), people, names)
    result = RULES_BY_ID[rule_id].apply(Piece(text), context)
    return None if result is None else [("• " if p.is_list_item else "") + p.text for p in result]


@pytest.mark.parametrize(("rule_id", "case"), CASES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(CASES)])
def test_rule_golden(rule_id: str, case: dict[str, Any]) -> None:
    assert _apply(rule_id, case["input"], case.get("persons")) == case["expected"]


@pytest.mark.parametrize(
    ("rule_id", "text"), UNCHANGED, ids=[f"{r}-{i}" for i, (r, _) in enumerate(UNCHANGED)]
)
def test_rule_leaves_alone(rule_id: str, text: str) -> None:
    assert _apply(rule_id, text) is None


def test_every_rule_has_golden_cases() -> None:
    assert {rule.rule_id for rule in RULES} <= set(GOLDEN)
    assert all(GOLDEN[rule.rule_id]["cases"] for rule in RULES)
    assert [rule.rule_id for rule in RULES if not GOLDEN[rule.rule_id]["unchanged"]] == []


def test_rule_ids_are_unique_and_explained() -> None:
    assert len(RULES_BY_ID) == len(RULES)
    assert all(rule.why.endswith((".", "?")) for rule in RULES)


def test_hyphen_separator_capitalises_parts() -> None:
    context = RuleContext(PlainConfig(separator="-"))
    result = RULES_BY_ID["komposita"].apply(Piece("Der Fachkräftemangel ist groß."), context)
    assert result == [Piece("Der Fach-Kräfte-Mangel ist groß.")]
