"""Data classes of the plain-language version (``PlainVersion``) and its settings.

They live apart from ``simplify.plain`` so that the rule modules can use them
without importing the pipeline.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

UNCHECKED_LABEL = "Automatisch vereinfacht – nicht von Prüflesenden geprüft"


class SimplifyError(ValueError):
    """The release cannot be simplified; the message says why, in German."""


@dataclass(frozen=True)
class PlainConfig:
    """Settings of the plain-language version.

    ``separator`` joins the parts of long compounds: the Mediopunkt "·" (Bredel & Maaß) or "-"
    (BITV 2.0 Anlage 2 wording; the part after the hyphen then starts with a capital).
    Sentences longer than ``max_words`` after rewriting are left out of the plain version
    (and listed in ``PlainVersion.omitted``). Compounds of at least ``compound_min_letters``
    letters are split. Rare words (wordfreq Zipf below ``rare_zipf``) are flagged by the checker;
    glossary words at least as common as ``glossary_max_zipf`` are not listed in the Wörterbuch.
    With ``explain_inline`` a Wörterbuch word is also explained right after the line that first uses
    it, one sentence per line, when every line of its explanation keeps the rules (see
    ``simplify.plain_explain``); set it to False for the text without these lines.
    """

    separator: str = "·"
    max_words: int = 15
    compound_min_letters: int = 11
    rare_zipf: float = 3.0
    glossary_max_zipf: float = 4.5
    summary_max_sentences: int = 6
    engine: str = "regeln"
    explain_inline: bool = True

    def __post_init__(self) -> None:
        if self.separator not in ("·", "-"):
            raise ValueError("separator muss '·' oder '-' sein")
        if self.max_words < 3:
            raise ValueError("max_words muss mindestens 3 sein")


@dataclass(frozen=True)
class Step:
    """One applied rule: which rule, on which source sentence, what changed and why."""

    rule_id: str
    source_sentence: int
    before: str
    after: str
    why: str


@dataclass(frozen=True)
class PlainSentence:
    """One line of the plain version with the source sentences it came from."""

    text: str
    source_indices: tuple[int, ...]
    steps: tuple[Step, ...] = ()
    is_list_item: bool = False


@dataclass(frozen=True)
class Section:
    """A heading and its lines."""

    heading: str
    sentences: tuple[PlainSentence, ...]


@dataclass(frozen=True)
class GlossaryEntry:
    """A hard word that stays in the text, explained in Leichte Sprache."""

    word: str
    explanation: str


@dataclass(frozen=True)
class Omission:
    """A source sentence (or part) that was left out, and why."""

    source_sentence: int
    text: str
    reason: str


@dataclass(frozen=True)
class CheckFinding:
    """A place where a text breaks a Leichte-Sprache rule."""

    rule_id: str
    level: str  # "error" or "warning"
    start: int
    end: int
    excerpt: str
    hint: str


@dataclass(frozen=True)
class PlainVersion:
    """The plain-language version of one release."""

    title: str
    summary: tuple[PlainSentence, ...]
    sections: tuple[Section, ...]
    glossary: tuple[GlossaryEntry, ...]
    checks: tuple[CheckFinding, ...]
    omitted: tuple[Omission, ...] = ()
    engine: str = "regeln"
    label: str = UNCHECKED_LABEL
    edited: bool = False
    separator: str = field(default="·")

    def sentences(self) -> tuple[PlainSentence, ...]:
        """All lines of the sections, in order."""
        return tuple(s for section in self.sections for s in section.sentences)

    def text(self) -> str:
        """The sections as display text: headings and one sentence per line, list items with "• ".

        Checker spans (``checks``) refer to this text.
        """
        return render_sections(self.sections)

    def summary_text(self) -> str:
        """The summary, one sentence per line."""
        return "\n".join(s.text for s in self.summary)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; tuples become lists."""
        data = asdict(self)
        data["text"] = self.text()
        return data


def render_sections(sections: tuple[Section, ...]) -> str:
    """Render sections as lines; a blank line separates sections."""
    blocks = []
    for section in sections:
        lines = [section.heading]
        lines += [("• " + s.text) if s.is_list_item else s.text for s in section.sentences]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
