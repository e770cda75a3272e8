"""Shortening a sentence that is still too long: which parts may go without changing what it says."""

from __future__ import annotations

from functools import lru_cache

from simplify.plain_clauses import Piece, as_sentence, count_words, is_main_clause, is_subordinating
from simplify.plain_keep import members, purpose
from simplify.plain_lexicon import addition_markers, data_rows, droppable_subordinators
from simplify.plain_tagging import FINITE_TAGS, Token, has_finite_verb, tag


def shorten(text: str, max_words: int, names: frozenset[str] = frozenset()) -> list[Piece] | None:
    """A sentence that is still too long loses what follows its last comma, if the rest is a full main
    clause and the lost part cannot reverse its statement: a clause of consequence, purpose, reason or
    time ("…, sodass …"), a relative clause about a name ("…, Markgraf, der …"), or an addition
    without a verb ("…, darunter …"; after a dash also with one: "… – inklusive X, der …").
    An addition that names parts and a purpose of people stay as a sentence of their own where that is
    certain (``plain_keep``). Conditions and restrictive relative clauses are never dropped. Last
    resort: side phrases without numbers or names ("in seiner Sitzung"), never a direction or a
    phrase the verb needs ("in einen Zeitraum gelegt")."""
    if count_words(text) <= max_words:
        return None
    tokens = tag(text)
    markers = tuple(m.split() for m in addition_markers())
    for index in range(len(tokens) - 2, 0, -1):
        if tokens[index].text not in (",", "–", "—"):
            continue
        nxt, before = tokens[index + 1], tokens[index - 1]
        rest = [t.text.lower() for t in tokens[index + 1 : index + 4]]
        comma = tokens[index].text == ","
        droppable = (
            (comma and nxt.text.lower() in droppable_subordinators())
            or (comma and nxt.pos == "PRELS" and before.pos == "NE")
            or (
                any(rest[: len(m)] == [w.lower() for w in m] for m in markers)
                and (not comma or not any(t.pos[:2] in ("VV", "VA", "VM") for t in tokens[index:]))
            )
        )
        left = text[: tokens[index].start]
        if droppable and count_words(left) >= 3 and _complete(tag(left)):
            kept = (
                (members(text, tokens, index, max_words) or purpose(text, tokens, index, max_words))
                if comma
                else None
            )
            return [Piece(as_sentence(left))] + (kept or [])
    return _drop_side_phrases(text, max_words, names)


def _complete(tokens: tuple[Token, ...]) -> bool:
    """A full sentence: a main clause, or a fronted clause + comma + main clause with the verb first
    ("Weicht das Signal ab, schlägt das System Alarm")."""
    if is_main_clause(tokens, at_start=True):
        return True
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    return bool(commas) and commas[-1] + 1 < len(tokens) and tokens[commas[-1] + 1].pos in FINITE_TAGS


