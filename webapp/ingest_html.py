"""HTML → plain text of the press release on the page.

Four steps: decode (BOM, then HTTP charset, then ``<meta charset>``, then the .txt rules), drop
everything that is not content (scripts, navigation, cookie banners, hidden elements), find the
element that holds the release, and write its headings, paragraphs and list items as blocks.
Attributes are never copied, so event handlers and link targets cannot reach the text.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.dammit import EncodingDetector
from bs4.element import NavigableString, PageElement, Tag

from webapp.ingest_text import decode_text

# Elements whose content is never release text.
_DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "frame", "frameset",
    "object", "embed", "applet", "svg", "math", "canvas", "video", "audio", "map", "button", "input",
    "select", "textarea", "dialog", "head", "title", "meta", "link", "base",
})  # fmt: skip
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"})
_BANNER_WORDS = re.compile(r"cookie|consent|banner|gdpr|dsgvo", re.IGNORECASE)
# Page furniture inside the content area: share buttons, breadcrumbs, teasers of other releases.
_FURNITURE_WORDS = re.compile(
    r"share|social|breadcrumb|pagination|related|teaser|newsletter|subscribe|skip-?link", re.IGNORECASE
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Where a release usually lives, most specific first.
_CONTENT_SELECTORS = ("article", "[itemprop~=articleBody]", "main", "[role=main]")
# A candidate must hold at least this share of the page's text, so a lone teaser <article>
# beside the real release (in a <div>) is not mistaken for it.
_MIN_CONTENT_SHARE = 0.3

_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
    "hgroup", "hr", "html", "legend", "main", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "thead", "tfoot", "tr", "ul", "center",
})  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_LINE_TAGS = frozenset({"tr", "dt", "dd"})  # one line each, inside the block of their table or list
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_BLOCK_BREAK = "\x00"  # placeholder for a block boundary while writing, turned into a blank line
_ITEM_START = re.compile("\n• [ \x00]*")  # a <p> inside an <li> must not split off the bullet
_BLANK_RUNS = re.compile(r"\n{3,}")
_DOUBLE_SPACES = re.compile(r"(?<=\S)  +")
_GAP_BETWEEN_ITEMS = re.compile(r"(?m)^(• .*)\n\n+(?=• )")


def html_to_text(data: bytes, http_charset: str | None = None) -> str:
    """The release text of an HTML document (not yet normalised)."""
    markup = _XML_DECLARATION.sub("", _decode(data, http_charset))
    if "<" not in markup:
        return markup
    soup = BeautifulSoup(markup, "lxml")
    _drop_non_content(soup)
    root = _content_root(soup)
    parts: list[str] = []
    if root.name != "body" and root.find(["h1", "h2"]) is None:
        # An articleBody often leaves the headline outside; the parser needs the title.
        headline = soup.find("h1")
        if isinstance(headline, Tag):
            _write(headline, parts)
    _write(root, parts)
    return _assemble(parts)


def _decode(data: bytes, http_charset: str | None) -> str:
    declared = http_charset or EncodingDetector.find_declared_encoding(data[:4096], is_html=True)
    return decode_text(data, declared)


def _drop_non_content(soup: BeautifulSoup) -> None:
    """Remove everything that is not content; one pass that does not descend into dropped subtrees."""
    doomed: list[Tag] = []
    stack: list[Tag] = [soup]
    while stack:
        tag = stack.pop()
        for child in tag.contents:
            if not isinstance(child, Tag):
                continue
            if child.name in _DROP_TAGS or _is_hidden(child) or _is_page_chrome(child) or _is_banner(child):
                doomed.append(child)
            else:
                stack.append(child)
    for tag in doomed:
        tag.decompose()


def _is_hidden(tag: Tag) -> bool:
    return (
        tag.has_attr("hidden")
        or str(tag.get("aria-hidden", "")).lower() == "true"
        or bool(_HIDDEN_STYLE.search(str(tag.get("style", ""))))
    )


def _is_page_chrome(tag: Tag) -> bool:
    """Site header/footer and landmark roles; a <header>/<footer> inside the release stays."""
    if str(tag.get("role", "")).lower() in _DROP_ROLES and not _holds_content(tag):
        return True
    if tag.name in ("header", "footer"):
        return tag.find_parent(["article", "main"]) is None and not _holds_content(tag)
    return False


def _is_banner(tag: Tag) -> bool:
    """Cookie banners and page furniture, recognised by their id or class names."""
    classes = tag.get("class")
    names = " ".join(
        [str(tag.get("id", "")), *(classes if isinstance(classes, list) else [str(classes or "")])]
    )
    if not (_BANNER_WORDS.search(names) or _FURNITURE_WORDS.search(names)):
        return False
    return tag.name not in ("html", "body") and not _holds_content(tag)


def _holds_content(tag: Tag) -> bool:
    """True when ``tag`` wraps the page's main content (e.g. ``<body class="cookie-consent-open">``)."""
    return (
        tag.name in ("main", "article")
        or tag.select_one("main, article, [itemprop~=articleBody], h1") is not None
    )


