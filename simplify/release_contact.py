"""The press contact block and the photo caption line of a release."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from simplify.release_data import Markers, alternation
from simplify.release_people import looks_like_name
from simplify.release_text import Block, join_lines

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)[^\s|]+[^\s|.,;:)]")
_PHONE = re.compile(r"\+?\(?\d[\d /()–-]*\d")
_PIECE_SPLIT = re.compile(r"\s+[|·]\s+")


def _pieces(block: Block) -> list[str]:
    """The lines of a contact block, with ``a | b | c`` lines split into their parts."""
    return [p.strip() for line in block for p in _PIECE_SPLIT.split(line) if p.strip()]


@lru_cache(maxsize=4)
def _label_patterns(m: Markers) -> dict[str, re.Pattern[str]]:
    def labelled(words: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile(rf"^(?i:{alternation(words)})(?=[\s:])\s*:?\s*(?P<value>.+)$")

    return {
        "phone": labelled(m.phone_labels),
        "email": labelled(m.email_labels),
        "web": labelled(m.web_labels),
        "name": labelled(m.name_labels),
    }


def is_contact_heading(line: str, m: Markers) -> bool:
    """``Pressekontakt:``, ``Rückfragen bitte an:`` … alone on a line or before a colon."""
    text = line.strip().casefold()
    for heading in m.contact_headings:
        if text.startswith(heading):
            rest = text[len(heading) :].strip()
            if rest == "" or rest.startswith(":"):
                return True
    return False


def _field_kind(piece: str, m: Markers) -> str | None:
    for kind, pattern in _label_patterns(m).items():
        if kind != "name" and pattern.match(piece):
            return kind
    if _EMAIL.fullmatch(piece):
        return "email"
    if _URL.fullmatch(piece):
        return "web"
    return None


def is_contact_block(block: Block, m: Markers) -> bool:
    """A contact heading on the first line, or at least two labelled phone/e-mail/web lines."""
    if is_contact_heading(block[0], m):
        return True
    return sum(1 for piece in _pieces(block) if _field_kind(piece, m)) >= 2


def _has_word(line: str, words: frozenset[str] | tuple[str, ...]) -> bool:
    """Whether a cue word occurs as a word, or (for words of 4+ letters) as the end of a compound."""
    folded = line.casefold()
    tokens = re.findall(r"[^\W_][\w.-]*", folded)
    for word in words:
        if " " in word or "." in word:
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
                return True
        elif any(t.rstrip(".") == word or (len(word) >= 4 and t.rstrip(".").endswith(word)) for t in tokens):
            return True
    return False


def parse_contact(block: Block, m: Markers) -> dict[str, str | None]:
    """Read name, organisation, phone, e-mail and web from a contact block, verbatim.

    The keys are the field names of ``simplify.release.Contact``.
    """
    patterns = _label_patterns(m)
    found: dict[str, str] = {}
    others: list[str] = []
    pieces = _pieces(block)
    if pieces and is_contact_heading(pieces[0], m):
        heading_rest = pieces[0].split(":", 1)[1].strip() if ":" in pieces[0] else ""
        pieces = ([heading_rest] if heading_rest else []) + pieces[1:]
    for piece in pieces:
        kind = _field_kind(piece, m)
        if kind == "phone":
            match = patterns["phone"].match(piece)
            number = _PHONE.search(match["value"]) if match else None
            if number and "phone" not in found:
                found["phone"] = number.group().strip()
        elif kind == "email":
            email = _EMAIL.search(piece)
            if email and "email" not in found:
                found["email"] = email.group()
        elif kind == "web":
            url = _URL.search(piece)
            if url and "web" not in found:
                found["web"] = url.group()
        elif (named := patterns["name"].match(piece)) and looks_like_name(named["value"], m):
            found.setdefault("name", named["value"].strip())
        else:
            others.append(piece)
    rest: list[str] = []
    for piece in others:
        head, _, tail = piece.partition(",")
        if "name" not in found and looks_like_name(head, m):
            found["name"] = head.strip()
            if tail.strip():
                rest.append(tail.strip())
        else:
            rest.append(piece)
    return {
        "name": found.get("name"),
        "organisation": _organisation(rest, m),
        "phone": found.get("phone"),
        "email": found.get("email"),
        "web": found.get("web"),
    }


def _organisation(lines: list[str], m: Markers) -> str | None:
    """The line naming an organisation, skipping department and job-title lines."""
    with_org = [line for line in lines if _has_word(line, m.organisation_words)]
    plain = [line for line in lines if not _has_word(line, m.department_words)]
    for candidates in ([line for line in with_org if line in plain], with_org, plain):
        if candidates:
            return candidates[0]
    return None


@dataclass(frozen=True)
class Caption:
    """The photo caption and who took the photo."""

    text: str | None
    credit: str | None


@lru_cache(maxsize=4)
def _caption_patterns(m: Markers) -> tuple[re.Pattern[str], re.Pattern[str]]:
    labels = alternation(m.caption_labels)
    words = alternation(m.caption_words)
    credit_first = re.compile(
        rf"^(?i:{words})\s*(?:\(\s*(?i:{labels})\s*:\s*(?P<credit>[^()]*(?:\([^()]*\)[^()]*)*?)\s*\))?\s*:\s*(?P<text>.*)$",
        re.DOTALL,
    )
    # "TEXT (Foto: CREDIT)" or "TEXT. Foto: CREDIT"
    credit_last = re.compile(
        rf"^(?P<text>.*?)\s*(?:\(\s*(?i:{labels})\s*:\s*(?P<credit>[^()]+)\)\s*\.?"
        rf"|(?<=[.!?])\s+(?i:{labels})\s*:\s*(?P<tail>[^:]+))$",
        re.DOTALL,
    )
    return credit_first, credit_last


def parse_caption(block: Block, m: Markers) -> Caption | None:
    """Read ``Bildunterschrift (Foto: CREDIT): TEXT``; None if the block is no caption.

    The text may be empty when it stands in the next block (as in
    ``Bildunterschrift (Fotonachweis: …):`` followed by a blank line).
    """
    text = join_lines(block, m)
    credit_first, credit_last = _caption_patterns(m)
    match = credit_first.match(text)
    if match is None:
        return None
    caption = match["text"].strip()
    credit = match["credit"].strip() if match["credit"] else None
    if credit is None and (late := credit_last.match(caption)):
        caption, credit = late["text"].strip(), (late["credit"] or late["tail"]).strip()
    return Caption(caption or None, credit or None)
