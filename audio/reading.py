"""What is read aloud for each version of a release, and how the speech timings map back to it.

A reading is a list of units — one spoken sentence or heading each — joined into the
transcript text that is shown on the page and published with the podcast. Units that
stand for a sentence on the page carry its element id (``anchor``), so the player can
highlight that sentence while it is spoken. The transcript is normalised for speech
(``audio.normalize``); the engine's sentence and word timings refer to the normalised
script and are mapped back through the normaliser's offset map to the units.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from audio.engine import SynthesisConfig, Timing
from audio.normalize import Script
from audio.speak import SpeechInfo, chapters, write_mp3
from audio.tags import Chapter, EpisodeTags, write_tags
from audio.vtt import webvtt
from simplify.dates import german_date


@dataclass(frozen=True)
class Unit:
    """One spoken piece: its text, the page element it highlights, and the chapter it opens (if any)."""

    text: str
    anchor: str | None = None
    chapter: str | None = None


@dataclass(frozen=True)
class Reading:
    """The units of one reading; ``text`` (units one per line) is the transcript and the input to speech."""

    units: tuple[Unit, ...]

    @property
    def text(self) -> str:
        return "\n".join(unit.text for unit in self.units)

    def offsets(self) -> list[tuple[int, int]]:
        """(start, end) of each unit in ``text``."""
        spans, cursor = [], 0
        for unit in self.units:
            spans.append((cursor, cursor + len(unit.text)))
            cursor += len(unit.text) + 1
        return spans

    def chapter_starts(self) -> list[tuple[str, int]]:
        """(chapter title, character offset in ``text``) for the units that open a chapter."""
        return [
            (u.chapter, start) for u, (start, _) in zip(self.units, self.offsets(), strict=True) if u.chapter
        ]


@dataclass(frozen=True)
class TimedUnit:
    """A unit with the time it is spoken and its word timings (character spans relative to the unit)."""

    anchor: str | None
    text: str
    start: float
    end: float
    words: tuple[tuple[float, float, int, int], ...] = field(default=())


def _sentence_end(text: str) -> str:
    """Headings and list items get a full stop, so the voice pauses after them."""
    text = " ".join(text.split())
    return text if text[-1:] in '.!?:;…“"' else text + "."


def intro(publisher: str, date: str | None) -> Unit:
    """The short spoken introduction, which also stands in the transcript."""
    when = german_date(date)
    return Unit(
        _sentence_end(f"Pressemitteilung von {publisher}" + (f", vom {when}" if when else "")),
        chapter="Überschrift und Vorspann",
    )


def original_reading(
    release: Any,
    sentences: Sequence[tuple[int, int, str]],
    publisher: str,
    *,
    read_contact_details: bool = False,
) -> Reading:
    """The reading of the original: intro, title, subtitle, dateline, lead and body sentence by sentence,
    and the press contact by name (phone and e-mail only when asked for — they are hard to follow aloud).

    ``release`` is a ``simplify.release.Release``; ``sentences`` are the (start, end, text) of the
    analysed sentences of title, subtitle, lead and body; sentence *i* highlights the element ``satz-i``.
    """
    units = [intro(publisher, release.date)]
    lead_start = _part_start(release, "lead", sentences)
    body_start = _part_start(release, "body", sentences)
    dateline_done = False
    for index, (_, _, text) in enumerate(sentences):
        if not dateline_done and (lead_start is None or index >= lead_start):
            dateline_done = True
            if release.place or release.date:
                units.append(
                    Unit(_sentence_end(", ".join(p for p in (release.place, german_date(release.date)) if p)))
                )
        chapter = "Text" if body_start is not None and index == body_start else None
        units.append(Unit(_sentence_end(text), anchor=f"satz-{index}", chapter=chapter))
    contact = release.contact
    if contact and (contact.name or contact.organisation):
        who = ", ".join(p for p in (contact.name, contact.organisation) if p)
        units.append(Unit(_sentence_end(f"Pressekontakt: {who}"), chapter="Pressekontakt"))
        if read_contact_details:
            details = [
                f"Telefon {contact.phone}" if contact.phone else "",
                f"E-Mail {contact.email}" if contact.email else "",
            ]
            if any(details):
                units.append(Unit(_sentence_end(", ".join(d for d in details if d))))
    return Reading(tuple(units))


def _part_start(release: Any, part: str, sentences: Sequence[tuple[int, int, str]]) -> int | None:
    """Index of the first sentence of the lead or of the body (by position in the analysed text)."""
    title_and_subtitle = [p.strip() for p in (release.title, release.subtitle) if p and p.strip()]
    offset = sum(len(p) + 2 for p in title_and_subtitle)
    if part == "body":
        if not release.body:
            return None
        if release.lead and release.lead.strip():
            offset += len(release.lead.strip()) + 2
    elif not (release.lead and release.lead.strip()):
        return None
    return next((i for i, (start, _, _) in enumerate(sentences) if start >= offset), None)


def plain_reading(plain: dict[str, Any], publisher: str, date: str | None) -> Reading:
    """The reading of the Leichte-Sprache version: intro, summary, then each section with its heading.

    Summary sentence *i* highlights ``lk-i``; the *n*-th sentence of the sections highlights ``ls-n``.
    """
    first = intro(publisher, date)
    units = [Unit(first.text, chapter="Das Wichtigste in Kürze")]
    units += [
        Unit(_sentence_end(s["text"]), anchor=f"lk-{i}") for i, s in enumerate(plain.get("summary", []))
    ]
    counter = 0
    for section in plain.get("sections", []):
        units.append(Unit(_sentence_end(section["heading"]), chapter=section["heading"]))
        for sentence in section["sentences"]:
            units.append(Unit(_sentence_end(sentence["text"]), anchor=f"ls-{counter}"))
            counter += 1
    return Reading(tuple(units))


def _unit_at(spans: list[tuple[int, int]], position: int) -> int | None:
    for index, (start, end) in enumerate(spans):
        if start <= position < end + 1:  # the line break after a unit belongs to it
            return index
    return None


def timed_units(reading: Reading, script: Script, info: SpeechInfo) -> list[TimedUnit]:
    """Each unit with the time span of the speech that came from it, and its word timings."""
    spans = reading.offsets()
    times: dict[int, list[float]] = {}
    words: dict[int, list[tuple[float, float, int, int]]] = {}

    def place(timing: Timing) -> tuple[int, int, int] | None:
        src_start, src_end = script.source_span(
            timing.char_start, max(timing.char_end, timing.char_start + 1)
        )
        index = _unit_at(spans, src_start)
        if index is None:
            return None
        unit_start = spans[index][0]
        return index, src_start - unit_start, min(src_end, spans[index][1]) - unit_start

    for timing in info.sentences:
        placed = place(timing)
        if placed:
            bucket = times.setdefault(placed[0], [timing.start, timing.end])
            bucket[0], bucket[1] = min(bucket[0], timing.start), max(bucket[1], timing.end)
    for timing in info.words:
        placed = place(timing)
        if placed:
            index, start, end = placed
            words.setdefault(index, []).append((timing.start, timing.end, start, end))
            bucket = times.setdefault(index, [timing.start, timing.end])
            bucket[0], bucket[1] = min(bucket[0], timing.start), max(bucket[1], timing.end)
    return [
        TimedUnit(
            unit.anchor, unit.text, round(times[i][0], 3), round(times[i][1], 3), tuple(words.get(i, ()))
        )
        for i, unit in enumerate(reading.units)
        if i in times
    ]


def unit_timings(units: Sequence[TimedUnit], reading: Reading) -> list[Timing]:
    """One timing per spoken unit with the unit's span in ``reading.text`` (for WebVTT cues)."""
    spans = {unit.text: span for unit, span in zip(reading.units, reading.offsets(), strict=True)}
    return [Timing(u.start, u.end, *spans[u.text]) for u in units if u.text in spans]


