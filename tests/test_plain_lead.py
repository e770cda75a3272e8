"""Tests of the rules that bring subtitle and lead completely into the plain version (apposition-name,
ueberschrift-zeit, telefon-vorne, frage, mittel-vorne) beyond their golden table
(``tests/data/plain_golden_rules_lead.json``): what every result must keep, the data file, the sentences
that must stay alone, and the lead lines of the corpus in the whole pipeline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from simplify.plain import simplify
from simplify.plain_clauses import Piece
from simplify.plain_lead import DATA_FILE, data
from simplify.plain_lexicon import DATA_PACKAGE
from simplify.plain_model import PlainConfig
from simplify.plain_question import FRAME
from simplify.plain_tagging import has_finite_verb
from simplify.release import Release
from simplify.rules import RULES, RULES_BY_ID, RuleContext
from simplify.segment import words

DATA = Path(__file__).parent / "data"
GOLDEN = json.loads((DATA / "plain_golden_rules_lead.json").read_text(encoding="utf-8"))["rules"]
RULE_IDS = ("apposition-name", "ueberschrift-zeit", "telefon-vorne", "frage", "mittel-vorne")
CASES = [(rule_id, case["input"]) for rule_id in RULE_IDS for case in GOLDEN[rule_id]["cases"]]
CONTEXT = RuleContext(PlainConfig())


def _apply(rule_id: str, text: str) -> list[str] | None:
    result = RULES_BY_ID[rule_id].apply(Piece(text), CONTEXT)
    return None if result is None else [p.text for p in result]


def _numbers(text: str) -> list[str]:
    return sorted(re.findall(r"\d+(?:[.,:]\d+)*", text))


def _capitalised(text: str) -> set[str]:
    return {w for w in re.findall(r"\b[A-ZÄÖÜ][\w-]*", text)}


@pytest.mark.parametrize(("rule_id", "text"), CASES)
def test_results_keep_every_number_and_add_no_name(rule_id: str, text: str) -> None:
    result = _apply(rule_id, text)
    assert result is not None
    assert _numbers(" ".join(result)) == _numbers(text)
    frame_words = {"Das", "Die", "Der", "Es", "Sie", "Unter", "Nummer", "Frage"}
    new_words = _capitalised(" ".join(result)) - _capitalised(text) - frame_words
    # a question starts with its verb or question word, which may stand lower-case in the input
    assert {w for w in new_words if w.lower() not in text} == set()


@pytest.mark.parametrize(("rule_id", "text"), [c for c in CASES if c[0] != "ueberschrift-zeit"])
def test_sentence_rules_make_short_complete_sentences(rule_id: str, text: str) -> None:
    result = _apply(rule_id, text)
    assert result is not None and len(result) >= 2
    assert all(has_finite_verb(line) for line in result)
    assert all(len(words(line)) < len(words(text)) for line in result)


def test_headline_half_becomes_a_clause_with_the_same_time() -> None:
    assert _apply("ueberschrift-zeit", "Anträge ab 1. April 2025") == [
        "Anträge sind ab 1. April 2025 möglich."
    ]
    # the other half is left to the rule "einschub", which then sees one clause and splits
    halves = _apply("ueberschrift-zeit", "Neue Kita – Anmeldung ab Montag")
    assert halves == ["Neue Kita – Die Anmeldung ist ab Montag möglich"]


def test_question_keeps_every_word_of_the_clause() -> None:
    text = "Die Stadt gibt allen Mieterinnen und Mietern im Ort Hinweise, wann sie die Miete kürzen dürfen."
    result = _apply("frage", text)
    assert result is not None and result[1].startswith(FRAME) and result[1].endswith("?")
    clause = text.split(", ", 1)[1].rstrip(".")
    assert sorted(clause.lower().split()) == sorted(result[1][len(FRAME) :].rstrip("?").lower().split())


def test_data_file_has_origin_and_licence_and_known_kinds() -> None:
    from importlib import resources

    text = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_text(encoding="utf-8")
    assert "GPL-3.0-or-later" in text and "Klartext" in text
    assert set(data()) == {"moeglich", "frage", "rede", "mittel"}
    assert all(value.partition("|")[2] in ("ist", "sind") for value in data()["moeglich"].values())
    assert "wo" not in data()["frage"] and "was" not in data()["frage"]  # relative clauses after nouns


def test_rules_are_registered_in_a_working_order() -> None:
    order = [rule.rule_id for rule in RULES]
    assert order.index("klammern") < order.index("apposition-name") < order.index("einschub")
    assert order.index("ueberschrift-zeit") < order.index("einschub")
    assert order.index("doppelpunkt") < order.index("frage")  # "Es geht um die Frage: …" stays one line
    assert order.index("woerter") < order.index("mittel-vorne") < order.index("umstaende")


SIMPLE = [
    line
    for line in (DATA / "plain_unchanged.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize("text", SIMPLE)
def test_simple_sentences_stay_unchanged(text: str) -> None:
    assert all(_apply(rule_id, text) is None for rule_id in RULE_IDS)


def _lead_lines(name: str, index: int) -> list[str]:
    path = next((DATA / "corpus").glob(f"{name}-*.json"))
    version = simplify(Release.from_dict(json.loads(path.read_text(encoding="utf-8"))))
    return [s.text for s in version.sentences() if index in s.source_indices]


@pytest.mark.parametrize(
    ("name", "index", "facts"),
    [
        ("05", 1, ["5.000 Euro", "möglich", "1. April 2025"]),
        ("05", 2, ["Ministerium für Arbeit", "Qualifizierungs·scheck Digital", "digitale Kompetenzen"]),
        ("06", 2, ["Vantiro Systems AG ist Anbieter", "ClimaNode Pro"]),
        ("07", 2, ["0800 123 456 7", "Angehörigen Tipps", "heiße Tage?"]),
    ],
)
def test_corpus_lead_sentences_reach_the_plain_version(name: str, index: int, facts: list[str]) -> None:
    text = "\n".join(_lead_lines(name, index))
    assert [fact for fact in facts if fact not in text] == []
