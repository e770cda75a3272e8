"""The registry of rewriting rules for the plain-language version.

Each rule is a small named function from one piece of text to its new pieces (or ``None`` when it
does not apply). ``RULES`` is the order in which the rule engine applies them; every application is
recorded as a ``Step`` with the rule's id and its German reason (``why``), so an editor can see and
undo it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from simplify import (
    plain_adverbials,
    plain_apposition_org,
    plain_conditions,
    plain_ellipsis,
    plain_lead,
    plain_lists,
    plain_means,
    plain_mood,
    plain_object_relative,
    plain_participle,
    plain_phone,
    plain_question,
    plain_relative,
    plain_restructure,
    plain_sentences,
    plain_shorten,
    plain_trim,
)
from simplify import plain_clauses as clauses
from simplify import plain_grammar as grammar
from simplify import plain_words as words
from simplify.plain_clauses import Piece
from simplify.plain_model import PlainConfig
from simplify.release import Person


@dataclass(frozen=True)
class RuleContext:
    """What a rule may know besides the sentence: the settings and the people of the release."""

    config: PlainConfig
    persons: tuple[Person, ...] = ()
    names: frozenset[str] = frozenset()  # words of place and person names: never split or changed


RuleFunction = Callable[[Piece, RuleContext], "list[Piece] | None"]


@dataclass(frozen=True)
class Rule:
    """A named rewriting rule."""

    rule_id: str
    why: str
    apply: RuleFunction


def _text_rule(function: Callable[[str], str]) -> RuleFunction:
    """A rule from a function that rewrites the words of a sentence but never splits it."""

    def apply(piece: Piece, _: RuleContext) -> list[Piece] | None:
        new = function(piece.text)
        return None if new == piece.text else [Piece(new, piece.is_list_item)]

    return apply


def _sentence_rule(function: Callable[[str], list[Piece] | None]) -> RuleFunction:
    """A rule that may split a sentence; list items are left alone."""

    def apply(piece: Piece, _: RuleContext) -> list[Piece] | None:
        return None if piece.is_list_item else function(piece.text)

    return apply


def _any_rule(function: Callable[[str], list[Piece] | None]) -> RuleFunction:
    """A rule for sentences and list items; a list item stays one item with its first letter as it was."""

    def apply(piece: Piece, _: RuleContext) -> list[Piece] | None:
        result = function(piece.text)
        if result is None or not piece.is_list_item:
            return result
        first = result[0].text.rstrip(".")
        return [Piece(piece.text[:1] + first[1:], True)]

    return apply


def _sized_rule(function: Callable[[str, int], list[Piece] | None]) -> RuleFunction:
    """A rule for sentences (not list items) from a function of the text and ``config.max_words``."""

    def apply(piece: Piece, context: RuleContext) -> list[Piece] | None:
        return None if piece.is_list_item else function(piece.text, context.config.max_words)

    return apply


def _shouting(piece: Piece, _: RuleContext) -> list[Piece] | None:
    if not words.is_shouting(piece.text):
        return None
    return [Piece(words.normal_case(piece.text), piece.is_list_item)]


def _appositions(piece: Piece, context: RuleContext) -> list[Piece] | None:
    return None if piece.is_list_item else clauses.appositions(piece.text, context.persons)


def _shorten(piece: Piece, context: RuleContext) -> list[Piece] | None:
    result = plain_shorten.shorten(piece.text, context.config.max_words, context.names)
    return None if result is None else [Piece(p.text, piece.is_list_item) for p in result]


def _genitive(piece: Piece, context: RuleContext) -> list[Piece] | None:
    result = grammar.genitive(piece.text, context.names)
    return None if result is None else [Piece(p.text, piece.is_list_item) for p in result]


def _fronted_passive(piece: Piece, context: RuleContext) -> list[Piece] | None:
    return None if piece.is_list_item else grammar.fronted_passive(piece.text, context.names)


def _compounds(piece: Piece, context: RuleContext) -> list[Piece] | None:
    config = context.config
    new = words.split_compounds(piece.text, config.separator, config.compound_min_letters, context.names)
    return None if new == piece.text else [Piece(new, piece.is_list_item)]


RULES: tuple[Rule, ...] = (
    Rule("grossbuchstaben", "Text in Großbuchstaben ist schwer zu lesen.", _shouting),
    Rule("apposition", "Ein Einschub mit Kommas wird ein eigener Satz: Wer ist die Person?", _appositions),
    Rule(
        "apposition-sache",
        "Ein Einschub mit Kommas wird ein eigener Satz: Was ist die Sache?",
        _sentence_rule(plain_sentences.thing_apposition),
    ),
    Rule(
        "zitat",
        "Wer spricht, steht in der Überschrift. Der Satz wird kürzer.",
        _sentence_rule(clauses.quotation),
    ),
    Rule("klammern", "Klammern stören beim Lesen.", _any_rule(clauses.brackets)),
    Rule(
        "apposition-name",
        "Ein Einschub mit Kommas wird ein eigener Satz: Was ist die Firma oder der Ort?",
        _sentence_rule(plain_apposition_org.apposition_after_name),
    ),
    Rule(
        "ueberschrift-zeit",
        "Eine Überschrift ohne Verb wird ein ganzer Satz: Ab wann ist etwas möglich?",
        _sentence_rule(plain_lead.timed_action),
    ),
    Rule(
        "telefon-vorne",
        "Der Satz ist zu lang. Die Telefon·nummer steht in einem eigenen kurzen Satz.",
        _sized_rule(plain_lead.phone_first),
    ),
    Rule("einschub", "Gedanken·striche und Einschübe stören beim Lesen.", _any_rule(clauses.insertions)),
    Rule(
        "abkuerzungen",
        "Abkürzungen sind schwer zu verstehen. Das ganze Wort ist leichter.",
        _text_rule(words.expand_abbreviations),
    ),
    Rule("titel", "Titel machen Namen lang. Der Name reicht.", _text_rule(words.drop_titles)),
    Rule(
        "zahlen",
        "Zahlen als Ziffern. Datum und Uhrzeit in einer festen Form.",
        _text_rule(words.normalise_numbers),
    ),
    Rule(
        "doppelpunkt",
        "Eine Aufzählung ist als Liste leichter. Zwei Sätze sind leichter als einer.",
        _sentence_rule(clauses.colon),
    ),
    Rule(
        "aufzaehlung",
        "Eine lange Reihe von Dingen ist als Liste leichter zu lesen.",
        _sentence_rule(plain_lists.enumeration),
    ),
    Rule(
        "nebensatz-vorne",
        "Ein Neben·satz am Anfang wird ein eigener Satz. Ein Wort wie „dann“ verbindet die 2 Sätze.",
        _sized_rule(plain_conditions.fronted_subclause),
    ),
    Rule(
        "auslassung",
        "Ein Satz – eine Aussage. Das Verb steht in jedem Satz.",
        _sentence_rule(plain_restructure.gapping),
    ),
    Rule(
        "sondern",
        "Ein Satz – eine Aussage. „Nicht A, sondern B“ wird zu 2 Sätzen.",
        _sized_rule(plain_restructure.not_but),
    ),
    Rule(
        "vergleich",
        "Ein Satz – eine Aussage. Der Vergleich wird ein eigener Satz.",
        _sized_rule(plain_restructure.comparison_tail),
    ),
    Rule("satz-teilen", "Ein Satz – eine Aussage.", _sentence_rule(clauses.clause_split)),
    Rule(
        "verben-teilen",
        "Ein Satz – eine Aussage. Wer etwas macht, steht in jedem Satz.",
        _sentence_rule(clauses.coordinated_verbs),
    ),
    Rule(
        "partizipien-teilen",
        "Ein Satz – eine Aussage. Wer etwas gemacht hat, steht in jedem Satz.",
        _sentence_rule(plain_ellipsis.participles),
    ),
    Rule(
        "relativsatz",
        "Ein Neben·satz wird ein eigener Satz. Das Wort, um das es geht, steht noch einmal da.",
        _sentence_rule(plain_relative.relative_clause),
    ),
    Rule(
        "relativsatz-objekt",
        "Ein Neben·satz wird ein eigener Satz. Wer etwas macht, steht vorne; das Wort, um das es geht, "
        "steht noch einmal da.",
        plain_object_relative.rule,
    ),
    Rule(
        "partizip-attribut",
        "Lange Wörter·gruppen vor einem Nomen sind schwer. Sie werden ein eigener Satz.",
        _sentence_rule(plain_participle.participle_attribute),
    ),
    Rule(
        "vorfeld",
        "Der Satz beginnt mit der Person oder Sache, um die es geht.",
        _sentence_rule(clauses.fronted_clause),
    ),
    Rule(
        "subjekt-vorne",
        "Der Satz beginnt mit der Person oder Sache, die etwas macht.",
        _sentence_rule(plain_sentences.fronted_object),
    ),
    Rule(
        "ort-satz",
        "Der Satz ist zu lang. Der Ort mit seinem Namen steht in einem eigenen kurzen Satz.",
        _sized_rule(plain_sentences.named_place),
    ),
    Rule("sonderzeichen", "Sonder·zeichen sind schwer zu lesen.", _text_rule(words.drop_special_characters)),
    Rule(
        "fuellwoerter",
        "Füllwörter wie „insgesamt“ oder „bereits“ machen den Satz länger, sagen aber nichts Neues.",
        _text_rule(plain_trim.drop_fillers),
    ),
    Rule("passiv", "Aktiv ist leichter: Wer macht etwas?", _sentence_rule(grammar.passive)),
    Rule(
        "passiv-vorfeld",
        "Aktiv ist leichter: Wer hat etwas gemacht? Die Person steht vorne.",
        _fronted_passive,
    ),
    Rule("genitiv", "Statt Genitiv: von.", _genitive),
    Rule(
        "konjunktiv",
        "Möglichkeits·form ist schwer. Wer spricht, steht in der Überschrift. Darum: ist statt sei.",
        _text_rule(plain_mood.indicative),
    ),
    Rule("woerter", "Ein bekanntes Wort ist leichter.", _text_rule(words.replace_hard_words)),
    Rule(
        "frage",
        "Der Satz ist zu lang. Die Frage am Ende wird eine eigene Frage.",
        _sized_rule(plain_question.indirect_question),
    ),
    Rule(
        "mittel-vorne",
        "Der Satz ist zu lang. Womit jemand etwas macht, steht in einem eigenen Satz.",
        _sized_rule(plain_means.means_first),
    ),
    Rule(
        "umstaende",
        "Der Satz ist zu lang. Zeit, Grund oder Telefon·nummer stehen in einem eigenen kurzen Satz.",
        plain_adverbials.rule,
    ),
    Rule(
        "reihe",
        "Eine lange Reihe von Dingen mitten im Satz ist als Liste leichter zu lesen.",
        _sized_rule(plain_lists.embedded_row),
    ),
    Rule(
        "hilfsverb-teilen",
        "Ein Satz – eine Aussage. Das Verb steht in jedem Satz.",
        _sized_rule(plain_restructure.shared_auxiliary),
    ),
    Rule(
        "gilt-fuer",
        "Der Satz ist zu lang. Für wen etwas gilt, steht in einem eigenen kurzen Satz.",
        _sized_rule(plain_sentences.amount_restriction),
    ),
    Rule(
        "telefon-nummer",
        "Der Satz ist zu lang. Jede Telefon·nummer steht in einem eigenen Satz.",
        _sized_rule(plain_phone.phone_numbers),
    ),
    Rule(
        "beispiele",
        "Der Satz ist zu lang. Die Beispiele stehen in einem eigenen Satz.",
        _sized_rule(plain_phone.examples),
    ),
    Rule("kuerzen", "Der Satz ist zu lang. Ein Neben·satz oder eine Neben·sache fällt weg.", _shorten),
    Rule("komposita", "Lange Wörter sind leichter, wenn man die Teile sieht.", _compounds),
)

RULES_BY_ID = {rule.rule_id: rule for rule in RULES}
