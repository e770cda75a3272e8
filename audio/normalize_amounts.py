"""Speech rules for amounts: numbers with units and currencies, phone numbers, paragraph signs."""

from __future__ import annotations

import re

from audio.normalize_context import Context, preceding_tokens
from audio.normalize_lexicon import Unit, compact
from audio.normalize_numbers import cardinal, cardinal_before_noun, decimal, digits, parse_int, year

NUMBER_PATTERN = r"\d{1,3}(?:[.\u00a0]\d{3})+(?!\d)(?:,\d+)?|\d+,\d+|\d+"


_MAX_DIGITS_AS_NUMBER = 15


_NOUN_AFTER = re.compile(r"[ \u00a0]+[A-ZÄÖÜ][a-zäöüß]")


def number_words(number_text: str, unit: Unit | None) -> str:
    """Words for a number as written: integer, decimal, or a digit string for leading zeros."""
    plain = number_text.replace(".", "").replace("\u00a0", "").replace(" ", "")
    if "," not in plain and (
        len(plain) > _MAX_DIGITS_AS_NUMBER or (plain.startswith("0") and len(plain) > 1)
    ):
        return digits(plain)
    if "," in number_text:
        whole, _, fraction = number_text.partition(",")
        if len(whole.replace(".", "")) > _MAX_DIGITS_AS_NUMBER:
            return digits(whole) + " Komma " + digits(fraction)
        return decimal(number_text)
    value = parse_int(number_text)
    if unit is not None:
        return cardinal_before_noun(value, unit.feminine)
    if 1100 <= value <= 1999 and number_text.isdigit():
        return year(value)
    return cardinal(value)


def _after_reference(ctx: Context, start: int) -> bool:
    """True after a noun or abbreviation the number identifies: "Abs. 1 Satz 3", "Linie 1 Richtung"."""
    tokens = preceding_tokens(ctx.text, start, 1)
    return bool(tokens) and (tokens[0][0].isupper() or tokens[0].endswith(".") or tokens[0].startswith("§"))


def number_with_unit(m: re.Match[str], ctx: Context) -> str:
    """Numbers, with an optional scale and unit or currency: "1,5 Mio. Euro", "12,50 €", "6,1 %"."""
    sign, number_text, dash_cents, u1, u2 = m.group("sign", "num", "dash", "u1", "u2")
    units = ctx.lexicon.units
    first = units[compact(u1)] if u1 else None
    second = units[compact(u2)] if u2 else None
    prefix = "minus " if sign else ""
    if first is not None and first.currency and second is None:
        return prefix + _money(number_text, first, bool(dash_cents))
    is_one = number_text == "1"
    if (
        is_one
        and first is None
        and _NOUN_AFTER.match(ctx.text, m.end())
        and not _after_reference(ctx, m.start())
    ):
        return prefix + "ein"  # "1 Kind" → "ein Kind" (the gender of the noun is unknown; "ein" fits most)
    words = prefix + number_words(number_text, first)
    if first is not None:
        words += " " + (first.singular if is_one else first.plural)
    if second is not None:
        words += " " + second.plural
    return words


def _money(number_text: str, currency: Unit, dash_cents: bool) -> str:
    """Amounts of money: "12,50 Euro" → "zwölf Euro fünfzig"; other decimals keep "Komma" ("1,125 Euro")."""
    whole, _, fraction = number_text.partition(",")
    if len(fraction) not in (0, 2) and not dash_cents:
        words = number_words(number_text, currency)
        return f"{words} {currency.singular if number_text == '1' else currency.plural}"
    name = currency.singular if parse_int(whole) == 1 else currency.plural
    cents = int(fraction) if fraction else 0
    return f"{number_words(whole, currency)} {name}" + (f" {cardinal(cents)}" if cents else "")


def currency_first(m: re.Match[str], ctx: Context) -> str:
    """Currency before the amount: "€ 12,50" → "zwölf Euro fünfzig", "EUR 8" → "acht Euro"."""
    currency = ctx.lexicon.units[m.group("cur")]
    return _money(m.group("num"), currency, bool(m.group("dash")))


def dotted_number(m: re.Match[str], ctx: Context) -> str:
    """Dotted numbers that are neither thousands nor dates: "2.0" → "zwei Punkt null"."""
    return " Punkt ".join(number_words(part, None) for part in m.group(0).split("."))


def leftover_digits(m: re.Match[str], ctx: Context) -> str:
    """Digits no other rule took (inside identifiers such as a DOI) are still read, never dropped."""
    return number_words(m.group(0), None)


_FILE_NUMBER_BEFORE = re.compile(r"(?<![\w.-])(?:Nr\.|Nummer|Az\.)\s*$")


def phone_number(m: re.Match[str], ctx: Context) -> str | None:
    """Phone numbers in digit groups: "+49 203 …" → "plus vier neun, zwei null drei, …"."""
    label, number = m.groupdict().get("label"), m.group("phone")
    if sum(ch.isdigit() for ch in number) < 6:
        return None
    if label is None and _FILE_NUMBER_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "Nr. 031/2025" is a file number, not a phone number
    groups = [digits(group) for group in re.split(r"[^\d]+", number) if group]
    spoken = ctx.phone_group_separator.join(groups)
    if number.startswith("+"):
        spoken = "plus " + spoken
    if label is None:
        return spoken
    bare = label.rstrip(":")
    label_word = ctx.lexicon.words.get(bare, (bare, False))[0] + label[len(bare) :]
    return f"{label_word}{m.group('gap')}{spoken}"


def paragraph_sign(m: re.Match[str], ctx: Context) -> str:
    """Paragraph signs: "§ 3" → "Paragraf drei", "§§ 23" → "Paragrafen dreiundzwanzig"."""
    word = "Paragrafen" if m.group(1) == "§§" else "Paragraf"
    letter = f" {m.group(3)}" if m.group(3) else ""
    return f"{word} {number_words(m.group(2), None)}{letter}"
