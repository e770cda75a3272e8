"""Leichte-Sprache rule checker for any German text — generated or written by a person.

``check(text)`` returns findings with rule id, level ("error" or "warning"), character span and a
German hint. Errors are rules that can be checked reliably (sentence length, abbreviations, special
characters, dates); warnings are heuristics over HanTa tags and word lists (passive, genitive,
subordinate clauses, negation, Konjunktiv, rare words, long words, …) that a person should look at.

Lines starting with "• " are list items; lines without final punctuation are headings. Both are
checked for length and words, not for being full sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency

from simplify.compounds import split_compound
from simplify.glossary import lookup, phrase_spans
from simplify.plain_lexicon import (
    abbreviations,
    acronyms,
    negation_words,
    number_words,
    replacements,
    subjunctive_words,
    subordinators,
)
from simplify.plain_model import CheckFinding
from simplify.plain_tagging import FINITE_TAGS, SUBORDINATING_TAGS, URL, Token, tag, url_free_spans
from simplify.plain_words import _abbreviation_pattern
from simplify.segment import split_sentences, words

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class CheckConfig:
    """Limits of the checker: words per sentence (error above ``max_words``, warning above
    ``warn_words``), letters of an unsplit word, and the Zipf value below which a word is rare."""

    max_words: int = 15
    warn_words: int = 10
    long_word_letters: int = 13
    rare_zipf: float = 3.0


_SPECIAL = re.compile(r"[()\[\]{};/&§%€*®™©…#|<>~^_]")
_QUOTE = re.compile(r"[„“”‚‘»«\"]")
_DASH = re.compile(r"\s[–—]\s")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_LEADING_ZERO_TIME = re.compile(r"(?<![\d:.,])0\d:\d{2}\b")
_BIG_NUMBER = re.compile(
    r"\b\d{1,3}(?:\.\d{3})+(?:,\d+)?\b|\b\d+(?:,\d+)?\s(?:Millionen|Milliarden|Billionen)\b"
)
_DOTTED = re.compile(r"(?<![\w.])[A-Za-zÄÖÜäöü]{1,4}\.\s?[A-Za-zÄÖÜäöü]{1,4}\.")


def _finding(rule: str, level: str, start: int, end: int, text: str, hint: str) -> CheckFinding:
    return CheckFinding(rule, level, start, end, text[start:end], hint)


@lru_cache(maxsize=1)
def _abbreviation_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (_abbreviation_pattern(a), a.expansion)
        for a in abbreviations()
        if a.kind != "akronym" and any(c.isalpha() for c in a.short)  # symbols: see "sonderzeichen"
    )


def _units(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of every sentence, list item and heading; kind is sentence/item/heading."""
    position = 0
    for line in text.split("\n"):
        start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        offset = start + len(line) - len(line.lstrip())
        if stripped.startswith(("• ", "- ")):
            yield offset + 2, offset + len(stripped), "item"
        elif stripped[-1] not in ".!?:":
            yield offset, offset + len(stripped), "heading"
        else:
            for sentence in split_sentences(line):
                yield start + sentence.start, start + sentence.end, "sentence"


#: Character-level rules: pattern, rule id, level, characters trimmed from each end of a match, hint.
_CHARACTER_RULES: tuple[tuple[re.Pattern[str], str, str, int, str], ...] = (
    (_SPECIAL, "sonderzeichen", ERROR, 0,
     "Sonder·zeichen vermeiden. Schreiben Sie das Wort aus oder machen Sie einen neuen Satz."),
    (_QUOTE, "sonderzeichen", WARNING, 0, "Anführungs·zeichen möglichst vermeiden."),
    (_DASH, "einschub", WARNING, 1, "Gedanken·striche vermeiden. Machen Sie zwei Sätze."),
    (_NUMERIC_DATE, "datum", ERROR, 0, "Schreiben Sie das Datum so: 12. November 2024."),
    (_LEADING_ZERO_TIME, "uhrzeit", WARNING, 0, "Schreiben Sie die Uhrzeit ohne 0 am Anfang: 9:00 Uhr."),
    (_BIG_NUMBER, "grosse-zahl", WARNING, 0,
     "Große Zahlen sind schwer. Runden Sie oder vergleichen Sie: fast die Hälfte."),
)  # fmt: skip


