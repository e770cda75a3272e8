"""What every speech-normaliser rule sees, and the shape of a rule."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from audio.normalize_lexicon import Lexicon


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the cleaned text, the tables and the caller's settings."""

    text: str
    lexicon: Lexicon
    phone_group_separator: str
    slash_between_words: str


Handler = Callable[[re.Match[str], Context], str | None]


@dataclass(frozen=True)
class Rule:
    """A named pattern and the handler that speaks its matches (or declines with ``None``)."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler


def preceding_tokens(text: str, start: int, limit: int = 8) -> list[str]:
    """Up to ``limit`` whitespace-separated tokens before ``start``, nearest first."""
    window = text[max(0, start - 80) : start]
    return window.split()[::-1][:limit]


def at_line_start(text: str, start: int) -> bool:
    """True if only spaces or tabs stand between ``start`` and the start of its line."""
    index = start
    while index > 0 and text[index - 1] in " \t\u00a0":
        index -= 1
    return index == 0 or text[index - 1] == "\n"
