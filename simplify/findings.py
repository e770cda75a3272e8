"""Per-sentence findings: what makes a sentence hard, where, and a short German hint.

Rules form a registry of small functions (``RULES``). Each gets a ``SentenceView`` (the sentence, its
words with absolute offsets, cached HanTa tags) and returns ``Hit``s; ``find`` turns them into
``Finding``s with the hint from ``data/findings_rules.tsv``. Word lists are in ``data/findings_words.json``.

Grammatical rules use HanTa (``simplify.tagger``): out-of-context tags per word (cached) to find nouns
and foreign material, and in-context tagging of a sentence only where it matters — passive (is the word
after *wird*/*wurde* a participle?) and Konjunktiv I of full verbs (*biete* = lemma *bieten* minus *n*).
Known limits: case is not tagged, so genitive is found by its shape (noun + *des*/*der*/*eines*/*einer*
+ noun), which also catches some datives after a noun; *sein*-passive (*ist geschlossen*) is not flagged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import wordfreq

from simplify.segment import Sentence, Word, word_form, words
from simplify.tagger import Tagged, compound_parts, tag, tags, word_tags


@dataclass(frozen=True)
class FindingsConfig:
    """Thresholds of the rules (defaults follow common plain-language guidance)."""

    max_sentence_words: int = 20
    long_word_letters: int = 13
    nominal_chain: int = 2
    foreign_margin: float = 0.7
    foreign_max_german_zipf: float = 4.5
    foreign_min_english_zipf: float = 3.0


@dataclass(frozen=True)
class Finding:
    """One finding: rule id, sentence index, absolute character spans, triggering words, hint."""

    rule: str
    sentence: int
    spans: tuple[tuple[int, int], ...]
    words: tuple[str, ...]
    hint: str
    suggestion: str | None = None


@dataclass(frozen=True)
class Hit:
    """What a rule reports before the hint is attached."""

    words: tuple[Word, ...]
    params: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    hint_key: str | None = None


def _outermost(candidates: Iterable[Word]) -> Iterator[Hit]:
    """One hit with the words not inside another of them, in text order; nothing if there are none."""
    found = list(candidates)
    kept = [w for w in found if not any(o.start <= w.start and w.end <= o.end and o != w for o in found)]
    if kept:
        yield Hit(tuple(sorted(kept, key=lambda w: w.start)))


@dataclass(frozen=True)
class _WordLists:
    passive_auxiliaries: frozenset[str]
    negations: frozenset[str]
    subjunctive_forms: frozenset[str]
    subjunctive_ambiguous_next_to: frozenset[str]
    subject_pronouns: frozenset[str]
    genitive_articles: frozenset[str]
    nominal_suffixes: tuple[str, ...]
    nominal_exceptions: frozenset[str]
    foreign: re.Pattern[str]
    foreign_suffixes: tuple[str, ...]
    not_foreign: frozenset[str]
    not_subjunctive: frozenset[str]
    percent: re.Pattern[str]


def _phrases(items: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


@lru_cache(maxsize=1)
def _lists() -> _WordLists:
    data: dict[str, Any] = json.loads(
        resources.files("simplify").joinpath("data/findings_words.json").read_text("utf-8")
    )
    return _WordLists(
        passive_auxiliaries=frozenset(data["passive_auxiliaries"]),
        negations=frozenset(data["negations"]),
        subjunctive_forms=frozenset(data["subjunctive_forms"]),
        subjunctive_ambiguous_next_to=frozenset(data["subjunctive_ambiguous_next_to"]),
        subject_pronouns=frozenset(data["subject_pronouns"]),
        genitive_articles=frozenset(data["genitive_articles"]),
        nominal_suffixes=tuple(data["nominal_suffixes"]),
        nominal_exceptions=frozenset(data["nominal_exceptions"]),
        foreign=_phrases(data["foreign_words"]),
        foreign_suffixes=tuple(data["foreign_suffixes"]),
        not_foreign=frozenset(data["not_foreign"]),
        not_subjunctive=frozenset(data["not_subjunctive"]),
        percent=re.compile(r"\d(?:[\d.,]*\d)?\s?(?:" + "|".join(map(re.escape, data["percent_words"])) + ")"),
    )


@lru_cache(maxsize=1)
def _hints() -> dict[str, str]:
    text = resources.files("simplify").joinpath("data/findings_rules.tsv").read_text("utf-8")
    return dict(
        line.split("\t", 1) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True)
class SentenceView:
    """A sentence prepared for the rules: words carry absolute offsets into the analysed text."""

    index: int
    sentence: Sentence
    words: tuple[Word, ...]
    config: FindingsConfig

    @cached_property
    def tagged(self) -> tuple[Tagged, ...]:
        """In-context HanTa tags and lemmas of the sentence's words (computed only when a rule asks)."""
        return tuple(tag([word_form(word.text) for word in self.words]))

    @cached_property
    def tags(self) -> tuple[str, ...]:
        """In-context HanTa tags without lemmas (cheaper than ``tagged``)."""
        return tuple(tags([word_form(word.text) for word in self.words]))

    def top_tag(self, word: Word) -> str:
        tags = word_tags(word_form(word.text))
        return tags[0] if tags else ""

    def span_words(self, pattern: re.Pattern[str]) -> Iterator[Word]:
        """Matches of ``pattern`` in the sentence as words with absolute offsets."""
        for match in pattern.finditer(self.sentence.text):
            start = self.sentence.start + match.start()
            yield Word(start, self.sentence.start + match.end(), match.group())