def _character_findings(text: str, start: int, end: int) -> Iterator[CheckFinding]:
    for a, b in url_free_spans(text, start, end):
        for pattern, rule, level, trim, hint in _CHARACTER_RULES:
            for m in pattern.finditer(text, a, b):
                yield _finding(rule, level, m.start() + trim, m.end() - trim, text, hint)
        yield from _abbreviation_findings(text, a, b)


def _abbreviation_findings(text: str, a: int, b: int) -> Iterator[CheckFinding]:
    covered: list[tuple[int, int]] = []
    for pattern, expansion in _abbreviation_patterns():
        for m in pattern.finditer(text, a, b):
            if any(s <= m.start() < e for s, e in covered):
                continue
            covered.append((m.start(), m.end()))
            yield _finding(
                "abkuerzung",
                ERROR,
                m.start(),
                m.end(),
                text,
                f"Keine Abkürzungen. Schreiben Sie: {expansion}.",
            )
    for m in _DOTTED.finditer(text, a, b):
        if not any(s <= m.start() < e for s, e in covered):
            yield _finding(
                "abkuerzung",
                WARNING,
                m.start(),
                m.end(),
                text,
                "Sieht aus wie eine Abkürzung. Schreiben Sie das ganze Wort.",
            )


def _acronym_findings(text: str) -> Iterator[CheckFinding]:
    explained = {m.group(1) for m in re.finditer(r"(?m)^\s*([\wÄÖÜ-]+): Das ist", text)}
    seen: set[str] = set()
    urls = [(u.start(), u.end()) for u in URL.finditer(text)]
    for m in re.finditer(r"(?<![\w.])([A-ZÄÖÜ][A-ZÄÖÜa-z]*[A-ZÄÖÜ])(?![\wäöü])", text):
        short = m.group(1)
        if short in explained or short in seen or (short not in acronyms() and not short.isupper()):
            continue
        if len(short) > 6 or any(s <= m.start() < e for s, e in urls):
            continue
        seen.add(short)
        yield _finding(
            "abkuerzung",
            WARNING,
            m.start(),
            m.end(),
            text,
            f"Erklären Sie {short} beim ersten Mal: „{short}: Das ist …“.",
        )


def _word_findings(
    text: str, tokens: tuple[Token, ...], offset: int, config: CheckConfig
) -> Iterator[CheckFinding]:
    unit_end = offset + (tokens[-1].end if tokens else 0)
    explained = [(offset + a, offset + b) for a, b in phrase_spans(text[offset:unit_end])]
    for token in tokens:
        start, end = offset + token.start, offset + token.end
        word = token.text
        lower = word.lower()
        if lower in negation_words():
            yield _finding(
                "verneinung",
                WARNING,
                start,
                end,
                text,
                "Verneinungen möglichst vermeiden. Sagen Sie, was ist.",
            )
        elif lower in subjunctive_words() and token.pos in FINITE_TAGS:
            yield _finding(
                "konjunktiv",
                WARNING,
                start,
                end,
                text,
                "Kein Konjunktiv. Schreiben Sie, was wirklich ist oder sein wird.",
            )
        elif lower in number_words() and token.pos in ("CARD", "ADJA"):
            yield _finding(
                "zahlwort",
                WARNING,
                start,
                end,
                text,
                f"Zahlen als Ziffern schreiben: {number_words()[lower]}.",
            )
        letters = word.replace("·", "")
        if not letters.isalpha() or token.pos == "NE":
            continue
        if "·" not in word and "-" not in word and len(word) >= config.long_word_letters:
            suggestion = split_compound(word)
            hint = (
                f"Langes Wort. Trennen Sie es: {suggestion}."
                if suggestion != word
                else "Langes Wort. Gibt es ein kürzeres?"
            )
            yield _finding("langes-wort", WARNING, start, end, text, hint)
        elif (
            len(letters) > 3
            and lookup(word) is None
            and not any(a <= start < b for a, b in explained)  # part of a term in the Wörterbuch
            and zipf_frequency(letters.lower(), "de") < config.rare_zipf
        ):
            yield _finding(
                "seltenes-wort",
                WARNING,
                start,
                end,
                text,
                "Seltenes Wort. Nehmen Sie ein bekanntes Wort oder erklären Sie es im Wörterbuch.",
            )


