"""Reflow (WCAG 1.4.10): no sideways scrolling at 320 CSS px; three version columns at 1280 px.

Also saves full-page screenshots of the release page at both widths to ``test-artifacts/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .seed import Site

pytestmark = pytest.mark.browser

VERSION_HEADINGS = ["Original", "Leichte Sprache", "Anhören"]


def paths(site: Site) -> dict[str, str]:
    return {
        "index": "/",
        "release": f"/releases/{site.release_slug}",
        "release-short": f"/releases/{site.slugs[-1]}",
        "about": "/ueber",
        "login": "/login",
    }


@pytest.mark.parametrize("name", ["index", "release", "release-short", "about", "login"])
def test_no_horizontal_scroll_at_320px(reader: Page, site: Site, name: str) -> None:
    reader.set_viewport_size({"width": 320, "height": 256})
    reader.goto(paths(site)[name])
    width = reader.evaluate("() => document.documentElement.scrollWidth")
    wide = reader.evaluate(
        """() => [...document.querySelectorAll('body *')]
             .filter(el => el.getBoundingClientRect().right > 320.5)
             .map(el => el.tagName + '.' + el.className).slice(0, 5)"""
    )
    assert width <= 320, f"{name}: scrollWidth {width}, wider than the viewport: {wide}"


@pytest.mark.parametrize("path", ["/redaktion/", "/redaktion/neu", "/passwort"])
def test_editor_pages_have_no_horizontal_scroll_at_320px(editor_page: Page, path: str) -> None:
    """The editor list's table scrolls inside its own focusable region, never the whole page."""
    editor_page.set_viewport_size({"width": 320, "height": 256})
    editor_page.goto(path)
    assert editor_page.evaluate("() => document.documentElement.scrollWidth") <= 320, path


def test_release_versions_stack_at_320px(reader: Page, site: Site, artifacts: Path) -> None:
    reader.set_viewport_size({"width": 320, "height": 640})
    reader.goto(paths(site)["release"])
    boxes = reader.locator(".versions-grid > *").evaluate_all(
        "els => els.map(el => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.width]; })"
    )
    assert len(boxes) == 3
    assert [left for left, _, _ in boxes] == [boxes[0][0]] * 3, "stacked sections share their left edge"
    assert boxes[0][1] < boxes[1][1] < boxes[2][1], "stacked in reading order"
    reader.screenshot(path=str(artifacts / "release-320.png"), full_page=True)
    reader.screenshot(path=str(artifacts / "release-320-top.png"))


def test_release_versions_side_by_side_at_1280px(reader: Page, site: Site, artifacts: Path) -> None:
    reader.set_viewport_size({"width": 1280, "height": 800})
    reader.goto(paths(site)["release"])
    sections = reader.locator(".versions-grid > *")
    assert sections.count() == 3
    headings = [sections.nth(i).locator("h2").first.inner_text() for i in range(3)]
    assert headings == VERSION_HEADINGS
    boxes = [sections.nth(i).bounding_box() for i in range(3)]
    assert all(box is not None for box in boxes)
    tops = [box["y"] for box in boxes if box]
    assert max(tops) - min(tops) < 2, f"columns start at the same height: {tops}"
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert left and right
        assert left["x"] + left["width"] <= right["x"], "columns in reading order, not overlapping"
        assert right["width"] > 200, "each column wide enough to read"
    assert reader.evaluate("() => document.documentElement.scrollWidth") <= 1280
    reader.screenshot(path=str(artifacts / "release-1280.png"), full_page=True)


# WCAG 1.4.12: the user's own spacing must not make content overflow or get cut off.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""


@pytest.mark.parametrize("name", ["index", "release"])
def test_text_spacing_does_not_clip_or_overflow_at_320px(reader: Page, site: Site, name: str) -> None:
    reader.set_viewport_size({"width": 320, "height": 640})
    reader.goto(paths(site)[name])
    # A constructed style sheet: the app's Content-Security-Policy (rightly) blocks an injected <style>.
    reader.evaluate(
        """css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
                   document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
        TEXT_SPACING,
    )
    assert reader.evaluate("() => getComputedStyle(document.querySelector('main p')).wordSpacing") != "0px"
    assert reader.evaluate("() => document.documentElement.scrollWidth") <= 320
    clipped = reader.evaluate(
        """() => [...document.querySelectorAll('main *')].filter(el => {
             const s = getComputedStyle(el);
             const hides = /hidden|clip/.test(s.overflowX + s.overflowY);
             return hides && !el.closest('.visually-hidden')
               && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
           }).map(el => el.outerHTML.slice(0, 100))"""
    )
    assert clipped == []


def test_print_layout_stacks_all_versions_without_navigation(reader: Page, site: Site) -> None:
    reader.goto(paths(site)["release"])
    reader.emulate_media(media="print")
    try:
        assert reader.locator(".versions-grid").evaluate("el => getComputedStyle(el).display") == "block"
        for hidden in (".skip-link", ".service-nav", ".toc", ".ls-link"):
            assert not reader.locator(hidden).first.is_visible(), hidden
        for version in VERSION_HEADINGS:
            assert reader.get_by_role("heading", name=version, exact=True).is_visible(), version
    finally:
        reader.emulate_media(media="screen")
