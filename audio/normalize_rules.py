"""The rule registry of the speech normaliser, and the rules for words, addresses and symbols.

Dates, times and ordinals are in :mod:`audio.normalize_dates`, numbers and amounts in
:mod:`audio.normalize_amounts`.

Each rule is a regular expression plus a function that turns a match into spoken German, or returns
``None`` to decline (the next rule, or the plain text, gets its turn). ``build_rules`` lists them in
priority order: at a given position the first rule that accepts wins.
"""

from __future__ import annotations

import re

from audio.normalize_amounts import (
    NUMBER_PATTERN,
    currency_first,
    dotted_number,
    leftover_digits,
    number_with_unit,
    number_words,
    paragraph_sign,
    phone_number,
)
from audio.normalize_context import Context, Handler, Rule, at_line_start
from audio.normalize_dates import (
    HOUR_MIN_PATTERN,
    colon_time,
    iso_date,
    numeric_date,
    ordinal_number,
    regnal_number,
    roman_cardinal,
    text_date,
    time_of_day,
)
from audio.normalize_lexicon import Lexicon, alternation, compact
from audio.normalize_numbers import digits

_ADDRESS_SYMBOLS = {
    ".": "punkt",
    "/": "schrägstrich",
    "-": "minus",
    "_": "unterstrich",
    "@": "ät",
    ":": "doppelpunkt",
    "?": "fragezeichen",
    "=": "gleich",
    "&": "und",
    "#": "raute",
    "~": "tilde",
    "%": "prozent",
    "+": "plus",
}


def web_address(m: re.Match[str], ctx: Context) -> str:
    """E-mail and web addresses: "info@stadt-x.de" → "info ät stadt minus x punkt de"."""
    address = re.sub(r"^https?://", "", m.group(0)).rstrip("/")
    words: list[str] = []
    for token in re.findall(r"[^\W\d_]+|\d+|.", address):
        if token[0] in "0123456789":
            words.append(number_words(token, None) if len(token) <= 4 else digits(token))
        elif token in _ADDRESS_SYMBOLS:
            words.append(_ADDRESS_SYMBOLS[token])
        elif not token.isspace():
            words.append(token)
    return " ".join(words)


def street_suffix(m: re.Match[str], ctx: Context) -> str:
    """Street abbreviations: "Bahnhofstr." → "Bahnhofstraße"."""
    return m.group(1) + "straße"


_NEXT_STARTS_SENTENCE = re.compile(r"\s*$|\s+[A-ZÄÖÜ]")


_WEEKDAY_CONTEXT = re.compile(r"\s*(?:[–,-]|bis\b|und\b|\d)")


_WEEKDAY_BEFORE = re.compile(r"(?:–|-|\bbis\s|\bund\s)\s*$")


_NUMBER_AFTER = re.compile(r"\s*\d")


def abbreviation(m: re.Match[str], ctx: Context) -> str | None:
    """Abbreviations from the data table; weekdays only in date context, "S."/"Art." only before numbers."""
    key = compact(m.group(0))
    lexicon = ctx.lexicon
    if key in lexicon.weekdays and (
        _WEEKDAY_CONTEXT.match(ctx.text, m.end())
        or _WEEKDAY_BEFORE.search(ctx.text, max(0, m.start() - 5), m.start())
    ):
        return lexicon.weekdays[key]
    if key in lexicon.words:
        spoken, may_end = lexicon.words[key]
        if may_end and _NEXT_STARTS_SENTENCE.match(ctx.text, m.end()):
            return spoken + "."
        return spoken
    if key in lexicon.numrefs and _NUMBER_AFTER.match(ctx.text, m.end()):
        return lexicon.numrefs[key]
    return None


def initialism(m: re.Match[str], ctx: Context) -> str:
    """Initialisms: "IHK" → "I H K", "NATO" → "Nato"; a plural "s" is kept ("GmbHs")."""
    return ctx.lexicon.initialisms[m.group(1)] + (" s" if m.group(2) else "")


