"""Shared fixtures: an app with a fresh database per test, a client, a CLI runner and an auth helper."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp import create_app
from webapp.db import upgrade_database

DATA = Path(__file__).parent / "data"
EDITOR_PASSWORD = "korrekt-pferd-batterie"


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., Flask]:
    """Factory for apps with their own instance folder and SQLite database."""

    def factory(**overrides: Any) -> Flask:
        config = {
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SECRET_KEY": "test-secret",
            "WORKER": "none",
            "RATELIMIT_STORAGE_URI": "memory://",
            "BASE_URL": "http://localhost",
        }
        config.update(overrides)
        app = create_app(config)
        upgrade_database(app)
        return app

    return factory


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app(WTF_CSRF_ENABLED=False)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):  # type: ignore[no-untyped-def]
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, app: Flask, client: FlaskClient) -> None:
        self.app = app
        self.client = client

    def create(self, username: str = "editor", password: str = EDITOR_PASSWORD) -> None:
        from webapp.auth import create_user

        with self.app.app_context():
            create_user(username, password)

    def login(self, username: str = "editor", password: str = EDITOR_PASSWORD):  # type: ignore[no-untyped-def]
        return self.client.post("/login", data={"username": username, "password": password})


@pytest.fixture
def auth(app: Flask, client: FlaskClient) -> Iterator[AuthActions]:
    actions = AuthActions(app, client)
    actions.create()
    yield actions


@pytest.fixture
def editor_client(auth: AuthActions, client: FlaskClient) -> FlaskClient:
    response = auth.login()
    assert response.status_code == 302
    return client


def corpus_text(name: str) -> str:
    return (DATA / "corpus" / f"{name}.txt").read_text(encoding="utf-8")
