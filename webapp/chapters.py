"""Podcasting 2.0 JSON chapters built from the sections of a reading.

The format is the one `podcast:chapters type="application/json+chapters"` points to
(Podcastindex-org/podcast-namespace, ``docs/examples/chapters/jsonChapters.md``, version 1.2.0):
``{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…"}]}`` with ``startTime`` in seconds.
Pure functions over plain data, so the feed builder and the web layer share them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

CHAPTERS_VERSION = "1.2.0"
CHAPTERS_MIME_TYPE = "application/json+chapters"

# Characters XML 1.0 forbids (C0 controls except tab/newline/return, surrogates, U+FFFE/U+FFFF) plus DEL
# and the C1 controls, which are legal but never meant as text. Shared with the feed builders.
_ILLEGAL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_WHITESPACE = re.compile(r"\s+")


class ChapterError(ValueError):
    """Raised when sections cannot form a valid chapter list (negative, unordered or untitled)."""


def clean_text(text: str) -> str:
    """Drop control and XML-illegal characters and collapse whitespace runs to one space."""
    return _WHITESPACE.sub(" ", _ILLEGAL_CHARS.sub("", text)).strip()


def clean_lines(text: str) -> str:
    """Like `clean_text`, but keep line breaks (one per non-empty line).

    Leichte Sprache puts each sentence on its own line; plain-text descriptions should keep that.
    """
    return "\n".join(line for line in map(clean_text, text.splitlines()) if line)


@dataclass(frozen=True)
class Chapter:
    """One chapter: a title and where it starts (and optionally ends), in seconds from the start."""

    title: str
    start: float
    end: float | None = None


def chapters_from_sections(
    sections: Iterable[tuple[str, float]], *, duration: float | None = None
) -> tuple[Chapter, ...]:
    """Turn ``(section title, start seconds)`` pairs into chapters.

    Each chapter ends where the next one starts; the last one ends at ``duration`` when it is known.
    Starts must be finite, non-negative and strictly increasing, and titles must not be empty after
    cleaning, because podcast apps show a chapter list that is otherwise confusing or unusable.
    """
    items = [(clean_text(title), float(start)) for title, start in sections]
    for index, (title, start) in enumerate(items):
        if not title:
            raise ChapterError(f"section {index + 1} has no title; every chapter needs one")
        if not math.isfinite(start) or start < 0:
            raise ChapterError(f"section {index + 1} ({title!r}) starts at {start}, not a time in the audio")
        if index and start <= items[index - 1][1]:
            raise ChapterError(
                f"section {index + 1} ({title!r}) starts at {start} s, not after the section before it"
            )
    if duration is not None and items and duration <= items[-1][1]:
        raise ChapterError(f"the audio lasts {duration} s but the last section starts at {items[-1][1]} s")
    ends: list[float | None] = [*(start for _, start in items[1:]), duration]
    # zip stops at the shorter list: no sections give no chapters, even when the duration is known.
    return tuple(Chapter(title, start, end) for (title, start), end in zip(items, ends, strict=False))


def _seconds(value: float) -> float | int:
    """Whole seconds as an int (``0`` rather than ``0.0``), otherwise milliseconds precision."""
    rounded = round(value, 3)
    return int(rounded) if rounded.is_integer() else rounded


def chapters_document(chapters: Sequence[Chapter]) -> dict[str, Any]:
    """The chapters as the JSON-serialisable document podcast apps fetch."""
    entries: list[dict[str, Any]] = []
    for chapter in chapters:
        entry: dict[str, Any] = {"startTime": _seconds(chapter.start), "title": chapter.title}
        if chapter.end is not None:
            entry["endTime"] = _seconds(chapter.end)
        entries.append(entry)
    return {"version": CHAPTERS_VERSION, "chapters": entries}


def chapters_json(chapters: Sequence[Chapter]) -> bytes:
    """The chapters document as UTF-8 JSON bytes (umlauts kept readable, not ``\\u``-escaped)."""
    return json.dumps(chapters_document(chapters), ensure_ascii=False, indent=1).encode("utf-8")


def npt_timestamp(seconds: float) -> str:
    """``HH:MM:SS.mmm`` as Podlove Simple Chapters' ``start`` attribute wants it."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"
