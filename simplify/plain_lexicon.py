"""Loading the Leichte-Sprache data files in ``simplify/data/`` (cached, read-only).

All files are UTF-8; lines starting with "#" are comments (origin and licence).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

DATA_PACKAGE = "simplify.data"


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation and what to do with it.

    kind "abk": replaced by ``expansion`` in the text; "akronym": kept and explained once
    as "X: Das ist ``expansion``."; "titel": an academic title, left out before a name;
    "einheit": a unit, replaced only after a number; "endung": the end of a word ("Bahnhofstr.").
    """

    short: str
    expansion: str
    kind: str


def data_lines(name: str) -> list[str]:
    """The lines of a data file in ``simplify/data`` without blank lines and ``#`` comments."""
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def data_rows(name: str, columns: int | tuple[int, ...]) -> list[list[str]]:
    """The tab-separated rows of a data file, cells stripped; a row with another number of cells than
    ``columns`` (one number or the allowed numbers) is an error naming the file and row."""
    allowed = (columns,) if isinstance(columns, int) else columns
    rows = []
    for number, line in enumerate(data_lines(name), 1):
        cells = line.split("\t")
        if len(cells) not in allowed:
            raise ValueError(f"{name}: Zeile {number} hat {len(cells)} statt {columns} Spalten: {line!r}")
        rows.append([c.strip() for c in cells])
    return rows


@lru_cache(maxsize=1)
def abbreviations() -> tuple[Abbreviation, ...]:
    """All abbreviations, longest first (so "Dr.-Ing." wins over "Dr.")."""
    items = [Abbreviation(s, e, k) for s, e, k in data_rows("ls_abbreviations.tsv", 3)]
    for item in items:
        if item.kind not in ("abk", "akronym", "titel", "einheit", "endung"):
            raise ValueError(f"ls_abbreviations.tsv: unbekannte Art {item.kind!r} bei {item.short!r}")
    return tuple(sorted(items, key=lambda a: -len(a.short)))


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    """The short forms of the acronyms in the abbreviations table ("IHK", "KI")."""
    return frozenset(a.short for a in abbreviations() if a.kind == "akronym")


@lru_cache(maxsize=1)
def glossary() -> Mapping[str, str]:
    """Lower-cased term → explanation in Leichte Sprache."""
    return MappingProxyType({t.lower(): e for t, e in data_rows("ls_glossary.tsv", 2)})


@lru_cache(maxsize=1)
def glossary_display() -> Mapping[str, str]:
    """Lower-cased term → the term as written in the glossary file."""
    return MappingProxyType({t.lower(): t for t, _ in data_rows("ls_glossary.tsv", 2)})


@lru_cache(maxsize=1)
def replacements() -> Mapping[str, str]:
    """Hard word (as written) → common word with the same meaning in every context we met."""
    return MappingProxyType({h: c for h, c in data_rows("ls_replacements.tsv", 2)})


@lru_cache(maxsize=1)
def plural_replacements() -> Mapping[str, str]:
    """Word that is the same in singular and plural → common word, used only where it is plural."""
    return MappingProxyType({h: c for h, c in data_rows("ls_plural_replacements.tsv", 2)})


@dataclass(frozen=True)
class VerbReplacement:
    """The common word for a verb form in each of its roles; ``None`` where the form stays."""

    finite: str | None
    infinitive: str | None
    participle: str | None


@lru_cache(maxsize=1)
def verb_replacements() -> Mapping[str, VerbReplacement]:
    """Verb form → its replacement as finite verb, infinitive and participle ("-" in the file: stays)."""

    def cell(value: str) -> str | None:
        return None if value == "-" else value

    return MappingProxyType(
        {
            form: VerbReplacement(cell(finite), cell(infinitive), cell(participle))
            for form, finite, infinitive, participle in data_rows("ls_verb_replacements.tsv", 4)
        }
    )


