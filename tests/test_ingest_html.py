"""HTML uploads: the release found on a page, page furniture dropped, nothing executable kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from webapp.ingest import IngestError, IngestSettings, text_from_upload

DATA = Path(__file__).parent / "data" / "ingest"
SETTINGS = IngestSettings()


def _html(name: str) -> bytes:
    return (DATA / f"{name}.html").read_bytes()


def _expected(name: str) -> str:
    return (DATA / f"{name}.expected.txt").read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize("name", ["release-08", "newsroom-page", "hostile"])
def test_html_fixture_gives_expected_text(name):
    result = text_from_upload(f"{name}.html", _html(name), SETTINGS)
    assert result.kind == "html"
    assert result.text == _expected(name)


def test_simple_release_html_has_the_corpus_blocks():
    # The CMS export differs from the corpus text only where HTML has its own blocks: the
    # subtitle (<h2>), the list after its intro line, and the "Über …" heading (<h3>).
    corpus = (
        (DATA.parent / "corpus" / "08-kultur-webereinaechte.txt").read_text(encoding="utf-8").rstrip("\n")
    )
    text = text_from_upload("pm.html", _html("release-08"), SETTINGS).text
    assert text.replace("\n\n", "\n") == corpus.replace("\n\n", "\n")


def test_newsroom_page_yields_only_the_release():
    text = text_from_upload("seite.htm", _html("newsroom-page"), SETTINGS).text
    for furniture in [
        "Cookies",
        "Alle akzeptieren",
        "Hauptmenü",
        "Programm\n",
        "Zum Inhalt springen",
        "Weitere Pressemitteilungen",
        "Sommerkino",
        "41.000 Gäste",
        "Pressearchiv",
        "Newsletter",
        "Vorschau-Text",
        "Impressum",
        "Teilen",
        "dataLayer",
        "NewsArticle",
        "Start",
    ]:
        assert furniture not in text, furniture
    assert text.startswith("PRESSEINFORMATION\nKulturzentrum Alte Weberei e. V.")
    assert "\nKleinkunstfestival „Weberei-Nächte“ feiert 10. Ausgabe mit Lesung, Jazz und Kabarett\n" in text
    assert text.endswith(
        "Die Jazz-Matinee mit dem Trio Nachtblau war bereits im vergangenen Jahr ausverkauft."
    )


def test_hostile_html_keeps_no_executable_content():
    text = text_from_upload("boese.html", _html("hostile"), SETTINGS).text
    assert (
        re.search(r"(?i)javascript:|vbscript:|alert|onload|onclick|onerror|<script|document\.cookie", text)
        is None
    )
    for dropped in [
        "im Kommentar",
        "iframe-Inhalt",
        "object-Inhalt",
        "Vorlage",
        "aktivieren Sie",
        "SVG-Text",
        "Eingabe",
    ]:
        assert dropped not in text, dropped
    assert "Beispielhausen, 20. Juni 2025. Das Bürgerbüro im Rathaus hat ab dem 1. Juli" in text
    assert "Termin buchen" in text  # link text stays, link target goes


def test_release_in_article_body_gets_the_page_headline():
    page = """<html><body><h1>Stadt öffnet neues Bad</h1><p class="date">3. März 2025</p>
    <div itemprop="articleBody"><p>Lindenhagen, 3. März 2025. Das Bad ist ab heute geöffnet und bietet
    ein Becken mit 25 Metern.</p><p>Der Eintritt kostet 4 Euro.</p></div>
    <div class="sidebar-box"><p>Kurz notiert</p></div></body></html>"""
    text = text_from_upload("pm.html", page.encode(), SETTINGS).text
    assert text == (
        "Stadt öffnet neues Bad\n\nLindenhagen, 3. März 2025. Das Bad ist ab heute geöffnet und bietet "
        "ein Becken mit 25 Metern.\n\nDer Eintritt kostet 4 Euro."
    )


def test_teaser_article_is_not_taken_for_the_release():
    # Only a small teaser is an <article>; the release itself sits in plain <div>s.
    paragraphs = "".join(
        f"<p>Absatz {i} der Meldung mit genug Text, um die Seite zu füllen.</p>" for i in range(8)
    )
    page = f"""<html><body><div id="content"><h1>Titel der Meldung</h1>{paragraphs}</div>
    <div class="more"><article><p>Andere Meldung</p></article></div></body></html>"""
    text = text_from_upload("pm.html", page.encode(), SETTINGS).text
    assert text.startswith("Titel der Meldung\n\nAbsatz 0")
    assert "Andere Meldung" not in text


def test_cookie_class_on_body_does_not_drop_the_page():
    page = '<html><body class="cookie-consent-open"><h1>Titel</h1><p>Text der Meldung.</p></body></html>'
    assert text_from_upload("pm.html", page.encode(), SETTINGS).text == "Titel\n\nText der Meldung."


def test_lists_breaks_tables_and_pre():
    # <pre> keeps its line breaks; indentation goes like everywhere else.
    page = """<html><body><h1>Titel</h1><p>Zeile eins<br>Zeile zwei</p>
    <ol><li><p>Punkt eins</p></li><li>Punkt <b>zwei</b></li><li></li></ol>
    <table><tr><th>Tag</th><th>Uhrzeit</th></tr><tr><td>Mo.</td><td>9 Uhr</td></tr></table>
    <pre>  eingerückt
  bleibt</pre></body></html>"""
    text = text_from_upload("pm.html", page.encode(), SETTINGS).text
    assert text == (
        "Titel\n\nZeile eins\nZeile zwei\n\n• Punkt eins\n• Punkt zwei\n\nTag Uhrzeit\nMo. 9 Uhr\n\n"
        "eingerückt\nbleibt"
    )


XHTML = b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><p>Gr\xc3\xbc\xc3\x9fe</p></html>'


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("<p>„Grüße“ für 5 €</p>".encode("cp1252"), "„Grüße“ für 5 €"),  # no declaration: .txt rules
        ('<meta charset="iso-8859-1"><p>\x84Grüße\x93</p>'.encode("latin-1"), "„Grüße“"),  # as browsers do
        ('<meta charset="utf-8"><p>„Grüße“</p>'.encode(), "„Grüße“"),
        (b"\xef\xbb\xbf<p>\xe2\x80\x9eGr\xc3\xbc\xc3\x9fe\xe2\x80\x9c</p>", "„Grüße“"),
        (XHTML, "Grüße"),
    ],
)  # fmt: skip
def test_html_encodings(data, expected):
    assert text_from_upload("pm.html", data, SETTINGS).text == expected


def test_html_without_tags_is_plain_text():
    assert text_from_upload("pm.html", b"https://www.example.de", SETTINGS).text == "https://www.example.de"


def test_html_with_only_scripts_has_no_text():
    with pytest.raises(IngestError) as info:
        text_from_upload(
            "pm.html", "<html><script>alert(1)</script><nav>Menü</nav></html>".encode(), SETTINGS
        )
    assert info.value.status == 422


def test_deeply_nested_page_does_not_exhaust_the_stack():
    page = "<div>" * 5000 + "<p>Tief verschachtelt.</p>" + "</div>" * 5000
    assert text_from_upload("pm.html", page.encode(), SETTINGS).text == "Tief verschachtelt."


def test_valid_utf8_wins_over_a_wrong_declaration():
    page = '<meta charset="iso-8859-1"><p>„Grüße“ aus Köln</p>'.encode()
    assert text_from_upload("pm.html", page, SETTINGS).text == "„Grüße“ aus Köln"


def test_binary_file_renamed_html_is_refused():
    with pytest.raises(IngestError) as info:
        text_from_upload("bild.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), SETTINGS)
    assert info.value.status == 415
