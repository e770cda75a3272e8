"""Explaining acronyms once ("IHK: Das ist die Industrie- und Handels·kammer.").

Known acronyms come from ``ls_abbreviations.tsv`` (kind "akronym"); others are learnt from the
release itself, where a name is followed by its acronym in brackets ("Unabhängige Bürgerliste (UBL)").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from simplify.plain_lexicon import abbreviations

_DEFINED = re.compile(
    r"((?:[A-ZÄÖÜ][\w.-]*(?:\s+(?:und|für|der|des|von|&)\s+|\s+)){0,6}[A-ZÄÖÜ][\w.-]*)\s+\(([A-ZÄÖÜ][\wÄÖÜ-]{1,7})\)"
)


def apply_separator(text: str, separator: str) -> str:
    """Data files write compound parts with "·"; with the hyphen setting the next part gets a capital."""
    if separator == "·":
        return text
    return re.sub(r"·(\w)", lambda m: "-" + m.group(1).upper(), text)


def known_acronyms(source: str) -> dict[str, str]:
    """Acronym → explanation sentence body (after "Das ist …"), from the table and the source text."""
    table = {a.short: a.expansion for a in abbreviations() if a.kind == "akronym"}
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(source):
        phrase, short = re.sub(r"^(?:Die|Der|Das|Den|Dem|Des)\s+", "", match.group(1).strip()), match.group(2)
        if short not in table and short not in found:
            found[short] = f"die Abkürzung für {phrase}"
    return {**found, **table}


def acronyms_in(text: str, acronyms: Mapping[str, str]) -> list[str]:
    """The acronyms of ``acronyms`` that occur in ``text`` as words or word parts ("KI-Modelle"), in order."""
    hits: list[tuple[int, str]] = []
    for short in acronyms:
        match = re.search(rf"(?<![\w.]){re.escape(short)}(?![\wÄÖÜäöü])", text)
        if match:
            hits.append((match.start(), short))
    return [short for _, short in sorted(hits)]


def explanation_sentences(short: str, body: str, separator: str) -> list[str]:
    """The sentences that explain an acronym: "IHK: Das ist die Industrie- und Handels·kammer."."""
    sentences = [s.strip() for s in body.split(". ") if s.strip()]
    first = f"{short}: Das ist {sentences[0].rstrip('.')}."
    rest = [s.rstrip(".") + "." for s in sentences[1:]]
    return [apply_separator(s, separator) for s in [first, *rest]]
