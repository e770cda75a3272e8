"""Word-level rewriting rules: abbreviations, numbers and dates, special characters, common words,
compound splitting, capitals. Each function takes a sentence and returns the new sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from simplify.compounds import split_compound
from simplify.plain_lexicon import (
    Abbreviation,
    VerbReplacement,
    abbreviations,
    acronyms,
    fractions,
    genitive_prepositions,
    months,
    number_words,
    plural_replacements,
    replacements,
    verb_replacements,
)
from simplify.plain_tagging import Token, tag, url_free_spans


def _outside_urls(text: str, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> str:
    """Apply ``pattern.sub(repl, …)`` to the text between URLs and e-mail addresses only."""
    out: list[str] = []
    position = 0
    for start, end in url_free_spans(text):
        out.append(text[position:start])
        out.append(pattern.sub(repl, text[start:end]))
        position = end
    return "".join(out)


def _abbreviation_pattern(item: Abbreviation) -> re.Pattern[str]:
    parts = [re.escape(p) for p in item.short.split(". ")]
    body = r"\.\s?".join(parts)
    # "z. B." also matches "z.B."; a short form ending in a letter must end at a word boundary.
    before = r"(?<![\w.\-])" if item.short[0].isalnum() else ""
    after = r"(?![\w\-])" if item.short[-1].isalnum() else r"(?!-)"
    if item.kind == "endung":
        return re.compile(r"(?<=[a-zäöüß])" + body + r"(?!\w)")
    if item.kind == "einheit":
        before = r"(?<=\d )|(?<=\d)"
        return re.compile(rf"(?:{before}){body}{after}")
    return re.compile(before + body + after)


@lru_cache(maxsize=1)
def _expansions() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (_abbreviation_pattern(a), a.expansion)
        for a in abbreviations()
        if a.kind in ("abk", "einheit", "endung")
    )


@lru_cache(maxsize=1)
def _titles() -> re.Pattern[str]:
    titles = [a for a in abbreviations() if a.kind == "titel"]
    alternatives = "|".join(_abbreviation_pattern(a).pattern for a in titles)
    return re.compile(rf"(?:(?:{alternatives})\s+)+(?=[A-ZÄÖÜ][a-zäöüß])")


def expand_abbreviations(text: str) -> str:
    """Replace abbreviations, symbols and units by their words ("z. B." → "zum Beispiel", "%" → "Prozent")."""
    for pattern, expansion in _expansions():
        text = _outside_urls(text, pattern, expansion.replace("\\", "\\\\"))
    return re.sub(r"(\d)(Prozent|Euro|Paragraf)", r"\1 \2", text)


def drop_titles(text: str) -> str:
    """Leave out academic titles before names ("Prof. Dr. Lena Brandt" → "Lena Brandt")."""
    return _titles().sub("", text)


def name_without_titles(name: str) -> str:
    """A person's name without academic titles."""
    return _titles().sub("", name).strip()


# --- numbers, dates, times -------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(?=\s+(?:bis|und|-|–)\s+\d)")
_LEADING_ZERO_DAY = re.compile(r"\b0(\d)\.(?=\s+[A-ZÄÖÜ])")
_DOT_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})(?=\s+Uhr\b)")
_LEADING_ZERO_TIME = re.compile(r"(?<![\d:.,])0(\d):(\d{2})")
_RANGE = re.compile(
    r"(?<=[\w.])\s?[–—-]\s?(?=\d|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)"
)
_RANGE_START = re.compile(r"(?:\d|tag|woch)\.?$")


def _month_name(number: str) -> str | None:
    month = int(number)
    return months()[month - 1] if 1 <= month <= 12 else None


