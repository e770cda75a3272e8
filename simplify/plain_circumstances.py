"""The data of the rule "umstaende" and the kinds of circumstance added to it later: a motto, a distance in
time, where money comes from, an occasion in the past and a place at the end of the sentence.

Each finder returns ``Candidate`` spans with the short sentences that say the same; which of them really
leave the sentence is decided in ``simplify.plain_adverbials``. The words are in
``simplify/data/ls_adverbials.tsv``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from simplify.plain_clauses import is_subordinating
from simplify.plain_lexicon import data_rows
from simplify.plain_tagging import FINITE_TAGS, Token

DATA_FILE = "ls_adverbials.tsv"
_KINDS = frozenset(
    {
        "zeit",
        "tag",
        "zeitraum",
        "einheit",
        "mal",
        "partikel",
        "grund",
        "kontakt",
        "nominativ",
        "anhang",
        "vergangen",
        "motto",
        "abstand",
        "anzahl",
        "ort",
        "herkunft",
        "anlass",
        "stelle",
        "thema",
    }
)
DETERMINERS = frozenset({"ART", "PPOSAT", "PIAT", "PDAT", "PIDAT", "PDS"})
NOUNS = frozenset({"NN", "NE", "NNA", "FM"})


@lru_cache(maxsize=1)
def data() -> Mapping[str, tuple[tuple[str, str], ...]]:
    """Kind → (word, value) rows of the data file."""
    kinds: dict[str, list[tuple[str, str]]] = {}
    for cells in data_rows(DATA_FILE, (2, 3)):
        if cells[0] not in _KINDS:
            raise ValueError(f"{DATA_FILE}: unbekannte Art {cells[0]!r}")
        kinds.setdefault(cells[0], []).append((cells[1], cells[2] if len(cells) == 3 else ""))
    return MappingProxyType({kind: tuple(rows) for kind, rows in kinds.items()})


def kind_words(kind: str) -> frozenset[str]:
    """The words of one kind in the data file."""
    return frozenset(word for word, _ in data().get(kind, ()))


@dataclass(frozen=True)
class Candidate:
    """A circumstance that may leave the sentence: its span, its new sentences, how important it is to
    move it (0: a date or a reason, 1: other times) and where its sentences go (times first, so that
    "Das ist …" follows the statement it is about; the reason last)."""

    start: int
    end: int
    sentences: tuple[str, ...]
    rank: int
    place: int


def motto_candidates(tokens: tuple[Token, ...], text: str, past: bool) -> list[Candidate]:
    """ "Unter dem Motto A, B, C hat X …" → "Das Motto war: A, B, C." — only before the verb, where the
    verb shows where the motto ends."""
    mottos = dict(data().get("motto", ()))
    if (
        len(tokens) < 5
        or tokens[0].text != "Unter"
        or tokens[1].text != "dem"
        or tokens[2].text not in mottos
    ):
        return []
    finite = next((t for t in tokens[3:] if t.pos in FINITE_TAGS), None)
    if finite is None or finite.start <= tokens[3].start:
        return []
    phrase = text[tokens[3].start : finite.start].strip().rstrip(",")
    sentence = f"{mottos[tokens[2].text]} {tokens[2].text} {'war' if past else 'ist'}: {phrase}."
    return [Candidate(0, finite.start, (sentence,), 0, 2)]


def distance_candidates(tokens: tuple[Token, ...], text: str, past: bool) -> list[Candidate]:
    """ "mehrere Wochen vor dem Auftreten sichtbarer Risse" → "Das ist mehrere Wochen vor dem Auftreten
    sichtbarer Risse.": amount, unit, "vor"/"nach", article, noun and a genitive after it."""
    units = kind_words("abstand")
    candidates = []
    for index in range(len(tokens) - 4):
        amount, unit, relation, article = tokens[index : index + 4]
        if not (amount.pos == "CARD" or amount.text in kind_words("anzahl")) or unit.text not in units:
            continue
        if relation.text not in ("vor", "nach") or article.text not in ("dem", "der"):
            continue
        end = index + 4
        if end >= len(tokens) or not tokens[end].pos.startswith("NN"):
            continue
        end += 1
        attribute = end
        while attribute < len(tokens) and tokens[attribute].pos == "ADJA":
            attribute += 1
        if attribute > end and attribute < len(tokens) and tokens[attribute].pos == "NN":
            end = attribute + 1
        phrase = text[amount.start : tokens[end - 1].end]
        candidates.append(
            Candidate(amount.start, tokens[end - 1].end, (f"Das {'war' if past else 'ist'} {phrase}.",), 1, 0)
        )
    return candidates


