"""Benchmark: our German readability analysis against textstat, measured in the same run.

Prints (1) throughput in words per second of ``simplify.readability.analyze`` (full analysis with
findings, and counts + scores only) against textstat computing Flesch (de), Wiener Sachtextformel 1–4
and LIX on the same ten corpus releases, as a ratio; (2) syllable accuracy of ours and textstat's on
the hand-syllabified gold list, with and without i + vowel words; (3) Flesch on the seed release.

Run: ``python bench/bench_readability.py``. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import json
import re
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import textstat

from simplify.readability import AnalysisConfig, analyze, analyze_release, release_text
from simplify.release import Release
from simplify.segment import split_sentences
from simplify.syllables import count_syllables

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
I_VOWEL = re.compile(r"i[aouäöü]|ie$|ien|iell|ient|ienz", re.IGNORECASE)
WARM_UP = "Duisburg sucht Fachkräfte. Die Stadtverwaltung wurde gestern informiert (ca. 100 Personen)."


def textstat_scores(text: str) -> tuple[float, ...]:
    """What textstat offers for German: Flesch (Amstad constants with lang "de"), WSTF 1–4, LIX."""
    return (
        textstat.flesch_reading_ease(text),
        *(textstat.wiener_sachtextformel(text, variant) for variant in (1, 2, 3, 4)),
        textstat.lix(text),
    )


def seconds(function: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - start


def scores_only(text: str) -> object:
    return analyze(text, AnalysisConfig(findings=False))


MEASURES: dict[str, Callable[[str], object]] = {
    "textstat Flesch+WSTF1-4+LIX": textstat_scores,
    "ours, full analyze": analyze,
    "ours, counts + scores only": scores_only,
    "ours, segmentation only": split_sentences,
}


def report(label: str, timings: dict[str, float], n_words: int) -> None:
    theirs = timings["textstat Flesch+WSTF1-4+LIX"]
    print(f"\n{label}")
    for name, elapsed in timings.items():
        ratio = "" if elapsed == theirs else f"  ratio {theirs / elapsed:5.2f}x"
        print(f"  {name:28s}: {n_words / elapsed:8.0f} words/s{ratio}")


def throughput(texts: list[str]) -> None:
    # Pass 1: per-word caches of both sides are cold (models and dictionaries are loaded).
    cold = {name: seconds(function, texts) for name, function in MEASURES.items()}
    n_words = sum(scores_only_counts(text) for text in texts)
    print(f"corpus: {len(texts)} releases, {n_words} words (our count, dateline excluded)")
    print("ratio = textstat time / our time (goal for the full analysis: >= 3x)")
    report("pass 1 (cold per-word caches)", cold, n_words)
    # Later passes: texts varied, so whole-text caches (textstat caches per text) miss and per-word
    # caches (both sides) hit; best of three runs, interleaved, against machine noise.
    best = dict.fromkeys(MEASURES, float("inf"))
    for run in range(3):
        varied = [f"{text}\n\nEnde {run}." for text in texts]
        for name, function in MEASURES.items():
            best[name] = min(best[name], seconds(function, varied))
    report("warm (per-word caches filled, best of 3)", best, n_words)


def scores_only_counts(text: str) -> int:
    return analyze(text, AnalysisConfig(findings=False)).counts.words


def syllable_accuracy() -> None:
    lines = (DATA / "syllables-dev.tsv").read_text("utf-8").splitlines()
    gold = [
        (word, int(count)) for word, count in (line.split("\t") for line in lines if not line.startswith("#"))
    ]
    subsets = {
        "all words": gold,
        "without i+vowel words": [(w, n) for w, n in gold if not I_VOWEL.search(w)],
        "i+vowel words only": [(w, n) for w, n in gold if I_VOWEL.search(w)],
    }
    print("\nsyllables (tests/data/syllables-dev.tsv)")
    for label, subset in subsets.items():
        ours = sum(count_syllables(word) == count for word, count in subset) / len(subset)
        theirs = sum(textstat.syllable_count(word) == count for word, count in subset) / len(subset)
        print(f"  {label:24s} n={len(subset):5d}  ours {ours:6.1%}  textstat {theirs:6.1%}")


def seed_flesch() -> None:
    raw = (DATA / "corpus" / "duisburg-fachkraefte.txt").read_text("utf-8")
    release = Release.from_dict(
        json.loads((DATA / "corpus" / "duisburg-fachkraefte.json").read_text("utf-8"))
    )
    joined = release_text(release)
    ours = analyze_release(release)
    print("\nseed release (Duisburg, 12 November 2024), Flesch-Amstad")
    print(
        f"  title+subtitle+lead+body: ours {ours.scores.flesch_amstad.value:6.1f} ({ours.band}), "
        f"textstat {textstat.flesch_reading_ease(joined):6.1f}"
    )
    print(
        f"    ours counts: {ours.counts.sentences} sentences, {ours.counts.words} words, "
        f"{ours.counts.syllables} syllables; textstat: {textstat.sentence_count(joined)} sentences, "
        f"{textstat.lexicon_count(joined)} words, {textstat.syllable_count(joined)} syllables"
    )
    whole = analyze(raw)
    print(
        f"  whole raw file          : ours {whole.scores.flesch_amstad.value:6.1f}, "
        f"textstat {textstat.flesch_reading_ease(raw):6.1f}"
    )


def main() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        textstat.set_lang("de")  # textstat's global state: only here, never in the library
        texts = [path.read_text("utf-8") for path in sorted((DATA / "corpus").glob("[0-9][0-9]-*.txt"))]
        # load models and dictionaries (SoMaJo, HanTa, wordfreq, pyphen) before timing
        analyze(WARM_UP)
        textstat_scores(WARM_UP)
        throughput(texts)
        syllable_accuracy()
        seed_flesch()


if __name__ == "__main__":
    main()