def normalise_numbers(text: str) -> str:
    """Dates as "13. März 2025", times as "9:00 Uhr", ranges with "bis", number words as digits,
    "50 Prozent der …" as "die Hälfte der …"."""

    def numeric_date(m: re.Match[str]) -> str:
        name = _month_name(m.group(2))
        return f"{int(m.group(1))}. {name} {m.group(3)}" if name else m.group()

    def day_month(m: re.Match[str]) -> str:
        name = _month_name(m.group(2))
        return f"{int(m.group(1))}. {name}" if name else m.group()

    text = _NUMERIC_DATE.sub(numeric_date, text)
    text = _DAY_MONTH.sub(day_month, text)
    text = _LEADING_ZERO_DAY.sub(r"\1.", text)
    text = _DOT_TIME.sub(r"\1:\2", text)
    text = _outside_urls(text, _LEADING_ZERO_TIME, r"\1:\2")

    def range_(m: re.Match[str]) -> str:
        return " bis " if _RANGE_START.search(text[: m.start()]) else m.group()

    text = _RANGE.sub(range_, text)
    text = _number_words_to_digits(text)
    return _FRACTION.sub(_fraction, text)


_FRACTION = re.compile(r"\b(um |auf |)(\d+) Prozent(?= (?:der|des|von|vom|aller|seiner|ihrer)\b)")


def _fraction(match: re.Match[str]) -> str:
    """ "50 Prozent der …" → "die Hälfte der …"; a percentage without a fraction in the table stays."""
    fraction = fractions().get(match.group(2))
    return match.group() if fraction is None else match.group(1) + fraction


def _number_words_to_digits(text: str) -> str:
    table = number_words()
    if not any(w.lower() in table for w in re.findall(r"\w+", text)):
        return text

    def digits(tokens: tuple[Token, ...], index: int) -> str | None:
        token = tokens[index]
        found = table.get(token.text.lower())
        if found is None or not (token.pos == "CARD" or (found.endswith(".") and token.pos == "ADJA")):
            return None
        return found

    return replace_tokens(text, tag(text), digits)


# --- special characters ----------------------------------------------------------------------------

_QUOTES = re.compile(r"[„“”‚‘’»«›‹\"]")
_MARKS = re.compile(r"\s?[®™©]")
_GENDER_STAR = re.compile(r"\b(\w+)[*:_]innen\b")
_SLASH = re.compile(r"(?<=[^\W\d])\s?/\s?(?=\w)|(?<=\w)\s?/\s?(?=[^\W\d])")
_ELLIPSIS = re.compile(r"\s?…")


def drop_special_characters(text: str) -> str:
    """Remove quotation marks, ®/™, "…"; "/" between words → "und"; ";" → ","; "Bürger*innen" →
    "Bürgerinnen und Bürger"."""
    text = _QUOTES.sub("", text)
    text = _MARKS.sub("", text)
    text = _ELLIPSIS.sub("", text)
    text = _GENDER_STAR.sub(lambda m: f"{m.group(1)}innen und {m.group(1)}", text)
    text = text.replace("; ", ", ")  # the clause split has taken every ";" between two full sentences
    text = _YEAR_PAIR.sub(lambda m: _year_pair(m), text)
    return _outside_urls(text, _SLASH, " und ")


_YEAR_PAIR = re.compile(r"\b((?:19|20)\d\d)\s?/\s?((?:19|20)\d\d)\b")


def _year_pair(match: re.Match[str]) -> str:
    """ "2025/2026" (two years in a row) → "2025 und 2026"; "2023/2831" is a reference number and stays."""
    first, second = match.group(1), match.group(2)
    return f"{first} und {second}" if int(second) == int(first) + 1 else match.group()


# --- common words ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _replacement_pattern() -> re.Pattern[str]:
    words = sorted(replacements(), key=len, reverse=True)
    return re.compile(r"(?<![\w·-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w·-])")


@lru_cache(maxsize=1)
def _sentence_start_pattern() -> re.Pattern[str]:
    words = sorted((w[:1].upper() + w[1:] for w in replacements() if w[:1].islower()), key=len, reverse=True)
    return re.compile(r"^(" + "|".join(re.escape(w) for w in words) + r")(?![\w·-])")


