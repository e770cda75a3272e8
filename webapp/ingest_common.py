"""Types and text clean-up shared by the ingestion modules (no Flask, no database)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# C0/C1 control characters other than tab and newline, DEL, invisible characters that only
# break words apart (soft hyphen, zero-width space/joiners, BOM in the middle of a text), and
# lone surrogates (a broken form submission), which could not be stored as UTF-8.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff\ud800-\udfff]")
# No-break and fixed-width spaces (``e.&nbsp;V.``, ``8&nbsp;€``) become plain spaces, so the
# parser and the readability rules see one kind of space.
_FIXED_SPACES = re.compile("[\u00a0\u2007\u202f]")
_TRAILING_SPACE = re.compile(r"[ \t\u3000]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
# A URL with a scheme that runs code when clicked; it is never part of a press release.
_SCRIPT_URL = re.compile(r"(?i)\b(?:javascript|vbscript):[^\s\"'<>]*[^\s\"'<>.,;:!?]")


class IngestError(ValueError):
    """Input that cannot become a release; ``message`` is German and says what to do instead."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class IngestSettings:
    """Limits for ingestion.

    ``max_bytes`` caps uploads, pasted text (UTF-8 bytes), downloads and the extracted text.
    ``fetch_timeout`` is the connect timeout and the timeout of each read (seconds); a whole
    download must also finish within twice that time. ``allow_private_urls`` lets URLs reach
    loopback/private/link-local addresses (for tests and intranet newsrooms only).
    """

    max_bytes: int = 2_000_000
    fetch_timeout: float = 10.0
    allow_private_urls: bool = False
    user_agent: str = "Klartext/0.1 (+https://example.org/klartext; press release import)"

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> IngestSettings:
        """The limits from the app's settings (MAX_TEXT_BYTES, FETCH_TIMEOUT, ALLOW_PRIVATE_URLS)."""
        return cls(
            max_bytes=int(config["MAX_TEXT_BYTES"]),
            fetch_timeout=float(config["FETCH_TIMEOUT"]),
            allow_private_urls=bool(config["ALLOW_PRIVATE_URLS"]),
        )


def human_size(n_bytes: int) -> str:
    """``2_000_000`` → ``"2 MB"``, ``1_500_000`` → ``"1,5 MB"``, ``50_000`` → ``"50 kB"`` (decimal units)."""
    if n_bytes >= 1_000_000:
        value, unit = n_bytes / 1_000_000, "MB"
    elif n_bytes >= 1_000:
        value, unit = n_bytes / 1_000, "kB"
    else:
        return f"{n_bytes} Bytes"
    number = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{number} {unit}"


def too_big(what: str, settings: IngestSettings) -> IngestError:
    """The 413 error for an input above ``settings.max_bytes``; ``what`` is e.g. "Der Text"."""
    return IngestError(
        f"{what} ist größer als {human_size(settings.max_bytes)}. Bitte kürzen Sie den Text "
        "oder teilen Sie ihn auf mehrere Pressemitteilungen auf.",
        413,
    )


def normalize_text(text: str) -> str:
    """Plain text as the parser expects it.

    NFC; ``\\r\\n``/``\\r``/form feed → ``\\n``; no-break spaces → spaces; control and
    invisible characters and ``javascript:`` URLs removed; trailing spaces stripped; at most one
    blank line between blocks; no blank lines at the start or end.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _FIXED_SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    text = _SCRIPT_URL.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")
