"""Put a release together from its blocks: which block is the title, lead, body, caption, contact …

The lead is anchored by its dateline (``Ort, 13. März 2025.``). Blocks above it
are header lines (dropped), the title and the subtitle; blocks below it are
body, except the caption, the ``Über …`` boilerplate and the contact block,
which are recognised wherever they stand.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from simplify.language import detect_language
from simplify.release import Contact, ParseError, Person, Quote, Release, Source
from simplify.release_contact import is_contact_block, is_contact_heading, parse_caption, parse_contact
from simplify.release_data import Markers, alternation, markers
from simplify.release_people import find_names, find_persons, find_quotes
from simplify.release_text import Block, block_entries, join_lines, parse_dateline, split_blocks

MAX_GARBAGE_SHARE = 0.1
"""Share of control or replacement characters above which text is taken for binary data."""

_TEXT, _CAPTION, _CONTACT = "text", "caption", "contact"


def check_text(text: str) -> None:
    """Raise ``ParseError`` for input that cannot be a press release."""
    if not text.strip():
        raise ParseError(
            "Der Text ist leer. Bitte fügen Sie den Text der Pressemitteilung ein "
            "oder laden Sie eine Datei hoch."
        )
    if not any(char.isalpha() for char in text):
        raise ParseError(
            "Der Text enthält keine Buchstaben. Bitte prüfen Sie, ob Sie die richtige Datei gewählt haben, "
            "und fügen Sie die Pressemitteilung als Text ein."
        )
    garbage = sum(
        1
        for char in text
        if char == "\ufffd" or (unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") and not char.isspace())
    )
    if garbage > MAX_GARBAGE_SHARE * len(text):
        raise ParseError(
            "Der Text sieht nach Binärdaten aus (viele Steuer- oder Ersatzzeichen). Bitte laden Sie die "
            "Pressemitteilung als Text-, HTML-, Word- oder PDF-Datei hoch oder fügen Sie den Text ein."
        )


@lru_cache(maxsize=4)
def _header_pattern(m: Markers) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(m.header_words)})(?!\w)")


def _is_header_block(block: Block, m: Markers) -> bool:
    """Header lines: ``Pressemitteilung``, ``Sperrfrist …``, a date or number alone."""
    if any(_header_pattern(m).search(line.casefold()) for line in block):
        return True
    return all(_is_date_line(line, m) for line in block)


def _is_end_marker(block: Block, m: Markers) -> bool:
    """``###``, ``– Ende –``, a row of stars: marks that close a release and carry no text."""
    text = re.sub(r"[\W_]+", " ", " ".join(block).casefold()).strip()
    return not text or text in m.end_markers


def _is_date_line(line: str, m: Markers) -> bool:
    if not re.search(r"\d", line):
        return False
    leftover = re.sub(r"[\W\d_]+", " ", line.casefold()).split()
    filler = {"vom", "den", "am", "nr", "uhr", "stand", "mez", "mesz"}
    return all(w in filler or w in m.months or w + "." in m.months or w in m.weekdays for w in leftover)


def _is_boilerplate_heading(line: str, m: Markers) -> bool:
    """``Über die Technische Hochschule Osterwede`` – short, no digits, commas or final stop."""
    text = line.strip()
    first = text.split()[0] if text.split() else ""
    return (
        first.casefold() == m.boilerplate_word
        and len(text.split()) >= 2
        and len(text) <= 80
        and not re.search(r"[\d,]", text)
        and text[-1] not in ".!?;"
        and (text[-1] != ":" or len(text.split()) <= 5)
    )


@dataclass(frozen=True)
class _Specials:
    """Per block: what it is, plus the caption and contact read from the special blocks."""

    kinds: tuple[str, ...]
    caption: str | None
    credit: str | None
    contact: Contact | None


def _find_specials(blocks: list[Block], m: Markers) -> _Specials:
    kinds = [_TEXT] * len(blocks)
    caption: str | None = None
    credit: str | None = None
    contact: Contact | None = None
    index = 0
    while index < len(blocks):
        block = blocks[index]
        found = parse_caption(block, m)
        if found is not None:
            kinds[index] = _CAPTION
            text = found.text
            if text is None and index + 1 < len(blocks) and parse_caption(blocks[index + 1], m) is None:
                index += 1
                kinds[index] = _CAPTION
                text = join_lines(blocks[index], m)
            if caption is None and credit is None:
                caption, credit = text, found.credit
        elif is_contact_block(block, m):
            kinds[index] = _CONTACT
            if len(block) == 1 and is_contact_heading(block[0], m) and index + 1 < len(blocks):
                index += 1
                kinds[index] = _CONTACT
                block = block + blocks[index]
            if contact is None:
                contact = Contact(**parse_contact(block, m))
        index += 1
    return _Specials(tuple(kinds), caption, credit, contact)


