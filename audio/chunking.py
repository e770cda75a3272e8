"""Split a spoken script into pieces an engine can take in one call, never inside a word.

The script is already normalised for speech (abbreviations and ordinals are spelled out), so a full stop,
question or exclamation mark followed by a space and a capital letter, a digit or an opening quote ends a
sentence; a line break always does. Pieces are half-open character spans of the script, with surrounding
white space left out, so timings can point back into the script.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_SENTENCE_END = re.compile(r"""[.!?…]+["'»«“”‘’)\]]*(?=\s+["'»«„“‚(\[]?[A-ZÄÖÜ0-9])""")
_CLAUSE_END = re.compile(r"[,;:–—]+(?=\s)")
_LINE = re.compile(r"[^\n]+")


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def paragraph_spans(text: str) -> list[Span]:
    """Non-empty lines of `text`, trimmed."""
    spans = (_trim(text, m.start(), m.end()) for m in _LINE.finditer(text))
    return [s for s in spans if s is not None]


def _sentences_in(text: str, p_start: int, p_end: int) -> list[Span]:
    spans: list[Span] = []
    start = p_start
    for m in _SENTENCE_END.finditer(text, p_start, p_end):
        span = _trim(text, start, m.end())
        if span:
            spans.append(span)
        start = m.end()
    last = _trim(text, start, p_end)
    if last:
        spans.append(last)
    return spans


def sentence_spans(text: str) -> list[Span]:
    """Sentences of `text` (see the module docstring for the rule), trimmed, in order."""
    return [s for p_start, p_end in paragraph_spans(text) for s in _sentences_in(text, p_start, p_end)]


def cut_span(text: str, span: Span, max_chars: int) -> list[Span]:
    """Cut a span longer than `max_chars`: after the last clause mark that fits, else at the last space,
    else (one enormous "word") hard at `max_chars`."""
    start, end = span
    pieces: list[Span] = []
    while end - start > max_chars:
        limit = start + max_chars
        clause = [m.end() for m in _CLAUSE_END.finditer(text, start, limit)]
        space = text.rfind(" ", start + 1, limit + 1)
        cut = clause[-1] if clause else (space if space > start else limit)
        piece = _trim(text, start, cut)
        if piece:
            pieces.append(piece)
        rest = _trim(text, cut, end)
        if rest is None:
            return pieces
        start = rest[0]
    pieces.append((start, end))
    return pieces


def chunk_spans(text: str, max_chars: int, *, pack: bool) -> list[Span]:
    """Pieces of at most `max_chars` characters, in order, covering every sentence of `text`.

    With `pack`, consecutive sentences of the same line share a piece while they fit (fewer engine calls,
    natural prosody); without it every sentence starts a new piece (exact per-sentence timings for engines
    that report none).
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    pieces: list[Span] = []
    for p_start, p_end in paragraph_spans(text):
        current: Span | None = None
        for sentence in _sentences_in(text, p_start, p_end):
            for part in cut_span(text, sentence, max_chars):
                if pack and current and part[1] - current[0] <= max_chars:
                    current = (current[0], part[1])
                    continue
                if current:
                    pieces.append(current)
                current = part
        if current:
            pieces.append(current)
    return pieces
