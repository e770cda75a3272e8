"""Adding releases through the editor pages, and the bad inputs of issue 2."""

from __future__ import annotations

import io
import re

from sqlalchemy import func, select

from tests.conftest import corpus_text
from webapp.db import db
from webapp.models import ReleaseRecord

RELEASE = corpus_text("04-polizei-wohnungsbrand")


def count_releases(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(ReleaseRecord.id)))


def post_text(client, text: str, **extra):
    return client.post("/redaktion/neu", data={"text": text, **extra})


def test_pasted_release_is_stored_and_shown_structured(app, editor_client) -> None:
    response = post_text(editor_client, RELEASE)
    assert response.status_code == 303
    page = editor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Wohnungsbrand an der Dr.-Ernst-Wiegand-Straße" in page
    with app.app_context():
        record = db.session.scalars(select(ReleaseRecord)).one()
        assert record.state == "draft"
        assert record.data["place"] == "Hallerstedt"
        assert record.data["date"] == "2025-03-05"
        assert record.data["contact"]["phone"] == "05741 456 789 10"
        slug = record.slug
    public = editor_client.get(f"/releases/{slug}").get_data(as_text=True)
    assert '<html lang="de">' in public
    assert "<h1>POL-HST: Wohnungsbrand" in public
    assert "Zum Inhalt springen" in public
    assert "<address>" in public and "pressestelle.hallerstedt@polizei.example.de" in public
    assert '<time datetime="2025-03-05">5. März 2025</time>' in public


def test_anonymous_visitors_see_published_releases_only(app, client, auth) -> None:
    auth.login()
    post_text(client, RELEASE)
    with app.app_context():
        slug = db.session.scalars(select(ReleaseRecord.slug)).one()
    client.post("/logout")
    assert client.get(f"/releases/{slug}").status_code == 404
    assert slug not in client.get("/").get_data(as_text=True)
    auth.login()
    with app.app_context():
        release_id = db.session.scalars(select(ReleaseRecord.id)).one()
    assert client.post(f"/redaktion/pm/{release_id}/status", data={"state": "published"}).status_code == 303
    client.post("/logout")
    assert client.get(f"/releases/{slug}").status_code == 200
    assert slug in client.get("/").get_data(as_text=True)


def test_publish_right_away(app, editor_client) -> None:
    post_text(editor_client, RELEASE, publish="y")
    with app.app_context():
        record = db.session.scalars(select(ReleaseRecord)).one()
        assert record.state == "published" and record.published_at is not None


def test_upload_windows_1252_text(app, editor_client) -> None:
    data = RELEASE.encode("cp1252")
    response = editor_client.post(
        "/redaktion/neu", data={"upload": (io.BytesIO(data), "pm.txt")}, content_type="multipart/form-data"
    )
    assert response.status_code == 303
    with app.app_context():
        record = db.session.scalars(select(ReleaseRecord)).one()
        assert "„Dass die Nachbarn" in record.raw_text
        assert record.source_kind == "txt"


def test_empty_input_is_refused_with_a_message(app, editor_client) -> None:
    for text in ["", "   \n\t  "]:
        response = post_text(editor_client, text)
        assert response.status_code == 400
        assert "Der Text ist leer" in response.get_data(as_text=True)
    assert count_releases(app) == 0


def test_two_sources_at_once_are_refused(app, editor_client) -> None:
    response = post_text(editor_client, RELEASE, url="https://example.org/pm")
    assert response.status_code == 400
    assert "genau einen Weg" in response.get_data(as_text=True)


