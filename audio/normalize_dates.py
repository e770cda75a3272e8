"""Speech rules for dates, times, ordinals and Roman numerals.

The ordinal ending follows the words around it: "am 12. November" → "zwölften", "der 3. Oktober" →
"dritte", a bare dateline "Hamburg, 12. November" → "zwölfter".
"""

from __future__ import annotations

import re

from audio.normalize_context import Context, at_line_start, preceding_tokens
from audio.normalize_lexicon import compact
from audio.normalize_numbers import OrdinalEnding, cardinal, ordinal, year

# Words before an ordinal that ask for the weak "-en" ending ("am zwölften") or the "-e" ending
# ("der dritte"). This is German grammar, not vocabulary, so it lives here rather than in data/.
_EN_TRIGGERS = frozenset(
    "am vom zum beim im bis seit ab dem den des zur jedem jeden einem einen nach".split()
)


_E_TRIGGERS = frozenset("der die das jede jeder jedes".split())


_SKIP_BACK = re.compile(r"\d{1,2}\.(?:\d{1,2}\.)?|und|oder|sowie|,|–|-")


# Words that usually open a sentence: "auf 38. Die Stadt" ends a sentence, "feiert 10. Ausgabe" does not.
_SENTENCE_OPENERS = frozenset(
    "der die das den dem des ein eine einer es er sie wir ich ihr man im in am an auf aus bei mit für nach "
    "von vor zum zur um über unter seit ab bis dann danach damit dabei dazu so auch aber und oder doch "
    "denn da dort hier heute jetzt nun zudem außerdem insgesamt damals dies diese dieser dieses wie was "
    "wer wo wann warum als wenn weil dass ob trotz laut".split()
)


_RANGE_AFTER = re.compile(r"\s*(?:–|-|bis\b)\s*\d")


HOUR_MIN_PATTERN = r"(\d{1,2})(?:[:.](\d{2}))?"


def ordinal_ending(ctx: Context, start: int, end: int, is_date: bool) -> OrdinalEnding:
    """Choose the ordinal ending from the words around it.

    "am/vom/bis/zum 12." → "-en"; "der 3." → "-e"; a range start "3. bis" → "-en";
    a bare date ("Hamburg, 12. November") → "-er"; anything else "-e".
    """
    if ctx.text[max(0, start - 2) : start] in (".–", ".-"):
        return "en"
    weekdays = {day.lower() for day in ctx.lexicon.weekdays.values()}
    weekdays |= {short.lower() for short in ctx.lexicon.weekdays}
    for token in preceding_tokens(ctx.text, start):
        word = token.lower().strip("(\"'")
        if word in _EN_TRIGGERS:
            return "en"
        if word in _E_TRIGGERS:
            return "e"
        # Step back over "12. und", "3. bis" and "Dienstag," ("am Dienstag, 4. März").
        day = word.rstrip(",")
        if not (_SKIP_BACK.fullmatch(word) or (word.endswith(",") and day.startswith(tuple(weekdays)))):
            break
    if _RANGE_AFTER.match(ctx.text, end):
        return "en"
    return "er" if is_date else "e"


def _hour(value: int) -> str:
    return "ein" if value == 1 else cardinal(value)


def _clock(hour: str, minute: str | None, with_uhr: bool) -> str | None:
    h = int(hour)
    m = int(minute) if minute else 0
    if h > 24 or m > 59:
        return None
    if not with_uhr:
        return _hour(h) if m == 0 else f"{_hour(h)} Uhr {cardinal(m)}"
    return f"{_hour(h)} Uhr" + (f" {cardinal(m)}" if m else "")


def time_of_day(m: re.Match[str], ctx: Context) -> str | None:
    """Times: "14:30 Uhr" → "vierzehn Uhr dreißig"; "10 bis 11.30 Uhr" → "zehn bis elf Uhr dreißig"."""
    h1, m1, sep, h2, m2 = m.group(1, 2, 3, 4, 5)
    if h2 is None:
        return _clock(h1, m1, with_uhr=True)
    first = _clock(h1, m1, with_uhr=False)
    second = _clock(h2, m2, with_uhr=True)
    if first is None or second is None:
        return None
    return f"{first} bis {second}"