def _letters(text: str) -> int:
    return sum(char.isalpha() for char in text)


def _is_noun(view: SentenceView, position: int) -> bool:
    word = view.words[position]
    return word.text[:1].isupper() and view.top_tag(word) in ("NN", "NE")


Rule = Callable[[SentenceView], Iterator[Hit]]


def long_sentence(view: SentenceView) -> Iterator[Hit]:
    """More words than ``max_sentence_words``."""
    limit = view.config.max_sentence_words
    if len(view.words) > limit:
        whole = Word(view.sentence.start, view.sentence.end, view.sentence.text)
        yield Hit((whole,), {"n": str(len(view.words)), "limit": str(limit)})


def long_word(view: SentenceView) -> Iterator[Hit]:
    """Words with at least ``long_word_letters`` letters, with HanTa's compound parts as suggestion."""
    for word in view.words:
        form = word_form(word.text)
        if _letters(form) < view.config.long_word_letters or "-" in form:
            continue
        parts = compound_parts(form) if form[:1].isupper() else (form,)  # only nouns get parts
        if len(parts) > 1 and all(part[:1].isupper() for part in parts):
            hyphenated = "-".join(parts)
            yield Hit((word,), {"parts": hyphenated}, suggestion=hyphenated)
        else:
            yield Hit((word,), hint_key="long_word_simple")


def passive(view: SentenceView) -> Iterator[Hit]:
    """A form of *werden* with a past participle (in-context tag ``VV(PP)``)."""
    auxiliaries = [w for w in view.words if w.text.lower() in _lists().passive_auxiliaries]
    if not auxiliaries:
        return
    participles = [w for w, t in zip(view.words, view.tags, strict=True) if t == "VV(PP)"]
    if participles:
        yield Hit(tuple(sorted(auxiliaries + participles, key=lambda w: w.start)))


def nominal_style(view: SentenceView) -> Iterator[Hit]:
    """At least ``nominal_chain`` nouns ending in -ung, -heit, -keit, -ion, -ität, -ismus."""
    lists = _lists()
    nouns = tuple(
        word
        for word in view.words
        if (form := word_form(word.text).lower()).endswith(lists.nominal_suffixes)
        and form not in lists.nominal_exceptions
        and word.text[:1].isupper()  # capitalised and with a noun suffix: a noun, no tagger needed
    )
    if len(nouns) >= view.config.nominal_chain:
        yield Hit(nouns)


