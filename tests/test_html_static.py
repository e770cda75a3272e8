"""Fast accessibility checks on the rendered HTML, without a browser (the browser tests go deeper).

Every public and editor page, in its normal and its error state: ``lang="de"``, a title, exactly one h1,
heading levels that never skip, a label for every form control, buttons with text, unique ids, no
autoplay, named audio players, and error messages tied to their fields.
"""

from __future__ import annotations

import lxml.html
import pytest
from flask.testing import FlaskClient

from tests.browser.seed import EDITOR, EDITOR_PASSWORD, Site, seeded_site

UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return seeded_site(tmp_path_factory.mktemp("static") / "instance", WTF_CSRF_ENABLED=False)


@pytest.fixture(scope="module")
def reader(site: Site) -> FlaskClient:
    return site.app.test_client()


@pytest.fixture(scope="module")
def editor(site: Site) -> FlaskClient:
    client = site.app.test_client()
    assert client.post("/login", data={"username": EDITOR, "password": EDITOR_PASSWORD}).status_code == 302
    return client


# name -> (method, path, expected status); a POST sends an empty form, i.e. the page's error state.
PUBLIC = {
    "index": ("GET", "/", 200),
    "index-page-2": ("GET", "/?seite=2", 200),
    "index-search": ("GET", "/?q=Feuerwehr", 200),
    "index-no-hits": ("GET", "/?q=Quarkstrudel", 200),
    "release": ("GET", "/releases/{release_slug}", 200),
    "release-short": ("GET", "/releases/{last_slug}", 200),
    "about": ("GET", "/ueber", 200),
    "login": ("GET", "/login", 200),
    "login-error": ("POST", "/login", 200),
    "not-found": ("GET", "/releases/gibt-es-nicht", 404),
}
EDITOR_PAGES = {
    "editor-list": ("GET", "/redaktion/", 200),
    "editor-new": ("GET", "/redaktion/neu", 200),
    "editor-new-error": ("POST", "/redaktion/neu", 400),
    "editor-release": ("GET", "/redaktion/pm/{release_id}", 200),
    "editor-draft": ("GET", "/redaktion/pm/{draft_id}", 200),
    "draft-preview": ("GET", "/releases/{draft_slug}", 200),
    "change-password": ("GET", "/passwort", 200),
    "change-password-error": ("POST", "/passwort", 200),
}


def fetch(client: FlaskClient, site: Site, method: str, path: str, status: int) -> lxml.html.HtmlElement:
    path = path.format(
        release_slug=site.release_slug,
        last_slug=site.slugs[-1],
        release_id=site.release_ids[0],
        draft_id=site.draft_id,
        draft_slug=site.draft_slug,
    )
    response = client.get(path) if method == "GET" else client.post(path, data={})
    assert response.status_code == status, path
    return lxml.html.document_fromstring(response.get_data(as_text=True))


