"""PDF → plain text: the text layer, without running headers and footers, with hyphenation undone.

pypdf's layout mode keeps vertical gaps as blank lines, which is where the paragraph breaks
of a press release are. Lines that repeat at the top or bottom of most pages (letterhead,
"Seite 2 von 3") are removed, then words split across lines (``Qualifi-`` / ``zierung``)
are joined again when the next line starts with a lowercase letter.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from webapp.ingest_common import IngestError

_NOT_PDF = "Die Datei ist kein gültiges PDF. Bitte prüfen Sie die Datei oder fügen Sie den Text ein."
_NO_TEXT = (
    "Das PDF enthält keinen Text (vermutlich ein eingescanntes Bild). Bitte laden Sie ein PDF mit "
    "Textebene hoch – etwa direkt aus Word exportiert – oder fügen Sie den Text ein."
)
_ENCRYPTED = (
    "Das PDF ist mit einem Passwort geschützt. Bitte laden Sie eine ungeschützte Fassung hoch "
    "oder fügen Sie den Text ein."
)
# How many lines at the top and at the bottom of a page may be running header or footer.
_EDGE_LINES = 3
# A line is a running header/footer when it appears on at least this share of the pages.
_REPEAT_SHARE = 0.5
_PAGE_NUMBER = re.compile(
    r"(?i)^(?:(?:seite|s\.|page)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:von|/|of|aus)\s*\d{1,4})?$"
)
_SPACES = re.compile(r"[ \t]{2,}")
# A letter, a hyphen at the end of the line, and a lowercase continuation: a syllable break.
# Not when the next word is a conjunction ("Ein-" / "und Ausfahrt" keeps its hyphen).
_HYPHEN_BREAK = re.compile(
    r"(?<=[A-Za-zÄÖÜäöüßẞ])[-\u00ad]\n(?!(?:und|oder|bzw|sowie|noch|als|bis|wie)\b)(?=[a-zäöüß])"
)
_SENTENCE_END = re.compile(r"[.!?:“”\"»«)]$")


def pdf_to_text(data: bytes) -> str:
    """The text of a PDF; ``IngestError`` 415 when it is none, 422 when it has no text layer."""
    if b"%PDF-" not in data[:1024]:
        raise IngestError(_NOT_PDF, 415)
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
        pages = [] if locked else [_page_lines(page) for page in reader.pages]
    except DependencyError as exc:  # AES without the cryptography package
        raise IngestError(_ENCRYPTED, 422) from exc
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise IngestError(_NOT_PDF, 415) from exc
    if locked:
        raise IngestError(_ENCRYPTED, 422)
    if not any(line for page in pages for line in page):
        raise IngestError(_NO_TEXT, 422)
    pages = _remove_running_lines(pages)
    return _HYPHEN_BREAK.sub("", _join_pages(pages))


def _page_lines(page: PageObject) -> list[str]:
    """The lines of one page, spaces collapsed, without blank lines at either end."""
    text = page.extract_text(extraction_mode="layout")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _edge_indices(lines: list[str]) -> list[int]:
    """Indices of the first and last ``_EDGE_LINES`` non-empty lines of a page."""
    filled = [i for i, line in enumerate(lines) if line]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def _key(line: str) -> str:
    """Running lines differ only in their numbers ("Seite 1", "Seite 2")."""
    return re.sub(r"\d+", "#", line.lower())


def _remove_running_lines(pages: list[list[str]]) -> list[list[str]]:
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(lines[i]) for i in _edge_indices(lines)})
    threshold = max(2.0, _REPEAT_SHARE * len(pages))
    result = []
    for lines in pages:
        drop = {
            i
            for i in _edge_indices(lines)
            if _PAGE_NUMBER.match(lines[i]) or (len(pages) > 1 and counts[_key(lines[i])] >= threshold)
        }
        kept = [line for i, line in enumerate(lines) if i not in drop]
        while kept and not kept[0]:
            kept.pop(0)
        while kept and not kept[-1]:
            kept.pop()
        result.append(kept)
    return result


def _join_pages(pages: list[list[str]]) -> str:
    """A page that ends mid-sentence continues the paragraph on the next page."""
    text = ""
    for lines in pages:
        if not lines:
            continue
        if text:
            text += "\n\n" if _SENTENCE_END.search(text) else "\n"
        text += "\n".join(lines)
    return text