def genitive(view: SentenceView) -> Iterator[Hit]:
    """Noun + *des*/*der*/*eines*/*einer* + (adjectives) + noun, with nothing but spaces between."""
    text, offset = view.sentence.text, view.sentence.start
    articles = _lists().genitive_articles
    for position in range(1, len(view.words) - 2):
        noun, article = view.words[position], view.words[position + 1]
        if article.text not in articles or text[noun.end - offset : article.start - offset].strip():
            continue
        if not _is_noun(view, position):
            continue
        for follower in range(position + 2, min(position + 5, len(view.words))):
            if _is_noun(view, follower):
                yield Hit((noun, article, view.words[follower]))
                break


_DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]{1,6}\.(?:-|(?=[^\W\d_]{1,3}\.))?[ \t]?)+")
_INITIALISM = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-ZÄÖÜ][A-Za-z]*")
_ROMAN = re.compile(r"[IVXLC]+")


def abbreviation(view: SentenceView) -> Iterator[Hit]:
    """Dotted abbreviations inside the sentence (z. B., Dr., v.l.n.r.) and initialisms (IHK, GmbH)."""
    text = view.sentence.text
    found: list[Word] = []
    for match in _DOTTED.finditer(text):
        following = text[match.end() :].strip("“”\"')]»« ")
        if not following:
            continue
        raw = match.group().rstrip()
        if raw == match.group() and text[match.end() : match.end() + 1].isalnum():
            continue  # "KI.Werk", "www.example.org", "name@example.org": not an abbreviation
        start = view.sentence.start + match.start()
        found.append(Word(start, start + len(raw), raw))
    if not text.isupper():
        for word in view.words:
            if len(word.text) <= 6 and _INITIALISM.fullmatch(word.text) and not _ROMAN.fullmatch(word.text):
                found.append(word)
    if found:
        yield Hit(tuple(sorted(found, key=lambda w: w.start)))


_BIG_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d{5,})(?:,\d+)?(?![\d])")
_DECIMAL = re.compile(r"(?<![\d.,])\d+,\d+(?![\d])")
_MANY_NUMBERS = 3


def number(view: SentenceView) -> Iterator[Hit]:
    """Percentages, decimals and numbers of five or more digits; every number if a sentence has three."""
    spans = {
        (w.start, w.end): w
        for pattern in (_lists().percent, _BIG_NUMBER, _DECIMAL)
        for w in view.span_words(pattern)
    }
    numerals = [word for word in view.words if any(char.isdigit() for char in word.text)]
    if len(numerals) >= _MANY_NUMBERS:
        spans.update({(w.start, w.end): w for w in numerals})
    yield from _outermost(spans.values())


_RARE_GERMAN_ZIPF = 2.5
_PARENTHESIS = re.compile(r"\([^()]*\)|(?<=\s)[–—](?=\s)")


def parenthesis(view: SentenceView) -> Iterator[Hit]:
    """Parentheses and dashes (Gedankenstriche) that insert a second thought into the sentence."""
    found = tuple(view.span_words(_PARENTHESIS))
    if found:
        yield Hit(found)


def negation(view: SentenceView) -> Iterator[Hit]:
    """Negation words (nicht, kein, nie, niemand, nichts, …)."""
    found = tuple(word for word in view.words if word.text.lower() in _lists().negations)
    if found:
        yield Hit(found)


def _after_or_before_ich(view: SentenceView, position: int) -> bool:
    """Forms like "habe", "biete" are also first person indicative: next to "ich" they are no Konjunktiv."""
    ambiguous = _lists().subjunctive_ambiguous_next_to
    neighbours = view.words[max(position - 1, 0) : position] + view.words[position + 1 : position + 2]
    return any(word.text.lower() in ambiguous for word in neighbours)


def _konjunktiv_one(view: SentenceView, position: int) -> bool:
    """A full verb in Konjunktiv I: finite form = lemma minus final *n* ("biete" from "bieten")."""
    word = view.words[position]
    if position == 0 or not word.text.endswith("e") or not word.text.islower():
        return False
    if word.text in _lists().not_subjunctive:
        return False
    subject = view.words[position - 1].text
    if not (subject[:1].isupper() or subject in _lists().subject_pronouns):
        return False  # cheap filter before the tagger: Konjunktiv I follows its subject ("Das Forum biete")
    if "VV(FIN)" not in word_tags(word.text):
        return False
    if _after_or_before_ich(view, position):
        return False
    tagged = view.tagged[position]
    return tagged.tag == "VV(FIN)" and tagged.lemma.endswith("en") and tagged.lemma[:-1] == word.text


