"""A subordinate clause before the main clause becomes a sentence of its own.

"Weicht das Signal stark ab, schlägt das System Alarm." →
"Das Signal weicht vielleicht stark ab." + "Dann schlägt das System Alarm."

A clause with "wer" has no subject of its own: "Wer Fragen hat, kann sich an X wenden." → "Vielleicht
hat jemand Fragen." + "Dann kann sich diese Person an X wenden." (``whoever``).

The clause keeps its words; only the finite verb moves to second place (a separable particle goes to
the end: "vorliegt" → "liegt … vor"). A condition is marked as possible with "vielleicht", and the main
clause starts with a linking word ("Dann", "Da", "Deshalb" …) in place of the clause. Which clauses are
handled, and with which words, is in ``data/ls_restructure_conjunctions.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from simplify.plain_adverbials import circumstances
from simplify.plain_clauses import Piece, as_sentence, count_words, fits
from simplify.plain_lexicon import data_rows, speech_verbs
from simplify.plain_restructure import (
    OPENING_QUOTES,
    first_constituent_end,
    subject_before_verb_object,
    subject_pronoun,
)
from simplify.plain_shorten import shorten
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
    table: dict[str, Linking] = {}
    for word, *cells in data_rows("ls_restructure_conjunctions.tsv", 4):
        table[word] = Linking(*("" if cell == "-" else cell for cell in cells))
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
    particle = next((t.text for t in reversed(words) if t.pos == "PTKVZ"), "") if not final else ""
    end = first_constituent_end(words) or subject_before_verb_object(words, particle + verb.lemma)
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
    if tokens and tokens[0].text.lower() == _WHO:
        return whoever(text, max_words)
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


def _clause_first_shortened(text: str, max_words: int) -> list[Piece] | None:
    """The split after the rule "kuerzen" has left out an addition ("…, schlägt das System Alarm –
    inklusive eines Werts, der …"), which it would do anyway later."""
    shorter = shorten(text, max_words)
    return _clause_first(shorter[0].text, max_words) if shorter and len(shorter) == 1 else None


def fronted_subclause(text: str, max_words: int) -> list[Piece] | None:
    """Split "Wenn/Als/Weil … V, V …" and "V …, V …" into two main clauses, also after a semicolon
    ("A; als B V, V C." → "A." + "B V." + "Da V C."). The clause and its main clause are split only
    when all their pieces have at most ``max_words`` words."""
    parts = [p for p in re.split(r"\s*;\s+", text) if p.strip()]
    results = [_clause_first(part, max_words) or _clause_first_shortened(part, max_words) for part in parts]
    if all(r is None for r in results):
        return None
    pieces: list[Piece] = []
    for part, result in zip(parts, results, strict=True):
        pieces += result if result is not None else [Piece(as_sentence(part))]
    return pieces


# --- "Wer …, …" --------------------------------------------------------------------------------------

_WHO = "wer"
_ASKED = frozenset({"gebeten", "aufgefordert", "aufgerufen"})
_ASKED_MODALS = {"wird": "soll", "werden": "sollen"}
_PERSON = "diese Person"


def _someone(text: str, clause: tuple[Token, ...]) -> str | None:
    """ "Wer Hinweise geben kann" → "Vielleicht kann jemand Hinweise geben."; ``None`` for a clause of
    only its verb ("Wer möchte") or with a second verb."""
    if len(clause) < 2 or any(t.pos in FINITE_TAGS for t in clause[:-1]):
        return None
    verb = clause[-1]
    split = _split_particle(verb) if verb.pos in FINITE_TAGS or verb.pos in _INFINITIVES else None
    if split is None:
        return None
    form, particle = split
    reflexive = [t.text for t in clause[:-1] if t.pos == "PRF"]
    rest = [text[t.start : t.end] for t in clause[:-1] if t.pos != "PRF"]
    return as_sentence(" ".join(["Vielleicht", form, *reflexive, "jemand", *rest, particle]))


def _asked(text: str, tokens: tuple[Token, ...]) -> tuple[str, str, str, str] | None:
    """ "wird gebeten, sich R zu melden" → ("soll", "sich", R, "melden"); ``None`` for anything else."""
    if len(tokens) < 6 or tokens[0].text not in _ASKED_MODALS or tokens[1].text not in _ASKED:
        return None
    if tokens[2].text != "," or tokens[-2].pos != "PTKZU" or tokens[-1].pos != "VVINF":
        return None
    body = tokens[3:-2]
    reflexive = body[0].text if body and body[0].pos == "PRF" else ""
    body = body[1:] if reflexive else body
    if not body or any(t.pos in FINITE_TAGS or t.text in (",", ";") for t in body):
        return None
    return _ASKED_MODALS[tokens[0].text], reflexive, text[body[0].start : body[-1].end], tokens[-1].text


def _asked_sentences(modal: str, reflexive: str, rest: str, verb: str) -> list[str]:
    """ "Dann soll sich diese Person A melden." and, for "A oder B" with two places, "Oder diese Person
    soll sich B melden." as a sentence of its own."""
    first, second = rest, ""
    parts = re.split(r"\s+oder\s+(?=(?:bei|beim|an|am|im|in|unter)\s)", rest)
    if len(parts) == 2 and re.match(r"(?:bei|beim|an|am|im|in|unter)\s", rest):
        first, second = parts
    sentences = [as_sentence(" ".join(p for p in ("Dann", modal, reflexive, _PERSON, first, verb) if p))]
    if second:
        sentences.append(
            as_sentence(" ".join(p for p in ("Oder", _PERSON, modal, reflexive, second, verb) if p))
        )
    return sentences


def whoever(text: str, max_words: int) -> list[Piece] | None:
    """ "Wer Hinweise geben kann, wird gebeten, sich bei der Polizei zu melden." → "Vielleicht kann jemand
    Hinweise geben." + "Dann soll sich diese Person bei der Polizei melden." Also "Wer X, kann/muss …"
    ("Dann kann diese Person …"). A telephone number or time that makes a sentence too long gets a
    sentence of its own (rule "umstaende"); if a piece stays too long, nothing changes: a condition
    without its consequence would say something else."""
    tokens = tag(text)
    if not tokens or tokens[0].text.lower() != _WHO or not text.rstrip().endswith("."):
        return None
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma + 2 >= len(tokens) or tokens[comma + 1].pos not in FINITE_TAGS:
        return None
    condition = _someone(text, tokens[1:comma])
    if condition is None:
        return None
    main = tokens[comma + 1 : -1] if tokens[-1].text == "." else tokens[comma + 1 :]
    asked = _asked(text, main)
    if asked is not None:
        consequences = _asked_sentences(*asked)
    elif not any(t.text in (",", ";") or t.pos in SUBORDINATING_TAGS for t in main):
        joined = len(main) > 2 and main[2].text in ("und", "oder")  # "schützt sich und andere"
        reflexive = main[1].text if len(main) > 2 and main[1].pos == "PRF" and not joined else ""
        after = main[2:] if reflexive else main[1:]
        rest = text[after[0].start : after[-1].end] if after else ""
        consequences = [
            as_sentence(" ".join(p for p in ("Dann", main[0].text, reflexive, _PERSON, rest) if p))
        ]
    else:
        return None
    pieces = [Piece(condition)]
    for sentence in consequences:
        if count_words(sentence) <= max_words:
            pieces.append(Piece(sentence))
            continue
        moved = circumstances(sentence, max_words)
        if moved is None:
            return None
        pieces += moved
    return pieces if fits(pieces, max_words) else None
