"""Klartext web app: the only package that does HTTP, storage and background work."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from .settings import defaults

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Application factory: defaults, then ``KLARTEXT_*`` environment variables, then ``test_config``."""
    instance_path = (test_config or {}).get("INSTANCE_PATH") or os.environ.get("KLARTEXT_INSTANCE_PATH")
    app = Flask(
        __name__,
        template_folder=str(TEMPLATE_DIR),
        instance_path=str(Path(instance_path or Path.cwd() / "instance").resolve()),
        instance_relative_config=True,
    )
    app.config.from_mapping(defaults())
    app.config.from_prefixed_env("KLARTEXT")
    if test_config:
        app.config.from_mapping(test_config)
    _derive_config(app)

    from . import (  # noqa: F401
        api,
        auth,
        db,
        editor,
        errors,
        feeds,
        filters,
        health,
        logs,
        page_cache,
        pipeline,
        public,
        security,
    )

    db.init_app(app)
    security.init_app(app)
    logs.init_app(app)
    health.init_app(app)
    auth.init_app(app)
    errors.init_app(app)
    filters.init_app(app)
    app.register_blueprint(public.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(editor.bp)
    app.register_blueprint(feeds.bp)
    app.jinja_env.globals["site_title"] = app.config["SITE_TITLE"]
    page_cache.init_app(app)
    return app


def _derive_config(app: Flask) -> None:
    """Fill settings whose defaults depend on the instance folder or other variables."""
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ.get("DATABASE_URL") or (
            "sqlite:///" + str(Path(app.instance_path) / "klartext.sqlite3")
        )
    app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"]
    app.config["REDIS_URL"] = app.config.get("REDIS_URL") or os.environ.get("REDIS_URL")
    if app.config["REDIS_URL"] and app.config["RATELIMIT_STORAGE_URI"] == "memory://":
        app.config["RATELIMIT_STORAGE_URI"] = app.config["REDIS_URL"]
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})
    if not app.config.get("AUDIO_DIR"):
        app.config["AUDIO_DIR"] = str(Path(app.instance_path) / "audio")
    Path(app.config["AUDIO_DIR"]).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path) / "secret_key")
    # The request body may be larger than the text limit (URL encoding can triple it, plus form fields);
    # the exact text limit is checked by ingestion with a clear message.
    app.config["MAX_CONTENT_LENGTH"] = 3 * int(app.config["MAX_TEXT_BYTES"]) + 64_000
    app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"


def _instance_secret(path: Path) -> str:
    """A random secret kept in the instance folder, so sessions survive restarts."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_hex(32)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key
