"""Timings as WebVTT (one cue per sentence) and as JSON for the read-along highlight."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from audio.engine import Timing

LINE_LENGTH = 65  # Podcasting 2.0 transcript recommendation


def timestamp(seconds: float) -> str:
    """WebVTT timestamp hh:mm:ss.ttt."""
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(sentences: Sequence[Timing], text: str, *, line_length: int = LINE_LENGTH) -> str:
    """A WebVTT file with one cue per sentence, its text taken from `text` at the sentence's span and
    wrapped at `line_length`. Cues are clipped so that none starts before the previous one ends."""
    lines = ["WEBVTT", ""]
    previous_end = 0
    number = 0
    for sentence in sentences:
        start = max(round(sentence.start * 1000), previous_end)
        end = round(sentence.end * 1000)
        words = " ".join(text[sentence.char_start : sentence.char_end].split())
        if end <= start or not words:
            continue
        number += 1
        lines.append(str(number))
        lines.append(f"{timestamp(start / 1000)} --> {timestamp(end / 1000)}")
        lines.extend(textwrap.wrap(_escape(words), line_length, break_long_words=False))
        lines.append("")
        previous_end = end
    return "\n".join(lines)


def timings_json(sentences: Sequence[Timing], words: Sequence[Timing], text: str) -> str:
    """Sentence and word timings as JSON: {"sentences": [...], "words": [...]}, each entry with start and
    end in seconds (millisecond precision), char_start/char_end into `text`, and the text itself."""

    def entry(timing: Timing) -> dict[str, object]:
        return {
            "start": round(timing.start, 3),
            "end": round(timing.end, 3),
            "char_start": timing.char_start,
            "char_end": timing.char_end,
            "text": text[timing.char_start : timing.char_end],
        }

    return json.dumps(
        {"sentences": [entry(s) for s in sentences], "words": [entry(w) for w in words]},
        ensure_ascii=False,
        separators=(",", ":"),
    )