def test_too_large_text_is_refused_with_413(make_app) -> None:
    app = make_app(WTF_CSRF_ENABLED=False, MAX_TEXT_BYTES=100_000)
    client = app.test_client()
    from webapp.auth import create_user

    with app.app_context():
        create_user("editor", "korrekt-pferd-batterie")
    client.post("/login", data={"username": "editor", "password": "korrekt-pferd-batterie"})
    big = "Ein Satz über den Haushalt. " * 5_000  # about 140 kB
    response = post_text(client, big)
    assert response.status_code == 413
    assert "größer" in response.get_data(as_text=True)
    huge = "x" * 5_000_000  # 5 MB: refused by the request size limit, same German page
    response = post_text(client, huge)
    assert response.status_code == 413
    assert "zu groß" in response.get_data(as_text=True).lower()


def test_binary_file_renamed_txt_is_refused(app, editor_client) -> None:
    binary = bytes(range(256)) * 40
    response = editor_client.post(
        "/redaktion/neu", data={"upload": (io.BytesIO(binary), "pm.txt")}, content_type="multipart/form-data"
    )
    assert response.status_code == 415
    assert "keine Textdatei" in response.get_data(as_text=True)
    assert count_releases(app) == 0


def test_docx_that_is_not_a_zip_is_refused(app, editor_client) -> None:
    response = editor_client.post(
        "/redaktion/neu",
        data={"upload": (io.BytesIO(b"Das ist kein Word-Dokument."), "pm.docx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 415
    assert count_releases(app) == 0


def test_hostile_html_stores_and_shows_nothing_executable(app, editor_client) -> None:
    html = (
        "<html><body onload=\"alert(1)\"><script>alert('x')</script>"
        "<h1>Neue Radwege <img src=x onerror=alert(2)> für Lindenhagen</h1>"
        "<p>Lindenhagen, 3. März 2025. Die Stadt baut neue Radwege. "
        '<a href="javascript:alert(3)">Mehr</a></p></body></html>'
    )
    response = editor_client.post(
        "/redaktion/neu",
        data={"upload": (io.BytesIO(html.encode()), "pm.html")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    with app.app_context():
        record = db.session.scalars(select(ReleaseRecord)).one()
        stored = str(record.data) + record.raw_text
        slug = record.slug
    for bad in ["<script", "alert(", "onload", "onerror", "javascript:"]:
        assert bad not in stored
    page = editor_client.get(f"/releases/{slug}").get_data(as_text=True)
    scripts = re.findall(r"<script[^>]*>", page)
    assert all('src="/static/' in tag for tag in scripts), scripts  # only our own script files
    assert "alert(" not in page and "javascript:" not in page and "onerror" not in page


def test_english_text_is_accepted_and_flagged(app, editor_client) -> None:
    english = (
        "City opens new library\n\n"
        "Springfield, 3 March 2025. The city council has opened a new public library in the town centre. "
        "It will be open every day from nine in the morning and the staff are looking forward to your visit."
    )
    response = post_text(editor_client, english)
    assert response.status_code == 303
    page = editor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "nicht Deutsch" in page
    with app.app_context():
        assert db.session.scalars(select(ReleaseRecord.language)).one() == "en"


def test_bad_input_never_loses_stored_releases(app, editor_client) -> None:
    post_text(editor_client, RELEASE)
    post_text(editor_client, "")
    editor_client.post(
        "/redaktion/neu",
        data={"upload": (io.BytesIO(b"\x00\x01\x02" * 100), "x.txt")},
        content_type="multipart/form-data",
    )
    editor_client.post("/redaktion/neu", data={"url": "http://127.0.0.1:9/pm"})
    assert count_releases(app) == 1


def test_private_url_is_refused(app, editor_client) -> None:
    for url in ["http://127.0.0.1/pm", "http://10.0.0.1/pm", "http://169.254.169.254/latest/meta-data/"]:
        response = editor_client.post("/redaktion/neu", data={"url": url})
        assert response.status_code == 400, url
        assert "nicht erlaubt" in response.get_data(as_text=True)
    assert count_releases(app) == 0


def test_editor_list_shows_state(app, editor_client) -> None:
    post_text(editor_client, RELEASE)
    page = editor_client.get("/redaktion/").get_data(as_text=True)
    assert "Wohnungsbrand" in page and "Entwurf" in page
