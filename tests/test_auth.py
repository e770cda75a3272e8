"""Editors: log-in, hashed passwords, CSRF, rate limit, access rules."""

from __future__ import annotations

import re

import pytest

from tests.conftest import EDITOR_PASSWORD
from webapp.db import db
from webapp.models import User


def test_password_is_stored_hashed(app, auth) -> None:
    with app.app_context():
        user = db.session.query(User).filter_by(username="editor").one()
        assert EDITOR_PASSWORD not in user.password_hash
        assert user.check_password(EDITOR_PASSWORD)
        assert not user.check_password("falsch-falsch")


def test_login_and_logout(client, auth) -> None:
    assert client.get("/redaktion/").status_code == 302
    response = auth.login()
    assert response.status_code == 302 and response.headers["Location"].endswith("/redaktion/")
    assert client.get("/redaktion/").status_code == 200
    assert client.post("/logout").status_code == 302
    assert client.get("/redaktion/").status_code == 302


def test_wrong_password_shows_german_message(client, auth) -> None:
    response = auth.login(password="falsches-passwort")
    assert response.status_code == 401
    assert "Benutzername oder Passwort ist falsch" in response.get_data(as_text=True)


def test_five_wrong_passwords_are_rate_limited(client, auth) -> None:
    for _ in range(5):
        assert auth.login(password="falsches-passwort").status_code == 401
    response = auth.login(password="falsches-passwort")
    assert response.status_code == 429
    assert "Es gab zu viele Versuche" in response.get_data(as_text=True)
    # even the right password waits now
    assert auth.login().status_code == 429


def test_successful_logins_do_not_count_towards_the_limit(client, auth) -> None:
    for _ in range(7):
        assert auth.login().status_code == 302
        client.post("/logout")


def test_login_redirect_ignores_foreign_targets(client, auth) -> None:
    response = client.post(
        "/login?next=//evil.example/x", data={"username": "editor", "password": EDITOR_PASSWORD}
    )
    assert response.headers["Location"].endswith("/redaktion/")


@pytest.fixture
def csrf_app(make_app):
    return make_app()  # CSRF protection on, as in production


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert match, "form without CSRF token"
    return match.group(1)


def test_csrf_is_required_on_login(csrf_app) -> None:
    from webapp.auth import create_user

    with csrf_app.app_context():
        create_user("editor", EDITOR_PASSWORD)
    client = csrf_app.test_client()
    response = client.post("/login", data={"username": "editor", "password": EDITOR_PASSWORD})
    assert response.status_code == 400
    assert "Formular ist abgelaufen" in response.get_data(as_text=True)
    token = _token(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login", data={"username": "editor", "password": EDITOR_PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


def test_csrf_is_required_on_editor_forms(csrf_app) -> None:
    from webapp.auth import create_user

    with csrf_app.app_context():
        create_user("editor", EDITOR_PASSWORD)
    client = csrf_app.test_client()
    token = _token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"username": "editor", "password": EDITOR_PASSWORD, "csrf_token": token})
    assert client.post("/redaktion/neu", data={"text": "Titel\n\nText."}).status_code == 400
    assert client.post("/logout").status_code == 400


def test_first_login_with_one_time_password_forces_a_change(app, client) -> None:
    from webapp.auth import create_user

    with app.app_context():
        _, password = create_user("neu", must_change=True)
    response = client.post("/login", data={"username": "neu", "password": password})
    assert response.headers["Location"].endswith("/passwort")
    assert client.get("/redaktion/").headers["Location"].endswith("/passwort")
    response = client.post(
        "/passwort", data={"password": "ein-neues-passwort", "confirm": "ein-neues-passwort"}
    )
    assert response.status_code == 302
    assert client.get("/redaktion/").status_code == 200


@pytest.mark.parametrize("path", ["/redaktion/", "/redaktion/neu", "/redaktion/pm/1"])
def test_editor_pages_need_login(client, path) -> None:
    response = client.get(path)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
