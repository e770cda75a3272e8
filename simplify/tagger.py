"""A thin, cached wrapper around the HanTa German tagger (STTS tags, lemmas, compound parts).

HanTa ships its German model inside the wheel (``morphmodel_ger.pgz``), so nothing is downloaded.
Loading it takes about 0.2 s, so the tagger is loaded once per process. Tagging costs about 0.1–0.3 ms
per word, which is most of the cost of ``simplify.readability.analyze``: per-word results are cached,
and whole sentences are tagged (``tag``) only where context matters.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

with warnings.catch_warnings():
    # HanTa imports pkg_resources, which warns about its own deprecation.
    warnings.simplefilter("ignore", DeprecationWarning)
    from HanTa.HanoverTagger import HanoverTagger


@dataclass(frozen=True)
class Tagged:
    """One token with its lemma and STTS tag as HanTa writes it (e.g. ``VV(PP)``, ``NN``)."""

    word: str
    lemma: str
    tag: str


@lru_cache(maxsize=1)
def hanta() -> HanoverTagger:
    """The one HanTa tagger of the process (readability and the plain-language engine share it), with
    its two per-word analyses memoised: HanTa analyses every word of every sentence afresh, and the
    same words come back in sentence after sentence (~5× faster tagging)."""
    tagger = HanoverTagger("morphmodel_ger.pgz")
    tagger.analyze_forward = lru_cache(maxsize=65536)(tagger.analyze_forward)
    tagger._analyze = lru_cache(maxsize=65536)(tagger._analyze)
    return tagger


@lru_cache(maxsize=4096)
def _tag_tuple(tokens: tuple[str, ...]) -> tuple[Tagged, ...]:
    return tuple(Tagged(word, str(lemma), str(tag)) for word, lemma, tag in hanta().tag_sent(list(tokens)))


def tag(tokens: Sequence[str]) -> list[Tagged]:
    """Tag a sentence given as tokens, in context (HMM over the whole sentence), with lemmas."""
    return list(_tag_tuple(tuple(tokens))) if tokens else []


@lru_cache(maxsize=4096)
def _tags_tuple(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(str(tag) for tag in hanta().tag_sent(list(tokens), taglevel=0))


def tags(tokens: Sequence[str]) -> list[str]:
    """In-context STTS tags only: about half the cost of ``tag``, which also finds the lemmas."""
    return list(_tags_tuple(tuple(tokens))) if tokens else []


@lru_cache(maxsize=65536)
def word_tags(word: str) -> tuple[str, ...]:
    """The STTS tags HanTa considers for a word out of context, most likely first."""
    return tuple(str(tag) for tag, _ in hanta().tag_word(word))


@lru_cache(maxsize=16384)
def compound_parts(word: str) -> tuple[str, ...]:
    """Split a compound into its parts as written, linking elements kept on the part before them.

    "Fachkräftesicherung" → ("Fach", "Kräfte", "Sicherung"); a simple word gives a 1-tuple. Parts are
    cut from ``word`` itself, so case and umlauts are kept; the first letter of each part is upper-cased
    when the part is a noun, as in the hyphenated spelling of Leichte Sprache ("Fach-Kräfte").
    """
    _, morphemes, _ = hanta().analyze(word, taglevel=3)
    if sum(len(text) for text, _ in morphemes) != len(word):
        return (word,)
    parts: list[str] = []
    position = 0
    for text, kind in morphemes:
        piece = word[position : position + len(text)]
        position += len(text)
        if parts and kind == "FUGE":
            parts[-1] += piece
        elif kind.startswith(("NN", "NE")):
            parts.append(piece[:1].upper() + piece[1:])
        elif parts and kind not in ("NN", "NE", "ADJ", "ADJ(A)", "ADJ(D)", "VV", "V"):
            parts[-1] += piece
        else:
            parts.append(piece)
    return tuple(parts)
