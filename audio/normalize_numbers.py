"""German number words for speech: cardinals, inflected ordinals, decimals, years, digit strings.

num2words gives the word forms; what it does not know (ordinal endings after articles, "ein Uhr",
reading decimals digit by digit) is added here.
"""

from __future__ import annotations

import functools
from typing import Literal

from num2words import num2words

OrdinalEnding = Literal["e", "en", "er", "es"]

_DIGITS = ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")


@functools.lru_cache(maxsize=4096)  # num2words is slow, releases repeat their numbers
def cardinal(number: int) -> str:
    """Cardinal number word ("einhundertvierundachtzig"); negative numbers get "minus"."""
    if number < 0:
        return "minus " + cardinal(-number)
    return str(num2words(number, lang="de"))


def cardinal_before_noun(number: int, feminine: bool = False) -> str:
    """Cardinal as used before a noun or unit: 1 becomes "ein"/"eine" instead of "eins"."""
    if number == 1:
        return "eine" if feminine else "ein"
    return cardinal(number)


@functools.lru_cache(maxsize=4096)  # num2words is slow, releases repeat their numbers
def ordinal(number: int, ending: OrdinalEnding = "e") -> str:
    """Inflected ordinal: ``ordinal(12, "en")`` is "zwölften" (num2words knows only the "-e" form)."""
    word = str(num2words(number, lang="de", to="ordinal"))
    return word[:-1] + ending if word.endswith("e") else word + ending


@functools.lru_cache(maxsize=4096)  # num2words is slow, releases repeat their numbers
def year(number: int) -> str:
    """A year as spoken: 1999 is "neunzehnhundertneunundneunzig", 2024 "zweitausendvierundzwanzig"."""
    if 1100 <= number <= 1999:
        return str(num2words(number, lang="de", to="year"))
    return cardinal(number)


def digits(text: str) -> str:
    """Read a string of digits one by one ("0800" → "null acht null null"); other characters are skipped."""
    return " ".join(_DIGITS[int(ch)] for ch in text if ch in "0123456789")


def parse_int(text: str) -> int:
    """Integer from German notation with ".", space or no-break-space thousands separators ("1.250")."""
    return int(text.replace(".", "").replace("\u00a0", "").replace(" ", ""))


def decimal(text: str) -> str:
    """Read a German decimal ("1.250,5" → "eintausendzweihundertfünfzig Komma fünf").

    The digits after the comma are read one by one, as German speakers do ("Komma eins zwei").
    """
    whole, _, fraction = text.partition(",")
    words = cardinal(parse_int(whole))
    if fraction:
        words += " Komma " + digits(fraction)
    return words