def text_of(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def markup(element: lxml.html.HtmlElement) -> str:
    return str(lxml.html.tostring(element, encoding=str, with_tail=False))[:120]


def accessible_name(doc: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> str:
    """A cut-down accessible name: aria-labelledby, aria-label, a label (for= or wrapping), title."""
    if element.get("aria-labelledby"):
        parts = [doc.get_element_by_id(i, None) for i in element.get("aria-labelledby", "").split()]
        return " ".join(text_of(p) for p in parts if p is not None)
    aria_label = str(element.get("aria-label", "")).strip()
    if aria_label:
        return aria_label
    labels = [
        label for label in doc.iter("label") if element.get("id") and label.get("for") == element.get("id")
    ]
    labels += list(element.iterancestors("label"))
    return " ".join(text_of(label) for label in labels) or str(element.get("title", "")).strip()


def check_language(doc: lxml.html.HtmlElement) -> list[str]:
    lang = doc.get("lang")
    return [] if lang == "de" else [f"html lang is {lang!r}, not 'de'"]


def check_title(doc: lxml.html.HtmlElement) -> list[str]:
    return [] if doc.findtext(".//title", "").strip() else ["empty <title>"]


def check_headings(doc: lxml.html.HtmlElement) -> list[str]:
    """Exactly one h1, first; each heading at most one level below the one before it."""
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    found = [] if levels.count(1) == 1 else [f"{levels.count(1)} h1 elements instead of one"]
    if levels and levels[0] != 1:
        found.append(f"first heading is h{levels[0]}")
    found += [
        f"heading level jumps from h{before} to h{after}"
        for before, after in zip(levels, levels[1:], strict=False)
        if after > before + 1
    ]
    return found


def check_labels(doc: lxml.html.HtmlElement) -> list[str]:
    controls = [
        c
        for c in doc.xpath("//input | //select | //textarea")
        if not (c.tag == "input" and c.get("type", "text") in UNLABELLED_INPUTS)
    ]
    return [f"form control without label: {markup(c)}" for c in controls if not accessible_name(doc, c)]


def check_buttons(doc: lxml.html.HtmlElement) -> list[str]:
    return [
        f"button without text: {markup(b)}"
        for b in doc.xpath("//button | //input[@type='submit' or @type='button']")
        if not (text_of(b) or b.get("value", "").strip() or b.get("aria-label", "").strip())
    ]


def check_media(doc: lxml.html.HtmlElement) -> list[str]:
    """No autoplay anywhere (1.4.2); named players (else Chromium says "Unable to play media.")."""
    found = [f"autoplay on <{element.tag}>" for element in doc.xpath("//*[@autoplay]")]
    return found + [
        f"<{m.tag}> without a name" for m in doc.iter("audio", "video") if not accessible_name(doc, m)
    ]


def check_unique_ids(doc: lxml.html.HtmlElement) -> list[str]:
    """Labels, aria-labelledby and skip links all point at ids: a duplicate breaks them silently."""
    ids = [element.get("id") for element in doc.xpath("//*[@id]")]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    return [f"duplicate ids: {duplicates}"] if duplicates else []


def check_error_messages(doc: lxml.html.HtmlElement) -> list[str]:
    """A field's error list is tied to the field (aria-describedby), which is marked aria-invalid."""
    found = []
    for errors in doc.xpath("//*[contains(concat(' ', @class, ' '), ' field-errors ')]"):
        fields = doc.xpath(
            "//*[contains(concat(' ', @aria-describedby, ' '), $id)]", id=f" {errors.get('id')} "
        )
        if not fields or any(field.get("aria-invalid") != "true" for field in fields):
            found.append(f"error list {errors.get('id')!r} not tied to an aria-invalid field")
    return found


CHECKS = (
    check_language,
    check_title,
    check_headings,
    check_labels,
    check_buttons,
    check_media,
    check_unique_ids,
    check_error_messages,
)


def problems(doc: lxml.html.HtmlElement) -> list[str]:
    return [problem for check in CHECKS for problem in check(doc)]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_page_html(site: Site, reader: FlaskClient, name: str) -> None:
    doc = fetch(reader, site, *PUBLIC[name])
    assert problems(doc) == []


@pytest.mark.parametrize("name", EDITOR_PAGES)
def test_editor_page_html(site: Site, editor: FlaskClient, name: str) -> None:
    doc = fetch(editor, site, *EDITOR_PAGES[name])
    assert problems(doc) == []


def test_release_page_has_the_three_version_sections(site: Site, reader: FlaskClient) -> None:
    doc = fetch(reader, site, *PUBLIC["release"])
    sections = doc.xpath("//*[contains(concat(' ', @class, ' '), ' versions-grid ')]/*")
    assert [text_of(section.xpath(".//h2")[0]) for section in sections] == [
        "Original",
        "Leichte Sprache",
        "Anhören",
    ]
    skip = doc.xpath("//body//a")[0]
    assert (text_of(skip), skip.get("href")) == ("Zum Inhalt springen", "#inhalt")
    assert doc.xpath("//main/@id") == ["inhalt"]


BROKEN = """<!doctype html><html lang="en"><head><title></title></head>
<body><h2>x</h2><h4>y</h4><input id="a"><button></button>
<audio src="x.mp3" autoplay></audio><p id="d"></p><p id="d"></p>
<input id="pw" aria-label="Passwort"><ul class="field-errors" id="pw-fehler"><li>Falsch</li></ul>
</body></html>"""


def test_the_checks_catch_broken_markup() -> None:
    found = problems(lxml.html.document_fromstring(BROKEN))
    assert found == [
        "html lang is 'en', not 'de'",
        "empty <title>",
        "0 h1 elements instead of one",
        "first heading is h2",
        "heading level jumps from h2 to h4",
        'form control without label: <input id="a">',
        "button without text: <button></button>",
        "autoplay on <audio>",
        "<audio> without a name",
        "duplicate ids: ['d']",
        "error list 'pw-fehler' not tied to an aria-invalid field",
    ]
