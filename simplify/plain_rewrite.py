"""Applying the rule registry to one source sentence, with every step recorded, and deciding which
results are good enough for the plain version (short, with a finite verb)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from simplify.checker import character_errors
from simplify.plain_clauses import Piece, count_words
from simplify.plain_model import Omission, PlainSentence, Step
from simplify.plain_tagging import has_finite_verb
from simplify.rules import RULES, Rule, RuleContext


@dataclass(frozen=True)
class _Work:
    piece: Piece
    steps: tuple[Step, ...]


def _apply(rule: Rule, item: _Work, index: int, context: RuleContext) -> list[_Work]:
    result = rule.apply(item.piece, context)
    if result is None:
        return [item]
    result = [p for p in result if p.text.strip()]
    if [p.text for p in result] == [item.piece.text]:
        return [item]
    step = Step(rule.rule_id, index, item.piece.text, " | ".join(p.text for p in result), rule.why)
    return [_Work(p, item.steps + (step,)) for p in result]


def rewrite(
    text: str, index: int, context: RuleContext, is_list_item: bool = False, rules: tuple[Rule, ...] = RULES
) -> list[tuple[Piece, tuple[Step, ...]]]:
    """Run every rule in order over the sentence and the pieces it splits into."""
    items = [_Work(Piece(" ".join(text.split()), is_list_item), ())]
    for rule in rules:
        items = [new for item in items for new in _apply(rule, item, index, context)]
    return [(item.piece, item.steps) for item in items]


def _tidy(piece: Piece) -> str:
    text = re.sub(r"\s+", " ", piece.text).strip()
    text = re.sub(r"\s+([,.:;!?])", r"\1", text)
    if piece.is_list_item:
        return text.rstrip(",;. ")
    return text if not text or text[-1] in ".!?:" else text.rstrip(",;") + "."


def simplify_sentence(
    text: str, index: int, context: RuleContext, is_list_item: bool = False
) -> tuple[list[PlainSentence], list[Omission]]:
    """The plain lines made from one source sentence, and what had to be left out."""
    kept: list[PlainSentence] = []
    omitted: list[Omission] = []
    intro_omitted = False  # a list made by a rule belongs to the sentence before it
    for piece, steps in rewrite(text, index, context, is_list_item):
        line = _tidy(piece)
        count = count_words(line)
        if count == 0:
            continue
        if piece.is_list_item and not is_list_item and intro_omitted:
            omitted.append(Omission(index, line, "Die Liste gehört zu einem Satz, der fehlt."))
            continue
        intro_omitted = False
        if count > context.config.max_words:
            omitted.append(Omission(index, line, f"Auch nach dem Umschreiben zu lang ({count} Wörter)."))
        elif not piece.is_list_item and not has_finite_verb(line):
            omitted.append(Omission(index, line, "Kein ganzer Satz: Es fehlt ein gebeugtes Verb."))
        elif problems := character_errors(line):
            omitted.append(Omission(index, line, "Regel verletzt: " + problems[0].hint))
        else:
            kept.append(PlainSentence(line, (index,), steps, piece.is_list_item))
            continue
        intro_omitted = not piece.is_list_item
    return kept, omitted
