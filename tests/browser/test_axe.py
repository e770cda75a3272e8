"""axe-core (WCAG 2.0–2.2 A/AA and best practice) finds no violation on any public or editor page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .chromium import CHROMIUM, MISSING, must_not_skip
from .seed import Site

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE = Axe()

PUBLIC: dict[str, Callable[[Site], str]] = {
    "index": lambda site: "/",
    "index-page-2": lambda site: "/?seite=2",
    "index-search": lambda site: "/?q=Feuerwehr",
    "index-no-hits": lambda site: "/?q=Quarkstrudel",
    "release": lambda site: f"/releases/{site.release_slug}",
    "release-short": lambda site: f"/releases/{site.slugs[-1]}",
    "about": lambda site: "/ueber",
    "login": lambda site: "/login",
    "not-found": lambda site: "/releases/gibt-es-nicht",
}
EDITOR: dict[str, Callable[[Site], str]] = {
    "editor-list": lambda site: "/redaktion/",
    "editor-new": lambda site: "/redaktion/neu",
    "editor-release": lambda site: f"/redaktion/pm/{site.release_ids[0]}",
    "editor-draft": lambda site: f"/redaktion/pm/{site.draft_id}",
    "draft-preview": lambda site: f"/releases/{site.draft_slug}",
    "change-password": lambda site: "/passwort",
}


def test_debian_chromium_is_installed() -> None:
    """One plain failure (not only setup errors) when CI runs without the browser."""
    if not CHROMIUM.exists() and not must_not_skip():
        pytest.skip(MISSING)
    assert CHROMIUM.exists(), MISSING


def assert_no_violations(page: Page, name: str) -> None:
    results = AXE.run(
        page, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    )
    assert results.violations_count == 0, f"axe on {name} ({page.url}):\n{results.generate_report()}"


@pytest.mark.parametrize("name", PUBLIC)
def test_public_page_has_no_axe_violations(reader: Page, site: Site, name: str) -> None:
    response = reader.goto(PUBLIC[name](site))
    assert response is not None
    assert response.status == (404 if name == "not-found" else 200)
    assert_no_violations(reader, name)


@pytest.mark.parametrize("name", EDITOR)
def test_editor_page_has_no_axe_violations(editor_page: Page, site: Site, name: str) -> None:
    response = editor_page.goto(EDITOR[name](site))
    assert response is not None and response.status == 200, name
    assert "/login" not in editor_page.url
    assert_no_violations(editor_page, name)


def test_add_form_error_state_has_no_axe_violations(editor_page: Page) -> None:
    editor_page.goto("/redaktion/neu")
    with editor_page.expect_response(lambda r: r.request.method == "POST") as posted:
        editor_page.get_by_role("button", name="Pressemitteilung speichern").click()
    assert posted.value.status == 400
    editor_page.wait_for_load_state()
    assert editor_page.get_by_role("alert").is_visible()
    assert_no_violations(editor_page, "editor-new (error state)")


def test_change_password_error_state_has_no_axe_violations(editor_page: Page) -> None:
    editor_page.goto("/passwort")
    editor_page.get_by_label("Neues Passwort", exact=True).fill("kurz")
    with editor_page.expect_response(lambda r: r.request.method == "POST") as posted:
        editor_page.get_by_role("button", name="Passwort speichern").click()
    assert posted.value.status == 200
    editor_page.wait_for_load_state()
    expect(editor_page.get_by_label("Neues Passwort", exact=True)).to_have_attribute("aria-invalid", "true")
    assert_no_violations(editor_page, "change-password (error state)")


def test_login_error_state_has_no_axe_violations(reader: Page) -> None:
    reader.goto("/login")
    with reader.expect_response(lambda r: r.request.method == "POST") as posted:
        reader.get_by_role("button", name="Anmelden").click()
    assert posted.value.status == 200
    reader.wait_for_load_state()
    assert reader.locator(".field-errors").first.is_visible()
    assert_no_violations(reader, "login (error state)")