def colon_time(m: re.Match[str], ctx: Context) -> str | None:
    """A time without "Uhr": "um 14:30" without "Uhr" is still a time."""
    return _clock(m.group(1), m.group(2), with_uhr=True)


def _date(ctx: Context, m: re.Match[str], day: int, month: int, year_text: str | None) -> str | None:
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    words = f"{ordinal(day, ordinal_ending(ctx, m.start(), m.end(), True))} {ctx.lexicon.month_name(month)}"
    if year_text:
        words += " " + (year(int(year_text)) if len(year_text) == 4 else cardinal(int(year_text)))
    return words


def numeric_date(m: re.Match[str], ctx: Context) -> str | None:
    """Numeric dates: "1.1.2025" → "ersten Januar zweitausendfünfundzwanzig" (ending from context)."""
    return _date(ctx, m, int(m.group(1)), int(m.group(2)), m.group(3))


def text_date(m: re.Match[str], ctx: Context) -> str | None:
    """Dates with a month name: "am 12. November 2024" → "zwölften November zweitausendvierundzwanzig"."""
    month = ctx.lexicon.months[compact(m.group(2))][1]
    return _date(ctx, m, int(m.group(1)), month, m.group(3))


def iso_date(m: re.Match[str], ctx: Context) -> str | None:
    """ISO dates: "2025-03-13" → "dreizehnter März zweitausendfünfundzwanzig"."""
    return _date(ctx, m, int(m.group(3)), int(m.group(2)), m.group(1))


_NEXT_TOKEN = re.compile(r"[ \u00a0]*(\S+)")


_WORD = re.compile(r"\w+")


def ordinal_number(m: re.Match[str], ctx: Context) -> str | None:
    """Ordinals: "die 2. Auflage" → "die zweite Auflage".

    Declines for a number that ends a sentence ("stieg auf 38. Die Stadt …").
    """
    following = _NEXT_TOKEN.match(ctx.text, m.end())
    if following is None:
        return None
    token = following.group(1)
    if token[0].isupper():
        word = _WORD.match(token)
        if word and word.group(0).lower() in _SENTENCE_OPENERS and not at_line_start(ctx.text, m.start()):
            return None
    elif not (token[0].islower() or (token[0] in "–-" and token[1:2].isdigit())):
        return None
    return ordinal(int(m.group(1)), ordinal_ending(ctx, m.start(), m.end(), False))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


_DATIVE_PREPOSITIONS = frozenset("von vom mit bei unter nach zu seit aus".split())


def _roman_value(text: str) -> int | None:
    total = 0
    for index, ch in enumerate(text):
        value = _ROMAN[ch]
        following = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if 0 < total < 90 and _to_roman(total) == text else None


def _to_roman(value: int) -> str:
    out = ""
    for number, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out


def regnal_number(m: re.Match[str], ctx: Context) -> str | None:
    """Regnal numbers: "Wilhelm II." → "Wilhelm der Zweite" ("von Wilhelm II." → "dem Zweiten")."""
    tokens = preceding_tokens(ctx.text, m.start(), 2)
    if not tokens or not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+", tokens[0]):
        return None
    value = _roman_value(m.group(1))
    if value is None:
        return None
    word = ordinal(value, "e")
    capitalised = word[0].upper() + word[1:]
    if len(tokens) > 1 and tokens[1].lower() in _DATIVE_PREPOSITIONS:
        return f"dem {capitalised}n"
    return f"der {capitalised}"


def roman_cardinal(m: re.Match[str], ctx: Context) -> str | None:
    """Roman numerals after reference nouns: "SGB III", "Teil II" → "S G B drei", "Teil zwei"."""
    value = _roman_value(m.group(3))
    if value is None:
        return None
    head = ctx.lexicon.initialisms.get(m.group(1), m.group(1))
    return f"{head}{m.group('gap')}{cardinal(value)}"
