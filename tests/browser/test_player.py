"""The audio players and read-along on the release page (issue 6, §3 and §8).

Without JavaScript: players and transcripts only. With it: speed control, the "Mitlesen hervorheben"
toggle, the sentence being spoken highlighted (CSS Custom Highlight API, or the ``is-spoken`` class where
the API is missing), "Ab hier anhören" buttons — all by keyboard, silent for screen readers (no live
region) and without moving focus. Also the highlight colours' contrast, computed from style.css.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import VIEWPORT
from .seed import Site
from .test_axe import assert_no_violations

STYLE = Path(__file__).resolve().parents[2] / "webapp" / "static" / "style.css"
PLAYER = ".player[data-version='{}']"
SECTION = {"original": "#original", "plain": "#leichte-sprache"}

# Seek the version's audio to t (loading its metadata first: the players say preload="none"), wait for
# `seeked`, and report what is highlighted. The read-along script's `seeked` listener was added first,
# so it has run when ours resolves.
SEEK_AND_REPORT = """async ([version, t]) => {
  const audio = document.querySelector(`.player[data-version='${version}'] audio`);
  if (audio.readyState < 1) {
    const loaded = new Promise(r => audio.addEventListener('loadedmetadata', r, {once: true}));
    audio.preload = 'metadata';
    audio.load();
    await loaded;
  }
  const seeked = new Promise(r => audio.addEventListener('seeked', r, {once: true}));
  audio.currentTime = t;
  await seeked;
  return HIGHLIGHTED();
}"""
HIGHLIGHTED = """() => {
  const owner = node => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement).closest('[id]');
  const ranges = name => (window.CSS && CSS.highlights && CSS.highlights.get(name)) ?
    [...CSS.highlights.get(name)].map(r => owner(r.commonAncestorContainer).id) : [];
  return {
    satz: ranges('satz'),
    wort: ranges('wort'),
    spoken: [...document.querySelectorAll('.is-spoken')].map(el => el.id),
    focus: document.activeElement.id || document.activeElement.className || document.activeElement.tagName,
  };
}"""
FOCUSED = """() => {
  const el = document.activeElement;
  return `${el.tagName.toLowerCase()}#${el.id}.${el.className}`;
}"""
LIVE_REGIONS = "[aria-live], [role=status], [role=alert], [role=log], [role=timer], [role=marquee]"


def seek_and_report(page: Page, version: str, time: float) -> dict[str, Any]:
    return page.evaluate(SEEK_AND_REPORT.replace("HIGHLIGHTED()", f"({HIGHLIGHTED})()"), [version, time])


def timings(page: Page, version: str) -> list[dict[str, Any]]:
    url = page.locator(PLAYER.format(version)).get_attribute("data-timings")
    assert url
    response = page.request.get(url)
    assert response.ok, url
    units: list[dict[str, Any]] = response.json()["units"]
    return units


def unit_on_page(
    page: Page, units: list[dict[str, Any]], anchor_prefix: str, skip: int = 2
) -> dict[str, Any]:
    """A unit past the first few whose sentence element is on the page (the heading has none)."""
    on_page = [u for u in units if u["anchor"] and u["anchor"].startswith(anchor_prefix)]
    on_page = [u for u in on_page if page.locator(f"#{u['anchor']}").count() == 1]
    assert len(on_page) > skip, f"too few {anchor_prefix} units with an element on the page"
    return on_page[skip]


def follow_on(page: Page, version: str) -> None:
    """Press the version's toggle (by keyboard) and wait for the "Ab hier anhören" buttons."""
    toggle = page.locator(PLAYER.format(version)).get_by_role("button", name="Mitlesen hervorheben")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    # The button's "▶" is decoration: the accessible name is the visible words alone.
    buttons = page.locator(SECTION[version]).get_by_role("button", name="Ab hier anhören", exact=True)
    expect(buttons.first).to_be_visible()


@pytest.fixture(scope="module")
def player_tabs(browser: Browser, base_url: str) -> Iterator[dict[str, Page]]:
    """One tab with the CSS Custom Highlight API and one where the script must fall back to a class."""
    tabs = {}
    for kind in ("highlight-api", "fallback"):
        context = browser.new_context(base_url=base_url, locale="de-DE", viewport=VIEWPORT)
        if kind == "fallback":
            context.add_init_script("delete window.Highlight;")
        # Chromium cancels media requests mid-stream while it seeks; Werkzeug's development server then
        # leaks the open file (a ResourceWarning, an error under pytest). Playwright fetches each request to
        # the end (Range and all) and hands the response on, so the server never sees a dropped connection.
        context.route("**/audio/*.mp3", lambda route: route.fulfill(response=route.fetch()))
        tabs[kind] = context.new_page()
    yield tabs
    for page in tabs.values():
        page.context.close()


