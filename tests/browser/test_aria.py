"""The accessibility tree of the release page: landmarks, one h1, an h2 per version, named controls."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from .seed import Site

pytestmark = pytest.mark.browser

# A node line: `- role "name" [attrs]:`; YAML wraps the whole line in single quotes when the name has ": ".
ROLE_LINE = re.compile(r"^\s*- '?(?P<role>[a-z]+)(?: \"(?P<name>(?:[^\"\\]|\\.)*)\")?(?P<rest>.*)$")
NAMED_ROLES = {"link", "button", "textbox", "searchbox", "combobox", "checkbox", "radio", "slider"}


def nodes(snapshot: str) -> list[tuple[str, str | None, str]]:
    """(role, name, rest of the line) for every node of a Playwright ARIA snapshot."""
    found = []
    for line in snapshot.splitlines():
        match = ROLE_LINE.match(line)
        if match:
            found.append((match["role"], match["name"], match["rest"]))
    return found


@pytest.fixture
def release_tree(reader: Page, site: Site) -> list[tuple[str, str | None, str]]:
    reader.goto(f"/releases/{site.release_slug}")
    return nodes(reader.locator("body").aria_snapshot())


def test_release_page_has_the_landmarks(release_tree: list[tuple[str, str | None, str]]) -> None:
    roles = [role for role, _, _ in release_tree]
    for landmark in ("banner", "navigation", "main", "contentinfo"):
        assert landmark in roles, landmark
    assert roles.count("banner") == 1 and roles.count("main") == 1 and roles.count("contentinfo") == 1
    navigations = {name for role, name, _ in release_tree if role == "navigation"}
    assert {"Service", "Auf dieser Seite"} <= navigations


def test_release_page_has_one_h1_and_an_h2_per_version(
    release_tree: list[tuple[str, str | None, str]],
) -> None:
    headings = [(name, rest) for role, name, rest in release_tree if role == "heading"]
    assert len([h for h in headings if "[level=1]" in h[1]]) == 1
    h2 = [name for name, rest in headings if "[level=2]" in rest]
    for version in ("Original", "Leichte Sprache", "Anhören"):
        assert version in h2, f"h2 {version!r} missing from {h2}"
    regions = {name for role, name, _ in release_tree if role == "region"}
    assert {"Original", "Leichte Sprache", "Anhören"} <= regions, "each version is a named region"


def test_release_page_controls_have_names(release_tree: list[tuple[str, str | None, str]]) -> None:
    unnamed = [(role, rest) for role, name, rest in release_tree if role in NAMED_ROLES and not name]
    assert unnamed == []
    links = {name for role, name, _ in release_tree if role == "link"}
    assert {"Zum Inhalt springen", "Leichte Sprache: Über diese Seite", "Leichte Sprache"} <= links


def test_page_language_is_german(reader: Page, site: Site) -> None:
    for path in ("/", f"/releases/{site.release_slug}", "/ueber", "/login"):
        reader.goto(path)
        assert reader.locator("html").get_attribute("lang") == "de", path


def test_audio_elements_are_named_in_the_full_tree(reader: Page, site: Site) -> None:
    """Without a name Chromium announces an <audio> as "Unable to play media." (CDP AX tree)."""
    reader.goto(f"/releases/{site.release_slug}")
    session = reader.context.new_cdp_session(reader)
    tree = session.send("Accessibility.getFullAXTree")
    session.detach()
    roles = [node.get("role", {}).get("value") for node in tree["nodes"]]
    assert "main" in roles and "contentinfo" in roles
    audio = [node for node in tree["nodes"] if node.get("role", {}).get("value") == "Audio"]
    for node in audio:
        name = node.get("name", {}).get("value", "")
        assert name and "Unable to play" not in name, node