@lru_cache(maxsize=1)
def subjunctive_indicative() -> Mapping[str, str]:
    """Konjunktiv I of the 3rd person → indicative ("sei" → "ist", "könne" → "kann")."""
    return MappingProxyType({k: i for k, i in data_rows("ls_subjunctive_indicative.tsv", 2)})


@lru_cache(maxsize=1)
def subjunctive_idioms() -> tuple[tuple[str, ...], ...]:
    """Word sequences in which a Konjunktiv I stays ("es sei denn", "als ob")."""
    return tuple(tuple(line.lower().split()) for line in data_lines("ls_subjunctive_idioms.txt"))


@lru_cache(maxsize=1)
def genitive_prepositions() -> frozenset[str]:
    """Genitive prepositions whose replacement governs another case ("mittels" → "mit")."""
    return frozenset(w.strip() for w in data_lines("ls_genitive_prepositions.txt"))


@lru_cache(maxsize=1)
def number_words() -> Mapping[str, str]:
    """Number word → digits ("zwei" → "2", "fünften" → "5.")."""
    return MappingProxyType({w.lower(): d for w, d in data_rows("ls_number_words.tsv", 2)})


@lru_cache(maxsize=1)
def negation_words() -> frozenset[str]:
    """Words that negate (checker: "Verneinung")."""
    return frozenset(w.strip().lower() for w in data_lines("ls_negative_words.txt"))


@lru_cache(maxsize=1)
def subjunctive_words() -> frozenset[str]:
    """Finite verb forms in Konjunktiv I/II (checker: "Konjunktiv")."""
    return frozenset(w.strip().lower() for w in data_lines("ls_negative_subjunctive.txt"))


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Verbs that attribute direct speech ("sagte", "betonte")."""
    return frozenset(w.strip().lower() for w in data_lines("ls_speech_verbs.txt"))


@lru_cache(maxsize=1)
def months() -> tuple[str, ...]:
    """German month names, January first."""
    names = tuple(line.strip() for line in data_lines("ls_months.txt"))
    if len(names) != 12:
        raise ValueError("ls_months.txt muss 12 Monatsnamen enthalten")
    return names


@lru_cache(maxsize=1)
def subordinators() -> frozenset[str]:
    """Subordinating conjunctions ("weil", "sodass") that start a subordinate clause."""
    return frozenset(w.strip().lower() for w in data_lines("ls_subordinators.txt"))


@lru_cache(maxsize=1)
def addition_markers() -> tuple[str, ...]:
    """Words that start a verbless addition after a comma ("darunter", "zum Beispiel")."""
    return tuple(line.strip() for line in data_lines("ls_addition_markers.txt"))


@lru_cache(maxsize=1)
def droppable_subordinators() -> frozenset[str]:
    """Conjunctions whose clause a too-long sentence may lose without reversing its statement."""
    return frozenset(w.strip().lower() for w in data_lines("ls_droppable_subordinators.txt"))


@lru_cache(maxsize=1)
def filler_words() -> tuple[tuple[str, ...], ...]:
    """Adverbs (one or more words) that carry no fact and may be left out ("insgesamt", "darüber hinaus")."""
    return tuple(tuple(line.split()) for line in data_lines("ls_filler_words.txt"))


@lru_cache(maxsize=1)
def filler_attributes() -> frozenset[str]:
    """Adjectives before a noun that carry no fact and may be left out ("sogenannte")."""
    return frozenset(w.strip() for w in data_lines("ls_filler_attributes.txt"))


@lru_cache(maxsize=1)
def fractions() -> Mapping[str, str]:
    """Percentages that read better as fractions ("50" → "die Hälfte")."""
    return MappingProxyType({p: f for p, f in data_rows("ls_fractions.tsv", 2)})


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Genitive forms of "Land", "Stadt", "Kreis", … that stand before a place name."""
    return frozenset(w.strip() for w in data_lines("ls_place_nouns.txt"))
