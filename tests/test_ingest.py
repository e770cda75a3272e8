"""Ingestion of pasted text, plain-text and Markdown uploads, and the bad inputs of issue 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from webapp.ingest import ExtractedText, IngestError, IngestSettings, text_from_paste, text_from_upload
from webapp.ingest_common import human_size, normalize_text

DATA = Path(__file__).parent / "data" / "ingest"
SETTINGS = IngestSettings()
RELEASE_08 = (DATA.parent / "corpus" / "08-kultur-webereinaechte.txt").read_text(encoding="utf-8")


def _error(call, *args) -> IngestError:
    with pytest.raises(IngestError) as info:
        call(*args)
    return info.value


# --- pasted text -------------------------------------------------------------------------------


def test_paste_returns_the_release_unchanged():
    result = text_from_paste(RELEASE_08, SETTINGS)
    assert result == ExtractedText(RELEASE_08.rstrip("\n"), "paste", None, None)


def test_paste_normalises_line_ends_spaces_and_blank_lines():
    pasted = "Titel  \r\nUntertitel\t\r\n\r\n\r\n\r\nOrt, 3. März 2025. Text\u00a0mit\u200b Umbruch.\r\n\r\n"
    assert (
        text_from_paste(pasted, SETTINGS).text == "Titel\nUntertitel\n\nOrt, 3. März 2025. Text mit Umbruch."
    )


def test_paste_drops_control_characters_and_lone_surrogates():
    result = text_from_paste("Bürger\x00büro\x07 \ud800öffnet\x1b.", SETTINGS)
    assert result.text == "Bürgerbüro öffnet."
    result.text.encode("utf-8")  # storable


def test_paste_is_nfc():
    decomposed = "Bu\u0308rgerbu\u0308ro o\u0308ffnet"  # ü and ö as base letter + combining diaeresis
    assert text_from_paste(decomposed, SETTINGS).text == "Bürgerbüro öffnet"


def test_english_text_is_accepted_unchanged():
    # Flagging "not German" is the parser's job; ingestion must not refuse it.
    english = "City opens new library\n\nSpringfield, 3 March 2025. The city opened a library."
    assert text_from_paste(english, SETTINGS).text == english


@pytest.mark.parametrize("pasted", ["", "   ", "\n\n\t \r\n", "\u00a0\u200b\ufeff"])
def test_empty_paste_is_refused(pasted):
    error = _error(text_from_paste, pasted, SETTINGS)
    assert error.status == 400
    assert error.message.startswith("Der Text ist leer")


def test_five_megabytes_of_text_are_refused_with_413():
    error = _error(text_from_paste, "Wort " * 1_000_000, SETTINGS)
    assert error.status == 413
    assert error.message.startswith("Der Text ist größer als 2 MB")


def test_size_limit_is_configurable():
    text = "Wort " * 300_000  # 1.5 MB
    assert text_from_paste(text, IngestSettings(max_bytes=5_000_000)).kind == "paste"
    error = _error(text_from_paste, text, IngestSettings(max_bytes=1_200_000))
    assert (error.status, "1,2 MB" in error.message) == (413, True)


def test_limit_counts_utf8_bytes_not_characters():
    assert text_from_paste("ä" * 500, IngestSettings(max_bytes=1000)).text == "ä" * 500
    assert _error(text_from_paste, "ä" * 501, IngestSettings(max_bytes=1000)).status == 413


@pytest.mark.parametrize(
    ("n_bytes", "expected"),
    [(2_000_000, "2 MB"), (1_500_000, "1,5 MB"), (50_000, "50 kB"), (999, "999 Bytes")],
)
def test_human_size(n_bytes, expected):
    assert human_size(n_bytes) == expected


def test_normalize_removes_script_urls_but_keeps_the_word_javascript():
    text = "Mehr unter javascript:alert(document.cookie). JavaScript: eine Sprache."
    assert normalize_text(text) == "Mehr unter . JavaScript: eine Sprache."


# --- .txt uploads ------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_txt_encodings_keep_umlauts_and_quotes(encoding):
    result = text_from_upload("pm.txt", RELEASE_08.encode(encoding), SETTINGS)
    assert result.text == RELEASE_08.rstrip("\n")
    assert (result.kind, result.filename, result.url) == ("txt", "pm.txt", None)


def test_cp1252_quote_and_euro_bytes_are_decoded():
    data = b"\x84Wir \xfcben\x93, sagte sie. Eintritt 8 \x80 \x96 erm\xe4\xdfigt."
    assert (
        text_from_upload("pm.txt", data, SETTINGS).text == "„Wir üben“, sagte sie. Eintritt 8 € – ermäßigt."
    )


def test_latin1_text_is_decoded():
    text = "Bürgerbüro in Neuenburg an der Wipper: Öffnungszeiten ändern sich. Größe 5 m²; ½ Stunde."
    assert text_from_upload("pm.txt", text.encode("latin-1"), SETTINGS).text == text


def test_txt_line_endings_are_normalised():
    data = b"Titel\r\n\r\nErster Absatz\rmit Umbruch\r\n"
    assert text_from_upload("pm.TXT", data, SETTINGS).text == "Titel\n\nErster Absatz\nmit Umbruch"


def test_browser_path_is_dropped_from_the_file_name():
    assert text_from_upload("C:\\fakepath\\pm.txt", b"Text", SETTINGS).filename == "pm.txt"


def test_undecodable_bytes_fall_back_to_charset_detection():
    # 0x81 is undefined in Windows-1252, so neither UTF-8 nor cp1252 fit; charset-normalizer decides.
    text = "Grüße aus Köln: Das Bürgerbüro öffnet übermorgen wieder für alle Bürgerinnen und Bürger."
    result = text_from_upload("pm.txt", text.encode("cp850"), SETTINGS)
    assert "Bürgerbüro" in result.text


# --- bad uploads -------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4


@pytest.mark.parametrize(
    ("filename", "data", "status", "message"),
    [
        ("pm.txt", b"", 400, "Die Datei ist leer"),
        ("pm.txt", b"  \r\n\n\t ", 422, "kein Text gefunden"),
        ("pm.txt", b"Wort " * 1_000_000, 413, "Die Datei ist größer als 2 MB"),
        ("foto.txt", PNG, 415, "Die Datei ist keine Textdatei"),
        ("pm.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", 415, "PDF"),
        ("pm.txt", b"PK\x03\x04\x14\x00\x06\x00", 415, "keine Textdatei"),
        ("pm.txt", b"Text " + b"\x01\x02\x03\x04\x05" * 20 + b" mehr Text", 415, "keine Textdatei"),
        ("programm.exe", b"MZ\x90\x00", 415, "Dateiformat wird nicht unterstützt"),
        ("pressemitteilung", b"Text ohne Endung", 415, "Dateiformat wird nicht unterstützt"),
        ("pm.rtf", b"{\\rtf1 Text}", 415, "Dateiformat wird nicht unterstützt"),
    ],
)
def test_bad_upload_is_refused_with_a_german_message(filename, data, status, message):
    error = _error(text_from_upload, filename, data, SETTINGS)
    assert error.status == status
    assert message in error.message
    assert "Bitte" in error.message  # every message says what to do


def test_upload_limit_is_configurable():
    data = b"Wort " * 1000
    assert text_from_upload("pm.txt", data, IngestSettings(max_bytes=5000)).kind == "txt"
    assert _error(text_from_upload, "pm.txt", data, IngestSettings(max_bytes=4999)).status == 413


# --- Markdown ------------------------------------------------------------------------------------

MARKDOWN = """\
# Weberei-Nächte feiern 10. Ausgabe
## Vorverkauf startet am 10. März

