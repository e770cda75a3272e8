"""Leaving out words that carry no fact: filler adverbs such as "insgesamt", "bereits", "zudem".

A shorter sentence with fewer long words is easier to read; the fact (a number, a name, a time) stays.
"""

from __future__ import annotations

import re

from simplify.plain_clauses import as_sentence
from simplify.plain_lexicon import filler_attributes, filler_words
from simplify.plain_tagging import Token, tag

_COPULAS = frozenset({"sein", "bleiben", "werden"})


def _adverbial(previous: Token, token: Token, following: Token | None) -> bool:
    """An adverb (ADV, PROAV), or an adjective used as one ("zusätzlich unter …") — but not after "ist"
    ("Das ist zusätzlich.") or at the end of the sentence, where it is the statement itself."""
    if token.pos in ("ADV", "PROAV"):
        return True
    return (
        token.pos == "ADJD"
        and previous.lemma not in _COPULAS
        and following is not None
        and following.pos[:1] != "$"
    )


def drop_fillers(text: str) -> str:
    """Leave out filler adverbs from ``ls_filler_words.txt`` and filler adjectives before a noun from
    ``ls_filler_attributes.txt``; never the first word of a sentence (the verb would then come first),
    and a one-word filler adverb only where it is used as an adverb."""
    tokens = tag(text)
    fillers = filler_words()
    drop: list[tuple[int, int]] = []
    index = 1
    while index < len(tokens):
        lowered = [t.text.lower() for t in tokens[index : index + 4]]
        match = next((f for f in fillers if [w.lower() for w in f] == lowered[: len(f)]), None)
        attribute = tokens[index].pos == "ADJA" and tokens[index].text.lower() in filler_attributes()
        if match is None and attribute:
            match = (tokens[index].text,)
        end = index + (len(match) if match else 1) - 1
        following = tokens[end + 1] if end + 1 < len(tokens) else None
        single_adverb = match is not None and len(match) == 1 and not attribute
        if match is None or (single_adverb and not _adverbial(tokens[index - 1], tokens[index], following)):
            index += 1
            continue
        # "genau richtig", "genau dort": before an adjective or adverb the word belongs to that phrase.
        if following is not None and following.pos in ("ADJD", "ADV", "PTKNEG") and match[0] == "genau":
            index += 1
            continue
        drop.append((tokens[index].start, tokens[end].end))
        index = end + 1
    if not drop:
        return text
    out, position = [], 0
    for start, end in drop:
        out.append(text[position:start].rstrip(" "))
        position = end
    out.append(text[position:])
    new = re.sub(r"\s+([,.:;!?])", r"\1", " ".join("".join(out).split()))
    return as_sentence(new) if text.rstrip().endswith((".", "!", "?", ":")) else new
