"""The page cache for anonymous visitors: what is kept, for whom, for how long, and when it is dropped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from flask import Flask, request, template_rendered
from sqlalchemy import select, text

from tests.conftest import AuthActions, corpus_text
from webapp import jobs, page_cache, releases
from webapp.db import db
from webapp.ingest import ExtractedText
from webapp.models import ReleaseRecord
from webapp.page_cache import Entry, PageStore


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(make_app: Callable[..., Flask], clock: FakeClock) -> Flask:
    """An app whose cache (5 s) runs on the fake clock."""
    app = make_app(WTF_CSRF_ENABLED=False, PAGE_CACHE_SECONDS=0)
    app.config["PAGE_CACHE_SECONDS"] = 5
    page_cache.init_app(app, clock=clock)
    return app


@pytest.fixture
def store(app: Flask) -> PageStore:
    return app.extensions[page_cache.EXTENSION].store


@contextmanager
def renders(app: Flask) -> Iterator[list[str]]:
    """Names of the templates the app renders inside the block (a cache hit renders none)."""
    names: list[str] = []

    def record(sender: Flask, template: Any, context: dict[str, Any], **extra: Any) -> None:
        names.append(template.name)

    with template_rendered.connected_to(record, app):
        yield names


def publish(app: Flask, name: str = "07-hitzetelefon-kaltenbrunn") -> str:
    with app.app_context():
        record = releases.store(ExtractedText(corpus_text(name), "paste", None, None), None, publish=True)
        return record.slug


def test_second_anonymous_request_is_served_from_the_cache_with_the_same_headers(app: Flask) -> None:
    slug = publish(app)
    client = app.test_client()
    with renders(app) as rendered:
        first = client.get(f"/releases/{slug}")
        second = client.get(f"/releases/{slug}")
    assert rendered == ["release.html"]
    assert first.status_code == second.status_code == 200
    assert second.data == first.data
    assert "Age" not in first.headers and second.headers["Age"] == "0"
    assert [h for h in second.headers if h[0] != "Age"] == list(first.headers)
    assert "default-src 'self'" in second.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/", "/?q=Hitze", "/?seite=2", "/ueber"])
def test_index_with_its_query_and_the_about_page_are_cached(app: Flask, store: PageStore, path: str) -> None:
    publish(app)
    client = app.test_client()
    with renders(app) as rendered:
        assert client.get(path).status_code == 200
        assert client.get(path).status_code == 200
    assert len(rendered) == 1 and len(store) == 1


def test_query_string_is_part_of_the_key(app: Flask) -> None:
    publish(app)
    client = app.test_client()
    found, nothing = client.get("/?q=Hitzetelefon"), client.get("/?q=Zebrastreifen")
    assert found.data != nothing.data
    assert client.get("/?q=Hitzetelefon").data == found.data
    assert client.get("/?q=Zebrastreifen").data == nothing.data


def test_https_and_http_are_kept_apart(app: Flask) -> None:
    client = app.test_client()
    assert "Strict-Transport-Security" not in client.get("/").headers
    assert "Strict-Transport-Security" in client.get("/", base_url="https://localhost").headers
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_head_is_answered_from_a_stored_get_without_a_body(app: Flask, store: PageStore) -> None:
    client = app.test_client()
    head_first = client.head("/ueber")
    assert head_first.status_code == 200 and head_first.data == b"" and len(store) == 0
    get = client.get("/ueber")
    head = client.head("/ueber")
    assert head.status_code == 200 and head.data == b"" and "Age" in head.headers
    assert head.headers["Content-Length"] == str(len(get.data))


def test_logged_in_editor_never_gets_or_fills_the_cache(app: Flask, store: PageStore) -> None:
    slug = publish(app)
    auth = AuthActions(app, app.test_client())
    auth.create()
    visitor = app.test_client()
    visitor_page = visitor.get(f"/releases/{slug}").data.decode()
    assert "Anmelden für die Redaktion" in visitor_page and len(store) == 1
    assert auth.login().status_code == 302
    editor_page = auth.client.get(f"/releases/{slug}").data.decode()
    assert "Abmelden (editor)" in editor_page and "Anmelden für die Redaktion" not in editor_page
    assert len(store) == 1
    assert "Abmelden" not in visitor.get(f"/releases/{slug}").data.decode()


def test_log_in_cookies_or_authorization_bypass_the_cache(app: Flask) -> None:
    app.test_client().get("/ueber")
    with renders(app) as rendered:
        app.test_client().get("/ueber", headers={"Authorization": "Bearer x"})
        for name in ("remember_token", "session", "other"):  # "other" is no log-in cookie: a hit
            client = app.test_client()
            client.set_cookie(name, "1|abc")
            client.get("/ueber")
    assert rendered == ["about.html"] * 3


def test_draft_seen_by_an_editor_stays_hidden_from_visitors(app: Flask, store: PageStore) -> None:
    with app.app_context():
        slug = releases.store(
            ExtractedText(corpus_text("07-hitzetelefon-kaltenbrunn"), "paste", None, None), None
        ).slug
    auth = AuthActions(app, app.test_client())
    auth.create()
    auth.login()
    assert auth.client.get(f"/releases/{slug}").status_code == 200
    assert app.test_client().get(f"/releases/{slug}").status_code == 404
    assert len(store) == 0


@pytest.mark.parametrize(
    "path",
    ["/releases/gibt-es-nicht", "/api/releases", "/healthz", "/feeds/alle.xml", "/login", "/redaktion/"],
)
def test_errors_and_other_pages_are_never_stored(app: Flask, store: PageStore, path: str) -> None:
    client = app.test_client()
    client.get(path)
    client.get(path)
    assert len(store) == 0


def test_answers_with_set_cookie_or_private_cache_control_are_not_stored(
    app: Flask, store: PageStore
) -> None:
    @app.after_request
    def _mark(response):  # type: ignore[no-untyped-def]
        if request.args.get("cookie"):
            response.set_cookie("seen", "1")
        if request.args.get("private"):
            response.headers["Cache-Control"] = "private"
        return response

    client = app.test_client()
    for path in ("/?cookie=1", "/?private=1"):
        client.get(path)
        assert "Age" not in client.get(path).headers
    assert len(store) == 0
    client.get("/")
    assert len(store) == 1


def test_an_edit_in_this_process_shows_at_once(app: Flask) -> None:
    slug = publish(app)
    visitor = app.test_client()
    assert visitor.get(f"/releases/{slug}").status_code == 200
    assert slug in visitor.get("/").data.decode()
    with app.test_client() as editor:
        auth = AuthActions(app, editor)
        auth.create()
        auth.login()
        with app.app_context():
            record_id = db.session.scalar(select(ReleaseRecord.id))
        response = editor.post(f"/redaktion/pm/{record_id}/status", data={"state": "unpublished"})
        assert response.status_code == 303
    assert visitor.get(f"/releases/{slug}").status_code == 404
    assert slug not in visitor.get("/").data.decode()


def test_a_new_release_and_a_job_result_empty_the_cache(app: Flask, store: PageStore) -> None:
    visitor = app.test_client()
    visitor.get("/")
    assert len(store) == 1
    slug = publish(app)
    assert len(store) == 0
    assert slug in visitor.get("/").data.decode()
    page = visitor.get(f"/releases/{slug}").data
    jobs.run_pending(app, limit=1)  # the analysis stores the readability figures
    assert visitor.get(f"/releases/{slug}").data != page


def test_job_progress_and_raw_sql_do_not_empty_the_cache(app: Flask, store: PageStore) -> None:
    slug = publish(app)
    visitor = app.test_client()
    page = visitor.get(f"/releases/{slug}").data
    with app.app_context():
        job_id = db.session.scalar(select(jobs.Job.id))
        jobs.set_progress(job_id, 50, "halb")
        db.session.execute(text("UPDATE releases SET title = 'Anders'"))
        db.session.commit()
    assert len(store) == 1
    assert visitor.get(f"/releases/{slug}").data == page  # stale until the time is up


def test_copies_expire_after_the_configured_seconds(app: Flask, clock: FakeClock) -> None:
    client = app.test_client()
    with renders(app) as rendered:
        client.get("/ueber")
        clock.now += 4.9
        assert client.get("/ueber").headers["Age"] == "4"
        clock.now += 0.1
        assert "Age" not in client.get("/ueber").headers
    assert rendered == ["about.html", "about.html"]


def test_zero_turns_the_cache_off_and_negative_is_refused(make_app: Callable[..., Flask]) -> None:
    app = make_app(PAGE_CACHE_SECONDS=0)
    assert page_cache.EXTENSION not in app.extensions
    client = app.test_client()
    client.get("/ueber")
    assert "Age" not in client.get("/ueber").headers
    with pytest.raises(ValueError, match="PAGE_CACHE_SECONDS"):
        make_app(PAGE_CACHE_SECONDS=-1)


def test_default_app_has_the_cache_on(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    assert app.extensions[page_cache.EXTENSION].store.seconds == 5


def _entry(size: int, at: float = 0.0) -> Entry:
    return Entry("200 OK", (), b"x" * size, at)


def test_store_is_an_lru_bounded_by_entries_and_bytes() -> None:
    store = PageStore(60, max_entries=2, max_bytes=4000, clock=lambda: 0.0)
    keys = [("http", "h", "", f"/{i}", "") for i in range(4)]
    store.put(keys[0], _entry(100), 0)
    store.put(keys[1], _entry(100), 0)
    assert store.get(keys[0]) is not None  # now the most recently used
    store.put(keys[2], _entry(100), 0)
    assert store.get(keys[1]) is None and store.get(keys[0]) is not None and len(store) == 2
    assert not store.put(keys[3], _entry(1001), 0)  # more than a quarter of the bytes: never kept
    store.put(keys[3], _entry(700), 0)
    store.put(keys[1], _entry(700), 0)
    assert len(store) == 2 and store.total_bytes <= 4000
    store.put(keys[0], _entry(700), 0)
    store.put(keys[0], _entry(700), 0)  # replacing an entry does not count it twice
    assert store.total_bytes == 2 * _entry(700).size


def test_a_page_rendered_before_an_invalidation_is_not_stored() -> None:
    store = PageStore(60, clock=lambda: 0.0)
    key = ("http", "h", "", "/", "")
    generation = store.generation
    store.invalidate()
    assert not store.put(key, _entry(10), generation)
    assert store.get(key) is None
    assert store.put(key, _entry(10), store.generation)


def test_an_expired_copy_is_served_while_one_caller_renders_it_anew() -> None:
    clock = FakeClock()
    store = PageStore(5, clock=clock)
    key = ("http", "h", "", "/", "")
    store.put(key, _entry(10, clock.now), store.generation)
    clock.now += 5
    assert store.get(key) is None  # expired, nobody refreshing, no claim: render
    assert store.get(key, claim=True) is None  # this caller renders
    assert store.get(key, claim=True) is not None  # the others get the old copy meanwhile
    store.release(key)  # the render failed or was not kept
    assert store.get(key, claim=True) is None
    store.put(key, _entry(20, clock.now), store.generation)
    assert store.get(key) == _entry(20, clock.now)
    store.get(key, claim=True)
    clock.now += 10  # twice the lifetime: never served, even during a refresh
    assert store.get(key, claim=True) is None and len(store) == 0


def test_a_refresh_claim_ends_after_the_render(app: Flask, clock: FakeClock, store: PageStore) -> None:
    client = app.test_client()
    client.get("/ueber")
    clock.now += 6
    with renders(app) as rendered:
        assert "Age" not in client.get("/ueber").headers
        assert client.get("/ueber").headers["Age"] == "0"
        clock.now += 6
        assert "Age" not in client.get("/ueber").headers  # the previous refresh left no claim behind
    assert rendered == ["about.html", "about.html"]