def dash(m: re.Match[str], ctx: Context) -> str:
    """A dash between numbers or days is "bis"; a spaced dash is a pause; a list bullet is silent."""
    if at_line_start(ctx.text, m.start()):
        return ""
    if m.group(0).strip() == m.group(0):
        return " bis "
    return ", "


_WORD_BEFORE = re.compile(r"(\w+)$")


_WORD_AFTER = re.compile(r"\w+")


def slash(m: re.Match[str], ctx: Context) -> str:
    """Slashes: "2025/2026" → "Strich"; "und/oder" → "und oder"; "Rad/Fuß" → the configured pause or word.

    A spaced "/", "·" or "|" separates items ("Klinikum · Gesundheitsamt") and becomes a pause.
    """
    if m.group(0) != "/":
        return ", "
    before = _WORD_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    after = _WORD_AFTER.match(ctx.text, m.end())
    left = before.group(1) if before else ""
    right = after.group(0) if after else ""
    if left[-1:].isdigit() and right[:1].isdigit():
        return " Strich "
    if left.lower() in ("und", "oder") or right.lower() in ("und", "oder"):
        return " "
    return ctx.slash_between_words


def gender_mark(m: re.Match[str], ctx: Context) -> str:
    """Gender marks in "Bürger*innen", "Lehrer:in": spoken as the short break (glottal stop) they stand for.

    A space gives exactly that in espeak-ng ("bˈʏɾɡɜ ˈɪnən"); "Bürgerinnen" would come out as "bˈʏɾɡeːr…".
    """
    return " "


def symbol(m: re.Match[str], ctx: Context) -> str:
    """Single symbols from the table: "&" → "und"; "®" and "·" are silent."""
    return ctx.lexicon.symbols[m.group(0)]


def _units_pattern(lexicon: Lexicon) -> str:
    return rf"(?:{alternation(list(lexicon.units))})(?![\wäöüÄÖÜß²³])"