_KEPT_PREPOSITIONS = frozenset(
    {"ohne", "außer", "statt", "anstatt", "trotz", "bis", "ab", "seit", "von", "vom"}
)
_DETERMINERS = frozenset({"ART", "PPOSAT", "PIAT", "PIDAT", "PDAT"})
_MODIFIERS = frozenset({"ADJA", "ADV", "KOKOM"})
_LIST_WORDS = frozenset({"und", "oder", "sowie", ","})
_LAST_VERB_PARTS = frozenset({"VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "VVIZU", "PTKVZ"})


def _phrase_end(tokens: tuple[Token, ...], index: int) -> int | None:
    """End (exclusive) of the prepositional phrase starting at ``index``: preposition, determiner,
    modifiers, one noun; ``None`` if there is no such phrase."""
    if tokens[index].pos not in ("APPR", "APPRART"):
        return None
    end = index + 1
    if end < len(tokens) and tokens[end].pos in _DETERMINERS:
        end += 1
    while end < len(tokens) and tokens[end].pos in _MODIFIERS:
        end += 1
    return end + 1 if end < len(tokens) and tokens[end].pos == "NN" else None


def _followed_by_number(tokens: tuple[Token, ...], index: int) -> bool:
    """A phrase like "von 8 bis 16 Uhr" at ``index``: it tells a time, not more about the noun before."""
    return index + 1 < len(tokens) and tokens[index + 1].pos == "CARD"


DIRECTION_FILE = "ls_direction_phrases.tsv"


@lru_cache(maxsize=1)
def two_way_accusative() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Two-way prepositions, their forms merged with "das" ("ins"), and determiners that are accusative
    after them ("den", "einen")."""
    rows = data_rows(DIRECTION_FILE, 2)
    kinds = ("praeposition", "verschmolzen", "akkusativ")
    sets = tuple(frozenset(w.strip() for k, w in rows if k == kind) for kind in kinds)
    return sets[0], sets[1], sets[2]


def _complement(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether the phrase ``tokens[start:end]`` likely completes the verb and must stay: a direction or
    route ("in einen Zeitraum gelegt", "über den Bahnhofsring", "ins Rathaus": accusative after a
    two-way preposition) or a phrase right before the last part of the verb ("… auf Bewährung
    ausgesetzt")."""
    if end <= start:
        return False
    first = tokens[start]
    if first.text.lower() in two_way_accusative()[1]:
        return True
    following = tokens[start + 1] if start + 1 < end else None
    if first.text.lower() in two_way_accusative()[0] and following is not None:
        if following.text.lower() in two_way_accusative()[2]:
            return True
    return end < len(tokens) and tokens[end].pos in _LAST_VERB_PARTS


def _skip_chain(tokens: tuple[Token, ...], index: int) -> int:
    """The index after the phrases that follow ``index`` directly (they may belong to a kept phrase)."""
    while index < len(tokens) and (following := _phrase_end(tokens, index)) is not None:
        index = following
    return index


def _side_phrases(tokens: tuple[Token, ...], names: frozenset[str]) -> list[tuple[int, int]]:
    """Chains of prepositional phrases after the finite verb that carry no number, name, list or
    "ohne"/"bis", and that nothing after them depends on (token index ranges)."""
    finite = next((i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS), None)
    if finite is None or any(is_subordinating(t) and t.pos != "KOKOM" for t in tokens):
        return []
    spans = []
    index = finite + 1
    while index < len(tokens):
        end = _phrase_end(tokens, index)
        if end is None:
            index += 1
            continue
        chain_end = end
        while chain_end < len(tokens) and (following := _phrase_end(tokens, chain_end)) is not None:
            if _complement(tokens, chain_end, following):
                break  # "in beiden Richtungen | über den Bahnhofsring umgeleitet": only the first may go
            chain_end = following
        if _complement(tokens, index, chain_end):
            index = _skip_chain(tokens, chain_end)
            continue
        chain = tokens[index:chain_end]
        after = tokens[chain_end] if chain_end < len(tokens) else None
        clean = not any(
            any(c.isdigit() for c in t.text)
            or t.text in names
            or t.pos == "NE"
            or t.text.lower() in _KEPT_PREPOSITIONS | _LIST_WORDS
            for t in chain
        )
        free = (
            tokens[index - 1].text not in _LIST_WORDS
            and after is not None
            and after.text not in _LIST_WORDS | {"der", "des"}
            and after.pos not in ("NN", "NE", "CARD", "PPOSAT")
            and (
                after.pos not in ("APPR", "APPRART")
                or _followed_by_number(tokens, chain_end)
                or _complement(tokens, chain_end, _phrase_end(tokens, chain_end) or chain_end)
            )
        )
        if clean and free:
            # A later phrase may belong to an earlier one ("in eine Bühne für Kleinkunst"): only the
            # whole chain or its tail can go.
            position = index
            while position < chain_end:
                spans.append((position, chain_end))
                position = _phrase_end(tokens, position) or chain_end
        index = chain_end
    return spans


def _drop_side_phrases(text: str, max_words: int, names: frozenset[str]) -> list[Piece] | None:
    """Leave out side phrases ("in seiner Sitzung", "nach langer Debatte") until the sentence is short
    enough, as few words as possible; nothing is dropped if that is not enough."""
    tokens = tag(text)
    candidates = _side_phrases(tokens, names)
    dropped: list[tuple[int, int]] = []
    count = count_words(text)

    def size(span: tuple[int, int]) -> int:
        return sum(1 for t in tokens[span[0] : span[1]] if t.pos[:1] != "$")

    while count > max_words and candidates:
        enough = [c for c in candidates if count - size(c) <= max_words]
        chosen = min(enough, key=size) if enough else max(candidates, key=size)
        dropped.append(chosen)
        count -= size(chosen)
        candidates = [c for c in candidates if c[1] <= chosen[0] or c[0] >= chosen[1]]
    if count > max_words or not dropped:
        return None
    out, position = [], 0
    for start, end in sorted(dropped):
        out.append(text[position : tokens[start].start])
        position = tokens[end - 1].end
    out.append(text[position:])
    new = as_sentence("".join(out))
    return [Piece(new)] if has_finite_verb(new) else None
