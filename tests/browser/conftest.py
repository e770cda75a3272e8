"""Fixtures for the browser tests: Debian's Chromium (never a downloaded one) and a live Klartext server.

One browser per session (pytest-playwright's ``browser`` fixture with our launch arguments) and one live
server per session. Without ``/usr/bin/chromium`` the tests skip locally but fail under ``CI``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize
from werkzeug.serving import make_server

from .chromium import CHROMIUM, CHROMIUM_ARGS, MISSING, must_not_skip
from .seed import EDITOR, EDITOR_PASSWORD, Site, seeded_site

VIEWPORT: ViewportSize = {"width": 1280, "height": 720}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium; a missing browser is a failure under CI and a skip elsewhere."""
    if not CHROMIUM.exists():
        if must_not_skip():
            pytest.fail(MISSING + " CI is set, so the browser tests must not be skipped.", pytrace=False)
        pytest.skip(MISSING)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": list(CHROMIUM_ARGS)}


@dataclass(frozen=True)
class LiveServer:
    site: Site
    base_url: str


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The seeded app served on a free port of 127.0.0.1 from a daemon thread, CSRF protection on."""
    site = seeded_site(tmp_path_factory.mktemp("live") / "instance")
    server = make_server("127.0.0.1", 0, site.app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LiveServer(site, f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site(live_server: LiveServer) -> Site:
    """The seeded releases and ids behind the live server."""
    return live_server.site


@pytest.fixture(scope="session")
def base_url(live_server: LiveServer) -> str:
    """pytest-playwright's base URL (its own fixture is deprecated under pytest 9): the live server."""
    return live_server.base_url


def _context(browser: Browser, base_url: str) -> BrowserContext:
    return browser.new_context(base_url=base_url, locale="de-DE", viewport=VIEWPORT)


@pytest.fixture(scope="session")
def reader_tab(browser: Browser, base_url: str) -> Iterator[Page]:
    """One tab for all reader pages: a new context or tab per test costs more than most checks."""
    context = _context(browser, base_url)
    yield context.new_page()
    context.close()


@pytest.fixture
def reader(reader_tab: Page) -> Page:
    """The reader tab (not logged in), back at the default viewport; every test navigates first."""
    reader_tab.set_viewport_size(VIEWPORT)
    return reader_tab


@pytest.fixture(scope="session")
def editor_tab(browser: Browser, base_url: str) -> Iterator[Page]:
    """One tab logged in once through the real log-in form (CSRF protection on)."""
    context = _context(browser, base_url)
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("Benutzername").fill(EDITOR)
    page.get_by_label("Passwort").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/redaktion/")
    yield page
    context.close()


@pytest.fixture
def editor_page(editor_tab: Page) -> Page:
    editor_tab.set_viewport_size(VIEWPORT)
    return editor_tab


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
