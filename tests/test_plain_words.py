"""Word-level rules: verb forms by role, genitive prepositions, filler attributes, Konjunktiv I."""

from __future__ import annotations

import pytest

from simplify.plain_clauses import Piece
from simplify.plain_model import PlainConfig
from simplify.plain_mood import indicative
from simplify.plain_trim import drop_fillers
from simplify.plain_words import replace_hard_words
from simplify.rules import RULES_BY_ID, RuleContext


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Stadt benötigt mehr Geld.", "Die Stadt braucht mehr Geld."),
        ("Es werden 3 Helfer benötigt.", "Es werden 3 Helfer gebraucht."),
        ("Die Schule ist 1968 errichtet worden.", "Die Schule ist 1968 gebaut worden."),
        ("Der Landrat erläuterte die Pläne.", "Der Landrat erklärte die Pläne."),
        ("Die Polizei ersucht um Hinweise.", "Die Polizei bittet um Hinweise."),
        # role unclear or another meaning: the form stays
        ("Die Arbeitsplätze bleiben erhalten.", "Die Arbeitsplätze bleiben erhalten."),
        ("Sie haben sich auf einen Plan verständigt.", "Sie haben sich auf einen Plan verständigt."),
    ],
)
def test_verb_forms_are_replaced_by_their_role(text: str, expected: str) -> None:
    assert replace_hard_words(text) == expected


def test_genitive_preposition_only_before_a_bare_noun() -> None:
    assert replace_hard_words("Wir messen mittels Sensoren.") == "Wir messen mit Sensoren."
    assert replace_hard_words("Wir messen mittels eines Sensors.") == "Wir messen mittels eines Sensors."
    assert replace_hard_words("Bezüglich Ihrer Frage gilt das.") == "Bezüglich Ihrer Frage gilt das."


def test_blocking_entry_keeps_the_phrase_at_the_start_of_a_sentence() -> None:
    text = "Im Anschluss an die Sitzung gibt es Kaffee."
    assert replace_hard_words(text) == text


def test_filler_attribute_only_before_a_noun() -> None:
    assert drop_fillers("Das ist ein sogenannter Transformer.") == "Das ist ein Transformer."
    at_start = "Sogenannte Hidden Champions sind stark."
    assert drop_fillers(at_start) == at_start


@pytest.mark.parametrize(
    "text",
    [
        "Die Kurse kosten nur 5 Euro.",
        "Rund 240 Gäste kamen.",
        "Es kamen mindestens 30 Menschen.",
        "Das Fest ist nicht im Park.",
        "Die Kosten sind fast 3 Millionen Euro.",
    ],
)
def test_fillers_never_drop_facts(text: str) -> None:
    assert drop_fillers(text) == text


def test_konjunktiv_in_reported_speech_becomes_indicative() -> None:
    assert indicative("Das sei sehr wichtig.") == "Das ist sehr wichtig."
    assert indicative("Sie sagt, die Kunden seien zufrieden.") == "Sie sagt, die Kunden sind zufrieden."


@pytest.mark.parametrize(
    "text",
    [
        "Sei das wichtig?",  # a question, not a statement
        "Ich habe das gesehen.",  # 1st person: already indicative
        "Wir kommen, es sei denn, es regnet.",
        "Er tut so, als sei nichts gewesen.",
    ],
)
def test_konjunktiv_stays_where_it_is_not_reported_speech(text: str) -> None:
    assert indicative(text) == text


def test_konjunktiv_rule_keeps_list_items() -> None:
    rule = RULES_BY_ID["konjunktiv"]
    result = rule.apply(Piece("man müsse viel trinken", is_list_item=True), RuleContext(PlainConfig()))
    assert result is None  # a list item has no full stop: not sure it is a statement
