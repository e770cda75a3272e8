"""Word (.docx) → plain text: paragraphs become blocks, list paragraphs ``• `` lines.

Two writing habits exist. Most documents space paragraphs by style: then every paragraph is a
block. Others press Enter twice: then empty paragraphs separate blocks and consecutive
paragraphs (e.g. the lines of a contact block) form one block. Headings are always blocks.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from webapp.ingest_common import IngestError, IngestSettings, too_big

_NOT_DOCX = (
    "Die Datei ist kein gültiges Word-Dokument (.docx). Bitte öffnen Sie sie in Word oder "
    "LibreOffice, speichern Sie sie als .docx und laden Sie sie erneut hoch – oder fügen Sie den Text ein."
)
_OLD_WORD = (
    "Die Datei ist ein Dokument im alten Word-Format (.doc). Bitte speichern Sie sie in Word oder "
    "LibreOffice als .docx und laden Sie sie erneut hoch – oder fügen Sie den Text ein."
)
_HEADING_STYLES = ("heading", "title", "subtitle", "überschrift", "titel", "untertitel")
_LIST_STYLES = ("list", "liste", "aufzählung")
# Documents that use empty paragraphs as separators have about one per block; style-spaced
# documents have at most a few (e.g. before the contact block).
_SEPARATOR_SHARE = 0.3
# What zipfile raises for a damaged archive (bad deflate data, unknown version or compression method,
# encryption flag) besides BadZipFile; found by tests/test_fuzz.py.
_BROKEN_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)
# What python-docx raises for a damaged package or XML that is not WordprocessingML.
_BROKEN_FILE_ERRORS = (
    KeyError, ValueError, AttributeError, TypeError, PackageNotFoundError, XMLSyntaxError,
    *_BROKEN_ZIP_ERRORS,
)  # fmt: skip
# Unpacked size per byte of the limit; a .docx compresses text about 5-10 times.
_UNPACKED_FACTOR = 25


def docx_to_text(data: bytes, settings: IngestSettings) -> str:
    """The text of a .docx file; ``IngestError`` 415 when it is not one, 413 when it unpacks too big."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(_OLD_WORD, 415)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError(_NOT_DOCX, 415)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except _BROKEN_ZIP_ERRORS as exc:
        raise IngestError(_NOT_DOCX, 415) from exc
    if "word/document.xml" not in names:
        raise IngestError(_NOT_DOCX, 415)
    if unpacked > _UNPACKED_FACTOR * settings.max_bytes:
        raise too_big("Das entpackte Word-Dokument", settings)
    try:
        document = Document(io.BytesIO(data))
        paragraphs = [_lines(item) for item in document.iter_inner_content()]
    except _BROKEN_FILE_ERRORS as exc:
        raise IngestError(_NOT_DOCX, 415) from exc
    return _blocks(paragraphs)


def _lines(item: Paragraph | Table) -> tuple[str, str]:
    """(kind, text) with kind "heading", "item", "table" or "text"; text "" for an empty paragraph."""
    if isinstance(item, Table):
        rows = []
        for row in item.rows:
            cells = dict.fromkeys(cell.text.strip() for cell in row.cells)  # merged cells repeat
            rows.append("\n".join(cell for cell in cells if cell))
        return "table", "\n".join(row for row in rows if row)
    text = item.text.strip()
    style = (item.style.name if item.style is not None and item.style.name else "").lower()
    if style.startswith(_HEADING_STYLES):
        return "heading", text
    numbered = item._p.pPr is not None and item._p.pPr.numPr is not None
    if text and (numbered or style.startswith(_LIST_STYLES)):
        return "item", "• " + text
    return "text", text


def _blocks(paragraphs: list[tuple[str, str]]) -> str:
    filled = sum(1 for _, text in paragraphs if text)
    separators = sum(1 for (_, a), (_, b) in zip(paragraphs, paragraphs[1:], strict=False) if a and not b)
    enter_twice = filled > 1 and separators >= _SEPARATOR_SHARE * (filled - 1)
    out: list[str] = []
    previous_kind = ""
    for kind, text in paragraphs:
        if not text:
            out.append("")
            previous_kind = ""
            continue
        joins = (
            previous_kind != ""
            and "heading" not in (kind, previous_kind)
            and (enter_twice or kind == previous_kind == "item")
        )
        if out and not joins:
            out.append("")
        out.append(text)
        previous_kind = kind
    return "\n".join(out)
