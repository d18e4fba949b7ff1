"""Article and page bodies as safe HTML: an allow-list of what editors use (nh3), nothing that can run.

Every body is cleaned, whoever wrote it (docs/security.md): text, links, images, figures, tables,
footnotes and video embeds from a few hosts stay; scripts, event attributes, forms, styles, SVG and
``javascript:``/``data:`` URLs go.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import lxml.html
import nh3
from lxml import etree

TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "samp", "var",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q",
    "dfn", "time", "span", "div", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col", "iframe",
})
# Dropped with their content (the others only lose the tag and keep their text).
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "textarea", "select", "object",
                                  "svg", "math"})
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
    "time": {"datetime"}, "ol": {"start", "reversed", "type"}, "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "style"}, "td": {"colspan", "rowspan", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "iframe": {"src", "title", "width", "height", "allow", "allowfullscreen", "referrerpolicy", "loading"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})   # relative URLs stay too
EMBED_HOSTS = frozenset({"www.youtube.com", "www.youtube-nocookie.com", "player.vimeo.com"})
# A cross-origin player runs in its own origin, never in ours. One forced attribute only: nh3 writes several
# in a different order in each process, and the output must be byte-identical.
FRAME = {"sandbox": "allow-scripts allow-same-origin allow-presentation allow-popups"}


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src":
        parts = urlsplit(value)
        return value if parts.scheme == "https" and parts.hostname in EMBED_HOSTS else None
    return value


def clean_body(html: str) -> str:
    """``html`` with only the allowed tags, attributes and URL schemes left (Markdown's own output passes)."""
    return nh3.clean(
        html, tags=set(TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT), attributes=ATTRIBUTES,
        attribute_filter=_filter, link_rel=None, url_schemes=set(URL_SCHEMES),
        filter_style_properties={"text-align"}, set_tag_attribute_values={"iframe": FRAME}, strip_comments=True)


def removed(before: str, after: str) -> list[str]:
    """What cleaning took out, for the editor: ``<script>``, ``onerror on <img>``, ``href on <a>`` (sorted)."""
    lost = _inventory(before) - _inventory(after)
    return sorted("".join(c if c.isprintable() else "?" for c in item) for item in lost)   # safe in a terminal


def _inventory(html: str) -> Counter:
    found: Counter = Counter()
    if not html.strip():
        return found
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return found
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else "comment"
        if element is root or tag == "comment":
            continue
        found[f"<{tag}>"] += 1
        for name in element.attrib:
            if name not in FRAME or tag != "iframe":
                found[f"{name} on <{tag}>"] += 1
    return found
