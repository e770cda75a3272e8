"""A seeded Klartext site for the accessibility tests: published corpus releases, one draft and an editor.

Shared by the browser tests and the static HTML layer (``tests/test_html_static.py``), so both check the
same pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import select

from webapp import create_app
from webapp.auth import create_user
from webapp.db import db, upgrade_database
from webapp.ingest import IngestSettings, text_from_paste
from webapp.jobs import run_pending
from webapp.models import User
from webapp.releases import store

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
EDITOR = "redakteurin"
EDITOR_PASSWORD = "korrekt-pferd-batterie"
# Enough releases for two index pages at PAGE_SIZE, so the pagination controls are on the page.
PUBLISHED = (
    "01-haushalt-lindenhagen",
    "04-polizei-wohnungsbrand",
    "07-hitzetelefon-kaltenbrunn",
    "08-kultur-webereinaechte",
    "10-kurzmeldung-buergerbuero",
)
DRAFT = "09-baustelle-kanalstrasse"
PAGE_SIZE = 4


@dataclass(frozen=True)
class Site:
    """The seeded app and the ids the tests address pages by."""

    app: Flask
    slugs: tuple[str, ...]
    release_ids: tuple[int, ...]
    draft_id: int
    draft_slug: str

    @property
    def release_slug(self) -> str:
        """The richest release (quotes, contact, boilerplate): the one the single-page checks use."""
        return self.slugs[0]


def seeded_site(instance_path: Path, **overrides: Any) -> Site:
    """Create an app in ``instance_path`` with the corpus releases above and the editor account."""
    config: dict[str, Any] = {
        "TESTING": True,
        "INSTANCE_PATH": str(instance_path),
        "SECRET_KEY": "test-secret",
        "WORKER": "none",
        "RATELIMIT_STORAGE_URI": "memory://",
        "BASE_URL": "http://localhost",
        "PAGE_SIZE": PAGE_SIZE,
    }
    config.update(overrides)
    app = create_app(config)
    upgrade_database(app)
    with app.app_context():
        create_user(EDITOR, EDITOR_PASSWORD)
        first = _store(PUBLISHED[0], publish=True)
    # The first release runs through the whole pipeline (plain version, reading: whatever job kinds exist),
    # so its page shows all three versions; the others keep their jobs queued, as editors see them.
    run_pending(app)
    with app.app_context():
        published = [first] + [_store(name, publish=True) for name in PUBLISHED[1:]]
        draft = _store(DRAFT, publish=False)
    return Site(
        app=app,
        slugs=tuple(slug for slug, _ in published),
        release_ids=tuple(release_id for _, release_id in published),
        draft_id=draft[1],
        draft_slug=draft[0],
    )


def _store(name: str, publish: bool) -> tuple[str, int]:
    """Store a corpus release as the editor; returns its slug and id."""
    user = db.session.scalar(select(User).where(User.username == EDITOR))
    text = text_from_paste((CORPUS / f"{name}.txt").read_text(encoding="utf-8"), IngestSettings())
    record = store(text, user, publish=publish)
    return record.slug, record.id
