"""The plain-language version of a press release: a Leichte-Sprache draft, a short summary and a
Wörterbuch, traceable to the original sentence by sentence.

``simplify(release)`` runs the engine named in the config (default: the rule engine "regeln"). The
rule engine never adds a fact: every line is a rewritten source sentence (or an explanation from our
data files: an acronym or a hard word is explained right after the line that first uses it), carries
the indices of its source sentences and the steps that made it, and sentences it cannot make short
and complete are listed in ``PlainVersion.omitted`` instead of being guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from simplify.checker import CheckConfig, check
from simplify.glossary import build_glossary
from simplify.language import detect_language
from simplify.plain_acronyms import acronyms_in, explanation_sentences, known_acronyms
from simplify.plain_explain import explain_words
from simplify.plain_model import (
    UNCHECKED_LABEL,
    CheckFinding,
    GlossaryEntry,
    Omission,
    PlainConfig,
    PlainSentence,
    PlainVersion,
    Section,
    SimplifyError,
    Step,
    render_sections,
)
from simplify.plain_rewrite import rewrite, simplify_sentence
from simplify.plain_words import name_without_titles
from simplify.readability import release_text
from simplify.release import Release
from simplify.rules import RuleContext
from simplify.segment import Sentence, split_sentences
from simplify.summary import EXPLAIN_RULE, summarize

__all__ = [
    "UNCHECKED_LABEL",
    "CheckFinding",
    "GlossaryEntry",
    "Omission",
    "PlainConfig",
    "PlainSentence",
    "PlainVersion",
    "RuleEngine",
    "Section",
    "SimplifyEngine",
    "SimplifyError",
    "Step",
    "get_engine",
    "simplify",
    "source_parts",
    "source_text",
]

DEFAULT_HEADING = "Die Nachricht"
MORE_HEADING = "Mehr Informationen"


def source_parts(release: Release) -> list[tuple[str, str]]:
    """(kind, text) for title, subtitle, lead and each body entry that has text, in order."""
    parts = [("title", release.title), ("subtitle", release.subtitle or ""), ("lead", release.lead or "")]
    parts += [("body", entry) for entry in release.body]
    return [(kind, text.strip()) for kind, text in parts if text and text.strip()]


def source_text(release: Release) -> str:
    """Title, subtitle, lead and body joined with blank lines: the text whose sentences (split by
    ``simplify.segment.split_sentences``) the ``source_indices`` of a plain version count.

    It is ``simplify.readability.release_text``, so the readability findings of the original and the
    source indices of the plain version number the same sentences."""
    return release_text(release)


class SimplifyEngine(Protocol):
    """Something that turns a release into a plain version (the rule engine, later maybe a local LLM)."""

    name: str

    def simplify(self, release: Release, config: PlainConfig) -> PlainVersion: ...


@dataclass(frozen=True)
class _Paragraph:
    kind: str
    text: str
    sentences: tuple[tuple[int, Sentence], ...]
    is_list_item: bool
    speaker: str | None


def _paragraphs(release: Release) -> list[_Paragraph]:
    parts = source_parts(release)
    text = source_text(release)
    sentences = split_sentences(text)
    bounds, position = [], 0
    for _, part in parts:
        bounds.append((position, position + len(part)))
        position += len(part) + 2
    speakers = [(" ".join(q.text.split())[:40], q.speaker) for q in release.quotes if q.speaker]
    paragraphs: list[_Paragraph] = []
    previous_text = ""
    previous_list = False
    for (kind, part), (start, end) in zip(parts, bounds, strict=True):
        own = tuple((i, s) for i, s in enumerate(sentences) if start <= s.start < end)
        after_colon = previous_text.rstrip().endswith(":") or previous_list
        is_list = (
            kind == "body" and after_colon and len(own) == 1 and not part.lstrip().startswith(("„", '"', "»"))
        )
        speaker = next((who for quote, who in speakers if quote and quote in part), None)
        paragraphs.append(_Paragraph(kind, part, own, is_list, speaker))
        previous_text, previous_list = part, is_list
    return paragraphs


def _heading(release: Release, context: RuleContext) -> str:
    pieces = rewrite(release.title, 0, context)
    if not pieces:
        return DEFAULT_HEADING
    first = pieces[0][0].text.rstrip(".").strip()
    return first if 0 < len(first.split()) <= context.config.max_words else DEFAULT_HEADING


def _speaker_heading(speaker: str, context: RuleContext) -> str:
    name = name_without_titles(speaker)
    pieces = rewrite(f"Das sagt {name}", -1, context)
    return pieces[0][0].text.rstrip(".") if len(pieces) == 1 else f"Das sagt {name}"


def _explain_acronyms(sections: list[Section], source: str, config: PlainConfig) -> list[Section]:
    """Put "IHK: Das ist …" before the first line that uses an acronym; later uses stay unexplained."""
    acronyms = known_acronyms(source)
    explained: set[str] = set()
    result = []
    for section in sections:
        lines: list[PlainSentence] = []
        for sentence in section.sentences:
            for short in acronyms_in(sentence.text, acronyms):
                if short in explained:
                    continue
                explained.add(short)
                why = "Abkürzungen werden beim ersten Mal erklärt."
                for text in explanation_sentences(short, acronyms[short], config.separator):
                    step = Step(EXPLAIN_RULE, sentence.source_indices[0], short, text, why)
                    lines.append(PlainSentence(text, sentence.source_indices, (step,), False))
            lines.append(sentence)
        result.append(Section(section.heading, tuple(lines)))
    return result


def _dedupe(sections: list[Section]) -> list[Section]:
    seen: set[str] = set()
    result = []
    for section in sections:
        lines = []
        for sentence in section.sentences:
            if sentence.text in seen and not sentence.is_list_item:
                continue
            seen.add(sentence.text)
            lines.append(sentence)
        if lines:
            result.append(Section(section.heading, tuple(lines)))
    return result


def _check_language(release: Release, text: str) -> None:
    if release.language == "en" or detect_language(text) == "en":
        raise SimplifyError(
            "Der Text ist auf Englisch. Klartext vereinfacht nur deutsche Texte in Leichte Sprache."
        )


def _names(release: Release) -> frozenset[str]:
    """Words of the place and of people's names: rules must not split or change them."""
    phrases = [release.place or ""] + [p.name for p in release.persons]
    return frozenset(w for phrase in phrases for w in phrase.replace("-", " ").split() if w[:1].isupper())


