"""The *Wörterbuch*: hard words that stay in the plain version, with our explanations
(``data/ls_glossary.tsv``).

An entry may have several words ("Proof of Concept", "Black Box"): such a term is found only as
written in the file (same case, whole words, compound marks "·" ignored) and never inside a longer
word ("Black-Box-Modell"); the longest term wins, and its words are not looked up on their own."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from wordfreq import zipf_frequency

from simplify.compounds import compound_split, join_parts
from simplify.plain_acronyms import apply_separator
from simplify.plain_lexicon import glossary, glossary_display
from simplify.plain_model import GlossaryEntry

_WORD = re.compile(r"[^\W\d_][\w·-]*")
_ENDINGS = ("", "n", "en", "s", "es", "e", "er", "em", "nen")


def lookup(word: str) -> str | None:
    """The glossary key for a word as written in a text (compound separators and endings ignored);
    a term of several words only as written in the glossary file."""
    plain = word.replace("·", "")
    table = glossary()
    display = glossary_display()
    if " " in plain.strip():
        phrase = " ".join(plain.split())
        return phrase.lower() if display.get(phrase.lower()) == phrase else None
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
        for _, key in terms(text):
            if key not in entries and zipf_frequency(key, "de") < max_zipf:
                word = apply_separator(_split_display(glossary_display()[key]), separator)
                entries[key] = GlossaryEntry(word, apply_separator(glossary()[key], separator))
    return tuple(entries.values())


def terms(text: str) -> Iterator[tuple[str, str]]:
    """(term as written, glossary key) for each glossary term of ``text``, in the order of the text:
    the terms of several words, longest first, and the single words outside them."""
    phrases = [(start, end, text[start:end]) for start, end in phrase_spans(text)]
    found = [(start, written, lookup(written)) for start, _, written in phrases]
    for match in _WORD.finditer(text):
        if not any(start <= match.start() < end for start, end, _ in phrases):
            found.append((match.start(), match.group(), lookup(match.group())))
    for _, written, key in sorted(found, key=lambda item: item[0]):
        if key:
            yield written, key


def phrase_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the glossary terms of several words in ``text`` ("Black Box")."""
    pattern = _phrase_pattern(tuple(term for term in glossary_display().values() if " " in term))
    return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []


@lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the glossary terms of several words, the longest first (a regex alternative
    wins in the order given): whole words, case as in the file, "·" allowed between letters."""
    if not phrases:
        return None

    def word(text: str) -> str:
        return "·?".join(re.escape(c) for c in text)

    ordered = sorted(phrases, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(word(w) for w in phrase.split()) for phrase in ordered)
    return re.compile(rf"(?<![\w·-])(?:{alternatives})(?![\w·-])")


def _split_display(word: str) -> str:
    """The headword with its compound parts marked, as in the text: only nouns are split
    ("Brand·wohnung", but "ausgeschildert"); a term of several words stays as written."""
    if " " in word or not word[:1].isupper():
        return word
    return join_parts(compound_split(word), "·")
