"""Relative clauses whose pronoun is not the subject become main clauses with the repeated noun.

"Der Haushalt sieht Ausgaben vor, denen Einnahmen gegenüberstehen." → "Der Haushalt sieht Ausgaben vor."
+ "Den Ausgaben stehen Einnahmen gegenüber."
"… stellte das Transferzentrum vor, das die Hochschule aufbaut." → "… stellte das Transferzentrum vor."
+ "Die Hochschule baut das Transferzentrum auf."

``simplify.plain_relative`` rewrites a clause whose pronoun is the subject; this module the others:

- dative "dem", "denen", "der" (after a feminine noun) and accusative "den": the article shows the case,
  so the repeated noun may go first and the clause keeps its order; only the verb moves to second place.
  A subject pronoun ("wir", "ich", "man" …) at the start of the clause goes first instead.
- accusative "die" and "das", which look like a nominative: only when the subject of the clause is
  clear, and then it goes first: a subject pronoun; a noun phrase when the verb does not fit the pronoun
  ("das die Firmen bauen"); an institution (``ls_agent_nouns.txt``) or a person of the release when the
  noun before the comma is neither ("das Zentrum, das die Hochschule aufbaut").
- nominative "der" after a clearly masculine noun or a man of the release, which the subject rule leaves
  alone when the clause has another noun phrase ("Markgraf, der die Bedeutung … hervorhob").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from simplify.plain_clauses import Piece, as_sentence
from simplify.plain_lexicon import data_rows
from simplify.plain_relative import (
    clause_end,
    ends_with_finite,
    is_subject_clause,
    main_clause,
    noun_end,
    noun_phrase,
    nounish,
    repeated_noun,
    verb_parts,
)
from simplify.plain_tagging import DETERMINER_TAGS, Token, compound_parts, span_text, tag

if TYPE_CHECKING:
    from simplify.release import Person
    from simplify.rules import RuleContext

AGENT_FILE = "ls_agent_nouns.tsv"
_OBJECT_PRONOUNS = frozenset({"dem", "den", "denen", "der", "die", "das"})
_SUBJECT_PRONOUNS = frozenset({"ich", "du", "er", "wir", "ihr", "man"})
# Determiners an antecedent of "dem" / "den" / nominative "der" can have; "der" and "die" are left out
# where they would also fit a feminine noun.
_MASCULINE_OR_NEUTER = frozenset(
    {"das", "dem", "des", "ein", "einem", "eines", "dieses", "diesem", "jedes", "jedem"}
)
_MASCULINE = frozenset({"den", "dem", "des", "einen", "einem", "eines", "diesen", "diesem", "jeden", "jedem"})
_FEMININE = frozenset({"eine", "einer", "diese", "jede"})
_PLURAL = frozenset({"alle", "allen", "viele", "vielen", "beide", "beiden", "mehrere", "mehreren", "einige"})
_NAME_TAGS = frozenset({"NE", "FM"})
_FEMININE_ENDINGS = ("in", "innen", "frau")


@lru_cache(maxsize=1)
def agent_nouns() -> dict[str, str]:
    """Last parts of nouns for institutions and groups that act ("stadt", "hochschule", "team") with
    their gender ("f", "m", "n")."""
    return {word: gender for word, gender in data_rows(AGENT_FILE, 2)}


def agent_gender(token: Token) -> str | None:
    """The gender of a noun for an institution or group ("Kulturfonds" → "m"), else ``None``."""
    if token.pos != "NN":
        return None
    parts = [morpheme for morpheme, label in compound_parts(token.text) if label == "NN"]
    if parts and parts[-1].lower() in agent_nouns():
        return agent_nouns()[parts[-1].lower()]
    word = token.text.lower()  # a compound HanTa does not split: "Kommunalaufsicht"
    return next((g for part, g in agent_nouns().items() if len(part) >= 5 and word.endswith(part)), None)


def is_name_word(word: str, names: frozenset[str]) -> bool:
    """Whether the word belongs to a name of the release; ``names`` holds the parts of hyphenated
    names ("Jens", "Uwe" for "Jens-Uwe")."""
    return word in names or all(part in names for part in word.split("-"))


def _is_agent(token: Token) -> bool:
    """A noun whose last part names an institution or group ("Handelskammer", "Hochschule")."""
    return agent_gender(token) is not None


def _person_words(persons: tuple[Person, ...], female: bool) -> frozenset[str]:
    """Words of the names of the men (or women) of the release, told by the role ("Landrat",
    "Präsidentin"); people without a role are neither."""
    chosen = set()
    for person in persons:
        if not person.role:
            continue
        is_female = any(word.lower().endswith(_FEMININE_ENDINGS) for word in person.role.split())
        if is_female == female:
            chosen.update(person.name.split())
    return frozenset(chosen)


def _plural_verb(verb: Token) -> bool:
    return verb.text.endswith(("en", "rn", "ln")) or verb.text == "sind"


def _finite_end(clause: tuple[Token, ...]) -> bool:
    """The clause ends with its only finite verb; a lone participle tag at the end is HanTa's guess for
    a present tense ("…, das die Stadt bezahlt"): a participle alone cannot end a relative clause."""
    if ends_with_finite(clause):
        return True
    return clause[-1].pos == "VVPP" and not any(t.pos[:1] == "V" for t in clause[:-1])


def _leading_phrase(clause: tuple[Token, ...], names: frozenset[str]) -> int:
    """Length of the noun phrase or name at the start of the clause (0 if there is none): a
    determiner, adjectives and a noun with the names after it ("die Hochschule", "die Stadt
    Lindenhagen"), or the words of a name ("Anna Berg")."""
    end = 0
    if clause[0].pos in DETERMINER_TAGS:
        end = 1
        while end < len(clause) and clause[end].pos in ("ADJA", "CARD"):
            end += 1
        if end >= len(clause) or not nounish(clause[end]):
            return 0
        end += 1
    while end < len(clause) - 1 and (clause[end].pos in _NAME_TAGS or is_name_word(clause[end].text, names)):
        end += 1
    return end


def _case_noun(tokens: tuple[Token, ...], determiner: int, head: int, pronoun: str) -> str | None:
    """The antecedent in the case of the pronoun: "den Ausgaben", "dem Verfahren", "der Frau",
    "den Plan", "das Zentrum"; ``None`` where the form is not sure."""
    token = tokens[head]
    if determiner < 0 and token.pos in _NAME_TAGS:
        return None  # a name needs no article, but "Anna Berg danken wir" reads wrongly
    pair = head >= 2 and tokens[head - 1].text == "und" and nounish(tokens[head - 2])
    if pronoun == "denen":
        nouns = [tokens[head - 2].text, token.text] if pair else [token.text]
        return "den " + " und ".join(n if n.endswith(("n", "s")) else n + "n" for n in nouns)
    if pair:
        return None
    if pronoun in ("dem", "den"):
        if token.pos != "NN":
            return None
        noun = token.lemma if token.text in (token.lemma + "s", token.lemma + "es") else token.text
        return f"{pronoun} {noun}"
    if pronoun == "der":
        return f"der {token.text}"
    noun = repeated_noun(tokens, determiner, head, pronoun)  # "die"/"das": same form as the nominative
    return noun[:1].lower() + noun[1:]


def _fits(pronoun: str, tokens: tuple[Token, ...], determiner: int, head: int, male: frozenset[str]) -> bool:
    """Whether the noun phrase can be what the pronoun stands for (gender and number)."""
    word = tokens[determiner].text.lower() if determiner >= 0 else None
    noun = tokens[head]
    if word is None:
        if noun.pos in _NAME_TAGS or noun.text in male:
            return pronoun == "der" and noun.text in male
        return pronoun in ("denen", "die") and noun.text != noun.lemma
    if pronoun == "denen":
        return word in _PLURAL or (word in ("die", "den") and noun.text != noun.lemma)
    if pronoun in ("dem", "den"):  # "ein" is masculine or neuter; the pronoun tells which
        # "der" right after a noun is a genitive ("der Hebesatz der Stadt, den …"), else a nominative
        after_noun = determiner > 0 and tokens[determiner - 1].pos in ("NN", "NE")
        return word in _MASCULINE_OR_NEUTER | _MASCULINE or (word == "der" and not after_noun)
    if pronoun == "der":  # a feminine noun: "der" is a dative; a masculine one: "der" is the subject
        return word in _FEMININE | _MASCULINE or (word == "die" and noun.text == noun.lemma)
    if pronoun == "das":
        return word in _MASCULINE_OR_NEUTER - {"dem", "einem", "diesem", "jedem"} or word == "das"
    return word in _FEMININE or word == "die"


# Words inside a measure or amount after the noun: "Ausgaben in Höhe von rund 1,12 Milliarden Euro".
_AMOUNT_TAGS = frozenset({"ADJA", "CARD", "ADV", "NN", "ART"})


def _antecedent(
    tokens: tuple[Token, ...], comma: int, pronoun: str, male: frozenset[str]
) -> tuple[int, int] | None:
    """(determiner or -1, head) of the noun the pronoun stands for: right before the comma, or — if
    that one does not fit — the noun before a phrase with a preposition ("Aufwendungen in Höhe von rund
    1,12 Milliarden Euro, denen …"), up to two such phrases back."""
    end = noun_end(tokens, comma)
    if tokens[end].text == "“":  # a title in quotes after the noun: 'das Zentrum „KI.Werk“'
        end = max((i for i in range(end) if tokens[i].text == "„"), default=0) - 1
    for _ in range(3):
        phrase = noun_phrase(tokens, end) if end >= 0 else None
        if phrase is None:
            return None
        if _fits(pronoun, tokens, *phrase, male):
            return phrase
        start = phrase[0] if phrase[0] >= 0 else phrase[1]
        while start > 0 and tokens[start - 1].pos in _AMOUNT_TAGS:
            start -= 1
        if start < 2 or tokens[start - 1].pos != "APPR":
            return None
        end = start - 2
    return None


def _name(tokens: tuple[Token, ...], head: int, words: frozenset[str]) -> str:
    start = head
    while start > 0 and (tokens[start - 1].text in words or tokens[start - 1].pos == "NE"):
        start -= 1
    return " ".join(t.text for t in tokens[start : head + 1])


def _new_sentence(
    text: str,
    tokens: tuple[Token, ...],
    clause: tuple[Token, ...],
    pronoun: str,
    phrase: tuple[int, int],
    context: tuple[frozenset[str], frozenset[str]],
) -> str | None:
    """The relative clause as a main clause, or ``None`` if it is not sure who does what."""
    names, male = context
    determiner, head = phrase
    verb, body = clause[-1], clause[:-1]
    parts = verb_parts(verb)
    if parts is None:
        return None
    if pronoun == "der" and (
        (determiner < 0 and tokens[head].text in male)
        or (determiner >= 0 and tokens[determiner].text.lower() in _MASCULINE)
    ):  # nominative: the antecedent is the subject
        if _plural_verb(verb):
            return None
        subject = (
            _name(tokens, head, male) if determiner < 0 else repeated_noun(tokens, determiner, head, "der")
        )
        return _join(subject, parts, span_text(text, body))
    noun = _case_noun(tokens, determiner, head, pronoun)
    if noun is None:
        return None
    first = body[0]
    if first.text in _SUBJECT_PRONOUNS and first.pos in ("PPER", "PIS"):
        return _join(first.text, parts, noun + " " + span_text(text, body[1:]))
    if pronoun in ("dem", "den", "denen", "der"):
        return _join(noun, parts, span_text(text, body))
    size = _leading_phrase(body, names)
    if size == 0:
        return None
    leading, antecedent = body[:size], tokens[head]
    agent_subject = (
        not _plural_verb(verb)
        and (_is_agent(leading[-1]) or all(is_name_word(t.text, names) for t in leading))
        and not _is_agent(antecedent)
        and not is_name_word(antecedent.text, names)
    )
    number_subject = _plural_verb(verb) and (
        pronoun == "das" or (determiner >= 0 and tokens[determiner].text.lower() in _FEMININE)
    )
    if not (agent_subject or number_subject):
        return None
    return _join(span_text(text, leading), parts, noun + " " + span_text(text, body[size:]))


def _join(first: str, parts: tuple[str, str], rest: str) -> str:
    return as_sentence(f"{first} {parts[0]} {rest} {parts[1]}")


def _possessive(
    text: str, tokens: tuple[Token, ...], comma: int, names: frozenset[str]
) -> list[Piece] | None:
    """ "…auf Hanna Vogelsang, deren Roman „Die Stille“ für Aufsehen gesorgt hatte." → "…auf Hanna
    Vogelsang." + "Hanna Vogelsangs Roman „Die Stille“ hatte für Aufsehen gesorgt." Only after a name of
    the release and when the owned thing is the subject of the clause (nothing else can be)."""
    name_end = comma - 1
    start = name_end
    while start > 0 and is_name_word(tokens[start - 1].text, names):
        start -= 1
    if not is_name_word(tokens[name_end].text, names) or tokens[comma + 2].pos != "NN":
        return None
    owned_end = comma + 3
    if owned_end < len(tokens) and tokens[owned_end].text == "„":  # a title: 'Roman „Die Stille“'
        owned_end = next((i + 1 for i in range(owned_end, len(tokens)) if tokens[i].text == "“"), len(tokens))
    end = clause_end(tokens, owned_end)
    clause = tokens[owned_end:end]
    if end >= len(tokens) or len(clause) < 2 or not _finite_end(clause) or not is_subject_clause(clause):
        return None
    noun, verb = tokens[comma + 2], clause[-1]
    if (noun.text != noun.lemma) != _plural_verb(verb):
        return None
    parts = verb_parts(verb)
    main = main_clause(text, tokens, comma, end)
    if parts is None or main is None:
        return None
    owner = text[tokens[start].start : tokens[name_end].end]
    owner += "’" if owner.endswith(("s", "x", "z", "ß")) else "s"
    owned = text[noun.start : tokens[owned_end - 1].end]
    return [Piece(as_sentence(main)), Piece(_join(f"{owner} {owned}", parts, span_text(text, clause[:-1])))]


def object_relative(
    text: str, names: frozenset[str] = frozenset(), persons: tuple[Person, ...] = ()
) -> list[Piece] | None:
    """The first relative clause of the kinds in the module doc becomes its own sentence after the main
    clause. ``names`` are the words of the names of the release; ``persons`` tell men from women."""
    tokens = tag(text)
    male = _person_words(persons, female=False)
    for comma in range(1, len(tokens) - 3):
        pronoun = tokens[comma + 1]
        if tokens[comma].text == "," and pronoun.text in ("deren", "dessen"):
            if (possessive := _possessive(text, tokens, comma, names)) is not None:
                return possessive
            continue
        if (
            tokens[comma].text != ","
            or pronoun.text not in _OBJECT_PRONOUNS
            or pronoun.pos not in ("PRELS", "ART", "PDS")
        ):
            continue
        end = clause_end(tokens, comma + 2)
        clause = tokens[comma + 2 : end]
        if len(clause) < 2 or end >= len(tokens) or not _finite_end(clause):
            continue
        phrase = _antecedent(tokens, comma, pronoun.text, male)
        if phrase is None:
            continue
        new = _new_sentence(text, tokens, clause, pronoun.text, phrase, (names, male))
        main = main_clause(text, tokens, comma, end)
        if new is not None and main is not None:
            return [Piece(as_sentence(main)), Piece(new)]
    return None


def rule(piece: Piece, context: RuleContext) -> list[Piece] | None:
    """The rule "relativsatz-objekt" for the registry; list items are left alone."""
    if piece.is_list_item:
        return None
    return object_relative(piece.text, context.names, context.persons)
