"""Pipeline jobs after ingestion, through the app: readability stored and shown on the pages."""

from __future__ import annotations

import re

from sqlalchemy import select

from tests.conftest import corpus_text
from webapp import jobs
from webapp.db import db
from webapp.models import Job, ReleaseRecord


def add(client, name: str, publish: bool = True) -> str:
    data = {"text": corpus_text(name)}
    if publish:
        data["publish"] = "y"
    response = client.post("/redaktion/neu", data=data)
    assert response.status_code == 303
    return response.headers["Location"]


def test_ingest_queues_analysis_and_the_job_stores_readability(app, editor_client) -> None:
    add(editor_client, "02-innovationsforum-seltental")
    with app.app_context():
        assert [j.kind for j in db.session.scalars(select(Job))] == jobs_after_ingest()
    jobs.run_pending(app)
    with app.app_context():
        record = db.session.scalars(select(ReleaseRecord)).one()
        flesch = record.readability["scores"]["flesch_amstad"]
        assert flesch["value"] is not None and flesch["band"] in {"sehr schwer", "schwer", "mittelschwer"}
        assert all(j.status == "done" for j in record.jobs), [(j.kind, j.error) for j in record.jobs]
        slug = record.slug
    page = editor_client.get(f"/releases/{slug}").get_data(as_text=True)
    assert "Wie schwer ist dieser Text?" in page
    assert f"Das Original ist <strong>{flesch['band']}</strong>" in page
    # hard sentences are marked in the text and their reasons are reachable through a numbered link
    marks = re.findall(r'<mark class="hard" id="satz-(\d+)"', page)
    assert marks, "no hard sentence marked"
    assert 'href="#grund-1" id="zu-grund-1" aria-label="Warum schwer? Hinweis 1"' in page
    assert '<li id="grund-1">' in page and 'href="#zu-grund-1"' in page
    assert "Langer Satz" in page
    # the scale picture has a text equivalent
    assert (
        'aria-labelledby="skala-text"' in page and "Skala von sehr schwer (0) bis sehr leicht (100)" in page
    )


def jobs_after_ingest() -> list[str]:
    from webapp.releases import AFTER_INGEST

    return list(AFTER_INGEST)


def test_failed_job_is_shown_to_the_editor(app, editor_client) -> None:
    english = (
        "City opens new library\n\nSpringfield, 3 March 2025. The city council has opened a new public "
        "library in the town centre. It is open every day and the staff are looking forward to your visit."
    )
    location = editor_client.post("/redaktion/neu", data={"text": english}).headers["Location"]
    jobs.run_pending(app)
    with app.app_context():
        job = db.session.scalars(select(Job).where(Job.kind == "analyze")).one()
        assert job.status == "failed" and "nicht auf Deutsch" in job.error
    page = editor_client.get(location).get_data(as_text=True)
    assert "fehlgeschlagen" in page and "nicht auf Deutsch" in page


def test_simplify_job_stores_the_plain_version_and_the_page_shows_it(app, editor_client) -> None:
    add(editor_client, "04-polizei-wohnungsbrand")
    jobs.run_pending(app)
    with app.app_context():
        record = db.session.scalars(select(ReleaseRecord)).one()
        assert record.plain is not None, [(j.kind, j.error) for j in record.jobs]
        explained = [
            line["text"]
            for section in record.plain["sections"]
            for line in section["sentences"]
            if line["steps"] and line["steps"][-1]["rule_id"] in ("wort-erklaeren", "abkuerzung-erklaeren")
        ]
        plain_flesch = record.plain["readability"]["scores"]["flesch_amstad"]["value"]
        original_flesch = record.readability["scores"]["flesch_amstad"]["value"]
        assert plain_flesch > original_flesch
        slug = record.slug
    page = editor_client.get(f"/releases/{slug}").get_data(as_text=True)
    assert "Automatisch vereinfacht – nicht von Prüflesenden geprüft" in page
    assert '<h3 id="kurz-titel">Das Wichtigste in Kürze</h3>' in page
    assert "Die Pressemitteilung in Leichter Sprache" in page
    assert '<h3 id="woerterbuch-titel">Wörterbuch</h3>' in page and "<dt>Drehleiter</dt>" in page
    # hard words explained where they first occur are set off from the text
    assert explained and page.count('<p class="ls-erklaerung">') == len(explained)
    assert "Die Nachricht ist vom 5. März 2025 aus Hallerstedt." in page
    # both versions sit on the readability scale
    assert "Die Fassung in Leichter Sprache ist <strong>" in page


def test_english_release_gets_no_plain_version(app, editor_client) -> None:
    english = (
        "City opens new library\n\nSpringfield, 3 March 2025. The city council has opened a new public "
        "library in the town centre. It is open every day and the staff are looking forward to your visit."
    )
    location = editor_client.post("/redaktion/neu", data={"text": english, "publish": "y"}).headers[
        "Location"
    ]
    jobs.run_pending(app)
    with app.app_context():
        job = db.session.scalars(select(Job).where(Job.kind == "simplify")).one()
        assert job.status == "failed" and "Englisch" in job.error
        slug = db.session.scalars(select(ReleaseRecord.slug)).one()
    assert "nicht auf Deutsch" in editor_client.get(location).get_data(as_text=True)
    assert "keine Fassung in Leichter Sprache" in editor_client.get(f"/releases/{slug}").get_data(
        as_text=True
    )