def _title_parts(blocks: list[Block], head: list[int], m: Markers) -> tuple[str, str | None]:
    """Title and subtitle from the blocks above the lead.

    Further blocks there (an organisation name without a header word, say)
    are dropped like header lines: the body starts after the lead.
    """
    rest = [i for i in head if not _is_header_block(blocks[i], m)]
    if not rest and head:
        # "Pressemitteilung" and the title in one block: the title follows the last header line
        block = blocks[head[-1]]
        last_header = max(k for k, line in enumerate(block) if _is_header_block((line,), m))
        if last_header + 1 < len(block):
            lines = block[last_header + 1 :]
            return lines[0].strip(), join_lines(lines[1:], m) or None
    if not rest:
        raise ParseError(
            "Die Pressemitteilung hat keine Überschrift. Bitte setzen Sie den Titel in eine eigene Zeile "
            "über den ersten Absatz."
        )
    title_block = blocks[rest[0]]
    title = title_block[0].strip()
    if len(title_block) > 1:
        return title, join_lines(title_block[1:], m)
    if len(rest) > 1:
        return title, join_lines(blocks[rest[1]], m)
    return title, None


def _looks_like_subtitle(block: Block) -> bool:
    """Without a dateline: a one-line block without final punctuation under the title."""
    line = block[0].strip()
    return len(block) == 1 and len(line) <= 200 and line[-1] not in '.!?:“"'


@dataclass(frozen=True)
class _Frame:
    """Title, subtitle, dateline and lead, and the indices of the blocks below the lead."""

    title: str
    subtitle: str | None
    place: str | None
    date: str | None
    lead: str | None
    below: list[int]


def _frame(blocks: list[Block], plain: list[int], m: Markers) -> _Frame:
    """Anchor the release on its dateline; without one, the first block after the title is the lead."""
    for at in plain:
        dateline = parse_dateline(join_lines(blocks[at], m), m)
        if dateline is None:
            continue
        title, subtitle = _title_parts(blocks, [i for i in plain if i < at], m)
        below = [i for i in plain if i > at]
        lead = dateline.rest or None
        if lead is None and below and not _is_boilerplate_heading(blocks[below[0]][0], m):
            lead = join_lines(blocks[below.pop(0)], m)
        return _Frame(title, subtitle, dateline.place, dateline.date, lead, below)
    while len(plain) > 1 and _is_header_block(blocks[plain[0]], m):
        plain = plain[1:]
    title, subtitle = _title_parts(blocks, plain[:1], m)
    below = plain[1:]
    if subtitle is None and len(below) > 1 and _looks_like_subtitle(blocks[below[0]]):
        subtitle = join_lines(blocks[below.pop(0)], m)
    lead = None
    if below and not _is_boilerplate_heading(blocks[below[0]][0], m):
        lead = join_lines(blocks[below.pop(0)], m)
    return _Frame(title, subtitle, None, None, lead, below)


def build_release(text: str, source: Source) -> Release:
    """The work of ``simplify.release.parse_release``."""
    check_text(text)
    m = markers()
    blocks = split_blocks(text)
    specials = _find_specials(blocks, m)
    frame = _frame(blocks, [i for i, kind in enumerate(specials.kinds) if kind == _TEXT], m)
    below = [i for i in frame.below if not _is_end_marker(blocks[i], m)]
    body_blocks, boilerplate = _split_boilerplate(blocks, below, m)
    body = [entry for i in body_blocks for entry in block_entries(blocks[i], m)]
    contact_key = None
    if specials.contact is not None and specials.contact.name:
        contact_hit = next(find_names(specials.contact.name, m), None)
        contact_key = contact_hit.key if contact_hit else None
    texts = [s for s in (frame.title, frame.subtitle, frame.lead, *body) if s]
    persons = find_persons([*texts, specials.caption or ""], m, contact_key)
    quotes = find_quotes([p for p in (frame.lead, *body) if p], persons, m)
    return Release(
        title=frame.title,
        subtitle=frame.subtitle,
        date=frame.date,
        place=frame.place,
        lead=frame.lead,
        body=tuple(body),
        quotes=tuple(Quote(q.text, q.speaker) for q in quotes),
        caption=specials.caption,
        photo_credit=specials.credit,
        boilerplate=boilerplate,
        contact=specials.contact,
        persons=tuple(Person(p.name, p.role) for p in persons),
        source=source,
        language=detect_language(" ".join(texts)),
    )


def _split_boilerplate(blocks: list[Block], below: list[int], m: Markers) -> tuple[list[int], str | None]:
    """Separate the ``Über …`` block (and plain blocks right after it) from the body blocks."""
    for position, i in enumerate(below):
        if not _is_boilerplate_heading(blocks[i][0], m):
            continue
        parts = [join_lines(blocks[i][1:], m)] if len(blocks[i]) > 1 else []
        taken = [i]
        for j in below[position + 1 :]:
            if j != taken[-1] + 1:
                break
            parts.append(join_lines(blocks[j], m))
            taken.append(j)
        text = "\n\n".join(p for p in parts if p)
        rest = set(below) - set(taken)
        return [k for k in below if k in rest], text or None
    return below, None