def build_rules(lexicon: Lexicon) -> tuple[Rule, ...]:
    """All rules in priority order; the patterns are built from the data tables."""
    months = alternation(list(lexicon.months))
    units = _units_pattern(lexicon)
    currency_symbols = "|".join(
        re.escape(k) for k, unit in lexicon.units.items() if unit.currency and not any(c.islower() for c in k)
    )
    abbreviations = alternation(sorted({*lexicon.words, *lexicon.weekdays, *lexicon.numrefs}))
    initialisms = "|".join(re.escape(k) for k in sorted(lexicon.initialisms, key=len, reverse=True))
    phone_group = r"\(?\d+(?:[)/-]+\(?\d+)*\)?"
    phone_body = rf"\+?{phone_group}(?:[ \u00a0]+{phone_group})*"
    specs: list[tuple[str, str, Handler]] = [
        ("email", r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", web_address),
        (
            "url",
            r"(?<![\w@])(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)]"
            r"|(?<![\w@.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:de|com|org|net|eu|info|nrw|berlin)"
            r"(?:/[^\s<>\"]*[^\s<>\".,;:!?)])?(?![\w@])",
            web_address,
        ),
        (
            "phone_labeled",
            rf"(?P<label>Tel\.-Nr\.:?|Telefonnummer:?|Tel\.:?|Telefon:?|Fax:?|Mobil:?|Handy:?|Rufnummer:?|Hotline:?)"
            rf"(?P<gap>[ \u00a0]*(?:unter[ \u00a0]+)?)(?P<phone>{phone_body})(?!\d)",
            phone_number,
        ),
        (
            "phone_shape",
            r"(?<![\d+])(?P<phone>(?:\+\d{1,3}|0\d{2,5})(?:[ \u00a0]*\(0\))?(?:[ \u00a0/-]\d{1,6})+"
            r"|11[0-9][ \u00a0]11[0-9]|\(0\d{2,5}\)(?:[ \u00a0/-]?\d{1,8})+)(?!\d|,\d|\.\d)",
            phone_number,
        ),
        ("paragraph", r"(§§?)[ \u00a0]*(\d+)([a-z](?![a-z]))?", paragraph_sign),
        (
            "time",
            rf"(?<![\d.,]){HOUR_MIN_PATTERN}(?:\s*(–|-|bis)\s*{HOUR_MIN_PATTERN})?[ \u00a0]*Uhr(?!\w)",
            time_of_day,
        ),
        ("colon_time", r"(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])", colon_time),
        (
            "numeric_date",
            r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4}(?!\d)|\d{2}(?![\d.]))?(?!\d)",
            numeric_date,
        ),
        ("text_date", rf"(?<![\d.,])(\d{{1,2}})\.\s*({months})(?![\wäöü])(?:\s+(\d{{4}})(?!\d))?", text_date),
        ("ordinal", r"(?<![\d.,])(\d{1,3})\.(?!\d)", ordinal_number),
        ("iso_date", r"(?<![\d.-])(\d{4})-(\d{2})-(\d{2})(?![\d-])", iso_date),
        (
            "currency_first",
            rf"(?P<cur>{currency_symbols})[ \u00a0]*(?P<num>{NUMBER_PATTERN})(?P<dash>,[–-])?(?![\d.,]\d)",
            currency_first,
        ),
        (
            "dotted_number",
            r"(?<![\d.,])(?!\d{1,3}(?:\.\d{3})+(?![\d.]))\d+(?:\.\d+)+(?![\d,])(?!\.\d)",
            dotted_number,
        ),
        (
            "number",
            # "10 000 Euro": a plain space groups thousands only before a unit or in a group starting
            # with 0 ("10 000 Bäume"); "seit 2019 500 neue" stays two numbers.
            rf"(?P<sign>(?<![\w.,-])-)?(?<!\d)(?<!\d[.,])"
            rf"(?P<num>\d{{1,3}}(?: \d{{3}})+(?!\d)(?:,\d+)?(?=[ \u00a0]*(?:{units}))"
            rf"|\d{{1,3}}(?: \d{{3}})*(?: 0\d\d)(?: \d{{3}})*(?![\d,])|{NUMBER_PATTERN})"
            rf"(?P<dash>,[–-])?"
            rf"(?:[ \u00a0]*(?P<u1>{units}))?(?:[ \u00a0]*(?P<u2>{units}))?",
            number_with_unit,
        ),
        ("regnal", r"(?<![\w.])([IVXL]{1,6})\.", regnal_number),
        (
            "roman_cardinal",
            r"(?<![\w.])(SGB|Teil|Band|Kapitel|Phase|Stufe|Klasse|Abschnitt|Anhang|Anlage)"
            r"(?P<gap>[ \u00a0]+)([IVXL]{1,6})(?!\w)",
            roman_cardinal,
        ),
        ("street", r"(?<![\w-])([A-ZÄÖÜ][\wäöüß-]*?)str\.", street_suffix),
        ("abbreviation", rf"(?<![\w.])(?:{abbreviations})(?![\wäöüß])", abbreviation),
        ("initialism", rf"(?<![\w])({initialisms})(s)?(?![\wäöüß])", initialism),
        ("gender", r"(?<=[a-zäöüß])(?:[*:_/]|/-)(?=in(?:nen)?\b)", gender_mark),
        ("slash", r"(?<=\w)/(?=\w)|[ \t\u00a0]+[/·|][ \t\u00a0]+", slash),
        ("dash", r"[ \t\u00a0]*–[ \t\u00a0]*|(?<=\d)-(?=\d)|(?<!.)[ \t]*[-•][ \t]+", dash),
        ("symbol", "|".join(re.escape(s) for s in lexicon.symbols), symbol),
        ("digits", r"\d+", leftover_digits),
    ]
    return tuple(Rule(name, re.compile(pattern), handler) for name, pattern, handler in specs)
