"""Tell German from English text by counting frequent function words.

A press release is long enough that a few dozen function words decide the
language reliably; the word lists live in ``data/language_stopwords.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

UNKNOWN = "und"
"""The ISO 639-2 code for 'undetermined', returned when the text does not decide."""

MIN_HITS = 3
"""Fewest function-word hits needed before a language is named."""

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """The function words per language code, read once from the data file."""
    table: dict[str, set[str]] = {}
    text = files("simplify").joinpath("data/language_stopwords.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, word = line.split("\t")
        table.setdefault(lang, set()).add(word.strip())
    return {lang: frozenset(words) for lang, words in table.items()}


def detect_language(text: str) -> str:
    """Return "de", "en" or "und" (undetermined) for ``text``.

    The language whose function words occur most often wins, if it has at
    least ``MIN_HITS`` hits and clearly more than the runner-up (a tie or
    near-tie gives "und", as in a sentence mixing both languages evenly).
    """
    words = [w.casefold() for w in _WORD.findall(text)]
    counts = sorted(
        ((sum(1 for w in words if w in lexicon), lang) for lang, lexicon in stopwords().items()),
        reverse=True,
    )
    best_hits, best_lang = counts[0]
    runner_up = counts[1][0] if len(counts) > 1 else 0
    if best_hits < MIN_HITS or best_hits <= runner_up * 1.5:
        return UNKNOWN
    return best_lang
