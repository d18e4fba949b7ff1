"""Link the first body mention of each entity to its page, inside rendered article HTML (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

SKIP = frozenset({"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class MentionLink:
    surface: str  # the words as written, e.g. "Kim Jong Un"
    occurrence: int  # 0 for the first time these words stand alone in the body text, 1 for the second...
    href: str
    title: str = ""


def occurrence(text: str, surface: str, start: int, body_start: int) -> int:
    """How many times ``surface`` stands alone in ``text[body_start:start]``."""
    return len(_pattern(surface).findall(text, body_start, start))


def _pattern(surface: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")


def link_first_mentions(html: str, links: list[MentionLink]) -> str:
    """``html`` with each link's occurrence wrapped in ``<a class="entity">``; unchanged if none is found."""
    if not links or not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    done = 0
    for link in links:
        done += _wrap(root, link)
    if not done:
        return html
    text = (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
    return text


def _text_slots(root):
    """(element, 'text' | 'tail') for every text node outside skipped elements, in document order."""
    for element in root.iter():
        if element.text and not _skipped(element):
            yield element, "text"
        if element is not root and element.tail and not _skipped(element.getparent()):
            yield element, "tail"


def _skipped(element) -> bool:
    while element is not None:
        if isinstance(element.tag, str) and element.tag in SKIP:
            return True
        element = element.getparent()
    return False


def _wrap(root, link: MentionLink) -> int:
    pattern, seen = _pattern(link.surface), 0
    for element, slot in list(_text_slots(root)):
        value = getattr(element, slot)
        for match in pattern.finditer(value):
            if seen == link.occurrence:
                anchor = lxml.html.Element("a", href=link.href, **{"class": "entity"})
                if link.title:
                    anchor.set("title", link.title)
                anchor.text = match.group()
                anchor.tail = value[match.end():]
                setattr(element, slot, value[:match.start()])
                if slot == "text":
                    element.insert(0, anchor)
                else:
                    element.addnext(anchor)
                return 1
            seen += 1
    return 0
