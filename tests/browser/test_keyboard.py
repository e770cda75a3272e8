"""Keyboard only: skip link first, every control reachable by Tab, focus always visible and never hidden."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .seed import Site

pytestmark = pytest.mark.browser

# Tag every control a keyboard user must reach (visible, enabled, in the tab order) and remember how it
# looks unfocused, so the walk can tell whether focus changes its appearance.
MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, audio[controls], '
    + 'video[controls], [tabindex]';
  const controls = [...document.querySelectorAll(selector)].filter(el =>
    el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden');
  controls.forEach((el, i) => {
    el.dataset.kbd = String(i);
    const s = getComputedStyle(el);
    el.dataset.kbdLook = [s.backgroundColor, s.boxShadow, s.outlineStyle, s.outlineColor].join('|');
  });
  return controls.length;
}"""

# Describe the focused element: which control it is, whether focus changed its look, and whether the
# point in the middle of its first box hits the element itself (2.4.11 Focus Not Obscured).
DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const transparent = c => c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor);
  const shadow = s.boxShadow !== 'none';
  const before = (el.dataset.kbdLook || '').split('|');
  const background = before.length > 0 && before[0] !== s.backgroundColor;
  const box = el.getClientRects()[0] || el.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const inView = x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
  const hit = inView ? document.elementFromPoint(x, y) : null;
  return {
    kbd: el.dataset.kbd ?? null,
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 60),
    indicator: outline || shadow || background,
    inView,
    unobscured: hit !== null && (hit === el || el.contains(hit)),
  };
}"""


def tab_walk(page: Page, limit: int) -> list[dict[str, Any]]:
    """Press Tab until focus leaves the page or comes back round; return every stop."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(DESCRIBE_FOCUS)
        if stop is None or (stops and stop["kbd"] == stops[0]["kbd"]):
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("page_name", ["index", "release"])
def test_first_tab_stop_is_the_skip_link_and_it_moves_focus_to_main(
    reader: Page, site: Site, page_name: str
) -> None:
    reader.goto("/" if page_name == "index" else f"/releases/{site.release_slug}")
    reader.keyboard.press("Tab")
    focused = reader.evaluate("() => [document.activeElement.tagName, document.activeElement.innerText]")
    assert focused == ["A", "Zum Inhalt springen"]
    assert reader.get_by_role("link", name="Zum Inhalt springen").is_visible()
    reader.keyboard.press("Enter")
    assert reader.evaluate("() => document.activeElement.tagName") == "MAIN"
    assert reader.evaluate("() => location.hash") == "#inhalt"
    # The next Tab continues inside main, not back at the page top.
    reader.keyboard.press("Tab")
    assert reader.evaluate("() => document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("page_name", ["index", "release"])
def test_every_control_is_reachable_with_visible_unobscured_focus(
    reader: Page, site: Site, page_name: str
) -> None:
    path = "/" if page_name == "index" else f"/releases/{site.release_slug}"
    reader.goto(path)
    total = reader.evaluate(MARK_CONTROLS)
    assert total > 5
    stops = tab_walk(reader, limit=3 * total + 20)  # media controls hold several stops each
    assert stops[0]["text"] == "Zum Inhalt springen"
    reached = {stop["kbd"] for stop in stops}
    missing = [str(i) for i in range(total) if str(i) not in reached]
    names = reader.evaluate(
        "ids => ids.map(i => document.querySelector(`[data-kbd='${i}']`).outerHTML)", missing
    )
    assert not missing, f"not reachable by Tab: {names}"
    # Native media controls draw their focus ring inside the user-agent shadow tree: not measurable here.
    own = [stop for stop in stops if stop["tag"] not in {"audio", "video"}]
    assert [s for s in own if not s["indicator"]] == [], "focus without a visible indicator"
    assert [s for s in stops if not (s["inView"] and s["unobscured"])] == [], "focus off-screen or covered"


def test_leichte_sprache_link_at_the_top_jumps_to_the_plain_version(reader: Page, site: Site) -> None:
    reader.set_viewport_size({"width": 320, "height": 640})
    reader.goto(f"/releases/{site.release_slug}")
    link = reader.locator("main").get_by_role("link", name="Leichte Sprache", exact=True).first
    link.focus()
    reader.keyboard.press("Enter")
    assert reader.evaluate("() => location.hash") == "#leichte-sprache"
    assert reader.evaluate("() => scrollY") > 1000, "the page scrolled down past the long original"
    expect(reader.get_by_role("heading", name="Leichte Sprache", exact=True)).to_be_in_viewport()


def test_focus_stays_visible_in_forced_colours_mode(reader: Page) -> None:
    """Windows high-contrast drops backgrounds and shadows: the outline must carry the focus alone."""
    reader.emulate_media(forced_colors="active")
    try:
        reader.goto("/")
        reader.keyboard.press("Tab")
        outline = reader.evaluate(
            "() => [getComputedStyle(document.activeElement).outlineStyle,"
            " getComputedStyle(document.activeElement).outlineWidth]"
        )
        assert outline == ["solid", "3px"]
    finally:
        reader.emulate_media(forced_colors="none")
