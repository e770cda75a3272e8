"""Rules that bring subtitle and lead of a press release completely into the plain version: there stand
who, what, when and where (the inverted pyramid), so none of their sentences may be left out.

- "ueberschrift-zeit": a headline half without a verb that is an action and a time becomes a sentence:
  "Bis zu 5.000 Euro für X – Anträge ab 1. April 2025" → "… – Anträge sind ab 1. April 2025 möglich"
  (the rule "einschub" then makes two sentences of the halves). "möglich" is the only word added: only
  nouns for something one does are in the data file ("Tickets ab 12. Mai" stays: tickets are not
  "möglich", and "gibt es" or "kann man stellen" would say more than the headline).
- "telefon-vorne": a long sentence that starts with the telephone number gives it a sentence of its own:
  "Unter der kostenlosen Telefonnummer 0800 123 bekommen X Tipps." → "Die kostenlose Telefonnummer ist
  0800 123." + "Unter dieser Nummer bekommen X Tipps." The rest keeps its word order, so no subject has
  to be found.

The words are in ``simplify/data/ls_lead.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from simplify.plain_adverbials import time_phrase
from simplify.plain_circumstances import kind_words as circumstance_words
from simplify.plain_clauses import Piece, as_sentence, count_words
from simplify.plain_lexicon import data_rows
from simplify.plain_tagging import FINITE_TAGS, tag

DATA_FILE = "ls_lead.tsv"
_KINDS = frozenset({"moeglich", "frage", "rede", "mittel"})
_DASH = re.compile(r"\s+[–—]\s+")
_COMFORTABLE_WORDS = 12


@lru_cache(maxsize=1)
def data() -> Mapping[str, Mapping[str, str]]:
    """Kind → {word: value} from the data file."""
    kinds: dict[str, dict[str, str]] = {}
    for cells in data_rows(DATA_FILE, (2, 3)):
        if cells[0] not in _KINDS:
            raise ValueError(f"{DATA_FILE}: unbekannte Art {cells[0]!r}")
        kinds.setdefault(cells[0], {})[cells[1]] = cells[2] if len(cells) == 3 else ""
    return MappingProxyType({kind: MappingProxyType(rows) for kind, rows in kinds.items()})


# --- ueberschrift-zeit ------------------------------------------------------------------------------


def _action(noun: str) -> tuple[str, str] | None:
    """(article, verb) for a noun whose last part is an action in the data file ("Förderanträge")."""
    lowered = noun.lower()
    ending = max((w for w in data()["moeglich"] if lowered.endswith(w)), key=len, default=None)
    if ending is None:
        return None
    article, _, verb = data()["moeglich"][ending].partition("|")
    return ("" if article == "-" else article), verb


def _timed_action(part: str) -> str | None:
    """ "Anträge ab 1. April 2025" → "Anträge sind ab 1. April 2025 möglich"; ``None`` for anything else."""
    match = re.fullmatch(r"([A-ZÄÖÜ][\w·-]*)\s+(.+?)\.?", part.strip())
    if match is None or not time_phrase().fullmatch(match.group(2)):
        return None
    found = _action(match.group(1))
    if found is None:
        return None
    article, verb = found
    return " ".join(w for w in (article, match.group(1), verb, match.group(2), "möglich") if w)


def timed_action(text: str) -> list[Piece] | None:
    """The rule "ueberschrift-zeit": each dash half (or the whole line) that is only an action and a
    time becomes a clause; the halves stay joined by the dash for the rule "einschub"."""
    parts = _DASH.split(text.strip())
    new = [_timed_action(p) or p for p in parts]
    if new == parts:
        return None
    if len(new) == 1:
        return [Piece(as_sentence(new[0]))]
    return [Piece(" – ".join(p.rstrip(".") for p in new))]


# --- telefon-vorne ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _phone_first() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in sorted(circumstance_words("kontakt"), key=len, reverse=True))
    return re.compile(rf"Unter\s+der\s+(?:([a-zäöüß]+e)n\s+)?({nouns})\s+(\+?\d+(?:\s\d+)*)\s+(?=\S)")


def phone_first(text: str, max_words: int) -> list[Piece] | None:
    """The rule "telefon-vorne": "Unter der (kostenlosen) Telefonnummer 0800 123 V …" of a long sentence →
    "Die (kostenlose) Telefonnummer ist 0800 123." + "Unter dieser Nummer V …". Only if a finite verb
    follows the number (the number ends there) and it has at least 5 digits (a telephone number, not
    "Nummer 3")."""
    if count_words(text) <= min(max_words, _COMFORTABLE_WORDS):
        return None
    match = _phone_first().match(text)
    if match is None or len(re.sub(r"\D", "", match.group(3))) < 5:
        return None
    rest = text[match.end() :]
    following = next((t for t in tag(text) if t.start >= match.end()), None)  # tagged in the whole sentence
    if following is None or following.pos not in FINITE_TAGS:
        return None
    adjective = f"{match.group(1)} " if match.group(1) else ""
    number = f"Die {adjective}{match.group(2)} ist {match.group(3)}."
    return [Piece(number), Piece(as_sentence(f"Unter dieser Nummer {rest}"))]
