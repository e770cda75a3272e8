"""Readability formulas for German, one function per score, each with a German verbal band.

All functions take the ``Counts`` of a text and return a ``Score``. A text without words or sentences
is not measurable: the value is ``None`` and the band ``"nicht messbar"``, never a silent 0.

Values are not clamped (German Flesch runs from about −350 to 120 in practice); bands clamp instead, so
a Flesch value of 110 is "sehr leicht" and a Wiener Sachtextformel of 2.5 is "sehr leicht".

Sources: Amstad (1978) via koRpus and Readability Studio; Bamberger & Vanecek (1984) via koRpus
``nWS()``/``SMOG(parameters="de")`` and Readability Studio ``german_readability.h``; Björnsson (1968) for
LIX. Bands: Flesch after tuwort.net and sprachlust.ch, Wiener Sachtextformel after oscarstories.com,
LIX after schulportal.berlin.de. The bands for sentence length and the shares of long sentences and
long words are Klartext's own (product targets: mean sentence length ≤ 12, no sentence over 15 words).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

NOT_MEASURABLE = "nicht messbar"


@dataclass(frozen=True)
class Counts:
    """What the formulas count. Long words have more than 6 letters; polysyllabic ones ≥ 3 syllables."""

    sentences: int
    words: int
    syllables: int
    letters: int
    long_words: int
    polysyllabic_words: int
    monosyllabic_words: int
    sentences_over_15: int
    sentences_over_20: int


@dataclass(frozen=True)
class Score:
    """A score value (``None`` if not measurable), its German band and a plain-language explanation."""

    value: float | None
    band: str
    explanation: str


def _band(value: float, limits: Sequence[tuple[float, str]], last: str) -> str:
    """First band whose upper limit is above ``value``, else ``last``."""
    for limit, band in limits:
        if value < limit:
            return band
    return last


def _measurable(counts: Counts) -> bool:
    return counts.words > 0 and counts.sentences > 0


def _unmeasurable(explanation: str) -> Score:
    return Score(None, NOT_MEASURABLE, explanation)


_FLESCH_BANDS = (
    (30.0, "sehr schwer"),
    (50.0, "schwer"),
    (60.0, "mittelschwer"),
    (70.0, "mittel"),
    (80.0, "mittelleicht"),
    (90.0, "leicht"),
)
_GRADE_BANDS = ((6.0, "sehr leicht"), (8.0, "leicht"), (11.0, "mittel"), (13.0, "schwer"))
_LIX_BANDS = ((30.0, "sehr leicht"), (40.0, "leicht"), (50.0, "mittel"), (60.0, "schwer"))
_SENTENCE_LENGTH_BANDS = ((8.0, "sehr leicht"), (12.0, "leicht"), (17.0, "mittel"), (22.0, "schwer"))
_SHARE_BANDS = ((5.0, "sehr leicht"), (15.0, "leicht"), (30.0, "mittel"), (50.0, "schwer"))
_LONG_WORD_BANDS = ((20.0, "sehr leicht"), (30.0, "leicht"), (40.0, "mittel"), (50.0, "schwer"))
_VERY_HARD = "sehr schwer"

_FLESCH_TEXT = (
    "Der Flesch-Wert misst, wie leicht ein Text zu lesen ist: je höher, desto leichter "
    "(0 sehr schwer, 100 sehr leicht); kurze Sätze und kurze Wörter machen ihn höher."
)
_WSTF_TEXT = (
    "Die Wiener Sachtextformel gibt an, für welche Schulstufe ein Text passt: 4 ist sehr leicht, "
    "15 sehr schwer; lange Sätze und lange Wörter treiben sie nach oben."
)
_LIX_TEXT = (
    "Der Lesbarkeitsindex LIX zählt Wörter pro Satz und den Anteil langer Wörter: "
    "unter 40 ist leicht, über 60 sehr schwer."
)
_GSMOG_TEXT = (
    "Die deutsche SMOG-Formel schätzt aus der Zahl der Wörter mit drei und mehr Silben, "
    "welche Schulstufe man zum Verstehen braucht."
)
_SENTENCE_LENGTH_TEXT = "So viele Wörter hat ein Satz im Durchschnitt; gut lesbar sind bis etwa 12."
_OVER_15_TEXT = "So viel Prozent der Sätze haben mehr als 15 Wörter; für leichte Texte sollten es keine sein."
_OVER_20_TEXT = "So viel Prozent der Sätze haben mehr als 20 Wörter; solche Sätze liest man oft zweimal."
_LONG_WORDS_TEXT = "So viel Prozent der Wörter haben mehr als 6 Buchstaben; lange Wörter bremsen beim Lesen."


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole


def flesch_band(value: float) -> str:
    """German band of a Flesch-Amstad value (values outside 0–100 take the nearest band)."""
    return _band(value, _FLESCH_BANDS, "sehr leicht")


def flesch_amstad(counts: Counts) -> Score:
    """Flesch reading ease for German (Amstad 1978): ``180 − ASL − 58.5 · ASW``.

    ASL = words per sentence, ASW = syllables per word. Higher is easier; bands 0–30 "sehr schwer",
    30–50 "schwer", 50–60 "mittelschwer", 60–70 "mittel", 70–80 "mittelleicht", 80–90 "leicht",
    90–100 "sehr leicht". Not the English formula (206.835 − 1.015·ASL − 84.6·ASW).
    """
    if not _measurable(counts):
        return _unmeasurable(_FLESCH_TEXT)
    value = 180.0 - counts.words / counts.sentences - 58.5 * counts.syllables / counts.words
    return Score(value, flesch_band(value), _FLESCH_TEXT)


def _wstf_variables(counts: Counts) -> tuple[float, float, float, float]:
    """MS, SL, IW, ES of Bamberger & Vanecek: % words ≥ 3 syllables, words per sentence,
    % words with more than 6 letters, % one-syllable words."""
    return (
        _percent(counts.polysyllabic_words, counts.words),
        counts.words / counts.sentences,
        _percent(counts.long_words, counts.words),
        _percent(counts.monosyllabic_words, counts.words),
    )


def _grade(value: float, explanation: str) -> Score:
    return Score(value, _band(value, _GRADE_BANDS, _VERY_HARD), explanation)


def wiener_sachtextformel_1(counts: Counts) -> Score:
    """Erste neue Wiener Sachtextformel (Bamberger & Vanecek 1984):
    ``0.1935·MS + 0.1672·SL + 0.1297·IW − 0.0327·ES − 0.875`` (school grade; best for grades 6–10)."""
    if not _measurable(counts):
        return _unmeasurable(_WSTF_TEXT)
    ms, sl, iw, es = _wstf_variables(counts)
    return _grade(0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875, _WSTF_TEXT)


def wiener_sachtextformel_2(counts: Counts) -> Score:
    """Zweite neue Wiener Sachtextformel (Bamberger & Vanecek 1984):
    ``0.2007·MS + 0.1682·SL + 0.1373·IW − 2.779``."""
    if not _measurable(counts):
        return _unmeasurable(_WSTF_TEXT)
    ms, sl, iw, _ = _wstf_variables(counts)
    return _grade(0.2007 * ms + 0.1682 * sl + 0.1373 * iw - 2.779, _WSTF_TEXT)


def wiener_sachtextformel_3(counts: Counts) -> Score:
    """Dritte neue Wiener Sachtextformel (Bamberger & Vanecek 1984): ``0.2963·MS + 0.1905·SL − 1.1144``."""
    if not _measurable(counts):
        return _unmeasurable(_WSTF_TEXT)
    ms, sl, _, _ = _wstf_variables(counts)
    return _grade(0.2963 * ms + 0.1905 * sl - 1.1144, _WSTF_TEXT)


def wiener_sachtextformel_4(counts: Counts) -> Score:
    """Vierte neue Wiener Sachtextformel (Bamberger & Vanecek 1984): ``0.2744·MS + 0.2656·SL − 1.693``."""
    if not _measurable(counts):
        return _unmeasurable(_WSTF_TEXT)
    ms, sl, _, _ = _wstf_variables(counts)
    return _grade(0.2744 * ms + 0.2656 * sl - 1.693, _WSTF_TEXT)


def lix(counts: Counts) -> Score:
    """Läsbarhetsindex (Björnsson 1968): ``W/S + 100 · L/W``, L = words with more than 6 letters.

    Bands (schulportal.berlin.de): < 30 sehr leicht, 30–40 leicht, 40–50 mittel, 50–60 schwer,
    ≥ 60 sehr schwer.
    """
    if not _measurable(counts):
        return _unmeasurable(_LIX_TEXT)
    value = counts.words / counts.sentences + _percent(counts.long_words, counts.words)
    return Score(value, _band(value, _LIX_BANDS, _VERY_HARD), _LIX_TEXT)


def gsmog(counts: Counts) -> Score:
    """German SMOG "Qu" (Bamberger & Vanecek 1984, p. 78): ``√(MS₃₀) − 2``.

    MS₃₀ = words with ≥ 3 syllables in 30 sentences, normalised to the text as ``n₃₊ · 30 / S``.
    School grade, banded like the Wiener Sachtextformel.
    """
    if not _measurable(counts):
        return _unmeasurable(_GSMOG_TEXT)
    value = math.sqrt(counts.polysyllabic_words * 30 / counts.sentences) - 2
    return _grade(value, _GSMOG_TEXT)


def mean_sentence_length(counts: Counts) -> Score:
    """Mean sentence length in words, ``W/S`` (Klartext bands: < 8, < 12, < 17, < 22, ≥ 22)."""
    if not _measurable(counts):
        return _unmeasurable(_SENTENCE_LENGTH_TEXT)
    value = counts.words / counts.sentences
    return Score(value, _band(value, _SENTENCE_LENGTH_BANDS, _VERY_HARD), _SENTENCE_LENGTH_TEXT)


def share_sentences_over_15(counts: Counts) -> Score:
    """Percentage of sentences with more than 15 words (Klartext bands: < 5, < 15, < 30, < 50, ≥ 50 %)."""
    if not _measurable(counts):
        return _unmeasurable(_OVER_15_TEXT)
    value = _percent(counts.sentences_over_15, counts.sentences)
    return Score(value, _band(value, _SHARE_BANDS, _VERY_HARD), _OVER_15_TEXT)


def share_sentences_over_20(counts: Counts) -> Score:
    """Percentage of sentences with more than 20 words (HIX uses it; bands as for 15 words)."""
    if not _measurable(counts):
        return _unmeasurable(_OVER_20_TEXT)
    value = _percent(counts.sentences_over_20, counts.sentences)
    return Score(value, _band(value, _SHARE_BANDS, _VERY_HARD), _OVER_20_TEXT)


def share_long_words(counts: Counts) -> Score:
    """Percentage of words with more than 6 letters, the IW of the Wiener Sachtextformel
    (Klartext bands: < 20, < 30, < 40, < 50, ≥ 50 %)."""
    if not _measurable(counts):
        return _unmeasurable(_LONG_WORDS_TEXT)
    value = _percent(counts.long_words, counts.words)
    return Score(value, _band(value, _LONG_WORD_BANDS, _VERY_HARD), _LONG_WORDS_TEXT)
