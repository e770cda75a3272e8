"""German text normalisation for speech: turn displayed text into a script espeak-ng reads correctly.

"Am 12. November 2024 um 14:30 Uhr" becomes "Am zwölften November zweitausendvierundzwanzig um vierzehn
Uhr dreißig". The result keeps a map from every character of the script back to the displayed text, so
word timings from the engine can highlight the right words on the page.

The rules live in :mod:`audio.normalize_rules`, the vocabulary in ``audio/data/*.tsv``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from audio.normalize_chars import clean_characters
from audio.normalize_context import Context, Rule
from audio.normalize_lexicon import load_lexicon
from audio.normalize_rules import build_rules

NORMALIZER_VERSION = "1"
"""Bump whenever the output for some input changes; part of the audio cache key."""


@dataclass(frozen=True)
class NormalizeConfig:
    """Settings of the normaliser.

    ``phone_group_separator`` goes between the digit groups of a phone number (the comma gives a short
    pause); ``slash_between_words`` replaces "/" between two words ("Foto: WRS/Jana Pohl", "Rad/Fuß").
    A pause fits credits, street corners and alternatives alike; use " oder " to say the word.
    """

    phone_group_separator: str = ", "
    slash_between_words: str = ", "


@dataclass(frozen=True)
class Segment:
    """Input characters ``[src_start, src_end)`` are spoken as script characters ``[out_start, out_end)``.

    ``rule`` names the rule that produced the script text; it is empty for text read as written, whose
    characters correspond one to one.
    """

    src_start: int
    src_end: int
    out_start: int
    out_end: int
    rule: str = ""

    @property
    def one_to_one(self) -> bool:
        return not self.rule and self.src_end - self.src_start == self.out_end - self.out_start


@dataclass(frozen=True)
class Script:
    """The spoken script and the segments that map it back to the input; segments cover the script."""

    text: str
    source: str
    segments: tuple[Segment, ...]

    def source_span(self, out_start: int, out_end: int) -> tuple[int, int]:
        """The input span that the script characters ``[out_start, out_end)`` were made from."""
        span = self._mapped(out_start, out_end, by_output=True)
        if span is None:
            return (len(self.source), len(self.source)) if out_start >= len(self.text) else (0, 0)
        return span

    def output_span(self, src_start: int, src_end: int) -> tuple[int, int] | None:
        """The script span spoken for the input span ``[src_start, src_end)``; None if it is silent."""
        return self._mapped(src_start, src_end, by_output=False)

    def _mapped(self, start: int, end: int, by_output: bool) -> tuple[int, int] | None:
        """``[start, end)`` on one side (script if ``by_output``, else input) mapped to the other side:
        character by character within text read as written, whole segments elsewhere."""
        hits = self._overlapping(start, end, by_output)
        if not hits:
            return None
        starts, ends = [], []
        for seg in hits:
            here, there = (seg.out_start, seg.src_start) if by_output else (seg.src_start, seg.out_start)
            here_end, there_end = (seg.out_end, seg.src_end) if by_output else (seg.src_end, seg.out_end)
            if seg.one_to_one:
                starts.append(there + max(0, start - here))
                ends.append(there + min(here_end, end) - here)
            else:
                starts.append(there)
                ends.append(there_end)
        return min(starts), max(ends)

    @functools.cached_property
    def _out_starts(self) -> tuple[int, ...]:
        return tuple(seg.out_start for seg in self.segments)

    @functools.cached_property
    def _src_starts(self) -> tuple[int, ...]:
        return tuple(seg.src_start for seg in self.segments)

    def _overlapping(self, start: int, end: int, by_output: bool) -> list[Segment]:
        """Segments whose output (or source) span overlaps ``[start, end)``; an empty range counts as one."""
        end = max(end, start + 1)
        # Segments are in order on both sides (the scan goes left to right), so bisect for the first one.
        starts = self._out_starts if by_output else self._src_starts
        hits = []
        for seg in self.segments[max(0, bisect.bisect_left(starts, start) - 1) :]:
            seg_start, seg_end = (seg.out_start, seg.out_end) if by_output else (seg.src_start, seg.src_end)
            if seg_start >= end:
                break
            if seg_end > start:
                hits.append(seg)
        return hits


_JOINING_RULES = frozenset({"number", "digits"})
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[tuple[Rule, ...], re.Pattern[str]]:
    rules = build_rules(load_lexicon())
    # One combined pattern finds where any rule could start; named groups are dropped so they cannot clash.
    unnamed = (_NAMED_GROUP.sub("(?:", rule.pattern.pattern) for rule in rules)
    combined = "|".join(f"(?:{pattern})" for pattern in unnamed)
    return rules, re.compile(combined)


class _Builder:
    """Collects script pieces and their segments, merging runs of text read as written."""

    def __init__(self, origin: tuple[int, ...], source_length: int) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []
        self._origin = origin
        self._source_length = source_length

    def _src(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            at = self._origin[start] if start < len(self._origin) else self._source_length
            return at, at
        return self._origin[start], self._origin[end - 1] + 1

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts and self.parts[-1] else ""

    def add(self, text: str, clean_start: int, clean_end: int, rule: str) -> None:
        if not text:
            return
        src_start, src_end = self._src(clean_start, clean_end)
        segment = Segment(src_start, src_end, self.length, self.length + len(text), rule)
        previous = self.segments[-1] if self.segments else None
        if (
            not rule
            and previous is not None
            and not previous.rule
            and previous.one_to_one
            and segment.one_to_one
            and previous.src_end == segment.src_start
        ):
            segment = Segment(previous.src_start, segment.src_end, previous.out_start, segment.out_end)
            self.segments[-1] = segment
        else:
            self.segments.append(segment)
        self.parts.append(text)
        self.length += len(text)

    def add_verbatim(self, text: str, start: int, end: int) -> None:
        """Add ``text[start:end]`` as read, in runs of characters from consecutive input characters.

        A space after a space is left out: a dropped emoji or symbol would otherwise leave two.
        """
        run_start = start
        for index in range(start, end):
            space_after_space = text[index] == " " and (
                text[index - 1] == " " if index > run_start else self.last_char() == " "
            )
            contiguous = index > run_start and self._origin[index] == self._origin[index - 1] + 1
            if contiguous and not space_after_space:
                continue
            if index > run_start:
                self.add(text[run_start:index], run_start, index, "")
            run_start = index + 1 if space_after_space else index
        if end > run_start:
            self.add(text[run_start:end], run_start, end, "")


def normalize(text: str, config: NormalizeConfig = NormalizeConfig()) -> Script:
    """Turn displayed German text into the script a speech engine should read, with an offset map."""
    lexicon = load_lexicon()
    keep = frozenset(ch for ch in lexicon.symbols if ord(ch) > 0xFF) | {"–"}
    clean, origin = clean_characters(text, keep)
    context = Context(clean, lexicon, config.phone_group_separator, config.slash_between_words)
    rules, combined = _rules()
    builder = _Builder(origin, len(text))
    position = 0
    while position < len(clean):
        found = combined.search(clean, position)
        if found is None:
            builder.add_verbatim(clean, position, len(clean))
            break
        start = found.start()
        builder.add_verbatim(clean, position, start)
        position = _apply_first_rule(rules, context, builder, start)
    return Script("".join(builder.parts), text, tuple(builder.segments))


def _apply_first_rule(rules: tuple[Rule, ...], context: Context, builder: _Builder, start: int) -> int:
    """Let the first accepting rule speak the text at ``start``; return where scanning continues."""
    clean = context.text
    for rule in rules:
        match = rule.pattern.match(clean, start)
        if match is None or match.end() == start:
            continue
        spoken = rule.handler(match, context)
        if spoken is None:
            continue
        if spoken:
            if builder.last_char().isalnum() and spoken[0].isalnum():
                spoken = " " + spoken
            following = clean[match.end() : match.end() + 2]
            # "20er", "10fach", "3mal" stay one word ("zwanziger", "zehnfach"); "12a" does not.
            joins = (
                rule.name in _JOINING_RULES
                and len(following) == 2
                and following.isalpha()
                and following.islower()
            )
            if following[:1].isalnum() and spoken[-1].isalnum() and not joins:
                spoken += " "
        builder.add(spoken, start, match.end(), rule.name)
        return match.end()
    builder.add_verbatim(clean, start, start + 1)
    return start + 1
