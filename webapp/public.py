"""Public pages: the index, a release in its three versions, the about page."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user

from . import releases
from .presenters import mark_original

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
    }


@bp.route("/ueber")
def about():  # type: ignore[no-untyped-def]
    return render_template("about.html")
