"""A subordinate clause before the main clause becomes a sentence of its own.

"Weicht das Signal stark ab, schlägt das System Alarm." →
"Das Signal weicht vielleicht stark ab." + "Dann schlägt das System Alarm."

The clause keeps its words; only the finite verb moves to second place (a separable particle goes to
the end: "vorliegt" → "liegt … vor"). A condition is marked as possible with "vielleicht", and the main
clause starts with a linking word ("Dann", "Da", "Deshalb" …) in place of the clause. Which clauses are
handled, and with which words, is in ``data/ls_restructure_conjunctions.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from simplify.plain_clauses import Piece, as_sentence
from simplify.plain_lexicon import speech_verbs
from simplify.plain_restructure import OPENING_QUOTES, first_constituent_end, fits, subject_pronoun
from simplify.plain_tagging import FINITE_TAGS, SUBORDINATING_TAGS, Token, compound_parts, tag

VERB_FIRST = "(Verb)"
_PRONOUNS = frozenset({"PPER", "PRF"})
_MAIN_CLAUSE_OPENERS = frozenset({"dann", "so"})
_NOT_SUBJECTS = frozenset({"APPR", "APPRART", "ADV", "PPER", "PRF", "PTKNEG"})
_SUBJECT_CONNECTORS = frozenset({"Das"})  # the linking word is the subject: "Das ist Gegenstand …"
_INFINITIVES = frozenset({"VVINF", "VAINF", "VMINF"})


class Linking(NamedTuple):
    """How one kind of clause is rewritten: a word after its verb ("" for none), the main clause's first
    word, and the word after the verb of further sentences split from the main clause ("" for none)."""

    marker: str
    connector: str
    repeated: str


@lru_cache(maxsize=1)
def linkings() -> dict[str, Linking]:
    """Lower-case conjunction (or ``VERB_FIRST``) → how its clause is rewritten."""
    text = resources.files("simplify.data").joinpath("ls_restructure_conjunctions.tsv").read_text("utf-8")
    table: dict[str, Linking] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, marker, connector, repeated = (cell.strip() for cell in line.split("\t"))
            table[word] = Linking(*("" if cell == "-" else cell for cell in (marker, connector, repeated)))
    return table


def _split_particle(verb: Token) -> tuple[str, str] | None:
    """("liegt", "vor") for "vorliegt"; (form, "") for a verb without a separable particle; ``None`` when
    HanTa is not sure whether the particle separates ("umfährt")."""
    parts = compound_parts(verb.text)
    if any(label == "PTKVZ_DUBIUM" for _, label in parts):
        return None
    particle = parts[0][0] if parts and parts[0][1] == "PTKVZ_SEP" else ""
    if particle and not verb.text.lower().startswith(particle.lower()):
        return None
    return verb.text[len(particle) :], particle


def _verb_second(text: str, material: tuple[Token, ...], verb: Token, marker: str, final: bool) -> str | None:
    """The clause as a main clause: first part, finite verb, pronouns, marker, the rest, the particle."""
    reflexive = 0
    while reflexive < len(material) and material[reflexive].pos == "PRF":
        reflexive += 1
    words = material[reflexive:]
    end = first_constituent_end(words)
    split = _split_particle(verb) if final else (verb.text.lower(), "")
    if end is None or split is None:
        return None
    form, particle = split
    rest = words[end:]
    pronouns = [*material[:reflexive]]
    while rest and rest[0].pos in _PRONOUNS:
        pronouns, rest = pronouns + [rest[0]], rest[1:]
    parts = [
        text[words[0].start : words[end - 1].end],
        form,
        *(t.text for t in pronouns),
        marker,
        text[rest[0].start : rest[-1].end] if rest else "",
        particle,
    ]
    return as_sentence(" ".join(p for p in parts if p))


def _finite(verb: Token, final: bool) -> bool:
    """The last verb of a clause with a conjunction is finite, even where HanTa reads the plural as an
    infinitive ("wenn Sie Fragen haben")."""
    return verb.pos in FINITE_TAGS or (final and verb.pos in _INFINITIVES)


def _main_clause_start(tokens: tuple[Token, ...], comma: int) -> int | None:
    """Index of the main clause's finite verb after the comma ("…, dann schlägt …" skips "dann")."""
    index = comma + 1
    if index < len(tokens) and tokens[index].text.lower() in _MAIN_CLAUSE_OPENERS:
        index += 1
    return index if index < len(tokens) and tokens[index].pos in FINITE_TAGS else None


