"""The plain text of a rendered article, with the spans of its parts.

This module is the one model of which HTML is text: the mention linker (``mention_links``) reads the same text
nodes (everything outside ``SKIP``) and never links inside ``NO_LINKS``, whose headings the model marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

SKIP = frozenset({"code", "pre", "script", "style", "template", "svg", "math"})  # not text at all
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
NO_LINKS = HEADINGS | {"a"}  # text, but no entity link goes inside (a heading, an existing link)
BLOCKS = frozenset({
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "section", "article",
    "aside", "header", "footer", "figure", "figcaption", "dd", "dt", "td", "th", "ul", "ol", "dl",
    "table", "tr", "tbody", "thead", "main", "nav", "details", "summary", "caption", "address",
})
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
MAY_HOLD_URL = re.compile(r"://|www\.|@", re.IGNORECASE)  # URL is slow to fail: try it only when it may match
PARSER = etree.HTMLParser()  # lxml.html's parser, without its element classes (cheaper, same tree)


@dataclass(frozen=True)
class ArticleText:
    text: str
    title_span: tuple[int, int]
    lede_span: tuple[int, int]
    paragraph_spans: tuple[tuple[int, int], ...]
    paragraph_starts: tuple[int, ...] = ()  # filled in from paragraph_spans, for bisect
    heading_spans: tuple[tuple[int, int], ...] = ()  # body paragraphs that are headings (h1-h6)

    def __post_init__(self):
        object.__setattr__(self, "paragraph_starts", tuple(s for s, _ in self.paragraph_spans))


def article_text(title: str, summary: str, html: str) -> ArticleText:
    """``title``, blank line, lede (``summary``, HTML allowed), blank line, body paragraphs."""
    parts = [clean(title), clean(_html_text(summary) if "<" in summary else summary)]
    headings: set[int] = set()
    blocks = _blocks(html, headings)
    heading_parts = []
    for index, block in enumerate(blocks):
        part = clean(block)
        if part:
            if index in headings:
                heading_parts.append(len(parts))
            parts.append(part)
    spans, start = [], 0
    for part in parts:
        spans.append((start, start + len(part)))
        start += len(part) + 2
    return ArticleText("\n\n".join(parts), spans[0], spans[1], tuple(spans[2:]),
                       heading_spans=tuple(spans[i] for i in heading_parts))


def clean(text: str) -> str:
    """One line of text: URLs dropped, runs of white space made one space."""
    if MAY_HOLD_URL.search(text):
        text = URL.sub(" ", text)
    return " ".join(text.split())


def _html_text(html: str) -> str:
    return " ".join(_blocks(html))


def _blocks(html: str, headings: set[int] | None = None) -> list[str]:
    """The text of each block; the indexes of heading blocks are added to ``headings``."""
    if not html.strip():
        return []
    elements = lxml.html.fragments_fromstring(html, parser=PARSER)
    leading = elements.pop(0) if elements and isinstance(elements[0], str) else ""
    out: list[str] = []
    _walk(leading, elements, out, set() if headings is None else headings)
    return out


def _walk(text: str | None, children, out: list[str], headings: set[int]) -> None:
    """Append the inline text of each block, in document order (a block's own text first)."""
    own: list[str] = [text or ""]
    for child in children:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in BLOCKS:
            out.append("".join(own))
            own = []
            first = len(out)
            if len(child):
                _walk(child.text, child, out, headings)
            else:
                out.append(child.text or "")
            if tag in HEADINGS:
                headings.update(range(first, len(out)))
        elif tag and tag not in SKIP:
            own.append(_inline(child))
        own.append(child.tail or "")
    out.append("".join(own))


def _inline(element) -> str:
    if element.tag == "br":
        return " "
    if not len(element):
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in SKIP:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)