**Neuenburg an der Wipper, 3. März 2025.** Zum zehnten Mal lädt die *Alte Weberei* ein –
mehr unter [www.alte-weberei.example.de](https://www.alte-weberei.example.de/tickets).
Eingeladen sind alle Bürger*innen und Künstler*innen der Region.

Das Programm im Überblick:
- Fr., 4. April: Lesung mit `Hanna Vogelsang`
* Sa., 5. April: __Kindertheater__
+ So., 6. April: ~~Matinee~~ Jazz

1. Anmeldung
2. Bezahlung

Die Stadt zahlt ab dem
1. Januar 2026 einen Zuschuss.

> „Wir freuen uns“, sagt Annika Drewes.

Über die Alte Weberei
---------------------
Das Kulturzentrum wurde 1994 gegründet.![Logo](logo.png)

***

Pressekontakt: Tobias Klee, <presse@alte-weberei.example.de>
<script>alert("md")</script>
[ref]: https://www.example.de
"""

MARKDOWN_EXPECTED = """\
Weberei-Nächte feiern 10. Ausgabe

Vorverkauf startet am 10. März

Neuenburg an der Wipper, 3. März 2025. Zum zehnten Mal lädt die Alte Weberei ein –
mehr unter www.alte-weberei.example.de.
Eingeladen sind alle Bürger*innen und Künstler*innen der Region.

Das Programm im Überblick:
• Fr., 4. April: Lesung mit Hanna Vogelsang
• Sa., 5. April: Kindertheater
• So., 6. April: Matinee Jazz

• Anmeldung
• Bezahlung

Die Stadt zahlt ab dem
1. Januar 2026 einen Zuschuss.

„Wir freuen uns“, sagt Annika Drewes.

Über die Alte Weberei

Das Kulturzentrum wurde 1994 gegründet.

Pressekontakt: Tobias Klee, presse@alte-weberei.example.de"""


def test_markdown_syntax_is_stripped_and_blocks_kept():
    result = text_from_upload("pm.md", MARKDOWN.encode(), SETTINGS)
    assert result.kind == "md"
    assert result.text == MARKDOWN_EXPECTED


def test_markdown_code_fence_content_is_kept_verbatim():
    data = b"Vorher\n\n```\n*nicht kursiv* [kein](link)\n```\n\nNachher"
    assert (
        text_from_upload("pm.markdown", data, SETTINGS).text
        == "Vorher\n\n*nicht kursiv* [kein](link)\n\nNachher"
    )
