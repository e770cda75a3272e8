"""Read-only JSON API for published releases, described by an OpenAPI document.

Field names are those of ARCHITECTURE.md (`Release`, `Readability`, `PlainVersion`);
readings carry absolute URLs of their MP3 and transcript files. Rate-limited per
address (``KLARTEXT_API_RATE_LIMIT``); errors come as JSON from ``webapp.errors``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, jsonify, request, url_for

from . import readings, releases
from .auth import limiter
from .models import ReleaseRecord

bp = Blueprint("api", __name__, url_prefix="/api")
OPENAPI_FILE = Path(__file__).with_name("openapi.json")


def _limit() -> str:
    return str(current_app.config["API_RATE_LIMIT"])


limiter.limit(_limit)(bp)


def _url(endpoint: str, **values: Any) -> str:
    base = current_app.config.get("BASE_URL")
    path = url_for(endpoint, **values)
    return f"{str(base).rstrip('/')}{path}" if base else url_for(endpoint, _external=True, **values)


def _summary(record: ReleaseRecord) -> dict[str, Any]:
    return {
        "slug": record.slug,
        "title": record.title,
        "date": (record.data or {}).get("date"),
        "place": (record.data or {}).get("place"),
        "published_at": record.published_at.isoformat() + "Z" if record.published_at else None,
        "url": _url("public.release", slug=record.slug),
        "api_url": _url("api.release", slug=record.slug),
    }


@bp.route("/releases")
def index():  # type: ignore[no-untyped-def]
    """Published releases, newest first (`seite`, `q` as on the index page)."""
    try:
        page = max(1, int(request.args.get("seite", "1")))
    except ValueError:
        page = 1
    per_page = int(current_app.config["PAGE_SIZE"])
    rows, total = releases.published_page(page, per_page, request.args.get("q", "").strip()[:200])
    return jsonify(total=total, page=page, per_page=per_page, releases=[_summary(r) for r in rows])


@bp.route("/releases/<slug>")
def release(slug: str):  # type: ignore[no-untyped-def]
    """One published release with its readability, plain version and readings."""
    record = releases.get_by_slug(slug)
    if record is None or not record.is_public:
        abort(404)
    current = readings.current_readings(record)
    return jsonify(
        **_summary(record),
        release=record.data,
        readability=record.readability,
        plain=record.plain,
        plain_checked_at=record.plain_checked_at.isoformat() + "Z" if record.plain_checked_at else None,
        readings={
            version: {
                "mp3": _url("public.audio", name=item["row"].filename),
                "vtt": _url("public.audio", name=item["vtt"]),
                "timings": _url("public.audio", name=item["timings"]),
                "chapters": _url("public.audio", name=item["chapters"]),
                "transcript_html": _url("public.audio", name=item["html"]),
                "size": item["row"].size,
                "duration": item["row"].duration,
                "engine": item["row"].engine,
                "voice": item["row"].voice,
            }
            for version, item in current.items()
        },
    )


@bp.route("/openapi.json")
def openapi():  # type: ignore[no-untyped-def]
    """The OpenAPI 3.1 description of this API (webapp/openapi.json)."""
    return current_app.response_class(OPENAPI_FILE.read_bytes(), mimetype="application/json")