# The next word starts a genitive phrase with an article, pronoun or adjective ("mittels eines …").
_GENITIVE_PHRASE = re.compile(r"\s+(?:[a-zäöüß]|(?:Ihre|Eure)[rs]\b)")
_KEEP = "="  # a table entry that blocks a shorter one inside it ("im Anschluss an")


def replace_hard_words(text: str) -> str:
    """Replace hard words by common ones from the safe tables (``ls_replacements.tsv``,
    ``ls_plural_replacements.tsv``, ``ls_verb_replacements.tsv``).

    Matching is case-sensitive ("Beschäftigte" the noun is not "beschäftigte" the verb); a lower-case
    entry also matches with a capital at the start of the sentence. A genitive preposition whose
    replacement governs another case ("mittels" → "mit") is replaced only before a bare noun."""
    table = replacements()

    def replace(m: re.Match[str], word: str) -> str:
        new = table[word]
        if new == _KEEP or (word in genitive_prepositions() and _GENITIVE_PHRASE.match(text, m.end())):
            return m.group()
        return new

    def at_start(m: re.Match[str]) -> str:
        new = replace(m, m.group()[:1].lower() + m.group()[1:])
        return new[:1].upper() + new[1:]

    text = _sentence_start_pattern().sub(at_start, text)
    text = _replacement_pattern().sub(lambda m: replace(m, m.group()), text)
    return _replace_verbs(_replace_plurals(text))


# Words before a noun that show it is plural ("die Unternehmen"; singular would be "das Unternehmen").
_PLURAL_DETERMINERS = frozenset(
    "die den der alle allen aller viele vielen vieler mehrere mehreren einige einigen keine keinen "
    "ihre ihren ihrer seine seinen unsere unseren diese diesen dieser solche solchen beide beiden".split()
)