def _sections(
    paragraphs: list[_Paragraph], heading: str, context: RuleContext
) -> tuple[list[Section], list[Omission]]:
    """Subtitle and lead under the title's heading; quotes under "Das sagt …"; other body paragraphs
    under "Mehr Informationen"; list items stay in the section of the line that introduces them."""
    groups: list[tuple[str, list[PlainSentence]]] = []
    omitted: list[Omission] = []
    for paragraph in paragraphs:
        if paragraph.kind == "title":
            continue
        if paragraph.speaker:
            name = _speaker_heading(paragraph.speaker, context)
        else:
            name = MORE_HEADING if paragraph.kind == "body" else heading
        if not groups or (groups[-1][0] != name and not paragraph.is_list_item):
            groups.append((name, []))
        for index, sentence in paragraph.sentences:
            kept, dropped = simplify_sentence(sentence.text, index, context, paragraph.is_list_item)
            groups[-1][1].extend(kept)
            omitted.extend(dropped)
    return [Section(name, tuple(lines)) for name, lines in groups], omitted


class RuleEngine:
    """The deterministic rule engine "regeln"."""

    name = "regeln"

    def simplify(self, release: Release, config: PlainConfig) -> PlainVersion:
        text = source_text(release)
        if not text.strip():
            raise SimplifyError("Die Pressemitteilung hat keinen Text.")
        _check_language(release, text)
        context = RuleContext(config, release.persons, _names(release))
        heading = _heading(release, context) if release.title.strip() else DEFAULT_HEADING
        title_lines = simplify_sentence(release.title, 0, context)[0] if release.title.strip() else []
        paragraphs = _paragraphs(release)
        sections, omitted = _sections(paragraphs, heading, context)
        if not any(section.sentences for section in sections):
            sections = [Section(heading, tuple(title_lines))]
        sections = _dedupe(_explain_acronyms(sections, text, config))
        lines = [s for section in sections for s in section.sentences]
        lead = frozenset(i for p in paragraphs if p.kind != "body" for i, _ in p.sentences)
        known = {line.text for line in lines}
        summary = summarize(
            lines,
            lead,
            release.date,
            release.place,
            config.summary_max_sentences,
            [s for s in title_lines if s.text not in known],
        )
        display = render_sections(tuple(sections))
        glossary = build_glossary(
            [s.text for s in summary] + [display], config.separator, config.glossary_max_zipf
        )
        if config.explain_inline:
            sections = explain_words(sections, config, context.names)
            display = render_sections(tuple(sections))
        return PlainVersion(
            title=heading,
            summary=summary,
            sections=tuple(sections),
            glossary=glossary,
            checks=tuple(check(display, CheckConfig(max_words=config.max_words, rare_zipf=config.rare_zipf))),
            omitted=tuple(omitted),
            engine=self.name,
            separator=config.separator,
        )


def get_engine(name: str) -> SimplifyEngine:
    """The engine with this name; only "regeln" exists so far."""
    if name == RuleEngine.name:
        return RuleEngine()
    raise SimplifyError(f"Unbekannte Vereinfachungs-Maschine „{name}“. Verfügbar: regeln.")


def simplify(release: Release, config: PlainConfig | None = None) -> PlainVersion:
    """The plain-language version of ``release`` (see module docstring); default settings if no config."""
    config = config or PlainConfig()
    return get_engine(config.engine).simplify(release, config)
