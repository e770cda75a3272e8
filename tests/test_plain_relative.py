"""Relative clauses, passive and genitive rules: data files, helpers, and what the rules keep safe.

The input → output tables are in ``tests/data/plain_golden_rules_relative.json``; these tests check
properties over them (every new line is a sentence with a finite verb, no number added) and a few
corpus lines end to end."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from simplify.plain import simplify
from simplify.plain_clauses import Piece
from simplify.plain_model import PlainConfig
from simplify.plain_object_relative import agent_gender, agent_nouns, is_name_word
from simplify.plain_passive import active
from simplify.plain_tagging import has_finite_verb, tag
from simplify.release import Person, Release
from simplify.rules import RULES_BY_ID, RuleContext

DATA = Path(__file__).parent / "data"
GOLDEN = json.loads((DATA / "plain_golden_rules_relative.json").read_text(encoding="utf-8"))["rules"]
SPLITTING_RULES = ("relativsatz", "relativsatz-objekt", "passiv", "passiv-vorfeld")
CASES = [(rule, case) for rule in SPLITTING_RULES for case in GOLDEN[rule]["cases"]]


@pytest.mark.parametrize("name", ["ls_agent_nouns.tsv", "ls_genitive_nouns.tsv"])
def test_data_files_state_origin_and_licence(name: str) -> None:
    text = resources.files("simplify.data").joinpath(name).read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "Klartext" in header and "GPL-3.0-or-later" in header
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) == len(set(rows))
    assert all(len(row.split("\t")) == 2 for row in rows)


def test_agent_nouns_have_a_gender() -> None:
    assert set(agent_nouns().values()) <= {"f", "m", "n"}
    assert agent_nouns()["land"] == "n"


@pytest.mark.parametrize(
    ("word", "gender"),
    [
        ("Kulturfonds", "m"),
        ("Handelskammer", "f"),
        ("Kommunalaufsicht", "f"),
        ("Programm", None),
        ("Apparat", None),
    ],
)
def test_agent_gender_from_the_last_part(word: str, gender: str | None) -> None:
    assert agent_gender(tag(word)[0]) == gender


def test_hyphenated_names_match_their_parts() -> None:
    names = frozenset({"Jens", "Uwe", "Markgraf"})
    assert is_name_word("Jens-Uwe", names)
    assert not is_name_word("Jens-Peter", names)


@pytest.mark.parametrize(
    ("passive", "expected"),
    [
        ("Die Hilfe wird von der Stadt bezahlt.", "Die Stadt bezahlt die Hilfe."),
        ("Die Straße wird von der Stadt geleitet.", "Die Stadt leitet die Straße."),
        ("Die Kinder werden von den Helfern betreut.", "Die Helfer betreuen die Kinder."),
        ("Die Frau wird von den Ärztinnen begleitet.", "Die Ärztinnen begleiten die Frau."),
    ],
)
def test_present_passive_keeps_the_present(passive: str, expected: str) -> None:
    assert active(passive) == [Piece(expected)]


@cache
def _context(persons: tuple[tuple[str, str], ...]) -> RuleContext:
    people = tuple(Person(name, role) for name, role in persons)
    return RuleContext(PlainConfig(), people, frozenset(w for p in people for w in p.name.split()))


@pytest.mark.parametrize(("rule_id", "case"), CASES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(CASES)])
def test_new_lines_are_sentences_without_new_numbers(rule_id: str, case: dict[str, Any]) -> None:
    context = _context(tuple(tuple(p) for p in case.get("persons", [])))
    result = RULES_BY_ID[rule_id].apply(Piece(case["input"]), context)
    assert result is not None
    source_numbers = set(re.findall(r"\d+(?:,\d+)?", case["input"]))
    for piece in result:
        assert has_finite_verb(piece.text), piece.text
        assert set(re.findall(r"\d+(?:,\d+)?", piece.text)) <= source_numbers


@cache
def _plain_lines(stem: str) -> tuple[str, ...]:
    release = Release.from_dict(json.loads((DATA / "corpus" / f"{stem}.json").read_text(encoding="utf-8")))
    return tuple(s.text for s in simplify(release).sentences())


@pytest.mark.parametrize(
    ("stem", "line"),
    [
        ("02-innovationsforum-seltental", "Jens-Uwe Markgraf hat das Forum eröffnet."),
        ("01-haushalt-lindenhagen", "Die Kommunalaufsicht muss den Haushalt noch genehmigen."),
        ("08-kultur-webereinaechte", "Die Stadtwerke Neuenburg unterstützen die Weberei-Nächte."),
    ],
)
def test_corpus_sentences_reach_the_plain_version(stem: str, line: str) -> None:
    assert line in _plain_lines(stem)


def test_corpus_object_relative_clauses_are_kept() -> None:
    lines = _plain_lines("01-haushalt-lindenhagen") + _plain_lines("02-innovationsforum-seltental")
    assert any(
        line.startswith("Den Ausgaben stehen Einnahmen von rund 1,09 Milliarden Euro") for line in lines
    )
    assert any(line.startswith("Die Hochschule baut das Transfer·zentrum") for line in lines)