def transcript_html(reading: Reading, title: str) -> str:
    """The transcript as a small HTML document (Podcasting 2.0 ``text/html`` transcript)."""
    body = "\n".join(f"<p>{html.escape(unit.text)}</p>" for unit in reading.units)
    return (
        f'<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head><body>\n<h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n"
    )


@dataclass(frozen=True)
class Recorded:
    """A reading spoken into an MP3 file: the speech info, the timed units, chapters and WebVTT text."""

    info: SpeechInfo
    units: tuple[TimedUnit, ...]
    chapters: tuple[Chapter, ...]
    vtt: str


def script_chapters(reading: Reading, script: Script) -> list[tuple[str, int]]:
    """Chapter starts as character offsets in the normalised script."""
    result = []
    for title, offset in reading.chapter_starts():
        span = script.output_span(offset, offset + 1)
        result.append((title, span[0] if span else 0))
    return result


def record(
    reading: Reading, script: Script, config: SynthesisConfig, path: str, tags: EpisodeTags
) -> Recorded:
    """Speak ``script`` (the normalised ``reading.text``) into the MP3 file ``path`` and tag it with
    ``tags`` plus the transcript and chapters."""
    with open(path, "wb") as fh:
        info = write_mp3(script.text, config, fh)
    units = tuple(timed_units(reading, script, info))
    chapter_list = chapters(info, script_chapters(reading, script))
    write_tags(path, dataclasses.replace(tags, transcript=reading.text, chapters=chapter_list))
    return Recorded(info, units, chapter_list, webvtt(unit_timings(units, reading), reading.text))