def _origin_end(tokens: tuple[Token, ...], index: int) -> int | None:
    """End of "vom Land" or "aus dem Europäischen Sozialfonds Plus" at ``index``."""
    if index >= len(tokens) or tokens[index].text not in kind_words("herkunft"):
        return None
    end = index + 1
    if end < len(tokens) and tokens[end].pos in DETERMINERS:
        end += 1
    while end < len(tokens) and tokens[end].pos == "ADJA":
        end += 1
    if end >= len(tokens) or tokens[end].pos not in NOUNS:
        return None
    while end < len(tokens) and tokens[end].pos in NOUNS:
        end += 1
    return end


def origin_candidates(tokens: tuple[Token, ...], text: str, past: bool) -> list[Candidate]:
    """Where money comes from: "24 Millionen Euro vom Land und aus dem Sozialfonds" → "Das Geld kommt vom
    Land und aus dem Sozialfonds." (right after "Euro", one or two origins joined by "und")."""
    candidates = []
    for index, token in enumerate(tokens[:-2]):
        if token.text != "Euro" or index == 0 or tokens[index - 1].pos not in ("CARD", "NN"):
            continue
        end = _origin_end(tokens, index + 1)
        if end is not None and end + 1 < len(tokens) and tokens[end].text == "und":
            end = _origin_end(tokens, end + 1) or end
        if end is None or end < len(tokens) and tokens[end].pos in NOUNS | {"ART", "ADJA"}:
            continue
        phrase = text[tokens[index + 1].start : tokens[end - 1].end]
        sentence = f"Das Geld {'kam' if past else 'kommt'} {phrase}."
        candidates.append(Candidate(tokens[index + 1].start, tokens[end - 1].end, (sentence,), 1, 1))
    return candidates


def occasion_candidates(tokens: tuple[Token, ...], text: str, past: bool) -> list[Candidate]:
    """ "Bei der Prüfung nach DIN 1076 waren Schäden …" → "Das war bei der Prüfung nach DIN 1076.": the
    whole part before the verb, only in the past and with an article (an event). In the present "Bei
    Regen fällt das Fest aus" is a condition, and "Das ist bei Regen" would say something else."""
    if not past or len(tokens) < 4 or tokens[0].text not in kind_words("anlass"):
        return []
    if tokens[1].text.lower() not in ("der", "dem", "einer", "einem"):
        return []
    finite = next((i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS), None)
    if finite is None or finite < 3 or any(t.text == "," or is_subordinating(t) for t in tokens[:finite]):
        return []
    phrase = text[tokens[0].start : tokens[finite - 1].end]
    sentence = f"Das war {phrase[:1].lower()}{phrase[1:]}."
    return [Candidate(0, tokens[finite].start, (sentence,), 1, 0)]


def place_candidates(tokens: tuple[Token, ...], text: str, past: bool) -> list[Candidate]:
    """A place at the end of the sentence: "… eine starke Rauchentwicklung an dem Gebäude Ecke X-Straße und
    Y-Allee." → "Das war an dem Gebäude Ecke X-Straße und Y-Allee." Only with "dem" or "der" (a place,
    not a direction: "in die Schule"), without verbs or commas; moved only if the sentence is too long."""
    words = [t for t in tokens if t.pos[:1] != "$" or t.text in (",", ";")]
    for index in range(len(words) - 2, 0, -1):
        if words[index].text in kind_words("stelle") and words[index + 1].text in ("dem", "der"):
            break
    else:
        return []
    phrase = words[index:]
    if (
        len(phrase) < 3
        or phrase[2].pos not in NOUNS
        or any(t.pos[:1] == "V" or t.text in ",;" for t in phrase)
    ):
        return []
    if words[index - 1].pos not in NOUNS:
        return []  # "… hat an dem Haus gearbeitet": the place may belong to the verb
    start, end = phrase[0].start, tokens[-1].start if tokens[-1].text == "." else tokens[-1].end
    sentence = f"Das {'war' if past else 'ist'} {text[start:end].strip()}."
    return [Candidate(start, end, (sentence,), 1, 0)]