@pytest.fixture
def player_page(player_tabs: dict[str, Page], site: Site, request: pytest.FixtureRequest) -> Page:
    """The release page, freshly loaded; parametrize indirectly with "fallback" for the class fallback."""
    page = player_tabs[getattr(request, "param", "highlight-api")]
    page.set_viewport_size(VIEWPORT)
    page.goto(f"/releases/{site.release_slug}")
    return page


@pytest.mark.browser
def test_without_javascript_players_and_transcripts_are_there_and_tools_hidden(
    browser: Browser, base_url: str, site: Site
) -> None:
    context = browser.new_context(
        base_url=base_url, locale="de-DE", viewport=VIEWPORT, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(f"/releases/{site.release_slug}")
        audios = page.locator("#anhoeren audio")
        assert audios.count() == 2
        for i in range(2):
            audio = audios.nth(i)
            expect(audio).to_be_visible()
            assert audio.get_attribute("controls") is not None
            assert audio.get_attribute("preload") == "none"
            assert audio.get_attribute("autoplay") is None
        for label in ("Original", "Leichte Sprache"):
            expect(page.get_by_role("heading", name=f"{label} anhören", level=3)).to_be_visible()
            expect(
                page.get_by_role("link", name=re.compile(rf"^MP3 herunterladen \({label}, .+MB"))
            ).to_be_visible()
        expect(page.locator(".player-tools")).to_have_count(2)
        for i in range(2):
            expect(page.locator(".player-tools").nth(i)).to_be_hidden()
        transcripts = page.locator("details.transcript")
        expect(transcripts).to_have_count(2)
        transcripts.first.locator("summary").click()
        expect(transcripts.first.locator("p").nth(3)).to_be_visible()
        assert transcripts.first.locator("p").count() > 10
        # The whole page is there: all three versions, the original's sentences, the plain text.
        for name in ("Original", "Leichte Sprache", "Anhören"):
            expect(page.get_by_role("heading", name=name, level=2, exact=True)).to_be_visible()
        assert page.locator("#original [id^='satz-']").count() > 10
        assert page.locator("#leichte-sprache [id^='ls-']").count() > 10
        assert page.locator(".play-from").count() == 0
    finally:
        context.close()


@pytest.mark.browser
def test_player_speed_toggle_and_jump_work_with_the_keyboard_alone(player_page: Page) -> None:
    page = player_page
    audio = page.locator(PLAYER.format("original")).locator("audio")

    def tab_to(wanted: str, limit: int = 15) -> list[str]:
        """Press Tab until the focused element is ``wanted`` (tag#id.class); return every stop."""
        stops: list[str] = []
        for _ in range(limit):
            page.keyboard.press("Tab")
            stops.append(page.evaluate(FOCUSED))
            if stops[-1] == wanted:
                return stops
        raise AssertionError(f"{wanted} not reached by Tab: {stops}")

    # The contents link "Anhören" moves the Tab starting point to the players section.
    page.get_by_role("navigation", name="Auf dieser Seite").get_by_role("link", name="Anhören").focus()
    page.keyboard.press("Enter")
    stops = tab_to("select#tempo-original.tempo")
    assert stops[0] == "audio#.", "the first stop after the heading is the original's player"

    # Speed: arrow keys on the focused select change the playback rate.
    page.keyboard.press("ArrowDown")
    assert audio.evaluate("a => a.playbackRate") == 1.25
    page.keyboard.press("ArrowDown")
    assert audio.evaluate("a => a.playbackRate") == 1.5
    page.keyboard.press("Home")
    assert audio.evaluate("a => a.playbackRate") == 0.75

    # Toggles: Enter on the original's, then on through the download and transcript to the plain version's
    # player, speed control and toggle, pressed with Space.
    tab_to("button#.follow", limit=1)
    page.keyboard.press("Enter")
    expect(page.locator(PLAYER.format("original")).locator(".follow")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("#original .play-from").first).to_be_visible()
    stops = tab_to("select#tempo-plain.tempo")
    assert (
        "audio#." in stops
        and page.evaluate("() => document.activeElement.closest('.player').dataset.version") == "plain"
    )
    tab_to("button#.follow", limit=1)
    page.keyboard.press(" ")
    expect(page.locator(PLAYER.format("plain")).locator(".follow")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#leichte-sprache .play-from").first).to_be_visible()
    assert page.locator("#original .play-from").count() < page.locator("#original [id^='satz-']").count()

    # Jump: Tab from the lead's "Warum schwer?" link to the paragraph's button, Enter plays from its start.
    units = {u["anchor"]: u for u in timings(page, "original") if u["anchor"]}
    lead = page.locator("#original p.lead")
    first_id = lead.locator("[id^='satz-']").first.get_attribute("id")
    assert first_id in units
    lead.locator(".why a").first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => [document.activeElement.className, document.activeElement.closest('p').className]"
    ) == [
        "play-from",
        "lead",
    ]
    page.keyboard.press("Enter")
    start, end = units[first_id]["start"], units[first_id]["end"]
    page.wait_for_function('() => !document.querySelector("audio").paused')
    now = audio.evaluate("a => a.currentTime")
    assert start - 0.01 <= now < end, (start, now, end)
    page.wait_for_function(
        "id => CSS.highlights.get('satz') && [...CSS.highlights.get('satz')].some(r =>"
        " document.getElementById(id).contains(r.commonAncestorContainer))",
        arg=first_id,
    )
    assert page.evaluate("() => document.activeElement.className") == "play-from", "focus stays on the button"
    audio.evaluate("a => a.pause()")


@pytest.mark.browser
@pytest.mark.parametrize("player_page", ["highlight-api", "fallback"], indirect=True)
@pytest.mark.parametrize(("version", "prefix"), [("original", "satz-"), ("plain", "ls-")])
def test_seeking_highlights_the_sentence_silently_without_moving_focus(
    player_page: Page, version: str, prefix: str
) -> None:
    page = player_page
    fallback = page.evaluate("() => typeof Highlight !== 'function'")
    follow_on(page, version)
    toggle_id = page.evaluate("() => document.activeElement.className")
    unit = unit_on_page(page, timings(page, version), prefix, skip=1)
    sentence = page.locator(f"#{unit['anchor']}")
    # In the original a hard sentence: its own mark colour must not hide the highlight.
    assert sentence.evaluate("el => el.matches('mark.hard, .s')")
    if version == "original":
        assert sentence.evaluate("el => el.matches('mark.hard')")
    unspoken = sentence.evaluate("el => getComputedStyle(el).backgroundColor")
    seen = seek_and_report(page, version, unit["start"])
    if fallback:
        assert seen["spoken"] == [unit["anchor"]] and seen["satz"] == []
        assert sentence.evaluate("el => getComputedStyle(el).backgroundColor") != unspoken, "visibly marked"
    else:
        assert seen["satz"] == [unit["anchor"]] and seen["spoken"] == []
        assert seen["wort"] == [unit["anchor"]], "the first word is highlighted too"
    assert seen["focus"] == toggle_id == "follow", "focus did not move"
    assert page.locator(LIVE_REGIONS).count() == 0
    # Seeking past the unit moves the highlight on; turning the toggle off removes it and the buttons.
    after = seek_and_report(page, version, unit["end"] + 0.01)
    assert unit["anchor"] not in after["satz"] + after["spoken"]
    page.keyboard.press("Enter")
    cleared = page.evaluate(f"({HIGHLIGHTED})()")
    assert cleared["satz"] == cleared["spoken"] == cleared["wort"] == []
    assert page.locator(".play-from").count() == 0


@pytest.mark.browser
def test_pressing_the_toggle_again_while_timings_load_adds_each_button_once(player_page: Page) -> None:
    page = player_page
    toggle = page.locator(PLAYER.format("plain")).locator(".follow")
    toggle.evaluate("b => { b.click(); b.click(); b.click(); }")  # on, off, on before the fetch returns
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#leichte-sprache .play-from").first).to_be_visible()
    lines = page.locator("#leichte-sprache :is(p, li):has([id^='ls-'], [id^='lk-'])").count()
    assert page.locator("#leichte-sprache .play-from").count() == lines
    assert page.locator("#leichte-sprache :is(p, li) .play-from + .play-from").count() == 0


@pytest.mark.browser
def test_axe_with_read_along_on_and_a_sentence_highlighted(player_page: Page) -> None:
    """Both toggles on (so every "Ab hier anhören" button is on the page) and a sentence highlighted."""
    page = player_page
    follow_on(page, "original")
    follow_on(page, "plain")
    unit = unit_on_page(page, timings(page, "original"), "satz-")
    assert seek_and_report(page, "original", unit["start"])["satz"] == [unit["anchor"]]
    assert_no_violations(page, "release (read-along on, sentence highlighted)")


@pytest.mark.browser
@pytest.mark.parametrize("player_page", ["fallback"], indirect=True)
def test_axe_with_the_class_fallback_highlight(player_page: Page) -> None:
    """axe cannot see ::highlight paint, but it measures the is-spoken class's colours."""
    page = player_page
    follow_on(page, "plain")
    unit = unit_on_page(page, timings(page, "plain"), "ls-")
    assert seek_and_report(page, "plain", unit["start"])["spoken"] == [unit["anchor"]]
    assert_no_violations(page, "release (is-spoken fallback)")


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
def test_screenshot_with_read_along_on(player_page: Page, artifacts: Path, width: int) -> None:
    page = player_page
    page.set_viewport_size({"width": width, "height": 900})
    follow_on(page, "original")
    follow_on(page, "plain")
    unit = unit_on_page(page, timings(page, "original"), "satz-")
    assert seek_and_report(page, "original", unit["start"])["satz"] == [unit["anchor"]]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    page.locator(f"#{unit['anchor']}").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"read-along-{width}.png"))
    # At 1280 px the section is as tall as the longest column: shoot the viewport at its players instead.
    page.locator(PLAYER.format("original")).evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(artifacts / f"player-{width}.png"))


