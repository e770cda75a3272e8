"""The editor's review of the plain version: edit, re-check, revisions, restore, checked mark."""

from __future__ import annotations

from sqlalchemy import select

from tests.conftest import corpus_text
from webapp import jobs
from webapp.db import db
from webapp.models import Job, ReleaseRecord, Revision
from webapp.review import ReviewError, form_values, parse_form


def _ready_release(app, client) -> int:
    client.post("/redaktion/neu", data={"text": corpus_text("07-hitzetelefon-kaltenbrunn"), "publish": "y"})
    jobs.run_pending(app)
    with app.app_context():
        record = db.session.scalars(select(ReleaseRecord)).one()
        assert record.plain is not None
        return record.id


def test_form_round_trip_keeps_the_plain_version() -> None:
    plain = {
        "summary": [
            {"text": "Die Stadt hilft bei Hitze.", "source_indices": [2], "steps": [], "is_list_item": False}
        ],
        "sections": [
            {
                "heading": "Das Hitze·telefon",
                "sentences": [
                    {
                        "text": "Sie können anrufen.",
                        "source_indices": [3],
                        "steps": [],
                        "is_list_item": False,
                    },
                    {"text": "Montag bis Freitag.", "source_indices": [4], "steps": [], "is_list_item": True},
                ],
            }
        ],
        "glossary": [{"word": "Hitze·telefon", "explanation": "Eine Telefon·nummer für Hilfe bei Hitze."}],
    }
    values = form_values(plain)
    assert values["text"] == "Das Hitze·telefon\nSie können anrufen.\n• Montag bis Freitag."
    again = parse_form(plain, **values)
    assert again["summary"] == plain["summary"] and again["sections"] == plain["sections"]
    assert again["glossary"] == plain["glossary"] and again["edited"] is True


def test_changed_sentence_loses_its_source_but_unchanged_ones_keep_it() -> None:
    plain = {
        "summary": [{"text": "A kommt.", "source_indices": [0], "steps": [], "is_list_item": False}],
        "sections": [
            {
                "heading": "H",
                "sentences": [{"text": "B geht.", "source_indices": [1], "steps": [], "is_list_item": False}],
            }
        ],
        "glossary": [],
    }
    new = parse_form(plain, "A kommt.", "H\nB geht.\nC bleibt.", "")
    assert [s["source_indices"] for s in new["sections"][0]["sentences"]] == [[1], []]


def test_bad_edits_get_clear_messages() -> None:
    plain = {"summary": [], "sections": [], "glossary": []}
    for summary, text, glossary, expected in [
        ("", "H\nSatz.", "", "Das Wichtigste in Kürze"),
        ("Satz.", "", "", "ist leer"),
        ("Satz.", "Nur Überschrift", "", "nur eine Überschrift"),
        ("Satz.", "H\nSatz.", "Wort ohne Erklärung", "Wort: Erklärung"),
    ]:
        try:
            parse_form(plain, summary, text, glossary)
        except ReviewError as exc:
            assert expected in str(exc)
        else:
            raise AssertionError(f"no error for {summary!r} {text!r} {glossary!r}")


