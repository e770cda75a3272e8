"""Enumerations after the verb become bullet lists (Leichte Sprache: lists instead of long rows).

"Besonders gefährdet sind Menschen über 65 Jahre, Pflegebedürftige, chronisch Kranke und Personen mit
Medikamenten." → "Besonders gefährdet sind:" + one bullet per item. A preposition in front of the
first item moves into the head ("Ermäßigungen gelten für:").
"""

from __future__ import annotations

import re

from simplify.plain_clauses import Piece, count_words
from simplify.plain_tagging import FINITE_TAGS, Token, tag

_MAX_ITEM_WORDS = 6
_LAST_TAGS = frozenset({"NN", "NNA", "NNI", "NE", "FM", "CARD"})
# Tags and words that show the rest of the sentence is more than a row of things: verbs, clauses,
# adverbs and negation ("sich nicht in …, sondern in …", "neben A auch B").
_NOT_IN_ROW_TAGS = frozenset(
    {"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS", "ADV", "PTKNEG", "PRF", "PROAV", "PAV", "PTKVZ"}
)
_NOT_IN_ROW_WORDS = frozenset({"sondern", "aber", "auch", "sowohl", "als", "wie", ":", ";", "–", "(", ")"})
_CASE_DETERMINERS = frozenset({"des", "dem", "der", "den", "einer", "eines", "einem"})


def _not_a_row(token: Token) -> bool:
    return token.pos[:1] == "V" or token.pos in _NOT_IN_ROW_TAGS or token.text.lower() in _NOT_IN_ROW_WORDS


def enumeration(text: str) -> list[Piece] | None:
    """A row of three or more short items that fills the sentence after its finite verb → head with
    ":" and one list item each. Items are split at commas, the last one at its first "und"/"oder"/
    "sowie"; the row must end with a noun, name or number (not a verb particle or participle)."""
    tokens = tag(text)
    words = [t for t in tokens if t.pos[:1] != "$"]
    finite = next((i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS), None)
    if finite is None or not words or words[-1].pos not in _LAST_TAGS or not text.rstrip().endswith("."):
        return None
    after = tokens[finite + 1 :]
    if any(_not_a_row(t) for t in after):
        return None
    start = after[0].start if after else len(text)
    head = text[:start].rstrip()
    row = text[start:].rstrip().rstrip(".")
    first = tag(row)
    if first and first[0].pos in ("APPR", "APPRART"):
        head = f"{head} {first[0].text}"
        row = row[first[0].end :].strip()
    parts = [p.strip() for p in row.split(",")]
    if len(parts) < 2:
        return None
    last = re.split(r"\s+(?:und|oder|sowie)\s+", parts[-1], maxsplit=1)
    items = parts[:-1] + last
    if len(items) < 3 or len(last) < 2 or any(not 0 < count_words(i) <= _MAX_ITEM_WORDS for i in items):
        return None
    if tag(items[0])[0].pos == "CARD":
        return None  # "drei Teile, die Lesung, …": the first item counts the others, it is not one of them
    starts = [item.split()[0].lower() for item in items]
    if any(start in _CASE_DETERMINERS and start != starts[0] for start in starts[1:]):
        return None  # "45 Kräfte von der Feuerwehr, der Polizei und des Rettungsdienstes": one phrase
    return [Piece(head + ":")] + [Piece(item, True) for item in items]
