"""Word uploads: paragraphs → blocks, headings their own blocks, lists → "• " lines, broken files refused.

The documents are built with python-docx at test time.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from webapp.ingest import IngestError, IngestSettings, text_from_upload

SETTINGS = IngestSettings()


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_style_spaced_document():
    document = Document()
    document.add_paragraph("Pressemitteilung")
    document.add_heading("Weberei-Nächte feiern 10. Ausgabe", level=1)
    document.add_paragraph("Vorverkauf startet am 10. März", style="Subtitle")
    document.add_paragraph(
        "Neuenburg an der Wipper, 3. März 2025. Zum zehnten Mal lädt die „Alte Weberei“ ein."
    )
    document.add_paragraph("Das Programm im Überblick:")
    document.add_paragraph("Fr., 4. April: Lesung", style="List Bullet")
    document.add_paragraph("Sa., 5. April: Kindertheater", style="List Bullet")
    document.add_paragraph("Tickets kosten 12,50 €.")
    contact = document.add_paragraph("Pressekontakt: Tobias Klee")
    contact.add_run().add_break()
    contact.add_run("Tel.: 03631 246 813 50")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Mo.–Fr."
    table.cell(0, 1).text = "10–18 Uhr"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Sa. geschlossen"
    result = text_from_upload("pm.docx", _save(document), SETTINGS)
    assert result.kind == "docx"
    assert result.text == (
        "Pressemitteilung\n\nWeberei-Nächte feiern 10. Ausgabe\n\nVorverkauf startet am 10. März\n\n"
        "Neuenburg an der Wipper, 3. März 2025. Zum zehnten Mal lädt die „Alte Weberei“ ein.\n\n"
        "Das Programm im Überblick:\n\n• Fr., 4. April: Lesung\n• Sa., 5. April: Kindertheater\n\n"
        "Tickets kosten 12,50 €.\n\nPressekontakt: Tobias Klee\nTel.: 03631 246 813 50\n\n"
        "Mo.–Fr.\n10–18 Uhr\nSa. geschlossen"
    )


def test_document_with_empty_paragraphs_as_separators():
    document = Document()
    for text in [
        "PRESSEINFORMATION",
        "Kulturzentrum Alte Weberei e. V.",
        "",
        "Titel der Meldung",
        "",
        "",
        "Neuenburg, 3. März 2025. Erster Absatz.",
        "",
        "Pressekontakt:",
        "Tobias Klee",
        "Tel.: 03631 246 813 50",
    ]:
        document.add_paragraph(text)
    assert text_from_upload("pm.docx", _save(document), SETTINGS).text == (
        "PRESSEINFORMATION\nKulturzentrum Alte Weberei e. V.\n\nTitel der Meldung\n\n"
        "Neuenburg, 3. März 2025. Erster Absatz.\n\nPressekontakt:\nTobias Klee\nTel.: 03631 246 813 50"
    )


def test_numbered_list_paragraphs_become_items():
    document = Document()
    document.add_paragraph("Einleitung.")
    document.add_paragraph("Schritt eins", style="List Number")
    document.add_paragraph("Schritt zwei", style="List Number")
    assert (
        text_from_upload("pm.docx", _save(document), SETTINGS).text
        == "Einleitung.\n\n• Schritt eins\n• Schritt zwei"
    )


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Das ist nur Text mit der Endung .docx", "kein gültiges Word-Dokument"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "kein gültiges Word-Dokument"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "alten Word-Format (.doc)"),
        (_zip({"hallo.txt": b"kein Word"}), "kein gültiges Word-Dokument"),
        (
            _zip({"word/document.xml": b"<kaputt", "[Content_Types].xml": b"<Types/>"}),
            "kein gültiges Word-Dokument",
        ),
    ],
)
def test_file_that_is_not_a_docx_is_refused(data, message):
    with pytest.raises(IngestError) as info:
        text_from_upload("pm.docx", data, SETTINGS)
    assert info.value.status == 415
    assert message in info.value.message


def test_docx_that_unpacks_too_big_is_refused():
    # 60 MB of zeros compress to a few kB: a zip bomb must not be unpacked.
    bomb = _zip({"word/document.xml": bytes(60_000_000)})
    assert len(bomb) < SETTINGS.max_bytes
    with pytest.raises(IngestError) as info:
        text_from_upload("pm.docx", bomb, SETTINGS)
    assert info.value.status == 413


def test_empty_docx_has_no_text():
    with pytest.raises(IngestError) as info:
        text_from_upload("pm.docx", _save(Document()), SETTINGS)
    assert info.value.status == 422
