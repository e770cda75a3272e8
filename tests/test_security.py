"""Security headers, the Content-Security-Policy and the session cookie flags."""

from __future__ import annotations

import pytest

from webapp import security


@pytest.fixture
def secured(make_app):
    def factory(**overrides):
        app = make_app(WTF_CSRF_ENABLED=False, **overrides)
        security.init_app(app)  # idempotent: harmless once create_app calls it
        return app

    return factory


@pytest.mark.parametrize("path", ["/", "/login", "/ueber", "/gibt-es-nicht", "/static/style.css"])
def test_every_response_has_the_security_headers(secured, path: str) -> None:
    with secured().test_client().get(path) as response:
        for name, value in security.HEADERS.items():
            assert response.headers[name] == value, name
        assert "Strict-Transport-Security" not in response.headers


def test_policy_allows_no_inline_code_and_no_framing() -> None:
    directives = dict(part.split(" ", 1) for part in security.CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in security.CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in security.CONTENT_SECURITY_POLICY


def test_hsts_only_on_https_requests(secured) -> None:
    client = secured().test_client()
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_pages_carry_no_inline_script_or_style(secured, editor_client) -> None:
    """The policy forbids inline code, so the pages must not need any."""
    for path in ("/", "/ueber", "/redaktion/", "/redaktion/neu"):
        html = editor_client.get(path).get_data(as_text=True)
        for marker in ("<script>", "<style", " style=", " onclick=", " onload=", "javascript:"):
            assert marker not in html, (path, marker)


def test_session_cookie_is_secure_when_served_over_https(secured) -> None:
    plain = secured()
    assert plain.config["SESSION_COOKIE_SECURE"] is False
    by_base_url = secured(BASE_URL="https://presse.example.de")
    assert by_base_url.config["SESSION_COOKIE_SECURE"] is True
    by_setting = secured(HTTPS=True)
    assert by_setting.config["SESSION_COOKIE_SECURE"] is True
    assert secured(BASE_URL="https://presse.example.de", HTTPS=False).config["SESSION_COOKIE_SECURE"] is False


def test_secure_session_cookie_is_sent_with_secure_flag(make_app) -> None:
    from tests.conftest import AuthActions

    app = make_app(WTF_CSRF_ENABLED=False, HTTPS=True)
    security.init_app(app)
    client = app.test_client()
    AuthActions(app, client).create()
    response = client.post(
        "/login",
        data={"username": "editor", "password": "korrekt-pferd-batterie"},
        base_url="https://localhost",
    )
    assert response.status_code == 302
    cookie = next(v for k, v in response.headers.items() if k == "Set-Cookie" and v.startswith("session="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_init_app_twice_adds_the_hook_once(secured) -> None:
    app = secured()
    hooks = len(app.after_request_funcs[None])
    security.init_app(app)
    assert len(app.after_request_funcs[None]) == hooks