def _clause_first(text: str, max_words: int) -> list[Piece] | None:
    tokens = tag(text)
    start = 1 if tokens and tokens[0].text in OPENING_QUOTES else 0
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma - start < 2 or text.rstrip().endswith("?"):
        return None
    main = _main_clause_start(tokens, comma)
    if main is None:
        return None
    head = tokens[start]
    clause = tokens[start + 1 : comma]
    if head.pos in FINITE_TAGS:
        linking = linkings().get(VERB_FIRST)
        if head.pos == "VMFIN" or (clause[0].text == "Sie" and main == comma + 1):
            return None  # "Sollte es regnen, …"; "Besuchen Sie uns, sehen Sie …" is an imperative
        verb, material, final = head, clause, False
    else:
        linking = linkings().get(head.text.lower())
        verb, material, final = clause[-1], clause[:-1], True
    if linking is None or not _finite(verb, final) or any(t.pos in FINITE_TAGS for t in material):
        return None
    condition = _verb_second(text, material, verb, linking.marker, final)
    if condition is None:
        return None
    pieces = [Piece(condition), *_consequences(text[tokens[main].start :], linking)]
    return pieces if fits(pieces, max_words) else None


def _consequences(main: str, linking: Linking) -> list[Piece]:
    """The main clause after its linking word; verbs that share its subject become sentences of their
    own: "Dann rufen Helfer die Leute an, erinnern ans Trinken und fragen …" → "Dann rufen Helfer die
    Leute an." + "Helfer erinnern dann ans Trinken." + "Helfer fragen dann …"."""
    tokens = tag(main)
    words = tokens[1:]
    subject_end = first_constituent_end(words) if words and words[0].pos not in _NOT_SUBJECTS else None
    cuts = [
        i
        for i in range(2, len(tokens) - 1)
        if tokens[i].text in (",", "und") and tokens[i + 1].pos in FINITE_TAGS
    ]
    speech = any(tokens[i + 1].text.lower() in speech_verbs() for i in cuts)  # "…, sagte die Ministerin."
    connector = linking.connector
    if (
        not cuts
        or speech
        or subject_end is None
        or connector in _SUBJECT_CONNECTORS
        or any(map(_is_subordinate, tokens))
    ):
        return [Piece(as_sentence(f"{connector} {main}"))]
    subject = (
        subject_pronoun(words[:subject_end], tokens[0]) or main[words[0].start : words[subject_end - 1].end]
    )
    pieces = [Piece(as_sentence(f"{connector} {main[: tokens[cuts[0]].start]}"))]
    for cut, end in zip(cuts, [*cuts[1:], len(tokens)], strict=True):
        verb = tokens[cut + 1]
        rest = main[verb.end : tokens[end].start if end < len(tokens) else None]
        pieces.append(
            Piece(as_sentence(" ".join(p for p in (subject, verb.text, linking.repeated, rest) if p)))
        )
    return pieces


def _is_subordinate(token: Token) -> bool:
    return token.pos in SUBORDINATING_TAGS


def fronted_subclause(text: str, max_words: int) -> list[Piece] | None:
    """Split "Wenn/Als/Weil … V, V …" and "V …, V …" into two main clauses, also after a semicolon
    ("A; als B V, V C." → "A." + "B V." + "Da V C."). The clause and its main clause are split only
    when all their pieces have at most ``max_words`` words."""
    parts = [p for p in re.split(r"\s*;\s+", text) if p.strip()]
    results = [_clause_first(part, max_words) for part in parts]
    if all(r is None for r in results):
        return None
    pieces: list[Piece] = []
    for part, result in zip(parts, results, strict=True):
        pieces += result if result is not None else [Piece(as_sentence(part))]
    return pieces
