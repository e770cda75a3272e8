"""Character clean-up before the speech rules: map what espeak-ng cannot read onto what it can.

Every output character remembers the input character it came from, so offsets survive.
"""

from __future__ import annotations

import unicodedata

# Letters without a Unicode decomposition that still have an obvious Latin reading.
_LETTERS = {"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "œ": "oe", "Œ": "Oe", "ſ": "s", "ə": "e"}
_DASHES = "\u2012\u2013\u2014\u2015"
_HYPHENS = "\u2010\u2011\u2212\ufe63\uff0d"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2039\u203a\u2032"
_NARROW_SPACES = "\u2009\u202f\u2007"


def _latin1(text: str) -> bool:
    return all(ord(ch) <= 0xFF for ch in text)


def _map_char(ch: str, keep: frozenset[str]) -> str:
    """Replacement for one character: itself, a Latin-1 spelling, or "" to drop it."""
    code = ord(ch)
    if ch in keep or ch == "\n" or 0x20 <= code < 0x7F or 0xA0 <= code <= 0xFF:
        return "" if ch == "\u00ad" else ch
    if ch in _DASHES:
        return "–"
    if ch in _HYPHENS:
        return "-"
    if ch in _DOUBLE_QUOTES:
        return '"'
    if ch in _SINGLE_QUOTES:
        return "'"
    if ch in _NARROW_SPACES:
        return "\u00a0"
    category = unicodedata.category(ch)
    if category == "Nd":
        return str(unicodedata.decimal(ch))
    if category == "No" and unicodedata.digit(ch, None) is not None:
        return str(unicodedata.digit(ch))
    if category.startswith("L"):
        return _letter(ch)
    if category in ("Zs", "Zl", "Zp", "Cc"):
        return " "
    folded = unicodedata.normalize("NFKC", ch)
    if category.startswith("P") and folded != ch and _latin1(folded):
        return folded
    return ""


def _letter(ch: str) -> str:
    if ch in _LETTERS:
        return _LETTERS[ch]
    stripped = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if stripped and _latin1(stripped) and all(c.isalpha() for c in stripped):
        return stripped
    return ch  # never drop a letter, even one espeak-ng may only spell


def clean_characters(text: str, keep: frozenset[str]) -> tuple[str, tuple[int, ...]]:
    """Return the cleaned text and, for each of its characters, the index of the input character.

    ``keep`` are non-Latin-1 characters a later rule handles itself (e.g. "€", "‰").
    """
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        mapped = _map_char(ch, keep)
        out.append(mapped)
        origin.extend([index] * len(mapped))
    return "".join(out), tuple(origin)