def _is_plural(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the noun at ``index`` is plural, judged by what stands before it: a plural determiner,
    a number above 1, adjectives in -en without an article ("kleinen und mittleren Unternehmen"), or a
    preposition right before it ("an Unternehmen"; a singular would need an article there)."""
    position = index - 1
    adjectives = False
    while position >= 0 and (tokens[position].pos == "ADJA" or tokens[position].text in ("und", "oder", ",")):
        adjectives = adjectives or tokens[position].pos == "ADJA"
        position -= 1
    if position < 0:
        return False
    before = tokens[position]
    if before.text.lower() in _PLURAL_DETERMINERS:
        return before.pos in ("ART", "PDAT", "PIAT", "PIDAT", "PPOSAT")
    if before.pos == "CARD":
        return before.text.replace(".", "").isdigit() and int(before.text.replace(".", "")) > 1
    if before.pos in ("ART", "PDAT", "PIAT", "PIDAT", "PPOSAT"):
        return False
    if adjectives:  # "kleinen und mittleren Unternehmen": without an article only the plural ends in -en
        return tokens[position + 1].text.endswith("en")
    # "im", "vom", "zum" hold a singular article: "im Gebäude" is one building
    return before.pos == "APPR" and before.text.lower() not in ("je", "pro")


def replace_tokens(
    text: str, tokens: tuple[Token, ...], new: Callable[[tuple[Token, ...], int], str | None]
) -> str:
    """``text`` with each token replaced by ``new(tokens, i)`` where that is not ``None``."""
    out: list[str] = []
    position = 0
    for index, token in enumerate(tokens):
        replacement = new(tokens, index)
        if replacement is not None:
            out.append(text[position : token.start])
            out.append(replacement)
            position = token.end
    out.append(text[position:])
    return "".join(out)


def from_table(
    table: Mapping[str, str], applies: Callable[[tuple[Token, ...], int], bool]
) -> Callable[[tuple[Token, ...], int], str | None]:
    """For ``replace_tokens``: the table's value for a token in the table where ``applies``."""

    def new(tokens: tuple[Token, ...], index: int) -> str | None:
        word = tokens[index].text
        return table[word] if word in table and applies(tokens, index) else None

    return new


def _replace_plurals(text: str) -> str:
    table = plural_replacements()
    if not any(word in text for word in table):
        return text
    return replace_tokens(text, tag(text), from_table(table, _is_plural))


_AUXILIARIES = frozenset({"haben", "sein", "werden"})


def clause_tokens(tokens: tuple[Token, ...], index: int) -> tuple[Token, ...]:
    """The tokens between the commas (or sentence ends) around ``index``."""
    start = next((i + 1 for i in range(index - 1, -1, -1) if tokens[i].pos == "$,"), 0)
    end = next((i for i in range(index + 1, len(tokens)) if tokens[i].pos == "$,"), len(tokens))
    return tokens[start:end]


def _verb_replacement(tokens: tuple[Token, ...], index: int, entry: VerbReplacement) -> str | None:
    """The replacement for a verb form in its role in this sentence: as finite verb, as infinitive, or as
    participle with an auxiliary in the same clause ("wird … benötigt" → "gebraucht")."""
    token = tokens[index]
    if token.pos == "VVFIN":
        return entry.finite
    if token.pos in ("VVINF", "VVIZU"):
        return entry.infinitive
    clause = clause_tokens(tokens, index)
    if token.pos == "VVPP" and any(t.pos.startswith("VA") and t.lemma in _AUXILIARIES for t in clause):
        return entry.participle
    return None


def _replace_verbs(text: str) -> str:
    """Replace verb forms whose common word depends on their role (``ls_verb_replacements.tsv``); a
    sentence with "sich" stays ("sich verständigen" means to agree)."""
    table = verb_replacements()
    if not any(word in table for word in re.findall(r"\w+", text)):
        return text
    tokens = tag(text)
    if any(t.pos == "PRF" or t.text == "sich" for t in tokens):
        return text

    def verb(tokens: tuple[Token, ...], index: int) -> str | None:
        entry = table.get(tokens[index].text)
        return None if entry is None else _verb_replacement(tokens, index, entry)

    return replace_tokens(text, tokens, verb)


# --- compounds and capitals ------------------------------------------------------------------------

_SPLIT_TAGS = frozenset({"NN"})


def split_compounds(text: str, separator: str, min_letters: int, names: frozenset[str] = frozenset()) -> str:
    """Split long nouns with the separator ("Fachkräftemangel" → "Fach·kräfte·mangel"); ``names``
    (places, people) are never split."""

    def split(tokens: tuple[Token, ...], index: int) -> str | None:
        token = tokens[index]
        long_noun = token.pos in _SPLIT_TAGS and token.text.isalpha() and len(token.text) >= min_letters
        if token.text in names or not long_noun:
            return None
        return split_compound(token.text, separator, min_letters)

    return replace_tokens(text, tag(text), split)


def is_shouting(text: str) -> bool:
    """Whether a sentence is written in capitals (at least two words of three or more capitals)."""
    letters = [c for c in text if c.isalpha()]
    long_caps = re.findall(r"\b[A-ZÄÖÜ]{3,}\b", text)
    return len(long_caps) >= 2 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def normal_case(text: str) -> str:
    """Turn a sentence in capitals into normal spelling: nouns and names capitalised, the rest lower case."""
    words = re.split(r"(\s+)", text)
    candidate = "".join(w if w in acronyms() else w[:1] + w[1:].lower() for w in words)
    out: list[str] = []
    position = 0
    for index, token in enumerate(tag(candidate)):
        out.append(candidate[position : token.start])
        keep = token.pos in ("NN", "NE") or token.text in acronyms() or index == 0
        out.append(token.text if keep else token.text.lower())
        position = token.end
    out.append(candidate[position:])
    return "".join(out)
