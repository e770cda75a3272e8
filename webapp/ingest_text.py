"""Decoding plain-text uploads: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252, Latin-1."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from webapp.ingest_common import IngestError

_NOT_TEXT = (
    "Die Datei ist keine Textdatei{hint}. Bitte laden Sie eine .txt-Datei mit reinem Text hoch "
    "oder fügen Sie den Text direkt ein."
)
# Magic numbers of formats people rename to .txt by mistake, with a hint where they belong.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", " (sondern ein PDF – bitte als .pdf hochladen)"),
    (b"PK\x03\x04", " (sondern ein gepacktes Dokument, z. B. .docx – bitte mit seiner Endung hochladen)"),
    (b"\xd0\xcf\x11\xe0", " (sondern ein altes Office-Dokument, z. B. .doc)"),
    (b"{\\rtf", " (sondern ein RTF-Dokument – bitte in Word als .docx speichern)"),
)
# Bytes that Windows-1252 leaves undefined; text containing them is neither cp1252 nor Latin-1 prose.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
# Share of control bytes (other than tab, newline, carriage return, form feed) above which a
# file is treated as binary. Real text has none; one stray byte in a long file is tolerated.
_MAX_CONTROL_SHARE = 0.01
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r\f") + b"\x7f"


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode the bytes of a text file; raise ``IngestError`` (415) for binary data.

    Order: BOM; a declared UTF-16/32; strict UTF-8 (valid UTF-8 with umlauts is practically
    never anything else, so it wins over a wrong declaration); the declared charset, if any;
    Windows-1252 (a superset of Latin-1's printable characters, so Latin-1 files decode
    identically, and cp1252 files keep „“ and €); charset-normalizer only when the bytes are
    valid in none of these.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return _decode_or_refuse(data, encoding)
    codec = _codec_name(declared)
    if codec.startswith(("utf-16", "utf-32")):
        return _decode_or_refuse(data, codec)
    check_not_binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if codec and codec != "utf-8":
        # As browsers do: a page declared Latin-1 or ASCII is read as Windows-1252.
        return data.decode("cp1252" if codec in ("iso8859-1", "ascii") else codec, errors="replace")
    if not _CP1252_UNDEFINED.intersection(data):
        return data.decode("cp1252")
    best = from_bytes(data).best()
    if best is None:
        raise IngestError(_NOT_TEXT.format(hint=""), 415)
    return str(best)


def _codec_name(declared: str | None) -> str:
    """Python's name for a declared charset, "" when there is none or it is unknown."""
    if not declared:
        return ""
    try:
        return codecs.lookup(declared.strip()).name
    except LookupError:
        return ""


def _decode_or_refuse(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(_NOT_TEXT.format(hint=""), 415) from exc


def check_not_binary(data: bytes) -> None:
    """Raise ``IngestError`` (415) when ``data`` is a known binary format or has control bytes."""
    for magic, hint in _SIGNATURES:
        if data.startswith(magic):
            raise IngestError(_NOT_TEXT.format(hint=hint), 415)
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in sample or controls > max(1, len(sample) * _MAX_CONTROL_SHARE):
        raise IngestError(_NOT_TEXT.format(hint=""), 415)
