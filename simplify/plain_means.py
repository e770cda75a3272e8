"""A means in front of the verb gets a sentence of its own (rule "mittel-vorne"): "Mit dem neuen Programm X
unterstützt das Ministerium für A, B und C kleine Firmen bei …" → "Das Ministerium unterstützt kleine
Firmen bei …" + "Das macht das Ministerium für A, B und C mit dem neuen Programm X."

"Das macht …" adds no fact: it repeats the action of the sentence before. The rule needs a verb for an
action (``mittel`` in ``simplify/data/ls_lead.tsv``: "Mit 312 Patienten war die Notaufnahme voll" names
no means), the present tense and a subject with "der/die/das" right after the verb. The subject is written
in full in the first sentence if that fits ``max_words`` (now or after the rule "umstaende"), else in the
second, and the first has the
article and the noun only ("das Ministerium"), which point to the same thing. A "für"-part belongs to
the subject only after a noun for an institution ("das Ministerium für Arbeit, Qualifizierung und …").
"""

from __future__ import annotations

from simplify.plain_adverbials import circumstances, is_past
from simplify.plain_clauses import Piece, as_sentence, count_words, fits
from simplify.plain_lead import data
from simplify.plain_object_relative import agent_gender
from simplify.plain_tagging import FINITE_TAGS, Token, tag

_DEFINITE = frozenset({"der", "die", "das"})
_NAME_TAGS = frozenset({"NN", "NE", "FM"})


def _means_end(tokens: tuple[Token, ...]) -> int | None:
    """Index of the finite verb after "Mit dem neuen Programm X" (article, adjectives, noun, name)."""
    if len(tokens) < 6 or tokens[0].text != "Mit" or tokens[1].pos != "ART":
        return None
    index = 2
    while index < len(tokens) and tokens[index].pos == "ADJA":
        index += 1
    if index >= len(tokens) or tokens[index].pos != "NN":
        return None
    while index < len(tokens) and tokens[index].pos in _NAME_TAGS:
        index += 1
    return index if index < len(tokens) and tokens[index].pos in FINITE_TAGS else None


def _subject_end(tokens: tuple[Token, ...], start: int) -> int | None:
    """End of "das Ministerium (für Arbeit, Qualifizierung und Fachkräftesicherung)" or "das Land
    Niedersachsen" at ``start``; ``None`` if a noun follows (it might still belong to the subject)."""
    if start + 2 >= len(tokens) or tokens[start].text not in _DEFINITE or tokens[start + 1].pos != "NN":
        return None
    end = start + 2
    while end < len(tokens) and tokens[end].pos in ("NE", "FM"):
        end += 1  # a name: "das Land Niedersachsen"
    if end < len(tokens) and tokens[end].text == "für" and agent_gender(tokens[start + 1]) is not None:
        if end + 1 >= len(tokens) or tokens[end + 1].pos != "NN":
            return None
        end += 2
        while end + 1 < len(tokens) and tokens[end].text in (",", "und") and tokens[end + 1].pos == "NN":
            end += 2
    following = tokens[end] if end < len(tokens) else None
    if following is None or following.pos in _NAME_TAGS or following.text in (",", "und", "oder"):
        return None  # where the subject ends is not sure
    return end


def means_first(text: str, max_words: int) -> list[Piece] | None:
    """The rule "mittel-vorne" for a sentence longer than ``max_words`` (see the module docstring)."""
    if count_words(text) <= max_words:
        return None
    tokens = tag(text)
    verb_index = _means_end(tokens)
    if verb_index is None or is_past(tokens):
        return None
    verb = tokens[verb_index]
    if verb.lemma.lower() not in data()["mittel"]:
        return None
    end = _subject_end(tokens, verb_index + 1)
    if end is None:
        return None
    subject = text[tokens[verb_index + 1].start : tokens[end - 1].end]
    head = text[tokens[verb_index + 1].start : tokens[verb_index + 2].end]
    means = text[tokens[1].start : tokens[verb_index - 1].end]
    rest = text[tokens[end].start :]
    does = "machen" if verb.text.endswith("en") else "macht"
    for first, second in ((subject, head), (head, subject)):
        action = _short(as_sentence(f"{first} {verb.text} {rest}"), max_words)
        means_sentence = Piece(as_sentence(f"Das {does} {second} mit {means}"))
        if action is not None and count_words(means_sentence.text) <= max_words:
            return [action[0], means_sentence, *action[1:]]
    return None


def _short(sentence: str, max_words: int) -> list[Piece] | None:
    """The sentence, or what the rule "umstaende" makes of it, if every piece fits ``max_words``. Its own
    sentences ("Es geht um …") come after "Das macht …", which must follow the action it points to."""
    if count_words(sentence) <= max_words:
        return [Piece(sentence)]
    pieces = circumstances(sentence, max_words)
    return pieces if pieces is not None and fits(pieces, max_words) else None
