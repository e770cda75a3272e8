"""Public pages: the index, a release in its three versions, the about page."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user

from . import readings, releases
from .delivery import send_stored_file
from .presenters import mark_original
from .storage import audio_dir

bp = Blueprint("public", __name__)


def _page_arg() -> int:
    try:
        return max(1, int(request.args.get("seite", "1")))
    except ValueError:
        return 1


@bp.route("/")
def index():  # type: ignore[no-untyped-def]
    query = request.args.get("q", "").strip()[:200]
    page = _page_arg()
    per_page = int(current_app.config["PAGE_SIZE"])
    rows, total = releases.published_page(page, per_page, query)
    pages = max(1, -(-total // per_page))
    return render_template("index.html", rows=rows, total=total, page=page, pages=pages, query=query)


@bp.route("/releases/<slug>")
def release(slug: str):  # type: ignore[no-untyped-def]
    record = releases.get_by_slug(slug)
    if record is None or (not record.is_public and not current_user.is_authenticated):
        abort(404)
    return render_template("release.html", **release_context(record))


def release_context(record):  # type: ignore[no-untyped-def]
    """Everything the release templates show (public page and editor view)."""
    release = releases.release_of(record)
    return {
        "record": record,
        "release": release,
        "marked": mark_original(release, record.readability),
        "scores": record.readability,
        "plain_scores": (record.plain or {}).get("readability"),
        "readings": readings.current_readings(record),
    }


#: suffix -> (content type, CORS): transcripts and chapters are fetched by web players on other sites
AUDIO_TYPES = {
    ".mp3": ("audio/mpeg", False),
    ".vtt": ("text/vtt; charset=utf-8", True),
    ".timings.json": ("application/json", True),
    ".chapters.json": ("application/json+chapters", True),
    ".html": ("text/html; charset=utf-8", True),
}

_SUFFIXES_LONGEST_FIRST = sorted(AUDIO_TYPES, key=len, reverse=True)  # ".timings.json" before ".json"


@bp.route("/audio/<name>", methods=["GET", "HEAD"])
def audio(name: str):  # type: ignore[no-untyped-def]
    """A reading's MP3 or one of its transcript files; drafts only for logged-in editors."""
    suffix = next((s for s in _SUFFIXES_LONGEST_FIRST if name.endswith(s)), None)
    if suffix is None:
        abort(404)
    record = releases.release_of_audio(name.removesuffix(suffix) + ".mp3")
    if record is None or (not record.is_public and not current_user.is_authenticated):
        abort(404)
    mimetype, cors = AUDIO_TYPES[suffix]
    return send_stored_file(audio_dir(), name, mimetype=mimetype, cors=cors)


@bp.route("/ueber")
def about():  # type: ignore[no-untyped-def]
    return render_template("about.html")