def subjunctive(view: SentenceView) -> Iterator[Hit]:
    """Konjunktiv: listed forms (wäre, hätte, würde, könnte, sei, …) and Konjunktiv I of full verbs."""
    lists = _lists()
    found: list[Word] = []
    for position, word in enumerate(view.words):
        form = word.text if position else word.text.lower()
        if form in lists.subjunctive_forms:
            if not _after_or_before_ich(view, position):
                found.append(word)
        elif _konjunktiv_one(view, position):
            found.append(word)
    if found:
        yield Hit(tuple(found))


@lru_cache(maxsize=65536)
def _looks_foreign(form: str, margin: float, max_german: float, min_english: float) -> bool:
    if len(form) < 4 or not form.isalpha():
        return False
    german = wordfreq.zipf_frequency(form, "de")
    english = wordfreq.zipf_frequency(form, "en")
    if german == 0.0 and form.lower().endswith(_lists().foreign_suffixes):
        return True
    return english >= min_english and german <= max_german and english - german >= margin


@lru_cache(maxsize=65536)
def _rare_in_german(form: str) -> bool:
    """Rare in German (Zipf < 2.5, under about 3 per 10 million words) but a known English word: worth
    asking HanTa whether it is foreign material (so German names and rare compounds are left alone)."""
    return (
        len(form) >= 3
        and form.isalpha()
        and wordfreq.zipf_frequency(form, "de") < _RARE_GERMAN_ZIPF
        and wordfreq.zipf_frequency(form, "en") > 0.0
    )


def foreign_word(view: SentenceView) -> Iterator[Hit]:
    """English and Latin loans: listed words, much more frequent in English than in German (wordfreq
    Zipf values), or rare in German and tagged ``FM`` (foreign material) by HanTa."""
    config = view.config
    found = {(w.start, w.end): w for w in view.span_words(_lists().foreign)}
    for word in view.words:
        form = word_form(word.text)
        if form in _lists().not_foreign:
            continue
        if _looks_foreign(
            form, config.foreign_margin, config.foreign_max_german_zipf, config.foreign_min_english_zipf
        ) or (_rare_in_german(form) and view.top_tag(word) == "FM"):
            found.setdefault((word.start, word.end), word)
    yield from _outermost(found.values())


RULES: tuple[tuple[str, Rule], ...] = (
    ("long_sentence", long_sentence),
    ("long_word", long_word),
    ("passive", passive),
    ("nominal_style", nominal_style),
    ("genitive", genitive),
    ("abbreviation", abbreviation),
    ("number", number),
    ("parenthesis", parenthesis),
    ("negation", negation),
    ("subjunctive", subjunctive),
    ("foreign_word", foreign_word),
)


def sentence_view(index: int, sentence: Sentence, config: FindingsConfig) -> SentenceView:
    """Prepare a sentence for the rules (word offsets made absolute)."""
    shifted = tuple(
        Word(sentence.start + w.start, sentence.start + w.end, w.text) for w in words(sentence.text)
    )
    return SentenceView(index, sentence, shifted, config)


def find(sentences: list[Sentence], config: FindingsConfig | None = None) -> list[Finding]:
    """All findings for the given sentences, in sentence order, then rule order."""
    config = config or FindingsConfig()
    hints = _hints()
    findings: list[Finding] = []
    for index, sentence in enumerate(sentences):
        view = sentence_view(index, sentence, config)
        for rule_id, rule in RULES:
            for hit in rule(view):
                hint = hints[hit.hint_key or rule_id].format(**hit.params)
                spans = tuple((w.start, w.end) for w in hit.words)
                findings.append(
                    Finding(rule_id, index, spans, tuple(w.text for w in hit.words), hint, hit.suggestion)
                )
    return findings
