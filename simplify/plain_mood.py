"""Konjunktiv I of reported speech → indicative ("Das sei sehr wichtig." → "Das ist sehr wichtig.").

Leichte Sprache avoids the Konjunktiv. In the plain version a quotation already stands under a heading
that names the speaker ("Das sagt Priya Raman:"), so the indicative does not turn a claim into our own.
"""

from __future__ import annotations

from simplify.plain_lexicon import subjunctive_idioms, subjunctive_indicative
from simplify.plain_tagging import FINITE_TAGS, Token, tag
from simplify.plain_words import clause_tokens, from_table, replace_tokens

# With one of these subjects the form is already indicative ("ich habe") or not the 3rd person.
_OTHER_PERSONS = frozenset({"ich", "du", "wir", "ihr"})


def _has_idiom(tokens: tuple[Token, ...]) -> bool:
    words = [t.text.lower() for t in tokens]
    return any(
        words[start : start + len(idiom)] == list(idiom)
        for idiom in subjunctive_idioms()
        for start in range(len(words) - len(idiom) + 1)
    )


def _reported(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the finite verb at ``index`` is a Konjunktiv I of the 3rd person: not after "als" ("als
    sei nichts gewesen" says it was not so), not before "Sie" ("Bitte seien Sie vorsichtig." asks the
    reader), no "ich", "du", "wir", "ihr" in its clause."""
    token = tokens[index]
    if token.pos not in FINITE_TAGS or (index and tokens[index - 1].text.lower() == "als"):
        return False
    if index + 1 < len(tokens) and tokens[index + 1].text == "Sie":
        return False
    return not any(t.pos == "PPER" and t.text.lower() in _OTHER_PERSONS for t in clause_tokens(tokens, index))


def indicative(text: str) -> str:
    """Turn the Konjunktiv I forms of ``ls_subjunctive_indicative.tsv`` into the indicative, in statements
    only (the sentence ends with a full stop) and not in fixed phrases such as "es sei denn"."""
    table = subjunctive_indicative()
    if not text.rstrip().endswith(".") or not any(word in table for word in text.split()):
        return text
    tokens = tag(text)
    if _has_idiom(tokens):
        return text
    return replace_tokens(text, tokens, from_table(table, _reported))