def _sentence_findings(
    text: str, start: int, end: int, kind: str, config: CheckConfig
) -> Iterator[CheckFinding]:
    unit = text[start:end]
    count = len(words(unit))
    if count > config.max_words:
        yield _finding(
            "satzlaenge",
            ERROR,
            start,
            end,
            text,
            f"Der Satz hat {count} Wörter. Höchstens {config.max_words}, besser bis {config.warn_words}.",
        )
    elif count > config.warn_words:
        yield _finding(
            "satzlaenge",
            WARNING,
            start,
            end,
            text,
            f"Der Satz hat {count} Wörter. Kürzer ist leichter: bis {config.warn_words} Wörter.",
        )
    tokens = tag(unit)
    yield from _word_findings(text, tokens, start, config)
    if kind != "sentence":
        return
    finite = [t for t in tokens if t.pos in FINITE_TAGS]
    if len(finite) >= 2:
        yield _finding(
            "aussagen", WARNING, start, end, text, "Ein Satz – eine Aussage. Machen Sie zwei Sätze."
        )
    for token in tokens:
        s, e = start + token.start, start + token.end
        if token.pos in SUBORDINATING_TAGS or token.text.lower() in subordinators():
            yield _finding(
                "nebensatz", WARNING, s, e, text, "Neben·satz. Machen Sie daraus einen eigenen Satz."
            )
    if (
        any(t.lemma == "werden" and t.pos == "VAFIN" for t in tokens)
        and any(t.pos == "VVPP" for t in tokens)
        or any(t.text == "worden" for t in tokens)
    ):
        yield _finding("passiv", WARNING, start, end, text, "Passiv. Sagen Sie, wer etwas macht.")
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else None
        if token.text == "des" or (
            token.text == "der"
            and token.pos == "ART"
            and previous is not None
            and previous.pos in ("NN", "NE")
        ):
            s, e = start + token.start, start + token.end
            yield _finding("genitiv", WARNING, s, e, text, "Genitiv. Schreiben Sie: von dem …, von der ….")


@lru_cache(maxsize=1)
def _term_patterns() -> tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...]:
    """(hard word, common word, their patterns) for each replacement, compiled once."""

    def whole(word: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w·]){re.escape(word.lower())}(?![\w·])")

    return tuple((hard, common, whole(hard), whole(common)) for hard, common in replacements().items())


def _term_findings(text: str) -> Iterator[CheckFinding]:
    """Hard word and its common replacement both in the text: use one word for one thing."""
    lowered = text.lower()
    for hard, common, hard_pattern, common_pattern in _term_patterns():
        hard_match = hard_pattern.search(lowered)
        if hard_match and common_pattern.search(lowered):
            yield _finding(
                "begriffe",
                WARNING,
                hard_match.start(),
                hard_match.end(),
                text,
                f"Immer das gleiche Wort benutzen: {common} oder {hard}.",
            )


def character_errors(text: str) -> list[CheckFinding]:
    """The error-level findings that need no tagging (special characters, abbreviations, dates)."""
    return [f for f in _character_findings(text, 0, len(text)) if f.level == ERROR]


def check(text: str, config: CheckConfig = CheckConfig()) -> list[CheckFinding]:
    """All findings for ``text``, sorted by position."""
    findings: list[CheckFinding] = []
    for start, end, kind in _units(text):
        findings.extend(_sentence_findings(text, start, end, kind, config))
        findings.extend(_character_findings(text, start, end))
    findings.extend(_acronym_findings(text))
    findings.extend(_term_findings(text))
    return sorted(findings, key=lambda f: (f.start, f.end, f.rule_id))


def errors(findings: list[CheckFinding]) -> list[CheckFinding]:
    """Only the findings at error level."""
    return [f for f in findings if f.level == ERROR]
