"""Tests of what the rules "kuerzen", "beispiele" and "telefon-nummer" keep (simplify/plain_shorten.py,
plain_keep.py, plain_phone.py) beyond their golden tables: every new line is short, complete and keeps
its numbers; the data files; the corpus sentences that used to lose a fact."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from simplify import plain_keep, plain_phone, plain_shorten
from simplify.plain import simplify
from simplify.plain_clauses import Piece
from simplify.plain_lexicon import DATA_PACKAGE
from simplify.plain_model import PlainConfig
from simplify.plain_tagging import has_finite_verb
from simplify.release import Release
from simplify.rules import RULES, RULES_BY_ID, RuleContext
from simplify.segment import words

DATA = Path(__file__).parent / "data"
IDS = ("kuerzen", "beispiele", "telefon-nummer")
GOLDEN = {
    **json.loads((DATA / "plain_golden_rules_clauses.json").read_text(encoding="utf-8"))["rules"],
    **json.loads((DATA / "plain_golden_rules_shorten.json").read_text(encoding="utf-8"))["rules"],
}
CASES = [(rule_id, case["input"]) for rule_id in IDS for case in GOLDEN[rule_id]["cases"]]


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,:]\d+)*", text)


def _apply(rule_id: str, text: str) -> list[Piece] | None:
    return RULES_BY_ID[rule_id].apply(Piece(text), RuleContext(PlainConfig()))


def _plain(prefix: str) -> str:
    path = next((DATA / "corpus").glob(f"{prefix}-*.json"))
    version = simplify(Release.from_dict(json.loads(path.read_text(encoding="utf-8"))))
    return "\n".join(s.text for s in version.sentences())


@pytest.mark.parametrize(("rule_id", "text"), CASES)
def test_every_line_is_short_complete_and_adds_no_number(rule_id: str, text: str) -> None:
    """The first line may still be long (a later rule shortens it); every new line must fit."""
    result = _apply(rule_id, text) or []
    for index, piece in enumerate(result):
        assert index == 0 or len(words(piece.text)) <= 15
        assert piece.is_list_item or has_finite_verb(piece.text)
        assert set(_numbers(piece.text)) <= set(_numbers(text))


@pytest.mark.parametrize(("rule_id", "text"), [c for c in CASES if c[0] != "kuerzen"])
def test_split_rules_keep_every_number(rule_id: str, text: str) -> None:
    result = _apply(rule_id, text) or []
    assert sorted(_numbers(" ".join(p.text for p in result))) == sorted(_numbers(text))


def test_numbers_then_examples_right_before_kuerzen() -> None:
    ids = [rule.rule_id for rule in RULES]
    assert ids.index("telefon-nummer") + 1 == ids.index("beispiele") == ids.index("kuerzen") - 1


@pytest.mark.parametrize(
    "name",
    [
        plain_keep.MARKER_FILE,
        plain_keep.GENDER_FILE,
        plain_keep.PERSON_FILE,
        plain_phone.SERVICE_FILE,
        plain_shorten.DIRECTION_FILE,
    ],
)
def test_data_files_name_origin_and_licence(name: str) -> None:
    from importlib import resources

    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    assert "Klartext" in text and "GPL-3.0-or-later" in text


def test_data_files_load() -> None:
    assert (("darunter",), "") in plain_keep.member_markers()
    assert plain_keep.noun_genders()["bau"] == "m"
    assert "gast" in plain_keep.person_nouns()
    assert plain_phone.service_nouns()["dienst"] == "m"
    prepositions, merged, accusative = plain_shorten.two_way_accusative()
    assert "über" in prepositions and "ins" in merged and "einen" in accusative


def test_dative_after_darunter_is_not_made_a_subject() -> None:
    text = (
        "Die Stadt fördert in diesem Jahr viele Vereine mit 2 Millionen Euro, darunter der neuen Musikschule."
    )
    assert _apply("kuerzen", text) == [
        Piece("Die Stadt fördert in diesem Jahr viele Vereine mit 2 Millionen Euro.")
    ]


def test_corpus_keeps_school_projects_purpose_and_emergency_numbers() -> None:
    haushalt = _plain("01")
    assert "Dazu gehört der Neubau von der Gesamtschule Nord." in haushalt
    assert "4 Grund·schulen" in haushalt
    assert "Sie wollten über den Einsatz" in _plain("02")
    hitze = _plain("07").splitlines()
    start = hitze.index(
        "Bei akuten Beschwerden sollte sofort der ärztliche Bereitschafts·dienst"
        " oder der Rettungs·dienst gerufen werden."
    )
    assert hitze[start + 1 : start + 4] == [
        "Das gilt zum Beispiel bei starkem Schwindel, Verwirrtheit oder hohem Fieber.",
        "Die Telefon·nummer vom ärztlichen Bereitschafts·dienst ist 116 117.",
        "Die Telefon·nummer vom Rettungs·dienst ist 112.",
    ]
    baustelle = _plain("09")
    assert "über den Bahnhofs·ring umgeleitet" in baustelle.replace("Bahnhofsring", "Bahnhofs·ring")
    assert "die Arbeiten deshalb gelegt" not in baustelle
