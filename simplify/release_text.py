"""Layout of pasted release text: blocks, wrapped lines, list items, the dateline.

Text pasted from a PDF or an e-mail keeps its hard line breaks. A block is a run
of non-blank lines; inside a block, lines are joined with a space, except where
a word was split by a hyphen at the line end (``Qualifi-`` + ``zierung``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from simplify.release_data import Markers, alternation

Block = tuple[str, ...]
"""The non-blank lines of one block, right-stripped, indentation kept."""

_LETTER_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_TRAILING_PUNCT = ".,;:!?)“”\"'"


def split_blocks(text: str) -> list[Block]:
    """Split text at blank lines; any line-break convention (CR, LF, U+2028 …) is accepted."""
    blocks: list[Block] = []
    current: list[str] = []
    for line in text.replace("\ufeff", "").splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(tuple(current))
            current = []
    if current:
        blocks.append(tuple(current))
    return blocks


def join_lines(lines: Block | list[str], m: Markers) -> str:
    """Join wrapped lines into one paragraph, undoing syllable hyphenation.

    A line ending in letter + ``-`` followed by a line starting in lowercase is a
    syllable break and is joined without the hyphen, unless the next word is a
    conjunction such as ``und`` (``Presse-`` / ``und Öffentlichkeitsarbeit``).
    Before an uppercase letter the hyphen is part of a compound and stays
    (``KMU-`` / ``Definition``).
    """
    parts: list[str] = []  # pieces and separators; parts[-1] is always the previous line
    for raw in lines:
        piece = raw.strip()
        if not piece:
            continue
        if parts:
            last = parts[-1]
            if _LETTER_HYPHEN_END.search(last[-2:]) and piece[0].isalpha():
                first_word = piece.split()[0].rstrip(",;:")
                if piece[0].islower() and first_word.casefold() not in m.hyphen_keep_words:
                    parts[-1] = last[:-1]
                elif piece[0].islower():
                    parts.append(" ")
            else:
                parts.append(" ")
        parts.append(piece)
    return "".join(parts)


def _list_item_text(line: str, m: Markers) -> str | None:
    """The item text if ``line`` starts with a list marker and a space, else None."""
    stripped = line.lstrip()
    for marker in m.list_markers:
        if stripped.startswith(marker) and stripped[len(marker) : len(marker) + 1] in (" ", "\t"):
            rest = stripped[len(marker) :].strip()
            return rest or None
    return None


def block_entries(block: Block, m: Markers) -> list[str]:
    """The body entries of one block: a paragraph, or the text before a list and one entry per item.

    A marker line opens a list item only at the start of the block, after a line
    ending in a colon, or inside a list already begun, so that a wrapped line that
    happens to start with a dash stays in its paragraph.
    """
    groups: list[list[str]] = []
    current: list[str] = []
    in_list = False
    for index, line in enumerate(block):
        item = _list_item_text(line, m)
        opens = item is not None and (index == 0 or in_list or block[index - 1].rstrip().endswith(":"))
        if opens and item is not None:
            if current:
                groups.append(current)
            current = [item]
            in_list = True
        else:
            current.append(line)
    if current:
        groups.append(current)
    return [text for text in (join_lines(g, m) for g in groups) if text]


@dataclass(frozen=True)
class Dateline:
    """Place and date at the start of the lead, and the lead text after them."""

    place: str | None
    date: str | None
    rest: str


@lru_cache(maxsize=4)
def _dateline_patterns(m: Markers) -> tuple[re.Pattern[str], re.Pattern[str]]:
    months = alternation(tuple(m.months))
    weekdays = alternation(m.weekdays)
    agency = rf"(?:\s*\((?i:{m.agency_pattern})(?:/[^()\n]{{1,20}})?\))"
    # a place may carry a qualifier in brackets, "Halle (Saale)", but "(dpa)" is the agency
    qualifier = rf"(?:\s\((?!(?i:{m.agency_pattern})[/)])[^\W\d_][^()\n]{{0,30}}\))"
    place = rf"(?P<place>[^\W\d_][^\n,:;()„“]{{0,60}}?{qualifier}?)"
    long_date = rf"(?P<day>\d{{1,2}})\.\s*(?P<month>(?i:{months}))\s+(?P<year>\d{{4}})"
    num_date = r"(?P<nday>\d{1,2})\.\s?(?P<nmonth>\d{1,2})\.\s?(?P<nyear>\d{4}|\d{2})"
    lead_in = rf"(?:(?:den|am)\s+)?(?:(?i:{weekdays}),?\s+(?:(?:den)\s+)?)?"
    end = r"(?:\s*[.:]\s+|\s+[–—-]\s+|\s*[.:]?\s*$)"
    dated = re.compile(rf"^{place}{agency}?,\s*{lead_in}(?:{long_date}|{num_date}){agency}?{end}")
    undated = re.compile(rf"^{place}{agency}\s*(?:[:]\s+|[–—-]\s+)")
    return dated, undated


def _iso_date(day: str, month: int, year: str) -> str | None:
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    try:
        return datetime.date(full_year, month, int(day)).isoformat()
    except ValueError:
        return None


def parse_dateline(paragraph: str, m: Markers) -> Dateline | None:
    """Read ``Ort, 13. März 2025.``, ``Ort, 13.03.2025 –`` or ``Ort (dpa) –`` at the paragraph start."""
    dated, undated = _dateline_patterns(m)
    match = dated.match(paragraph)
    if match is not None:
        place = match["place"].strip()
        if not place[0].isupper() or len(place.split()) > 6:
            return None
        if match["day"] is not None:
            date = _iso_date(match["day"], m.months[match["month"].casefold()], match["year"])
        else:
            date = _iso_date(match["nday"], int(match["nmonth"]), match["nyear"])
        return Dateline(place, date, paragraph[match.end() :].strip())
    match = undated.match(paragraph)
    if match is not None and match["place"].strip()[0].isupper() and len(match["place"].split()) <= 6:
        return Dateline(match["place"].strip(), None, paragraph[match.end() :].strip())
    return None


def strip_trailing_punct(word: str) -> str:
    """``Markgraf.`` → ``Markgraf``; used where a token may end a clause."""
    return word.rstrip(_TRAILING_PUNCT)
