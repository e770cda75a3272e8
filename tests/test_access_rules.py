"""Every route of the app, fetched with GET as anonymous visitor and as logged-in editor.

The expected status of each endpoint is written down below. A new route that is not
in the table fails the test: whoever adds a route decides who may see it.
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import corpus_text
from webapp import health, releases, security
from webapp.db import db
from webapp.ingest import ExtractedText

LOGIN_REDIRECT = 302
NOT_ALLOWED = 405

#: endpoint -> (status for an anonymous visitor, status for a logged-in editor), for GET.
EXPECTED: dict[str, tuple[int, int]] = {
    "static": (200, 200),
    "public.index": (200, 200),
    "public.release": (200, 200),
    "public.about": (200, 200),
    "api.index": (200, 200),
    "api.release": (200, 200),
    "api.openapi": (200, 200),
    "public.audio": (404, 404),  # the fixture's release has no reading yet
    "feeds.rss": (200, 200),
    "feeds.gpodder": (200, 200),
    "feeds.json_feed": (200, 200),
    "feeds.cover": (200, 200),
    "health.healthz": (200, 200),
    "auth.login": (200, 200),
    "auth.logout": (NOT_ALLOWED, NOT_ALLOWED),
    "auth.change_password": (LOGIN_REDIRECT, 200),
    "editor.index": (LOGIN_REDIRECT, 200),
    "editor.new": (LOGIN_REDIRECT, 200),
    "editor.release": (LOGIN_REDIRECT, 200),
    "editor.set_state": (NOT_ALLOWED, NOT_ALLOWED),
    "editor.edit_plain": (LOGIN_REDIRECT, 303),  # 303: no plain version yet in this fixture
    "editor.checked": (NOT_ALLOWED, NOT_ALLOWED),
    "editor.restore_revision": (NOT_ALLOWED, NOT_ALLOWED),
}


def pasted(name: str) -> ExtractedText:
    return ExtractedText(corpus_text(name), "paste", None, None)


@pytest.fixture
def site(app: Flask) -> Flask:
    health.init_app(app)  # both idempotent: harmless once create_app calls them
    security.init_app(app)
    return app


@pytest.fixture
def values(site: Flask) -> dict[str, str]:
    """A value for every URL parameter, taken from a real published release."""
    with site.app_context():
        record = releases.store(
            ExtractedText(corpus_text("02-innovationsforum-seltental"), "paste", None, None),
            None,
            publish=True,
        )
        db.session.commit()
        return {
            "slug": record.slug,
            "release_id": str(record.id),
            "filename": "style.css",
            "revision_id": "1",
            "name": "keine-lesung.mp3",
            "feed": "original",
            "ext": "png",
        }


def urls(app: Flask, values: dict[str, str]) -> list[tuple[str, str, bool]]:
    """(endpoint, URL, whether GET is allowed) for every rule."""
    found = []
    for rule in app.url_map.iter_rules():
        missing = rule.arguments - values.keys()
        assert not missing, f"{rule.rule}: add a value for {sorted(missing)} in the values fixture"
        url = rule.build({name: values[name] for name in rule.arguments}, append_unknown=False)[1]
        found.append((rule.endpoint, url, "GET" in (rule.methods or ())))
    return found


def check(client: FlaskClient, app: Flask, values: dict[str, str], column: int) -> list[str]:
    problems = []
    for endpoint, url, get_allowed in urls(app, values):
        if endpoint not in EXPECTED:
            problems.append(f"{endpoint} ({url}) is not in EXPECTED: decide who may see it")
            continue
        expected = EXPECTED[endpoint][column]
        assert get_allowed == (expected != NOT_ALLOWED), f"{endpoint}: table and allowed methods disagree"
        with client.get(url) as response:
            if response.status_code != expected:
                problems.append(f"{endpoint} {url}: {response.status_code}, expected {expected}")
            if expected == LOGIN_REDIRECT:
                assert response.headers["Location"].startswith("/login"), endpoint
    return problems


def test_every_route_as_anonymous_visitor(site: Flask, client: FlaskClient, values: dict[str, str]) -> None:
    assert check(client, site, values, 0) == []


def test_every_route_as_editor(site: Flask, editor_client: FlaskClient, values: dict[str, str]) -> None:
    assert check(editor_client, site, values, 1) == []


def test_table_has_no_stale_endpoints(site: Flask) -> None:
    assert set(EXPECTED) <= {rule.endpoint for rule in site.url_map.iter_rules()}


def test_draft_release_is_hidden_from_anonymous_visitors(site: Flask, client: FlaskClient) -> None:
    with site.app_context():
        record = releases.store(
            ExtractedText(corpus_text("09-baustelle-kanalstrasse"), "paste", None, None), None
        )
        slug = record.slug
    assert client.get(f"/releases/{slug}").status_code == 404
