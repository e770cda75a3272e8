"""Markdown → plain text: the syntax goes, the words and the blocks stay.

Line based on purpose: a press release in Markdown is headings, paragraphs, lists, emphasis
and links. The German gender star (``Bürger*innen``) is not emphasis: a ``*`` or ``_`` only
counts as emphasis when it opens or closes a word from the outside.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_ORDERED = re.compile(r"^\s*\d{1,9}[.)]\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")

_HTML_BLOCKS = re.compile(r"(?is)<(script|style|iframe|object|template)\b.*?</\1\s*>|<!--.*?-->")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_CODE = re.compile(r"`+([^`]+)`+")
_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def markdown_to_text(markdown: str) -> str:
    """Plain text with blank lines between blocks and list items as ``• item`` lines."""
    markdown = _HTML_BLOCKS.sub("", markdown)
    out: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        out.extend(_convert_line(line, out))
    return "\n".join(out)


def _convert_line(line: str, previous: list[str]) -> list[str]:
    """The output lines for one Markdown line; may rewrite ``previous`` for setext headings."""
    prev_text = previous[-1].strip() if previous else ""
    if _SETEXT_UNDERLINE.match(line) and prev_text and not prev_text.startswith("• "):
        previous.insert(len(previous) - 1, "")
        return [""]
    if _RULE.match(line) or _LINK_DEFINITION.match(line) or _TABLE_SEPARATOR.match(line) and "-" in line:
        return [""]
    heading = _ATX_HEADING.match(line)
    if heading:
        return ["", _inline(heading.group(1) or ""), ""]
    line = _QUOTE.sub("", line)
    bullet = _BULLET.match(line)
    ordered = _ORDERED.match(line)
    # An ordered marker only starts a list at the start of a block or after another item, so a
    # wrapped line starting with a date such as "1. Januar 2026" stays text.
    if ordered and (not prev_text or prev_text.startswith("• ")):
        bullet = ordered
    if bullet:
        return ["• " + _inline(bullet.group(1))]
    if line.lstrip().startswith("|"):
        line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
    return [_inline(line)]


def _inline(text: str) -> str:
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _STRIKE.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)
