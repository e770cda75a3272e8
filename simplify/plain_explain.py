"""Explaining hard words where they are first used, as Leichte-Sprache texts do.

A reader with learning difficulties does not look up a word in the Wörterbuch at the end. So the
explanation from ``data/ls_glossary.tsv`` also follows the first line that uses the word, one
sentence per line ("Das Team nutzt Rotor·blätter." → "Rotor·blätter sind die langen Flügel an einem
Wind·rad."). Only words and terms of several words ("Proof of Concept") that the Wörterbuch lists
are explained (same lookup, same Zipf limit), each once. An explanation goes in only when every one
of its lines passes the rules of the plain version (at most ``max_words`` words, a finite verb, no
checker error) and has no number; otherwise it stays in the Wörterbuch only. After a list, or a
line that introduces one, the explanations follow the last list item, so that the list stays together.

At most ``MAX_LINES`` explanation lines follow the lines of one source sentence: eight lines of
explanations after a list of people bury the text they explain. The rarest words (wordfreq) go
first; a word that does not fit is explained where it is used next, or stays in the Wörterbuch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from wordfreq import zipf_frequency

from simplify.checker import CheckConfig, check, errors
from simplify.glossary import lookup, terms
from simplify.plain_acronyms import apply_separator
from simplify.plain_lexicon import glossary
from simplify.plain_model import PlainConfig, PlainSentence, Section, Step
from simplify.plain_tagging import has_finite_verb, tag
from simplify.plain_words import split_compounds
from simplify.segment import split_sentences, words
from simplify.summary import EXPLANATION_RULES, WORD_EXPLAIN_RULE

WHY = "Schwere Wörter werden gleich beim ersten Mal erklärt."
MAX_LINES = 4

_WORD = re.compile(r"[^\W\d_][\w·-]*")


def hard_words(text: str, max_zipf: float) -> Iterator[tuple[str, str]]:
    """(word as written, glossary key) for each word or term of several words of ``text`` that the
    Wörterbuch lists, in order."""
    for word, key in terms(text):
        if zipf_frequency(key, "de") < max_zipf:
            yield word, key


def line_passes(line: str, config: PlainConfig) -> bool:
    """Whether a line may stand in the plain version: short, a finite verb, no checker error."""
    if not 0 < len(words(line)) <= config.max_words or not has_finite_verb(line):
        return False
    return not errors(check(line, CheckConfig(max_words=config.max_words, rare_zipf=config.rare_zipf)))


def _written_like(line: str, key: str, as_written: str) -> str:
    """``line`` with the explained word in the parts it has in the text ("Stadtwerke" becomes
    "Stadt·werke" after "Stadt·werken"), so that the reader meets the same word again."""
    parts = re.split(r"[·-]", as_written)
    if len(parts) < 2 or "-" in key:
        return line

    def split(match: re.Match[str]) -> str:
        word = rest = match.group()
        if "·" in word or lookup(word) != key:
            return word
        pieces = []
        for part in parts[:-1]:
            if len(rest) <= len(part) or not rest.lower().startswith(part.lower()):
                return word
            pieces.append(rest[: len(part)])
            rest = rest[len(part) :]
        return "·".join([*pieces, rest])

    return _WORD.sub(split, line)


def explanation_lines(
    key: str, config: PlainConfig, names: frozenset[str] = frozenset(), as_written: str = ""
) -> tuple[str, ...]:
    """The glossary explanation of ``key`` as lines of the text: one sentence per line, long words
    split like in the text (the explained word like ``as_written``, its form in the text); empty when
    one of the lines does not pass ``line_passes``, or when the explanation has a number: every number
    in the text must be a number of the release ("für 2 Jahre" stays in the Wörterbuch)."""
    explanation = glossary()[key]
    if any(c.isdigit() for c in explanation):
        return ()
    lines = []
    for sentence in split_sentences(explanation):
        split = split_compounds(sentence.text.strip(), "·", config.compound_min_letters, names)
        lines.append(apply_separator(_written_like(split, key, as_written), config.separator))
    if not lines or not all(line_passes(line, config) for line in lines):
        return ()
    return tuple(lines)


def _family(word: str, key: str) -> str:
    """The glossary key of the word's lemma ("Anträge" → "antrag"), so that the forms of one word
    are explained once; ``key`` when the lemma has no entry of its own."""
    tokens = tag(word.replace("·", ""))
    return (lookup(tokens[0].lemma) if len(tokens) == 1 else None) or key


def _rarest_that_fit(candidates: dict[str, tuple[str, int]], limit: int) -> set[str]:
    """The candidates (family → glossary key, number of lines) to explain: the rarest key first,
    each while its lines still fit into ``limit`` lines."""
    chosen: set[str] = set()
    room = limit
    for family in sorted(candidates, key=lambda family: zipf_frequency(candidates[family][0], "de")):
        if candidates[family][1] <= room:
            chosen.add(family)
            room -= candidates[family][1]
    return chosen


def _explanations(
    group: Sequence[PlainSentence],
    explained: set[str],
    config: PlainConfig,
    names: frozenset[str],
    limit: int,
) -> list[PlainSentence]:
    """The explanation lines for the hard words of ``group`` (the lines of one source sentence) not
    explained before, in the order of the text: the rarest words first, while their lines fit into
    ``limit`` lines (marks the words explained)."""
    found: dict[str, tuple[str, str, PlainSentence, tuple[str, ...]]] = {}
    for sentence in group:
        if _is_explanation(sentence):
            continue
        for word, key in hard_words(sentence.text, config.glossary_max_zipf):
            family = _family(word, key)
            if family in explained or family in found:
                continue
            lines = explanation_lines(key, config, names, word)
            if lines:
                found[family] = (word, key, sentence, lines)
    chosen = _rarest_that_fit(
        {family: (key, len(lines)) for family, (_, key, _, lines) in found.items()}, limit
    )
    result = []
    for family, (word, _key, sentence, lines) in found.items():
        if family not in chosen:
            continue
        explained.add(family)
        source = sentence.source_indices[0] if sentence.source_indices else -1
        for text in lines:
            step = Step(WORD_EXPLAIN_RULE, source, word, text, WHY)
            result.append(PlainSentence(text, sentence.source_indices, (step,), False))
    return result


def _is_explanation(sentence: PlainSentence) -> bool:
    return any(step.rule_id in EXPLANATION_RULES for step in sentence.steps)


def explain_words(
    sections: Sequence[Section],
    config: PlainConfig,
    names: frozenset[str] = frozenset(),
    max_lines: int = MAX_LINES,
) -> list[Section]:
    """The sections with the explanation of each hard word after the lines made from the same source
    sentence as the line that first uses it (so "Das ist am 14. März." still follows its statement),
    and after the list when that line introduces a list or is part of one; at most ``max_lines``
    explanation lines per source sentence; ``names`` are never split."""
    explained: set[str] = set()
    result = []
    for section in sections:
        lines: list[PlainSentence] = []
        group: list[PlainSentence] = []
        for sentence in section.sentences:
            if group and not sentence.is_list_item and sentence.source_indices != group[-1].source_indices:
                lines += group + _explanations(group, explained, config, names, max_lines)
                group = []
            group.append(sentence)
        lines += group + _explanations(group, explained, config, names, max_lines)
        result.append(Section(section.heading, tuple(lines)))
    return result
