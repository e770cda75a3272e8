"""View models for the release page: stored JSON turned into what the templates show.

The readability analysis refers to ``release_text(release)`` (title, subtitle, lead
and body joined by blank lines). Here each part is cut into pieces — plain text and
sentences — so the template can mark hard sentences inside the paragraph they
belong to, with numbered reasons a keyboard or screen-reader user can reach.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simplify.readability import release_text
from simplify.release import Release

#: a sentence is marked as hard when it is too long or has at least this many kinds of findings
HARD_RULE_KINDS = 3


@dataclass(frozen=True)
class Piece:
    text: str
    sentence: int | None = None  # index into the analysis' sentences
    hard: int | None = None  # number of the hard sentence (1, 2, …) when marked


@dataclass
class HardSentence:
    number: int
    sentence: int
    text: str
    hints: list[str] = field(default_factory=list)


@dataclass
class MarkedOriginal:
    """The parts of the original as pieces, plus the list of hard sentences with reasons."""

    parts: dict[str, list[Piece]]
    hard: list[HardSentence]


def _part_offsets(release: Release) -> list[tuple[str, str, int | None]]:
    """(key, text, start offset in release_text or None) for title, subtitle, lead and body[i]."""
    text = release_text(release)
    named = [("title", release.title), ("subtitle", release.subtitle), ("lead", release.lead)]
    named += [(f"body{i}", p) for i, p in enumerate(release.body)]
    result: list[tuple[str, str, int | None]] = []
    cursor = 0
    for key, part in named:
        if not part or not part.strip():
            continue
        stripped = part.strip()
        start = text.find(stripped, cursor)
        result.append((key, stripped, start if start >= 0 else None))
        cursor = start + len(stripped) if start >= 0 else cursor
    return result


def hard_sentences(readability: dict[str, Any]) -> dict[int, list[str]]:
    """Sentence index → hints, for the sentences we mark as hard."""
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for finding in readability.get("findings", []):
        by_sentence.setdefault(finding["sentence"], []).append(finding)
    hard: dict[int, list[str]] = {}
    for index, findings in sorted(by_sentence.items()):
        kinds = {f["rule"] for f in findings}
        if "long_sentence" in kinds or len(kinds) >= HARD_RULE_KINDS:
            hints: list[str] = []
            for f in findings:
                hint = f["hint"] + (
                    f" – „{' '.join(f['words'])}“" if f["words"] and f["rule"] != "long_sentence" else ""
                )
                if hint not in hints:
                    hints.append(hint)
            hard[index] = hints
    return hard


def mark_original(release: Release, readability: dict[str, Any] | None) -> MarkedOriginal:
    """Cut each readable part into pieces; sentences marked hard get a number."""
    parts = _part_offsets(release)
    if not readability:
        return MarkedOriginal({key: [Piece(text)] for key, text, _ in parts}, [])
    sentences = readability["sentences"]
    hard_hints = hard_sentences(readability)
    hard: list[HardSentence] = []
    result: dict[str, list[Piece]] = {}
    for key, text, offset in parts:
        if offset is None:
            result[key] = [Piece(text)]
            continue
        pieces: list[Piece] = []
        cursor = 0
        for index, s in enumerate(sentences):
            start, end = s["start"] - offset, s["end"] - offset
            if end <= 0 or start >= len(text):
                continue
            start, end = max(start, 0), min(end, len(text))
            if start > cursor:
                pieces.append(Piece(text[cursor:start]))
            number = None
            if index in hard_hints and key != "title":  # the title is the h1; it is not marked
                number = len(hard) + 1
                hard.append(HardSentence(number, index, s["text"], hard_hints[index]))
            pieces.append(Piece(text[start:end], index, number))
            cursor = end
        if cursor < len(text):
            pieces.append(Piece(text[cursor:]))
        result[key] = pieces
    return MarkedOriginal(result, hard)


@dataclass(frozen=True)
class CheckMark:
    number: int
    level: str
    excerpt: str
    hint: str


def mark_checks(text: str, checks: list[dict[str, Any]]) -> tuple[list[list[Piece]], list[CheckMark]]:
    """The plain text line by line, with the checker's findings marked and numbered (editor view)."""
    ordered = sorted(
        (c for c in checks if 0 <= c["start"] < c["end"] <= len(text)), key=lambda c: (c["start"], -c["end"])
    )
    marks: list[CheckMark] = []
    pieces: list[Piece] = []
    cursor = 0
    for check in ordered:
        if check["start"] < cursor:  # overlapping findings: the first one is marked, all are listed
            marks.append(CheckMark(len(marks) + 1, check["level"], check["excerpt"], check["hint"]))
            continue
        if check["start"] > cursor:
            pieces.append(Piece(text[cursor : check["start"]]))
        marks.append(CheckMark(len(marks) + 1, check["level"], check["excerpt"], check["hint"]))
        pieces.append(Piece(text[check["start"] : check["end"]], hard=len(marks)))
        cursor = check["end"]
    pieces.append(Piece(text[cursor:]))
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        parts = piece.text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part:
                lines[-1].append(Piece(part, piece.sentence, piece.hard))
    return lines, marks
