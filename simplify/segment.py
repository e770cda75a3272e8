"""Sentences and words of German press text, with exact character offsets.

Sentences come from SoMaJo (``de_CMC``), which knows German abbreviations, ordinals and dates
("Dr.", "z. B.", "v.l.n.r.", "§ 5 Abs. 2 Nr. 3", "GmbH & Co. KG", "am 3. Oktober"), initials, numbers,
URLs and e-mail addresses. Around it:

* **Units first.** Blank lines separate blocks. Inside a block, a line starting with ``•``, ``-``,
  ``–``, ``—`` or ``*`` starts a list item (indented lines continue it), and a short line without final
  punctuation followed by a line starting with a capital letter or digit is a heading. Each heading and
  each list item is its own unit, and no sentence crosses a unit boundary. List markers are not part
  of the sentence.
* **Post-rule for numbers.** SoMaJo reads every "number + period + capitalised word" as an ordinal, so
  "… stieg auf 150. Weitere Termine folgen." or "Tel. 0203 123456. Wir …" stay one sentence. We split
  after the number when the next word is in ``data/segment_sentence_starters.tsv`` (words that cannot
  follow an ordinal inside a sentence: articles, pronouns, conjunctions, adverbs). The same holds for
  Roman numerals ("SGB III. Das …"). Month names (``data/segment_months.tsv``) never trigger it.
  A noun after the number stays an ordinal ("die Stadt zählte 150. Besucher kamen …" is a known miss).
* **Post-rule for joins.** Two sentences with no whitespace between them ("KI.Werk") are one, and so
  are two sentences where the first ends in an abbreviation that never ends a sentence in press text
  (academic titles such as "habil.", ``data/segment_nonfinal_abbreviations.tsv``).
* **Title, header and contact blocks**: a block whose last line has no final punctuation has one unit
  per line (title + subtitle, "Pressekontakt:" + name + phone).

**Words** are the whitespace-separated tokens that contain a letter or a digit, trimmed of leading
and trailing punctuation ("„Das" → "Das", "(v.l.n.r.)" → "v.l.n.r"). Digits count as words ("2024",
"5.300,25", "14:30"); abbreviations count as written ("z. B." is two words, "z.B." one); a word
hyphenated across a line break ("Qualifi-\\nzierung") is one word. Dashes ``–``/``—`` separate words.

**The dateline** ("Duisburg, 12. November 2024." or "Duisburg, 12.11.2024 –") is not a sentence of the
release: it is metadata the reader does not read as text. ``simplify.release`` parses it into
``Release.place``/``Release.date`` and strips it from the lead, so ``analyze_release`` never sees it. A
raw text handed to ``simplify.readability.analyze`` may still contain one, at its start or at the start
of a paragraph (the lead of a pasted release); ``dateline_span`` finds the first, and the analysis
leaves it out. Counting it would add a short "sentence" full of digits and a
place name, which moves Flesch and LIX by several points on a short release; external calculators
(textstat, Wortliga) count it, so their numbers differ from ours by that much.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from somajo import SoMaJo
from somajo.token import Token


@dataclass(frozen=True)
class Sentence:
    """A sentence (or heading, or list item): ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Word:
    """A word: ``text == sentence_text[start:end]``."""

    start: int
    end: int
    text: str


_LIST_MARKER = re.compile(r"[ \t]*[•\-–—*▪◦][ \t]+")
_FINAL_PUNCT = re.compile(r"[.!?:;…][\"“”»«‘’')\]]*\s*$")
_WORD = re.compile(r"[^\W_](?:[^\s–—]*?[^\W_]-\n[ \t]*(?=[a-zäöüß]))?(?:[^\s–—]*[^\W_])?")
_LINE_BREAK_HYPHEN = re.compile(r"-\n[ \t]*")
_HEADING_RATIO = 0.6
_ROMAN = re.compile(r"[IVXLC]+")


def _data_lines(name: str) -> frozenset[str]:
    text = resources.files("simplify").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    return _data_lines("segment_months.tsv")


@lru_cache(maxsize=1)
def _sentence_starters() -> frozenset[str]:
    return _data_lines("segment_sentence_starters.tsv")


@lru_cache(maxsize=1)
def _non_final_abbreviations() -> frozenset[str]:
    return _data_lines("segment_nonfinal_abbreviations.tsv")


@lru_cache(maxsize=1)
def _somajo() -> SoMaJo:
    """The tokenizer; building it takes about 0.1–0.3 s, so it is built once per process."""
    return SoMaJo("de_CMC", character_offsets=True)


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    months = "|".join(sorted(_months(), key=len, reverse=True))
    return re.compile(
        r"(?:^|(?<=\n\n))[ \t]*[A-ZÄÖÜ][^\n,.!?]{0,40},[ \t]+(?:den[ \t]+)?\d{1,2}\.[ \t]*"
        rf"(?:(?:{months})\.?[ \t]+\d{{4}}|\d{{1,2}}\.[ \t]*\d{{2,4}})"
        r"[ \t]*(?:[.:]|[–—-](?=[ \t]))[ \t]*"
    )


