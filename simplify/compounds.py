"""Splitting long compound words for Leichte Sprache ("Fach·kräfte·mangel", "Fach-Kräfte-Mangel").

The parts come from HanTa's morphological analysis (``analyze(word, taglevel=3)``). Linking
elements (FUGE) and suffixes stay with the part on their left, prefixes with the part on their
right. Three rules keep the result readable:

* never split at a linking s or e: it stays with the left part ("Wirtschafts·förderung",
  "Fach·kräfte·mangel"; never "Wirtschaft·sförderung"), as in the BMAS guide's
  "Bundes-Gleichstellungs-Gesetz";
* very common words stay whole ("Unternehmen", "Wissenschaft": wordfreq Zipf ≥ 4.3), and so do common
  pairs of parts ("Haushalt", not "Haus·halt"; "Feuer·wehr" stays "Feuerwehr"): joined parts of at
  most 8 letters with Zipf ≥ 3.5, or at most 10 letters with Zipf ≥ 4.3;
* no part shorter than 3 letters;
* nominalised participles stay whole ("Studierende", "Teilnehmende": no verb stem with "-ende"), and a
  particle such as "über" goes with the part on its right ("Fahrbahn·übergänge").

When HanTa sees one stem in a long word ("Oberbürgermeister"), a fallback looks for the split into
two common words (wordfreq) that HanTa reads as nouns ("Kabarettist" is not "Kabarett" + "ist") and repeats
on each side.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from simplify.plain_tagging import compound_parts

_ATTACH_LEFT = ("FUGE", "SUF")
_ATTACH_RIGHT = ("PREF",)
_PARTICIPLES = ("PRESPART", "PASTPART")
_PARTICLES = frozenset({"ab", "an", "auf", "aus", "bei", "ein", "nach", "über", "um", "unter", "vor", "zu"})
_COMMON = 3.5
_VERY_COMMON = 4.3
_FEMININE_SUFFIXES = ("innen", "in")


def _groups(word: str) -> list[tuple[str, str]]:
    """Surface parts of ``word`` with their stems (the part without its linking element);
    [] if HanTa's parts do not spell the word."""
    morphemes = compound_parts(word)
    if "".join(m for m, _ in morphemes) != word.lower():
        return []
    groups: list[list[str]] = []  # [text, stem]
    pending_prefix = ""
    position = 0
    for morpheme, label in morphemes:
        surface = word[position : position + len(morpheme)]
        position += len(morpheme)
        if label.startswith(_ATTACH_RIGHT) or (morpheme in _PARTICLES and position < len(word)):
            pending_prefix += surface
        elif label.startswith(_ATTACH_LEFT) and groups:
            groups[-1][0] += surface
        else:
            groups.append([pending_prefix + surface, pending_prefix + surface])
            pending_prefix = ""
    if pending_prefix and groups:
        groups[-1][0] += pending_prefix
    return [(text, stem) for text, stem in groups]


def _is_common(part: str) -> bool:
    word = part.lower()
    for suffix in _FEMININE_SUFFIXES:
        if word.endswith(suffix) and zipf_frequency(word[: -len(suffix)], "de") >= _COMMON:
            return True
    return zipf_frequency(word, "de") >= _COMMON


def _is_noun(part: str) -> bool:
    """HanTa reads the part, capitalised, as a noun."""
    morphemes = compound_parts(part[:1].upper() + part[1:])
    return bool(morphemes) and morphemes[-1][1].startswith(("NN", "SUF_NN", "SUF_FEM"))


def _fallback(word: str, min_letters: int) -> list[str]:
    """Split an unanalysed long word into common words, best pair first, recursively."""
    if len(word) < min_letters:
        return [word]
    best: tuple[float, int] | None = None
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if right.lower() in _FEMININE_SUFFIXES or left.lower().endswith("s"):
            continue
        if not (_is_common(left) and _is_common(right) and _is_noun(left) and _is_noun(right)):
            continue
        score = min(zipf_frequency(left.lower(), "de"), zipf_frequency(right.lower(), "de") + 0.5)
        if best is None or score > best[0]:
            best = (score, cut)
    if best is None:
        return [word]
    cut = best[1]
    return _fallback(word[:cut], min_letters) + _fallback(word[cut:], min_letters)


def _merge(groups: list[tuple[str, str]]) -> list[str]:
    """Join short common pairs ("Haus" + "halt") and too-short parts to their neighbour."""
    parts: list[str] = []
    for text, stem in groups:
        pair = (parts[-1] + stem) if parts else ""
        if parts and (
            len(stem) < 3
            or len(parts[-1]) < 3
            or (len(pair) <= 10 and zipf_frequency(pair.lower(), "de") >= _VERY_COMMON)
            or (len(pair) <= 8 and zipf_frequency(pair.lower(), "de") >= _COMMON)
        ):
            parts[-1] += text
        else:
            parts.append(text)
    return parts


@lru_cache(maxsize=8192)
def compound_split(word: str, min_letters: int = 11) -> tuple[str, ...]:
    """The parts of ``word`` as written (their concatenation is ``word``); one part if no split."""
    if len(word) < min_letters or not word.isalpha() or zipf_frequency(word.lower(), "de") >= _VERY_COMMON:
        return (word,)
    if any(label.startswith(_PARTICIPLES) for _, label in compound_parts(word)):
        return (word,)
    groups = _groups(word)
    if not groups:
        return tuple(_fallback(word, min_letters))
    if len(groups) == 1:
        core = groups[0][1]  # "Oberbürgermeister" of "Oberbürgermeisterin": split the stem, keep the ending
        parts = _fallback(word[: len(core)], min_letters)
        parts[-1] += word[len(core) :]
        return tuple(parts)
    return tuple(_merge(groups))


def join_parts(parts: tuple[str, ...], separator: str) -> str:
    """Join parts with the separator; after a hyphen the part starts with a capital (BITV style)."""
    if separator == "-":
        return "-".join([parts[0]] + [p[:1].upper() + p[1:] for p in parts[1:]])
    return separator.join([parts[0]] + [p[:1].lower() + p[1:] for p in parts[1:]])


def split_compound(word: str, separator: str = "·", min_letters: int = 11) -> str:
    """``word`` with its parts joined by ``separator`` ("Fachkräftemangel" → "Fach·kräfte·mangel")."""
    return join_parts(compound_split(word, min_letters), separator)
