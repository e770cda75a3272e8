"""*Das Wichtigste in Kürze*: 3–6 short sentences chosen from the plain lines.

A press release is an inverted pyramid, so the lead comes first: the summary starts with when and
where (from the dateline), then the plain lines made from the title, subtitle and lead, then — if
that gives fewer than three sentences — lines from the body. Nothing is written that is not in the
plain version already, so the summary adds no fact.
"""

from __future__ import annotations

from collections.abc import Sequence

from simplify.dates import german_date
from simplify.plain_model import PlainSentence, Step

_MIN_SENTENCES = 3
EXPLAIN_RULE = "abkuerzung-erklaeren"
WORD_EXPLAIN_RULE = "wort-erklaeren"
#: Lines that explain an acronym or a hard word: they belong to the text, never to the summary.
EXPLANATION_RULES = frozenset({EXPLAIN_RULE, WORD_EXPLAIN_RULE})


def when_and_where(date: str | None, place: str | None) -> PlainSentence | None:
    """The opening line: "Die Nachricht ist vom 12. November 2024 aus Duisburg." (or the known half)."""
    day = german_date(date)
    if day and place:
        text = f"Die Nachricht ist vom {day} aus {place}."
    elif day:
        text = f"Die Nachricht ist vom {day}."
    elif place:
        text = f"Die Nachricht kommt aus {place}."
    else:
        return None
    why = "Wann und wo: aus der Orts- und Datums·zeile."
    return PlainSentence(text, (), (Step("wann-wo", -1, "", text, why),), False)


def summarize(
    lines: Sequence[PlainSentence],
    lead_sentences: frozenset[int],
    date: str | None,
    place: str | None,
    max_sentences: int = 6,
    title_lines: Sequence[PlainSentence] = (),
) -> tuple[PlainSentence, ...]:
    """Choose the summary from the plain lines: dateline first, then lead lines; if that gives fewer
    than three sentences, the title (when it is a full sentence) and then body lines."""
    chosen: list[PlainSentence] = []
    opening = when_and_where(date, place)
    if opening:
        chosen.append(opening)
    candidates = [
        s
        for s in lines
        if not s.is_list_item
        and s.source_indices
        and not s.text.endswith(":")
        and not any(step.rule_id in EXPLANATION_RULES for step in s.steps)
    ]
    lead = [s for s in candidates if set(s.source_indices) <= lead_sentences]
    body = [s for s in candidates if s not in lead]
    seen: set[str] = set()
    missing = max(0, _MIN_SENTENCES - len(chosen) - len(lead))
    title = list(title_lines)[:missing]
    for sentence in title + lead + body[: max(0, missing - len(title))]:
        if len(chosen) >= max_sentences or sentence.text in seen:
            continue
        seen.add(sentence.text)
        chosen.append(sentence)
    return tuple(chosen)
