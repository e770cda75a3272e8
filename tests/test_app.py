"""App factory and configuration."""

from __future__ import annotations

import re
from pathlib import Path

from webapp import create_app
from webapp.settings import SETTINGS

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented_in_readme() -> None:
    text = README.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `KLARTEXT_([A-Z_]+)` \|", text, flags=re.M))
    assert documented, "README.md has no settings table"
    assert {s.name for s in SETTINGS} == documented


def test_settings_come_from_prefixed_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KLARTEXT_PAGE_SIZE", "7")
    monkeypatch.setenv("KLARTEXT_SITE_TITLE", "Pressestelle Testhausen")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["PAGE_SIZE"] == 7
    assert app.config["SITE_TITLE"] == "Pressestelle Testhausen"


def test_test_config_overrides_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KLARTEXT_PAGE_SIZE", "7")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "PAGE_SIZE": 3})
    assert app.config["PAGE_SIZE"] == 3


def test_embedded_defaults_use_instance_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'klartext.sqlite3'}"
    assert Path(app.config["AUDIO_DIR"]) == tmp_path / "audio"


def test_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    second = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    assert len(first) >= 32 and first == second


def test_database_is_created_by_migrations(app) -> None:
    from sqlalchemy import inspect

    from webapp.db import db

    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
    assert {"users", "releases", "jobs", "readings", "revisions", "alembic_version"} <= tables


def test_sqlite_runs_in_wal_mode(app) -> None:
    from sqlalchemy import text

    from webapp.db import db

    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_requests_are_logged_as_structured_json(client, caplog) -> None:
    import json
    import logging

    from webapp.logs import JsonFormatter

    with caplog.at_level(logging.INFO, logger="klartext.request"):
        client.get("/ueber")
    record = next(r for r in caplog.records if r.name == "klartext.request")
    line = json.loads(JsonFormatter().format(record))
    assert line["method"] == "GET" and line["path"] == "/ueber" and line["status"] == 200
    assert line["level"] == "INFO" and line["duration_ms"] >= 0 and line["time"].endswith("+00:00")


def test_migrations_match_the_models(app) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from webapp.db import db

    with app.app_context(), db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == [], "models changed without a migration: run flask db migrate"


def test_readers_get_no_cookies(app, client) -> None:
    from webapp import releases
    from webapp.db import db
    from webapp.ingest import ExtractedText

    text = (Path(__file__).parent / "data" / "corpus" / "10-kurzmeldung-buergerbuero.txt").read_text("utf-8")
    with app.app_context():
        slug = releases.store(ExtractedText(text, "paste", None, None), None, publish=True).slug
        db.session.commit()
    for path in ["/", f"/releases/{slug}", "/ueber", "/?q=Bürgerbüro", "/feeds/original.xml"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Set-Cookie" not in response.headers, path
