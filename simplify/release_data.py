"""The cue words of the release parser, read once from ``data/``.

The words themselves (header words, contact labels, academic titles, role
words, given names) are language data and live in
``data/release_markers.json`` and ``data/release_first_names.txt``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class Markers:
    """Everything the parser needs to know about German release conventions."""

    months: dict[str, int] = field(hash=False)
    header_words: tuple[str, ...]
    contact_headings: tuple[str, ...]
    caption_labels: tuple[str, ...]
    caption_words: tuple[str, ...]
    list_markers: tuple[str, ...]
    hyphen_keep_words: frozenset[str]
    boilerplate_word: str
    end_markers: frozenset[str]
    phone_labels: tuple[str, ...]
    email_labels: tuple[str, ...]
    web_labels: tuple[str, ...]
    name_labels: tuple[str, ...]
    department_words: tuple[str, ...]
    organisation_words: frozenset[str]
    academic_titles: frozenset[str]
    name_particles: frozenset[str]
    name_particle_articles: frozenset[str]
    role_suffixes: tuple[str, ...]
    role_phrases: tuple[str, ...]
    apposition_stop_words: frozenset[str]
    speech_verbs: frozenset[str]
    abbreviations: frozenset[str]
    weekdays: tuple[str, ...]
    agency_pattern: str
    first_names: frozenset[str]


def _read(name: str) -> str:
    return files("simplify").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def markers() -> Markers:
    """Load the parser's cue words (cached: the files never change at run time)."""
    raw = json.loads(_read("release_markers.json"))
    names = frozenset(
        line.strip()
        for line in _read("release_first_names.txt").splitlines()
        if line.strip() and line[0] != "#"
    )
    return Markers(
        months={k.casefold(): int(v) for k, v in raw["months"].items()},
        header_words=tuple(raw["header_words"]),
        contact_headings=tuple(sorted(raw["contact_headings"], key=len, reverse=True)),
        caption_labels=tuple(raw["caption_labels"]),
        caption_words=tuple(raw["caption_words"]),
        list_markers=tuple(raw["list_markers"]),
        hyphen_keep_words=frozenset(raw["hyphen_keep_words"]),
        boilerplate_word=raw["boilerplate_word"],
        end_markers=frozenset(raw["end_markers"]),
        phone_labels=tuple(raw["phone_labels"]),
        email_labels=tuple(raw["email_labels"]),
        web_labels=tuple(raw["web_labels"]),
        name_labels=tuple(raw["name_labels"]),
        department_words=tuple(raw["department_words"]),
        organisation_words=frozenset(raw["organisation_words"]),
        academic_titles=frozenset(raw["academic_titles"]),
        name_particles=frozenset(raw["name_particles"]),
        name_particle_articles=frozenset(raw["name_particle_articles"]),
        role_suffixes=tuple(raw["role_suffixes"]),
        role_phrases=tuple(raw["role_phrases"]),
        apposition_stop_words=frozenset(raw["apposition_stop_words"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
        abbreviations=frozenset(raw["abbreviations"]),
        weekdays=tuple(raw["weekdays"]),
        agency_pattern=raw["agency_pattern"],
        first_names=names,
    )


def alternation(words: tuple[str, ...] | frozenset[str] | list[str]) -> str:
    """A regex alternation of ``words`` that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
