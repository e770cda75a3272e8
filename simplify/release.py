"""The structured press release (``Release``) and its parser.

Parsing is pure: text in, ``Release`` out. Reading files, URLs and uploads is
``webapp.ingest``'s job; it hands plain text with blank lines between blocks.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Quote:
    """Direct speech in „…“ and who said it."""

    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Contact:
    """The press contact block."""

    name: str | None = None
    organisation: str | None = None
    phone: str | None = None
    email: str | None = None
    web: str | None = None


@dataclass(frozen=True)
class Person:
    """A named person and the function phrase that goes with the name."""

    name: str
    role: str | None = None


@dataclass(frozen=True)
class Source:
    """Where a release came from: kind is paste, txt, html, md, docx, pdf or url."""

    kind: str = "paste"
    filename: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Release:
    """One press release, split into the parts a reader recognises."""

    title: str
    subtitle: str | None = None
    date: str | None = None  # ISO 8601, YYYY-MM-DD
    place: str | None = None
    lead: str | None = None
    body: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    caption: str | None = None
    photo_credit: str | None = None
    boilerplate: str | None = None
    contact: Contact | None = None
    persons: tuple[Person, ...] = ()
    source: Source = field(default_factory=Source)
    language: str = "de"

    def to_dict(self) -> dict[str, Any]:
        """The release as JSON-ready data with the field names of ARCHITECTURE.md."""
        data = asdict(self)
        data["body"] = list(self.body)
        data["quotes"] = [asdict(q) for q in self.quotes]
        data["persons"] = [asdict(p) for p in self.persons]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Release:
        """Rebuild a release from ``to_dict`` output (as stored in the database)."""
        contact = data.get("contact")
        return cls(
            title=data["title"],
            subtitle=data.get("subtitle"),
            date=data.get("date"),
            place=data.get("place"),
            lead=data.get("lead"),
            body=tuple(data.get("body") or ()),
            quotes=tuple(Quote(**q) for q in data.get("quotes") or ()),
            caption=data.get("caption"),
            photo_credit=data.get("photo_credit"),
            boilerplate=data.get("boilerplate"),
            contact=Contact(**contact) if contact else None,
            persons=tuple(Person(**p) for p in data.get("persons") or ()),
            source=Source(**(data.get("source") or {})),
            language=data.get("language") or "de",
        )


class ParseError(ValueError):
    """The text cannot be read as a press release; the message says why, in German."""


def parse_release(text: str, source: Source | None = None) -> Release:
    """Parse plain release text (blocks separated by blank lines) into a ``Release``.

    Raises ``ParseError`` (with a German message saying what to do) for empty
    text, text without letters and binary garbage; any other text gives a
    ``Release``, at worst one with only a title.
    """
    from simplify.release_parse import build_release  # imported here: that module imports this one

    return build_release(text, source or Source())