def test_editing_saves_a_revision_rechecks_and_can_be_restored(app, editor_client) -> None:
    release_id = _ready_release(app, editor_client)
    page = editor_client.get(f"/redaktion/pm/{release_id}/leichte-sprache").get_data(as_text=True)
    assert "Das Wichtigste in Kürze (ein Satz pro Zeile)" in page
    with app.app_context():
        old = db.session.get(ReleaseRecord, release_id).plain
    values = form_values(old)
    values["summary"] += (
        "\nDas Hitze·telefon hilft älteren Menschen, weil es im Sommer sehr heiß werden könnte."
    )
    response = editor_client.post(f"/redaktion/pm/{release_id}/leichte-sprache", data=values)
    assert response.status_code == 303
    with app.app_context():
        record = db.session.get(ReleaseRecord, release_id)
        assert record.plain_edited and record.plain["summary"][-1]["source_indices"] == []
        assert db.session.scalars(select(Job).where(Job.kind == "simplify", Job.status == "queued")).one()
    jobs.run_pending(app)
    with app.app_context():
        record = db.session.get(ReleaseRecord, release_id)
        # the re-check found the subordinate clause or the subjunctive of the editor's new sentence
        edited = record.plain["text"]
        last_line_start = values["summary"].rindex("\n") + 1
        assert any(c["start"] >= last_line_start - 1 for c in record.plain["summary_checks"])
        assert record.plain["readability"]["counts"]["sentences"] >= 1
        revision = db.session.scalars(select(Revision)).one()
        assert revision.data == old and revision.note == "Vor der Bearbeitung"
        assert edited == old["text"]  # only the summary changed
    editor_page = editor_client.get(f"/redaktion/pm/{release_id}").get_data(as_text=True)
    assert "Von der Redaktion bearbeitet." in editor_page and "Diese Fassung wiederherstellen" in editor_page
    response = editor_client.post(f"/redaktion/pm/{release_id}/fassungen/{revision.id}/wiederherstellen")
    assert response.status_code == 303
    with app.app_context():
        record = db.session.get(ReleaseRecord, release_id)
        assert record.plain["summary"] == old["summary"] and not record.plain_edited
        assert len(db.session.scalars(select(Revision)).all()) == 2


def test_unchanged_save_stores_nothing(app, editor_client) -> None:
    release_id = _ready_release(app, editor_client)
    with app.app_context():
        values = form_values(db.session.get(ReleaseRecord, release_id).plain)
    response = editor_client.post(f"/redaktion/pm/{release_id}/leichte-sprache", data=values)
    assert response.status_code == 303
    with app.app_context():
        assert db.session.scalars(select(Revision)).all() == []


def test_invalid_edit_keeps_the_stored_version(app, editor_client) -> None:
    release_id = _ready_release(app, editor_client)
    with app.app_context():
        old = db.session.get(ReleaseRecord, release_id).plain
    response = editor_client.post(
        f"/redaktion/pm/{release_id}/leichte-sprache", data={"summary": "", "text": "", "glossary": ""}
    )
    assert response.status_code == 422
    assert "Das Wichtigste in Kürze“ ist leer" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(ReleaseRecord, release_id).plain == old


def test_marking_as_checked_records_who_and_when_and_shows_it(app, editor_client) -> None:
    release_id = _ready_release(app, editor_client)
    assert editor_client.post(f"/redaktion/pm/{release_id}/geprueft").status_code == 303
    with app.app_context():
        record = db.session.get(ReleaseRecord, release_id)
        assert record.plain_checked_by.username == "editor" and record.plain_checked_at is not None
        slug = record.slug
    page = editor_client.get(f"/releases/{slug}").get_data(as_text=True)
    assert "Geprüft von Prüflesenden (vermerkt von editor am" in page
    assert "nicht von Prüflesenden geprüft" not in page


def test_editor_sees_rule_findings_inline(app, editor_client) -> None:
    release_id = _ready_release(app, editor_client)
    page = editor_client.get(f"/redaktion/pm/{release_id}").get_data(as_text=True)
    assert "Text mit Regel-Hinweisen" in page
    assert (
        '<mark class="hard">' in page and 'href="#hinweis-text-1"' in page
    ) or "hat hier nichts gefunden" in page


def test_state_changes_are_kept_as_revisions(app, editor_client) -> None:
    release_id = _ready_release(app, editor_client)
    editor_client.post(f"/redaktion/pm/{release_id}/status", data={"state": "unpublished"})
    with app.app_context():
        revision = db.session.scalars(select(Revision).where(Revision.field == "state")).one()
        assert (
            revision.data == {"from": "published", "to": "unpublished"} and revision.user.username == "editor"
        )
    page = editor_client.get(f"/redaktion/pm/{release_id}").get_data(as_text=True)
    assert "Status: Veröffentlicht → Zurückgezogen" in page
