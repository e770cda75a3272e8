"""The *Wörterbuch*: hard words that stay in the plain version, with our explanations
(``data/ls_glossary.tsv``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from wordfreq import zipf_frequency

from simplify.compounds import compound_split, join_parts
from simplify.plain_acronyms import apply_separator
from simplify.plain_lexicon import glossary, glossary_display
from simplify.plain_model import GlossaryEntry

_WORD = re.compile(r"[^\W\d_][\w·-]*")
_ENDINGS = ("", "n", "en", "s", "es", "e", "er", "em", "nen")


def lookup(word: str) -> str | None:
    """The glossary key for a word as written in a text (compound separators and endings ignored)."""
    plain = word.replace("·", "")
    table = glossary()
    display = glossary_display()
    for candidate in (plain, re.sub(r"-(\w)", lambda m: m.group(1).lower(), plain)):
        lower = candidate.lower()
        for ending in _ENDINGS:
            if ending and not lower.endswith(ending):
                continue
            key = lower[: len(lower) - len(ending)] if ending else lower
            if key in table and display[key][:1].isupper() == plain[:1].isupper():
                return key
    return None


def build_glossary(texts: Iterable[str], separator: str, max_zipf: float = 4.5) -> tuple[GlossaryEntry, ...]:
    """Glossary entries for the words of ``texts`` that are in the glossary, in order of first use.

    Words everybody knows (wordfreq Zipf ≥ ``max_zipf``, such as "Unternehmen") are not listed even
    though the glossary file explains them."""
    entries: dict[str, GlossaryEntry] = {}
    for text in texts:
        for match in _WORD.finditer(text):
            key = lookup(match.group())
            if key and key not in entries and zipf_frequency(key, "de") < max_zipf:
                word = apply_separator(_split_display(glossary_display()[key]), separator)
                entries[key] = GlossaryEntry(word, apply_separator(glossary()[key], separator))
    return tuple(entries.values())


def _split_display(word: str) -> str:
    """The headword with its compound parts marked, as in the text: only nouns are split
    ("Brand·wohnung", but "ausgeschildert")."""
    if not word[:1].isupper():
        return word
    return join_parts(compound_split(word), "·")