def _content_root(soup: BeautifulSoup) -> Tag:
    body = soup.body if soup.body is not None else soup
    total = _text_length(body)
    for selector in _CONTENT_SELECTORS:
        candidates = body.select(selector)
        if candidates:
            best = max(candidates, key=_text_length)
            if _text_length(best) >= _MIN_CONTENT_SHARE * total:
                return best
    return _densest_container(body)


def _densest_container(body: Tag) -> Tag:
    """The element whose own paragraphs hold the most text, else the body."""
    scores: dict[int, tuple[int, Tag]] = {}
    for paragraph in body.find_all("p"):
        parent = paragraph.parent
        if isinstance(parent, Tag):
            score, _ = scores.get(id(parent), (0, parent))
            scores[id(parent)] = (score + _text_length(paragraph), parent)
    if not scores:
        return body
    score, best = max(scores.values(), key=lambda item: item[0])
    if best.find("h1") is None and (parent := best.parent) is not None and parent.find("h1") is not None:
        # Title and paragraphs are often siblings in one wrapper; keep them together.
        if _text_length(parent) < 2 * _text_length(best):
            best = parent
    return best


def _text_length(tag: Tag) -> int:
    return len(_SPACES.sub("", tag.get_text()))


def _write(root: Tag, parts: list[str]) -> None:
    """Append the text under ``root`` to ``parts`` with block and line breaks.

    Iterative, because a hostile page may nest elements deeper than Python's recursion limit.
    """
    stack: list[tuple[PageElement, bool] | str] = [(root, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        node, in_pre = item
        if isinstance(node, Tag):
            opening, closing = _markers(node.name)
            parts.append(opening)
            stack.append(closing)
            in_pre = in_pre or node.name == "pre"
            stack.extend((child, in_pre) for child in reversed(node.contents))
        elif type(node) is NavigableString:  # not Comment, CData, Doctype, ProcessingInstruction
            parts.append(str(node) if in_pre else _SPACES.sub(" ", str(node)))


def _markers(name: str) -> tuple[str, str]:
    """What to write before and after an element's content."""
    if name == "br":
        return "\n", ""
    if name == "li":
        return _BLOCK_BREAK + "\n• ", "\n"
    if name in _LINE_TAGS:
        return "", "\n"
    if name in _CELL_TAGS:
        return " ", ""
    if name in _BLOCK_TAGS:
        return _BLOCK_BREAK, _BLOCK_BREAK
    return "", ""


def _assemble(parts: list[str]) -> str:
    """Join the written parts: block breaks become one blank line, list items stay together."""
    text = _ITEM_START.sub("\n• ", "".join(parts)).replace(_BLOCK_BREAK, "\n\n")
    text = "\n".join(_DOUBLE_SPACES.sub(" ", line.strip(" \t\u00a0")) for line in text.split("\n"))
    text = _BLANK_RUNS.sub("\n\n", text.replace("\n•\n", "\n"))
    return _GAP_BETWEEN_ITEMS.sub(r"\1\n", text)