@pytest.mark.browser
def test_editor_saves_the_plain_version_with_the_keyboard_alone(editor_page: Page, site: Site) -> None:
    page = editor_page
    page.goto(f"/redaktion/pm/{site.release_ids[0]}/leichte-sprache")
    page.get_by_label(re.compile("Wörterbuch")).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Speichern"
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.keyboard.press("Enter")
    assert posted.value.status == 303
    page.wait_for_url(f"**/redaktion/pm/{site.release_ids[0]}")
    expect(page.get_by_role("status")).to_contain_text("Keine Änderung")


# --- Highlight colours (no browser): WCAG 1.4.3 for highlighted and marked text ---------------------------

HIGHLIGHT_RULES = ("::highlight(satz)", "::highlight(wort)", ".is-spoken", "mark.hard")


def css_rules(css: str) -> dict[str, dict[str, str]]:
    """Top-level selector → declarations (rules inside @media blocks are left out)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = dict(
            (name.strip(), value.strip())
            for name, _, value in (d.partition(":") for d in body.split(";"))
            if value.strip()
        )
        for selector in selectors.split(","):
            rules.setdefault(selector.strip(), {}).update(declarations)
    return rules


def colour(value: str, variables: dict[str, str]) -> tuple[float, float, float]:
    value = value.split()[0]
    while value.startswith("var("):
        value = variables[value[4:-1].strip()].split()[0]
    match = re.fullmatch(r"#([0-9a-fA-F]{6})", value)
    assert match, f"not a #rrggbb colour: {value}"
    digits = match[1]
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def luminance(rgb: tuple[float, float, float]) -> float:
    """Relative luminance, WCAG 2.2 definition."""
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_known_pairs() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("selector", HIGHLIGHT_RULES)
def test_highlight_colours_have_at_least_4_5_to_1_contrast(selector: str) -> None:
    rules = css_rules(STYLE.read_text(encoding="utf-8"))
    variables = {k: v for k, v in rules[":root"].items() if k.startswith("--")}
    declarations = rules[selector]
    background = declarations.get("background-color") or declarations["background"]
    ratio = contrast(colour(background, variables), colour(declarations["color"], variables))
    assert ratio >= 4.5, f"{selector}: {ratio:.2f}:1"


def test_sentence_highlight_differs_from_the_hard_sentence_mark() -> None:
    """Most sentences of the original are marked hard: a highlight in the same colour would be invisible."""
    rules = css_rules(STYLE.read_text(encoding="utf-8"))
    variables = {k: v for k, v in rules[":root"].items() if k.startswith("--")}
    mark = colour(rules["mark.hard"]["background"], variables)
    for selector in ("::highlight(satz)", "::highlight(wort)", ".is-spoken"):
        assert colour(rules[selector]["background-color"], variables) != mark, selector
