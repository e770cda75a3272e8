"""End to end: a release ingested from each format parses into the corpus structure.

Ingestion is judged by what the parser makes of its output: every format of the same release
must give the fields of the corpus JSON.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document

from simplify.release import parse_release
from tests.test_ingest_pdf import _two_page_release
from webapp.ingest import IngestSettings, text_from_upload

DATA = Path(__file__).parent / "data"
SETTINGS = IngestSettings()
FIELDS = (
    "title",
    "subtitle",
    "date",
    "place",
    "lead",
    "body",
    "caption",
    "photo_credit",
    "boilerplate",
    "contact",
)


def _expected(name: str) -> dict:
    data = json.loads((DATA / "corpus" / f"{name}.json").read_text(encoding="utf-8"))
    return {key: data[key] for key in FIELDS}


def _docx(corpus_text: str) -> bytes:
    """The release typed in Word the Enter-twice way: one paragraph per line, empty ones between blocks."""
    document = Document()
    for line in corpus_text.rstrip("\n").split("\n"):
        if line.startswith("• "):
            document.add_paragraph(line.removeprefix("• "), style="List Bullet")
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


RELEASE_08 = (DATA / "corpus" / "08-kultur-webereinaechte.txt").read_text(encoding="utf-8")

CASES = {
    "html-export": (
        "08-kultur-webereinaechte",
        "pm.html",
        (DATA / "ingest" / "release-08.html").read_bytes(),
    ),
    "newsroom-page": (
        "08-kultur-webereinaechte",
        "pm.html",
        (DATA / "ingest" / "newsroom-page.html").read_bytes(),
    ),
    "txt-cp1252": ("08-kultur-webereinaechte", "pm.txt", RELEASE_08.replace("\n", "\r\n").encode("cp1252")),
    "docx": ("08-kultur-webereinaechte", "pm.docx", _docx(RELEASE_08)),
    "pdf-two-pages": ("05-foerderprogramm-qualifizierung", "pm.pdf", _two_page_release()),
}


@pytest.mark.parametrize("case", CASES)
def test_ingested_release_parses_into_the_corpus_structure(case):
    name, filename, data = CASES[case]
    release = parse_release(text_from_upload(filename, data, SETTINGS).text).to_dict()
    assert {key: release[key] for key in FIELDS} == _expected(name)
