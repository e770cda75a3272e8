"""``/healthz`` for load balancers and monitoring: database, audio storage and job queue.

Answers 200 when every check passes, else 503; the JSON names each check and,
for a failed one, the kind of error (never connection strings or paths).
"""

from __future__ import annotations

import tempfile
from typing import Any

from flask import Blueprint, Flask, current_app, jsonify
from redis import Redis
from redis.backoff import NoBackoff
from redis.retry import Retry
from sqlalchemy import text

from . import queue
from .db import db

bp = Blueprint("health", __name__)


def check_database() -> dict[str, Any]:
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy; reported, not raised
        db.session.rollback()
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True}


def check_audio_storage() -> dict[str, Any]:
    """Write and delete a small file where the audio goes (catches read-only or missing mounts)."""
    try:
        with tempfile.NamedTemporaryFile(dir=current_app.config["AUDIO_DIR"], prefix=".healthz-") as probe:
            probe.write(b"ok")
            probe.flush()
    except OSError as exc:
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True}


def check_queue() -> dict[str, Any]:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if not queue.enabled(app):
        return {"ok": True, "kind": "in-process"}
    client = Redis.from_url(
        str(app.config["REDIS_URL"]), socket_connect_timeout=2, socket_timeout=2, retry=Retry(NoBackoff(), 0)
    )
    try:
        client.ping()
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        return {"ok": False, "kind": "redis", "error": type(exc).__name__}
    finally:
        client.close()
    return {"ok": True, "kind": "redis"}


@bp.route("/healthz")
def healthz():  # type: ignore[no-untyped-def]
    checks = {
        "database": check_database(),
        "audio_storage": check_audio_storage(),
        "queue": check_queue(),
    }
    ok = all(check["ok"] for check in checks.values())
    response = jsonify(status="ok" if ok else "error", checks=checks)
    response.status_code = 200 if ok else 503
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    """Register the blueprint (a second call changes nothing)."""
    if bp.name not in app.blueprints:
        app.register_blueprint(bp)
