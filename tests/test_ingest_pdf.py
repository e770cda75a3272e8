"""PDF uploads: text layer, running headers/footers removed, hyphenation undone, scans refused.

The PDFs are typeset at test time by ``make_pdf``, a minimal PDF writer (Helvetica with
WinAnsiEncoding, one text line per ``T*``), so the fixtures need no extra package.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.pdf_writer import IMAGE_PAGE, make_pdf
from webapp.ingest import IngestError, IngestSettings, text_from_upload

CORPUS = Path(__file__).parent / "data" / "corpus"
SETTINGS = IngestSettings()


def _flatten(text: str) -> list[str]:
    """The corpus README's normalisation: hyphenated line breaks joined, lines of a block joined."""
    text = re.sub(r"(?<=[A-Za-zÄÖÜäöüß])-\n(?=[a-zäöüß])", "", text)
    return [" ".join(block.split("\n")) for block in text.split("\n\n")]


RELEASE_05 = (CORPUS / "05-foerderprogramm-qualifizierung.txt").read_text(encoding="utf-8").rstrip("\n")
HEADER = "Pressemitteilung 031/2025 – Ministerium für Arbeit, Qualifizierung und Fachkräftesicherung"


def _two_page_release() -> bytes:
    lines = RELEASE_05.split("\n")
    # Page 1 ends inside a paragraph, on "Jahres-": the word continues on page 2 ("umsatz").
    split = next(i for i, line in enumerate(lines) if line.endswith("einen Jahres-")) + 1
    return make_pdf(
        [
            [HEADER, "", *lines[:split], "", "Seite 1 von 2"],
            [HEADER, "", *lines[split:], "", "Seite 2 von 2"],
        ]
    )


def test_two_page_release_matches_the_corpus_text():
    result = text_from_upload("pm.pdf", _two_page_release(), SETTINGS)
    assert result.kind == "pdf"
    assert _flatten(result.text) == _flatten(RELEASE_05)


def test_running_header_and_page_numbers_are_removed():
    text = text_from_upload("pm.pdf", _two_page_release(), SETTINGS).text
    assert HEADER not in text
    assert "Seite" not in text
    assert text.startswith("Ministerium für Arbeit, Qualifizierung und Fachkräftesicherung\nPressestelle\n\n")


def test_hyphenated_words_are_joined_also_across_pages():
    text = text_from_upload("pm.pdf", _two_page_release(), SETTINGS).text
    for word in [
        "systematische Qualifizierung.",
        "im Bereich digitaler",
        "Jahresumsatz",
        "Landeshaushaltsordnung",
    ]:
        assert word in text
    assert "Qualifi-" not in text
    assert "De-minimis-Verordnung" in text  # a hyphen inside a line stays


@pytest.mark.parametrize(
    "footer", ["- 2 -", "– 2 –", "Seite 2", "Seite 2 von 3", "2 / 3", "2", "Page 2 of 3"]
)
def test_page_number_lines_are_removed(footer):
    pages = [
        ["Titel der Meldung", "", "Erster Absatz."],
        ["Zweiter Absatz.", "", footer],
        ["Dritter Absatz."],
    ]
    text = text_from_upload("pm.pdf", make_pdf(pages), SETTINGS).text
    assert text == "Titel der Meldung\n\nErster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz."


def test_real_hyphens_before_conjunctions_and_capitals_stay():
    lines = [
        "Die Ein-",
        "und Ausfahrt bleibt frei. Presse-",
        "und Öffentlichkeitsarbeit, KMU-",
        "Definition.",
    ]
    text = text_from_upload("pm.pdf", make_pdf([lines]), SETTINGS).text
    assert text == "Die Ein-\nund Ausfahrt bleibt frei. Presse-\nund Öffentlichkeitsarbeit, KMU-\nDefinition."


def test_text_repeated_in_the_body_is_kept():
    # Only lines at the top or bottom of pages can be running headers.
    middle = [
        "Absatz eins,",
        "Zeile zwei,",
        "Zeile drei.",
        "",
        "Weitere Informationen folgen.",
        "",
        "Absatz zwei,",
    ]
    pages = [
        ["Titel", "", *middle, "Ende.", "", "Schluss eins."],
        ["Anfang zwei.", "", *middle, "Ende.", "", "Schluss."],
    ]
    text = text_from_upload("pm.pdf", make_pdf(pages), SETTINGS).text
    assert text.count("Weitere Informationen folgen.") == 2


def test_image_only_pdf_is_refused_with_a_clear_message():
    with pytest.raises(IngestError) as info:
        text_from_upload("scan.pdf", make_pdf([IMAGE_PAGE, IMAGE_PAGE]), SETTINGS)
    assert info.value.status == 422
    assert info.value.message.startswith("Das PDF enthält keinen Text (vermutlich ein eingescanntes Bild)")


@pytest.mark.parametrize(
    "data", [b"Das ist kein PDF.", _two_page_release()[:300], b"%PDF-1.4\n" + bytes(range(256)) * 8]
)
def test_broken_pdf_is_refused(data):
    with pytest.raises(IngestError) as info:
        text_from_upload("pm.pdf", data, SETTINGS)
    assert info.value.status == 415
    assert "kein gültiges PDF" in info.value.message


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Geheime Meldung."]]))))
    writer.encrypt(user_password=user_password, owner_password="eigentuemer", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf_is_refused():
    with pytest.raises(IngestError) as info:
        text_from_upload("pm.pdf", _encrypted("geheim"), SETTINGS)
    assert info.value.status == 422
    assert "Passwort" in info.value.message


def test_pdf_with_only_an_owner_password_is_read():
    assert text_from_upload("pm.pdf", _encrypted(""), SETTINGS).text == "Geheime Meldung."
