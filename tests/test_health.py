"""``/healthz``: database, audio storage and queue, as JSON with 200 or 503."""

from __future__ import annotations

import shutil
import socket

import pytest

from tests.services import service_url
from webapp import health


@pytest.fixture
def healthy_app(make_app):
    def factory(**overrides):
        app = make_app(**overrides)
        health.init_app(app)  # idempotent: harmless once create_app calls it
        return app

    return factory


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_all_checks_pass_in_the_embedded_setup(healthy_app) -> None:
    response = healthy_app().test_client().get("/healthz")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.json == {
        "status": "ok",
        "checks": {
            "database": {"ok": True},
            "audio_storage": {"ok": True},
            "queue": {"ok": True, "kind": "in-process"},
        },
    }


def test_unwritable_audio_storage_gives_503(healthy_app) -> None:
    app = healthy_app()
    shutil.rmtree(app.config["AUDIO_DIR"])
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["status"] == "error"
    assert response.json["checks"]["audio_storage"] == {"ok": False, "error": "FileNotFoundError"}
    assert response.json["checks"]["database"] == {"ok": True}


def test_unreachable_database_gives_503(tmp_path) -> None:
    from webapp import create_app

    missing = tmp_path / "no-such-folder" / "db.sqlite3"
    app = create_app(
        {
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SECRET_KEY": "x",
            "DATABASE_URL": f"sqlite:///{missing}",
        }
    )
    health.init_app(app)
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["checks"]["database"] == {"ok": False, "error": "OperationalError"}


def test_unreachable_redis_gives_503_without_leaking_the_address(healthy_app) -> None:
    url = f"redis://127.0.0.1:{_unused_port()}/0"
    response = healthy_app(REDIS_URL=url).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["checks"]["queue"] == {"ok": False, "kind": "redis", "error": "ConnectionError"}
    assert "127.0.0.1" not in response.get_data(as_text=True)


def test_reachable_redis_is_reported(healthy_app, redis_url) -> None:
    response = healthy_app(REDIS_URL=redis_url).test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json["checks"]["queue"] == {"ok": True, "kind": "redis"}


@pytest.fixture
def redis_url() -> str:
    return service_url("KLARTEXT_TEST_REDIS_URL")
