"""An indirect question after a noun at the end of a long sentence becomes a question of its own (rule
"frage"): "X bekommen Tipps, wie sie gut durch heiße Tage kommen." → "X bekommen Tipps." + "Es geht um
die Frage: Wie kommen sie gut durch heiße Tage?"

"Es geht um die Frage" adds no fact: the clause names the topic of the noun. The question keeps every word
of the clause; only the finite verb moves to the front ("ob es regnet" → "Regnet es?"). Left alone: a
clause with a separable verb ("wie man sich anmeldet" would need "meldet … an"), a question word with its
own phrase ("wie viel Geld"), "so … wie" (a comparison) and "wie die Polizei mitteilte" (who said it).
"""

from __future__ import annotations

from simplify.plain_clauses import Piece, as_sentence, count_words, is_main_clause
from simplify.plain_lead import data
from simplify.plain_tagging import FINITE_TAGS, Token, tag

FRAME = "Es geht um die Frage:"
_SUBJECT_START = frozenset({"PPER", "PIS", "ART", "NN", "NE", "PPOSAT", "PDAT"})
_AMOUNTS = frozenset({"viel", "viele", "wenig", "wenige"})  # "wie viel Geld": a question phrase
_INFINITIVE_TAGS = frozenset({"VVINF", "VAINF", "VMINF"})
_COMPARISON = frozenset({"so", "genauso", "ebenso"})
# verb particles that are written apart in a main clause ("anmeldet" → "meldet … an")
_SEPARABLE = (
    *("ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "her", "hin", "los", "mit", "nach"),
    *("statt", "teil", "vor", "weg", "weiter", "zu", "zurück", "zusammen"),
)


def _separable(verb: Token) -> bool:
    text, lemma = verb.text.lower(), verb.lemma.lower()
    return any(text.startswith(p) and lemma.startswith(p) for p in _SEPARABLE)


def _question(tokens: tuple[Token, ...], text: str) -> str | None:
    """The clause "wie sie gut durch heiße Tage kommen" (``tokens`` without the final full stop) as a
    question: "Wie kommen sie gut durch heiße Tage?"; ``None`` if that is not sure."""
    word, rest, verb = tokens[0], tokens[1:-1], tokens[-1]
    asks = data()["frage"]
    # the last verb of the clause is its finite verb; HanTa tags a plural one as an infinitive ("kommen")
    finite = verb.pos in FINITE_TAGS or verb.pos in _INFINITIVE_TAGS
    if word.text not in asks or not finite or _separable(verb):
        return None
    if any(t.pos in FINITE_TAGS or t.pos[:1] == "$" for t in rest):
        return None
    starts = bool(rest) and rest[0].pos in _SUBJECT_START and rest[0].text.lower() not in _AMOUNTS
    if word.text != "wer" and not starts:
        return None  # "wie viel Geld …", "wie lange …": the question word has a phrase of its own
    if verb.lemma.lower() in data()["rede"]:
        return None
    middle = text[rest[0].start : rest[-1].end] if rest else ""
    if asks[word.text] == "ja":
        return f"{verb.text[:1].upper()}{verb.text[1:]} {middle}?"
    return " ".join(w for w in (word.text.capitalize(), verb.text, middle) if w) + "?"


def indirect_question(text: str, max_words: int) -> list[Piece] | None:
    """The rule "frage" for a sentence longer than ``max_words`` (see the module docstring)."""
    if count_words(text) <= max_words or not text.rstrip().endswith("."):
        return None
    tokens = tag(text)
    words = tokens[:-1] if tokens and tokens[-1].text == "." else tokens
    comma = next((i for i in range(len(words) - 1, 0, -1) if words[i].text == ","), None)
    if comma is None or words[comma - 1].pos != "NN" or comma + 3 > len(words):
        return None
    main = words[:comma]
    if any(t.text.lower() in _COMPARISON for t in main) or not is_main_clause(main, at_start=True):
        return None
    question = _question(words[comma + 1 :], text)
    if question is None:
        return None
    first = as_sentence(text[: words[comma].start])
    return [Piece(first), Piece(f"{FRAME} {question}")]