def dateline_span(text: str) -> tuple[int, int] | None:
    """Span of the first dateline ("Duisburg, 12. November 2024. ") at the start of the text or of a
    paragraph, including the space after it; ``None`` if there is none."""
    match = _dateline().search(text)
    return (match.start(), match.end()) if match else None


def _lines(block: str, offset: int) -> Iterator[tuple[int, str]]:
    position = 0
    for line in block.splitlines(keepends=True):
        yield offset + position, line.rstrip("\r\n")
        position += len(line)


def _is_heading(line: str, next_line: str, longest: int) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and not _FINAL_PUNCT.search(stripped)
        and not stripped.endswith(("-", ","))
        and (next_line.lstrip()[:1].isupper() or next_line.lstrip()[:1].isdigit())
        and len(stripped) < _HEADING_RATIO * longest
    )


def _block_units(block: str, offset: int) -> Iterator[tuple[int, int]]:
    """Split one block (no blank lines) into (start, end) spans of list items, headings and paragraphs."""
    lines = list(_lines(block, offset))
    longest = max(len(line.strip()) for _, line in lines)
    # A block whose last line has no final punctuation is a title, header or contact block: one unit
    # per line.
    last = lines[-1][1].strip()
    line_units = not _FINAL_PUNCT.search(last) and not last.endswith(("-", ","))
    unit_start: int | None = None
    unit_end = 0
    in_item = False
    for index, (start, line) in enumerate(lines):
        marker = _LIST_MARKER.match(line)
        continuation = in_item and line[:1] in " \t" and not marker
        if unit_start is not None and not continuation and (marker or in_item):
            yield unit_start, unit_end
            unit_start = None
        if marker:
            in_item = True
            unit_start = start + marker.end()
        elif unit_start is None:
            in_item = False
            unit_start = start + len(line) - len(line.lstrip())
        unit_end = start + len(line.rstrip())
        next_line = lines[index + 1][1] if index + 1 < len(lines) else ""
        if not in_item and next_line and not _LIST_MARKER.match(next_line):
            if line_units or _is_heading(line, next_line, longest):
                yield unit_start, unit_end
                unit_start = None
    if unit_start is not None:
        yield unit_start, unit_end


def _units(text: str) -> Iterator[tuple[int, int]]:
    for block in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        yield from _block_units(block.group().rstrip("\n"), block.start())


def _is_false_ordinal(token: Token, following: Token) -> bool:
    """A number + period that SoMaJo took for an ordinal but that ends the sentence."""
    number = token.text[:-1].replace(" ", "").replace("/", "")
    return (
        token.text.endswith(".")
        and (number.isdigit() or _ROMAN.fullmatch(number) is not None)
        and following.text in _sentence_starters()
        and following.text not in _months()
    )


def _split_tokens(tokens: list[Token]) -> Iterator[list[Token]]:
    current: list[Token] = []
    for index, token in enumerate(tokens):
        current.append(token)
        if index + 1 < len(tokens) and _is_false_ordinal(token, tokens[index + 1]):
            yield current
            current = []
    if current:
        yield current


def _joins(previous: Sentence, start: int) -> bool:
    """Whether SoMaJo's boundary before ``start`` is false: no space ("KI.Werk") or a title ("habil.")."""
    last_word = previous.text.rsplit(maxsplit=1)[-1]
    return previous.end == start or last_word in _non_final_abbreviations()


def split_sentences(text: str) -> list[Sentence]:
    """Split German text into sentences, headings and list items, in order, with exact offsets."""
    if len(text) <= _CACHED_LENGTH:
        return list(_split_short(text))
    return list(_split(text))


_CACHED_LENGTH = 2000


@lru_cache(maxsize=4096)
def _split_short(text: str) -> tuple[Sentence, ...]:
    """Cached for short texts only: the plain-language engine and its checker split the same lines
    many times; whole documents are not kept in memory."""
    return _split(text)


def _split(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    tokenizer = _somajo()
    for unit_start, unit_end in _units(text):
        for tokens in tokenizer.tokenize_text([text[unit_start:unit_end]]):
            for part in _split_tokens(tokens):
                start = unit_start + part[0].character_offset[0]
                end = unit_start + part[-1].character_offset[1]
                if sentences and sentences[-1].start >= unit_start and _joins(sentences[-1], start):
                    start = sentences.pop().start
                sentences.append(Sentence(start, end, text[start:end]))
    return tuple(sentences)


def words(sentence_text: str) -> list[Word]:
    """The words of a sentence: tokens with a letter or digit, offsets relative to ``sentence_text``."""
    return [Word(match.start(), match.end(), match.group()) for match in _WORD.finditer(sentence_text)]


def word_form(word: str) -> str:
    """The word without a line-break hyphen ("Qualifi-\\nzierung" → "Qualifizierung")."""
    return _LINE_BREAK_HYPHEN.sub("", word)
