"""Coordinated participles that share subject and auxiliary become two sentences.

"Die Polizei hat die Ermittlungen aufgenommen und die Wohnung beschlagnahmt." →
"Die Polizei hat die Ermittlungen aufgenommen." + "Die Polizei hat die Wohnung beschlagnahmt."
"""

from __future__ import annotations

from simplify.plain_clauses import Piece, as_sentence
from simplify.plain_tagging import FINITE_TAGS, Token, tag

_AUXILIARIES = frozenset({"haben", "sein", "werden"})
_PARTICIPLES = frozenset({"VVPP", "VAPP", "VMPP"})


def _subject_end(tokens: tuple[Token, ...]) -> int | None:
    """Index after a subject at the start: article, adjectives, noun(s) or name(s), or a pronoun."""
    end = 0
    if tokens and tokens[0].pos in ("ART", "PPOSAT", "PDAT"):
        end = 1
        while end < len(tokens) and tokens[end].pos in ("ADJA", "CARD"):
            end += 1
    if end >= len(tokens) or tokens[end].pos not in ("NN", "NE", "PPER"):
        return None
    end += 1
    while end < len(tokens) and tokens[end].pos == "NE":
        end += 1
    return end


def participles(text: str) -> list[Piece] | None:
    """Split "S hat A gemacht und B gemacht." after the first participle; the second sentence repeats
    subject and auxiliary. Only when the sentence starts with its subject and the auxiliary follows; not
    for a passive whose second part starts with a noun (that noun is a new subject)."""
    tokens = tag(text)
    end = _subject_end(tokens)
    if end is None or end >= len(tokens) - 4:
        return None
    auxiliary = tokens[end]
    if auxiliary.pos != "VAFIN" or auxiliary.lemma not in _AUXILIARIES:
        return None
    for index in range(end + 2, len(tokens) - 2):
        if tokens[index].text != "und" or tokens[index - 1].pos not in _PARTICIPLES:
            continue
        second = [t for t in tokens[index + 1 :] if t.pos[:1] != "$"]
        if len(second) < 2 or second[-1].pos not in _PARTICIPLES:
            return None
        if auxiliary.lemma == "werden" and second[0].pos in ("ART", "PPOSAT", "PDAT", "NN", "NE"):
            return None  # passive: "… wird geprüft und die Straße gesperrt" has a new subject, no object
        if any(t.pos in FINITE_TAGS or t.text == "," for t in tokens[end + 1 : index] + tokens[index + 1 :]):
            return None
        subject = text[tokens[0].start : tokens[end - 1].end]
        first = text[: tokens[index].start]
        rest = text[tokens[index + 1].start :]
        return [Piece(as_sentence(first)), Piece(as_sentence(f"{subject} {auxiliary.text} {rest}"))]
    return None
