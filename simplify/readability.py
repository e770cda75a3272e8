"""Readability of German text: counts, scores with German bands, sentences and findings.

``analyze(text)`` measures a raw text; ``analyze_release(release)`` measures the parts of a release a
reader reads as text (title, subtitle, lead, body), not the contact block, caption or boilerplate.

What is counted (see ``simplify.segment`` for the details):

* **Sentences** are SoMaJo sentences plus our post-rules; a heading or list item is one sentence.
* **Words** are tokens with a letter or digit. Numbers in digits count as words of one syllable;
  abbreviations count as written ("z. B." two words, "GmbH" one word of one syllable).
* **Syllables** come from ``simplify.syllables.count_syllables``; **letters** are alphabetic characters.
* **Long words** have more than 6 letters, **polysyllabic** ones at least 3 syllables.
* A **dateline** ("Duisburg, 12. November 2024.") at the start of a raw text or of a paragraph is not
  counted (the first one only); its span is reported as ``excluded``. External calculators count it,
  so their values differ.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from simplify import scores as formulas
from simplify.findings import Finding, FindingsConfig, find
from simplify.release import Release
from simplify.scores import Counts, Score
from simplify.segment import Sentence, dateline_span, split_sentences, word_form, words
from simplify.syllables import count_syllables

LONG_WORD_LETTERS = 6
POLYSYLLABIC = 3


@dataclass(frozen=True)
class AnalysisConfig:
    """Options of the analysis; ``findings=False`` gives counts and scores only (much faster)."""

    findings: bool = True
    findings_config: FindingsConfig = field(default_factory=FindingsConfig)


@dataclass(frozen=True)
class Scores:
    """All scores of a text; see ``simplify.scores`` for formulas and bands."""

    flesch_amstad: Score
    wiener_sachtextformel_1: Score
    wiener_sachtextformel_2: Score
    wiener_sachtextformel_3: Score
    wiener_sachtextformel_4: Score
    lix: Score
    gsmog: Score
    mean_sentence_length: Score
    share_sentences_over_15: Score
    share_sentences_over_20: Score
    share_long_words: Score


@dataclass(frozen=True)
class Readability:
    """The result: ``text`` is what was analysed; all offsets refer to it."""

    text: str
    counts: Counts
    scores: Scores
    band: str
    sentences: tuple[Sentence, ...]
    findings: tuple[Finding, ...]
    excluded: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with the field names of ARCHITECTURE.md (counts, scores, band, findings)."""
        return {
            "text": self.text,
            "counts": asdict(self.counts),
            "scores": {f.name: asdict(getattr(self.scores, f.name)) for f in fields(self.scores)},
            "band": self.band,
            "sentences": [asdict(sentence) for sentence in self.sentences],
            "findings": [
                {
                    **asdict(finding),
                    "spans": [list(span) for span in finding.spans],
                    "words": list(finding.words),
                }
                for finding in self.findings
            ],
            "excluded": [list(span) for span in self.excluded],
        }


def count(sentences: list[Sentence]) -> Counts:
    """Count sentences, words, syllables, letters and word classes of the given sentences."""
    n_words = n_syllables = n_letters = n_long = n_poly = n_mono = over_15 = over_20 = 0
    for sentence in sentences:
        found = words(sentence.text)
        over_15 += len(found) > 15
        over_20 += len(found) > 20
        for word in found:
            form = word_form(word.text)
            letters = sum(char.isalpha() for char in form)
            syllables = count_syllables(form)
            n_words += 1
            n_syllables += syllables
            n_letters += letters
            n_long += letters > LONG_WORD_LETTERS
            n_poly += syllables >= POLYSYLLABIC
            n_mono += syllables == 1
    return Counts(
        sentences=sum(1 for sentence in sentences if words(sentence.text)),
        words=n_words,
        syllables=n_syllables,
        letters=n_letters,
        long_words=n_long,
        polysyllabic_words=n_poly,
        monosyllabic_words=n_mono,
        sentences_over_15=over_15,
        sentences_over_20=over_20,
    )


def score(counts: Counts) -> Scores:
    """Compute every score from the counts."""
    return Scores(
        flesch_amstad=formulas.flesch_amstad(counts),
        wiener_sachtextformel_1=formulas.wiener_sachtextformel_1(counts),
        wiener_sachtextformel_2=formulas.wiener_sachtextformel_2(counts),
        wiener_sachtextformel_3=formulas.wiener_sachtextformel_3(counts),
        wiener_sachtextformel_4=formulas.wiener_sachtextformel_4(counts),
        lix=formulas.lix(counts),
        gsmog=formulas.gsmog(counts),
        mean_sentence_length=formulas.mean_sentence_length(counts),
        share_sentences_over_15=formulas.share_sentences_over_15(counts),
        share_sentences_over_20=formulas.share_sentences_over_20(counts),
        share_long_words=formulas.share_long_words(counts),
    )


def _sentences(text: str, excluded: tuple[tuple[int, int], ...]) -> list[Sentence]:
    """Sentences of ``text`` outside the excluded spans, with offsets into ``text``."""
    sentences: list[Sentence] = []
    start = 0
    for end, next_start in [*excluded, (len(text), len(text))]:
        sentences.extend(
            Sentence(start + s.start, start + s.end, s.text)
            for s in split_sentences(text[start:end])
            if words(s.text)  # a line of only "***" or "–" is no sentence
        )
        start = next_start
    return sentences


def _analyze(text: str, excluded: tuple[tuple[int, int], ...], config: AnalysisConfig) -> Readability:
    sentences = _sentences(text, excluded)
    counts = count(sentences)
    scores = score(counts)
    findings = find(sentences, config.findings_config) if config.findings else []
    # The overall band is the Flesch band: the best-known German measure, with the finest scale.
    return Readability(
        text, counts, scores, scores.flesch_amstad.band, tuple(sentences), tuple(findings), excluded
    )


def analyze(text: str, config: AnalysisConfig | None = None) -> Readability:
    """Analyse a raw German text; a dateline is excluded from all counts (see module docstring)."""
    dateline = dateline_span(text)
    return _analyze(text, (dateline,) if dateline else (), config or AnalysisConfig())


def release_text(release: Release) -> str:
    """Title, subtitle, lead and body of a release, joined by blank lines (each part its own unit)."""
    parts = [release.title, release.subtitle, release.lead, *release.body]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def analyze_release(release: Release, config: AnalysisConfig | None = None) -> Readability:
    """Analyse what a reader reads of a release; offsets refer to ``release_text(release)``."""
    return _analyze(release_text(release), (), config or AnalysisConfig())
