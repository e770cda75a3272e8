"""An apposition after a name at the start of a sentence becomes a sentence of its own (rule
"apposition-name"): "Die Vantiro Systems AG, Anbieter von IoT-Lösungen, bringt X auf den Markt." → "Die
Vantiro Systems AG ist Anbieter von IoT-Lösungen." + "Die Vantiro Systems AG bringt X auf den Markt."

The rule "apposition" knows the people of a release; this one takes any name (a company, a club, a
place) that is the whole part before the first comma: an article and words with a capital letter. The
apposition must start with a noun or "ein/eine …" and have no verb, and a finite verb must follow it
right after the second comma — so the part before the comma is the Vorfeld of the main clause, and a list
("Die Stadt, der Kreis und …") or a relative clause ("Die AG, die …") is left alone. The apposition has
the case of the name, so "X ist <apposition>" is always grammatical.

If the main clause would be long (more than 12 words) with the name repeated, "Sie"/"Es" stands for a
name with "Die"/"Das" ("Sie bringt X auf den Markt."), but not if a noun phrase that could be the subject
follows the verb ("Die AG, …, kauft die Stadt": "Sie" could then be the object).
"""

from __future__ import annotations

from simplify.plain_clauses import Piece, as_sentence, count_words, is_subordinating
from simplify.plain_tagging import FINITE_TAGS, Token, tag

_NAME_ARTICLES = frozenset({"Die", "Der", "Das"})
_PRONOUNS = {"Die": "Sie", "Das": "Es"}
_NAME_TAGS = frozenset({"NN", "NE", "FM"})
_NOMINATIVE_START = frozenset({"der", "die", "das", "ein", "eine"})
_COMFORTABLE_WORDS = 12


def _is_name(tokens: tuple[Token, ...]) -> bool:
    """ "Die Vantiro Systems AG": an article, then only words with a capital letter, at least two."""
    return (
        len(tokens) >= 3
        and tokens[0].text in _NAME_ARTICLES
        and all(t.text[:1].isupper() and (t.pos in _NAME_TAGS or t.pos == "ADJA") for t in tokens[1:])
        and tokens[-1].pos in _NAME_TAGS
    )


def _is_apposition(tokens: tuple[Token, ...]) -> bool:
    """ "Anbieter von IoT-Lösungen": a noun without an article first, no verb, no clause. With "ein/eine"
    the rule "apposition-sache" (``simplify.plain_sentences``) takes it."""
    if not tokens or any(t.pos[:1] == "V" or is_subordinating(t) or t.text == "," for t in tokens):
        return False
    index = 0
    while index < len(tokens) and tokens[index].pos == "ADJA":
        index += 1
    return index < len(tokens) and tokens[index].pos == "NN" and tokens[index].text[:1].isupper()


def _plural(verb: Token) -> bool:
    return verb.text == "sind" or verb.text.endswith("en")


def apposition_after_name(text: str) -> list[Piece] | None:
    """The rule "apposition-name" (see the module docstring)."""
    tokens = tag(text)
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if len(commas) < 2:
        return None
    first, second = commas[:2]
    verb_index = second + 1
    if verb_index >= len(tokens) or tokens[verb_index].pos not in FINITE_TAGS:
        return None
    name_tokens, middle = tokens[:first], tokens[first + 1 : second]
    if not _is_name(name_tokens) or not _is_apposition(middle):
        return None
    verb = tokens[verb_index]
    name = text[: name_tokens[-1].end]
    apposition = text[middle[0].start : middle[-1].end]
    rest = text[verb.start :]
    intro = as_sentence(f"{name} {'sind' if _plural(verb) else 'ist'} {apposition}")
    main = as_sentence(f"{name} {rest}")
    after = tokens[verb_index + 1] if verb_index + 1 < len(tokens) else None
    pronoun = _PRONOUNS.get(name_tokens[0].text)
    subject_after = after is not None and after.text.lower() in _NOMINATIVE_START
    if count_words(main) > _COMFORTABLE_WORDS and pronoun and not subject_after:
        main = as_sentence(f"{pronoun} {rest}")
    return [Piece(intro), Piece(main)]
