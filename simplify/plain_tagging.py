"""Part-of-speech tags (STTS) and lemmas for the rewriting rules, from HanTa.

HanTa writes some tags with brackets ("VA(FIN)", "ADJ(A)"); they are normalised to plain STTS
("VAFIN", "ADJA"). Results are cached per sentence, because the rules ask about the same
sentence many times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from simplify.tagger import hanta, word_tags

FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
SUBORDINATING_TAGS = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV"})
#: article, possessive, demonstrative and indefinite determiners ("die", "ihre", "diese", "keine")
DETERMINER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT"})

#: URLs and e-mail addresses: no rule may change them.
URL = re.compile(r"(?:https?://|www\.)\S+[\w/]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# URLs and e-mail addresses; numbers with separators; words with inner hyphens, dots or Mediopunkt;
# any other single character.
_TOKEN = re.compile(
    URL.pattern + r"|\d+(?:[.,:]\d+)*\.?(?:-\w+)?"
    r"|\w+(?:[-·.]\w+)*"
    r"|\S"
)


@dataclass(frozen=True)
class Token:
    """A token of a sentence with its character span, lemma and STTS tag."""

    text: str
    start: int
    end: int
    lemma: str
    pos: str

    @property
    def is_finite_verb(self) -> bool:
        return self.pos in FINITE_TAGS


def url_free_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` between its URLs and e-mail addresses (possibly empty ones)."""
    end = len(text) if end is None else end
    spans, position = [], start
    for match in URL.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return spans


def span_text(text: str, tokens: tuple[Token, ...]) -> str:
    """The part of ``text`` from the first to the last of ``tokens`` ("" for none)."""
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def tokenize(sentence: str) -> list[tuple[str, int, int]]:
    """Split a sentence into tokens with spans (internal tokenisation for tagging only)."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


@lru_cache(maxsize=4096)
def tag(sentence: str) -> tuple[Token, ...]:
    """Tag one sentence."""
    spans = tokenize(sentence)
    if not spans:
        return ()
    tagged = hanta().tag_sent([text for text, _, _ in spans], taglevel=1)
    return tuple(
        Token(text, start, end, lemma, pos.replace("(", "").replace(")", ""))
        for (text, start, end), (_, lemma, pos) in zip(spans, tagged, strict=True)
    )


@lru_cache(maxsize=8192)
def compound_parts(word: str) -> tuple[tuple[str, str], ...]:
    """HanTa's morphological analysis of one word: (morpheme, label) pairs, e.g. FUGE for a linking s."""
    _, parts, _ = hanta().analyze(word, taglevel=3)
    return tuple((str(m), str(label)) for m, label in parts)


_NOUN_PHRASE = DETERMINER_TAGS | {"ADJA", "CARD", "NN", "NE", "KON", "TRUNC"}


def has_finite_verb(sentence: str) -> bool:
    """Whether the sentence contains a finite verb (VVFIN, VAFIN or VMFIN).

    HanTa reads some plural present forms as infinitives even after their subject ("Software-Updates
    erfolgen automatisch.", "Die Halte·stellen entfallen."). Such a verb still counts when the sentence
    has no other verb and the word, which HanTa allows as a full verb, stands right after a noun
    phrase that opens the sentence (the German verb-second position)."""
    tokens = [t for t in tag(sentence) if t.pos[:1] != "$"]
    if any(t.is_finite_verb for t in tokens):
        return True
    return _plural_present(tokens)


def _plural_present(tokens: list[Token]) -> bool:
    if any(t.pos[:2] in ("VA", "VM") or t.pos in ("PTKZU", "VVIZU", "VVPP") for t in tokens):
        return False
    verbs = [i for i, t in enumerate(tokens) if t.pos[:2] == "VV" or (t.pos == "NN" and t.text.islower())]
    if len(verbs) != 1 or verbs[0] == 0:
        return False
    index = verbs[0]
    word, before = tokens[index].text, tokens[:index]
    # a capitalised "adjective" right before the verb is a noun HanTa did not know ("Software-Updates")
    head = before[-1].pos in ("NN", "NE") or (before[-1].pos == "ADJA" and before[-1].text[:1].isupper())
    return (
        word.islower()
        and word.endswith("n")
        and head
        and all(t.pos in _NOUN_PHRASE for t in before)
        and any(tag.startswith("VV") for tag in word_tags(word))
    )
