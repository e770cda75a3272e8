"""Loading the abbreviation and initialism tables in ``audio/data/``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Unit:
    """A unit or currency after a number: plural and singular spoken forms."""

    plural: str
    singular: str
    feminine: bool
    currency: bool


@dataclass(frozen=True)
class Lexicon:
    """The word tables the rules read; see the header comments of the data files."""

    words: dict[str, tuple[str, bool]]  # written -> (spoken, may end a sentence)
    weekdays: dict[str, str]
    numrefs: dict[str, str]
    units: dict[str, Unit]
    months: dict[str, tuple[str, int]]  # written -> (full name, number)
    symbols: dict[str, str]
    initialisms: dict[str, str]  # written -> spoken

    def month_name(self, number: int) -> str:
        """The standard name of month ``number`` (the first listed, so "Januar" before "Jänner")."""
        return next(name for name, value in self.months.values() if value == number)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("audio").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the data files once per process."""
    words: dict[str, tuple[str, bool]] = {}
    weekdays: dict[str, str] = {}
    numrefs: dict[str, str] = {}
    units: dict[str, Unit] = {}
    months: dict[str, tuple[str, int]] = {}
    symbols: dict[str, str] = {}
    for row in _rows("abbreviations.tsv"):
        written, spoken, kind, extra = (row + [""])[:4]
        written = compact(written)
        if kind in ("word", "end"):
            words[written] = (spoken, kind == "end")
        elif kind == "weekday":
            weekdays[written] = spoken
        elif kind == "numref":
            numrefs[written] = spoken
        elif kind in ("unit", "currency"):
            feminine = extra.startswith("f:")
            units[written] = Unit(spoken, extra.removeprefix("f:"), feminine, kind == "currency")
        elif kind == "month":
            months[written] = (spoken, int(extra))
        elif kind == "symbol":
            symbols[written] = spoken
        else:
            raise ValueError(f"abbreviations.tsv: unknown kind {kind!r} for {written!r}")
    # "Z. B." at a sentence start is read "Zum Beispiel".
    for key, (spoken, may_end) in list(words.items()):
        words.setdefault(_capitalise(key), (_capitalise(spoken), may_end))
    for key, spoken in list(numrefs.items()):
        numrefs.setdefault(_capitalise(key), _capitalise(spoken))
    initialisms: dict[str, str] = {}
    for row in _rows("initialisms.tsv"):
        written, kind, spoken = (row + [""])[:3]
        if kind == "spell":
            initialisms[written] = spoken or " ".join(written.upper())
        elif kind == "word":
            initialisms[written] = spoken
        else:
            raise ValueError(f"initialisms.tsv: unknown kind {kind!r} for {written!r}")
    return Lexicon(words, weekdays, numrefs, units, months, symbols, initialisms)


def compact(written: str) -> str:
    """The table key of a written form: without spaces, so "z. B." and "z.B." are the same entry."""
    return re.sub(r"\s+", "", written)


def alternation(keys: list[str]) -> str:
    """Regex alternation of compact keys, longest first; any spacing may follow an inner period.

    "z.B." thus matches "z.B.", "z. B." and "z.  B." (also across a line break).
    """
    parts = []
    for key in sorted(keys, key=len, reverse=True):
        pieces = key.split(".")
        parts.append(
            r"\.\s*".join(re.escape(piece) for piece in pieces[:-1]) + r"\." + re.escape(pieces[-1])
            if len(pieces) > 1
            else re.escape(key)
        )
    return "|".join(parts)
