"""Ingestion I/O: pasted text, uploaded files and URLs → the plain text of one press release.

The result is what ``simplify.release.parse_release`` reads: NFC text with ``\\n`` line ends,
blank lines between blocks, list items as ``• `` lines. Every failure is an ``IngestError``
with a German message that says what to do and the HTTP status for the view to answer with.
No Flask and no database here; the formats live in ``ingest_*`` modules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from webapp.ingest_common import IngestError, IngestSettings, normalize_text, too_big
from webapp.ingest_docx import docx_to_text
from webapp.ingest_fetch import fetch
from webapp.ingest_html import html_to_text
from webapp.ingest_md import markdown_to_text
from webapp.ingest_pdf import pdf_to_text
from webapp.ingest_text import decode_text

__all__ = [
    "ExtractedText",
    "IngestError",
    "IngestSettings",
    "SUPPORTED_EXTENSIONS",
    "text_from_paste",
    "text_from_upload",
    "text_from_url",
]

SUPPORTED_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".pdf": "pdf",
}


@dataclass(frozen=True)
class ExtractedText:
    """Plain release text and where it came from; ``kind`` is txt, html, md, docx, pdf, paste or url."""

    text: str
    kind: str
    filename: str | None
    url: str | None


def text_from_paste(text: str, settings: IngestSettings) -> ExtractedText:
    """Pasted text, normalised; 400 when empty, 413 when above ``settings.max_bytes``."""
    if len(text.encode("utf-8", errors="replace")) > settings.max_bytes:
        raise too_big("Der Text", settings)
    cleaned = normalize_text(text)
    if not cleaned.strip():
        raise IngestError("Der Text ist leer. Bitte fügen Sie den Text der Pressemitteilung ein.", 400)
    return ExtractedText(cleaned, "paste", None, None)


def text_from_upload(filename: str, data: bytes, settings: IngestSettings) -> ExtractedText:
    """The text of an uploaded file, chosen by its extension."""
    name = _basename(filename)
    kind = SUPPORTED_EXTENSIONS.get(os.path.splitext(name)[1].lower())
    if kind is None:
        raise IngestError(
            "Dieses Dateiformat wird nicht unterstützt. Bitte laden Sie eine Datei mit der Endung "
            ".txt, .html, .htm, .md, .docx oder .pdf hoch – oder fügen Sie den Text ein.",
            415,
        )
    if not data:
        raise IngestError("Die Datei ist leer. Bitte wählen Sie die Datei mit der Pressemitteilung aus.", 400)
    if len(data) > settings.max_bytes:
        raise too_big("Die Datei", settings)
    return ExtractedText(_convert(kind, data, None, settings), kind, name, None)


def text_from_url(url: str, settings: IngestSettings) -> ExtractedText:
    """The text of the document at ``url`` (http/https only, public addresses unless allowed)."""
    fetched = fetch(url, settings)
    if not fetched.data:
        raise IngestError("Unter dieser Adresse steht nichts. Bitte prüfen Sie die Adresse.", 422)
    return ExtractedText(
        _convert(fetched.kind, fetched.data, fetched.charset, settings), "url", None, fetched.url
    )


def _convert(kind: str, data: bytes, charset: str | None, settings: IngestSettings) -> str:
    if kind == "html":
        raw = html_to_text(data, charset)
    elif kind == "docx":
        raw = docx_to_text(data, settings)
    elif kind == "pdf":
        raw = pdf_to_text(data)
    else:
        raw = decode_text(data, charset)
        if kind == "md":
            raw = markdown_to_text(raw)
    text = normalize_text(raw)
    if len(text.encode("utf-8")) > settings.max_bytes:
        raise too_big("Der Text in der Datei", settings)
    if not text.strip():
        raise IngestError(
            "In der Datei wurde kein Text gefunden. Bitte prüfen Sie die Datei oder fügen Sie den Text ein.",
            422,
        )
    return text


def _basename(filename: str) -> str:
    """The file name without any directory a browser may send (``C:\\fakepath\\pm.txt``)."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
