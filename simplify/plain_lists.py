"""Enumerations after the verb become bullet lists (Leichte Sprache: lists instead of long rows).

"Besonders gefährdet sind Menschen über 65 Jahre, Pflegebedürftige, chronisch Kranke und Personen mit
Medikamenten." → "Besonders gefährdet sind:" + one bullet per item. A preposition in front of the
first item moves into the head ("Ermäßigungen gelten für:").

Also rows of things to do ("hatte beantragt, A zu begrenzen und B zu verschieben" → "hatte beantragt:" +
"A begrenzen" + "B verschieben"), "neben A auch B, C und D" ("erfasst A." + "erfasst auch:" + list), and,
in the rule "reihe", a row in the middle of a long sentence ("Gäste aus A, B und C eingeladen" → "Gäste aus
diesen Bereichen eingeladen:" + list; the words in ``data/ls_list_rows.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from simplify.plain_clauses import Piece, count_words, is_main_clause
from simplify.plain_lexicon import data_rows
from simplify.plain_tagging import DETERMINER_TAGS, FINITE_TAGS, Token, tag

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


_MAX_TASK_WORDS = 12
_TASK_JOINERS = frozenset({"und", "oder", "sowie", ","})


def _tasks(text: str, tokens: tuple[Token, ...]) -> list[str] | None:
    """ "die Anhebung zu begrenzen und den Neubau zu verschieben" → ["die Anhebung begrenzen", "den Neubau
    verschieben"]: each part ends with "zu" + infinitive (or "vorzubereiten"), the parts are joined by
    "und", "oder", "sowie" or commas; ``None`` for anything else (a verb, a comma inside a part)."""
    tasks: list[str] = []
    words: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.pos in FINITE_TAGS or token.pos[:1] == "$" and token.text != ",":
            return None
        if token.text == ",":
            return None  # a comma inside a part: a clause of its own
        if token.pos == "PTKZU" and index + 1 < len(tokens) and tokens[index + 1].pos == "VVINF":
            words.append(tokens[index + 1].text)
            index += 2
        elif token.pos == "VVIZU":
            words.append(token.lemma)
            index += 1
        else:
            words.append(text[token.start : token.end])
            index += 1
            continue
        tasks.append(" ".join(words))
        words = []
        if index < len(tokens) and tokens[index].text in _TASK_JOINERS:
            index += 1
    return None if words else tasks


def task_list(text: str) -> list[Piece] | None:
    """A main clause with two or more things to do after its comma: "Die Fraktion hatte beantragt, die
    Anhebung zu begrenzen und den Neubau zu verschieben." → "Die Fraktion hatte beantragt:" + "die
    Anhebung begrenzen" + "den Neubau verschieben" (list items need no finite verb)."""
    tokens = tag(text)
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or not text.rstrip().endswith(".") or not is_main_clause(tokens[:comma], at_start=True):
        return None
    rest = tokens[comma + 1 :]
    if rest and rest[-1].text == ".":
        rest = rest[:-1]
    if not rest or rest[0].pos == "KOUI":
        return None  # "…, um Flächen zu planen und Energie zu sparen": a purpose, not things to do
    tasks = _tasks(text, rest)
    if tasks is None or len(tasks) < 2 or any(count_words(t) > _MAX_TASK_WORDS for t in tasks):
        return None
    return [Piece(text[: tokens[comma].start] + ":")] + [Piece(task, True) for task in tasks]


_BARE = frozenset({"NN", "NE", "KON", "$,"})


def besides(text: str) -> list[Piece] | None:
    """ "S V neben A und B auch C, D und E." → "S V A und B." + "S V auch:" + C, D, E as a list (or "S V
    auch C." for one thing). Only when A has no article or adjective: after "neben" it is a dative,
    which would be wrong as an object ("erfasst dem Pegel")."""
    tokens = tag(text)
    finite = next((i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS), None)
    if finite is None or finite == 0 or finite + 2 >= len(tokens) or tokens[finite + 1].text != "neben":
        return None
    also = next((i for i in range(finite + 2, len(tokens)) if tokens[i].text == "auch"), None)
    if also is None or also == finite + 2 or any(t.pos not in _BARE for t in tokens[finite + 2 : also]):
        return None
    rest = tokens[also + 1 :]
    if not rest or rest[-1].text != "." or any(_not_a_row(t) for t in rest[:-1]):
        return None
    head = text[: tokens[finite].end]
    first = f"{head} {text[tokens[finite + 2].start : tokens[also - 1].end]}."
    others = text[rest[0].start : rest[-1].start].strip()
    row = enumeration(f"{head} {others}.", one_case=False)
    if row is None:
        return [Piece(first), Piece(f"{head} auch {others}.")]
    return [Piece(first), Piece(f"{head} auch:")] + row[1:]


def enumeration(text: str, one_case: bool = True) -> list[Piece] | None:
    """A row of three or more short items that fills the sentence after its finite verb → head with
    ":" and one list item each. Items are split at commas, the last one at its first "und"/"oder"/
    "sowie"; the row must end with a noun, name or number (not a verb particle or participle).
    Things to do after a comma ("…, A zu tun und B zu tun") are a row too (``task_list``), and so is
    what follows "neben A auch" (``besides``). ``one_case``: items with different articles ("der …,
    des …") are one phrase, not a row — unless the caller knows they are all objects."""
    tasks = task_list(text) or besides(text)
    if tasks is not None:
        return tasks
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
    if one_case and any(start in _CASE_DETERMINERS and start != starts[0] for start in starts[1:]):
        return None  # "45 Kräfte von der Feuerwehr, der Polizei und des Rettungsdienstes": one phrase
    return [Piece(head + ":")] + [Piece(item, True) for item in items]


# --- a row inside the sentence ----------------------------------------------------------------------

ROWS_FILE = "ls_list_rows.tsv"
_ITEM_NOUNS = frozenset({"NN", "NNA", "NE", "FM"})
_ROW_JOINERS = frozenset({"und", "oder", "sowie"})


class RowWords(NamedTuple):
    """What stands in the sentence for a row after one preposition, and which verbs it needs."""

    replacement: str
    verbs: frozenset[str]  # empty: any verb, but no names in the row


@lru_cache(maxsize=1)
def row_words() -> Mapping[str, RowWords]:
    """Preposition → the words that stand for it and the row in the sentence ("aus diesen Bereichen")."""
    table = {}
    for cells in data_rows(ROWS_FILE, 3):
        if not cells[1].startswith(cells[0] + " "):
            raise ValueError(f"{ROWS_FILE}: {cells[1]!r} beginnt nicht mit {cells[0]!r}")
        verbs = frozenset() if cells[2] == "-" else frozenset(cells[2].split(","))
        table[cells[0]] = RowWords(cells[1], verbs)
    return MappingProxyType(table)


def _item_end(tokens: tuple[Token, ...], index: int) -> int | None:
    """End of one item: determiner, adjectives, nouns, and an attribute with "von" ("die Qualifizierung
    von Beschäftigten"); ``None`` if no noun phrase starts at ``index``."""
    end = index + 1 if index < len(tokens) and tokens[index].pos in DETERMINER_TAGS else index
    while end < len(tokens) and tokens[end].pos == "ADJA":
        end += 1
    if end >= len(tokens) or tokens[end].pos not in _ITEM_NOUNS:
        return None
    while end < len(tokens) and tokens[end].pos in _ITEM_NOUNS:
        end += 1
    if end < len(tokens) and tokens[end].text.lower() in ("von", "vom"):
        return _item_end(tokens, end + 1) or end
    return end


def _row(tokens: tuple[Token, ...], start: int) -> tuple[list[tuple[int, int]], int] | None:
    """The items (token ranges) of "A, B und C" starting at ``start`` and where the row ends."""
    items: list[tuple[int, int]] = []
    index = start
    while True:
        end = _item_end(tokens, index)
        if end is None or end >= len(tokens):
            return None
        items.append((index, end))
        separator = tokens[end].text.lower()
        if separator == ",":
            index = end + 1
        elif separator in _ROW_JOINERS and len(items) >= 2:
            last = _item_end(tokens, end + 1)
            return None if last is None else (items + [(end + 1, last)], last)
        else:
            return None


def embedded_row(text: str, max_words: int) -> list[Piece] | None:
    """A long sentence with a row of three or more things after "aus", "über" or "zu" in its middle:
    the row becomes a list after the sentence, the sentence says "aus diesen Bereichen" instead:
    "X hat Gäste aus Mittelstand, Wissenschaft und Verwaltung eingeladen." → "X hat Gäste aus diesen
    Bereichen eingeladen:" + "Mittelstand" + "Wissenschaft" + "Verwaltung". Only for sentences longer
    than ``max_words``, and only when nothing after the row is part of it (no comma, no "und")."""
    if count_words(text) <= max_words or not text.rstrip().endswith(".") or ":" in text:
        return None
    tokens = tag(text)
    finite = next((i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS), None)
    if finite is None:
        return None
    lemmas = {t.lemma for t in tokens if t.pos.startswith("V")}
    for index in range(finite + 1, len(tokens) - 1):
        words = row_words().get(tokens[index].text.lower())
        found = _row(tokens, index + 1) if words and tokens[index].pos == "APPR" else None
        if words is None or found is None:
            continue
        items, end = found
        names = any(t.pos == "NE" for a, b in items for t in tokens[a:b])
        if words.verbs and not words.verbs & lemmas or not words.verbs and names:
            return None
        rest = tokens[end:]
        if len(items) < 3 or any(t.text in (",", ";") or t.text.lower() in _ROW_JOINERS for t in rest):
            return None
        texts = [text[tokens[a].start : tokens[b - 1].end] for a, b in items]
        if any(count_words(item) > _MAX_ITEM_WORDS for item in texts):
            return None
        head = f"{text[: tokens[index].start]}{words.replacement} {text[rest[0].start :] if rest else ''}"
        head = head.strip().rstrip(".").rstrip() + ":"
        return [Piece(head)] + [Piece(item, True) for item in texts]
    return None
