"""Link the first body mention of each entity to its page, inside rendered article HTML (pure).

Occurrences are counted over the text the entity text model reads (``warta.entities.text``: everything outside
``SKIP``), so the count the enrichment computed points at the same words here; no link goes inside ``NO_LINKS``."""

from __future__ import annotations

from bisect import bisect_right
from html import escape
from itertools import accumulate
from typing import NamedTuple

import lxml.html

from warta.entities.text import NO_LINKS, SKIP


class MentionLink(NamedTuple):  # a tuple: made for every first mention of every article in each build
    surface: str  # the words as written, e.g. "Kim Jong Un"
    occurrence: int  # 0 for the first time these words stand alone in the body text (headings included), 1 ...
    href: str
    title: str = ""


def occurrence(text: str, surface: str, start: int, body_start: int) -> int:
    """How many times ``surface`` stands alone in ``text[body_start:start]``."""
    return sum(1 for _ in _alone(text, surface, body_start, start))


def _alone(text: str, surface: str, start: int = 0, end: int | None = None):
    """Where ``surface`` stands alone (not inside a longer word) in ``text[start:end]``; str.find, no regex scan."""
    end, size = len(text) if end is None else end, len(surface)
    at = text.find(surface, start, end)
    while at >= 0:
        before = text[at - 1] if at > 0 else " "
        after = text[at + size] if at + size < len(text) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            yield at
        at = text.find(surface, at + 1, end)


def link_first_mentions(html: str, links: list[MentionLink]) -> str:
    """``html`` with each link's occurrence wrapped in ``<a class="entity">``; unchanged if none is found."""
    if not links or not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    slots = list(_text_slots(root))
    texts = [getattr(element, slot) for element, slot, _ in slots]
    joined = "\0".join(texts)  # NUL is no word character: boundaries hold across slots
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    targets: dict[int, list[tuple[int, int, MentionLink]]] = {}  # slot index -> (start, end, link)
    for link in links:
        found = _find(joined, starts, link)
        if found is None or not slots[found[0]][2]:
            continue
        index, start, end = found
        wraps = targets.setdefault(index, [])
        if not any(start < taken_end and taken_start < end for taken_start, taken_end, _ in wraps):
            wraps.append((start, end, link))
    if not targets:
        return html
    for index, wraps in targets.items():
        element, slot, _ = slots[index]
        _split(element, slot, sorted(wraps, key=lambda w: w[0]))
    # The wrapper's own text is bare text (a cleaned body may start with it): escaped like every other text.
    return escape(root.text or "", quote=False) + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in root)


def _text_slots(root):
    """(element, 'text' | 'tail', may hold a link) for every text node the text model reads, in document order."""
    for element in root.iter():
        if element.text and not _inside(element, SKIP):
            yield element, "text", not _inside(element, NO_LINKS)
        parent = element.getparent()
        if element is not root and element.tail and not _inside(parent, SKIP):
            yield element, "tail", not _inside(parent, NO_LINKS)


def _inside(element, tags) -> bool:
    while element is not None:
        if isinstance(element.tag, str) and element.tag in tags:
            return True
        element = element.getparent()
    return False


def _find(joined: str, starts: list[int], link: MentionLink) -> tuple[int, int, int] | None:
    """(slot index, start, end) of the link's occurrence of its words in the joined slot texts."""
    for seen, at in enumerate(_alone(joined, link.surface)):
        if seen == link.occurrence:
            index = bisect_right(starts, at) - 1
            return index, at - starts[index], at + len(link.surface) - starts[index]
    return None


def _split(element, slot: str, wraps) -> None:
    """Cut one text node into text and anchors; ``wraps`` are (start, end, link) in text order."""
    value = getattr(element, slot)
    anchors = []
    head = value[:wraps[0][0]]
    for number, (start, end, link) in enumerate(wraps):
        anchor = lxml.html.Element("a", href=link.href, **{"class": "entity"})
        if link.title:
            anchor.set("title", link.title)
        anchor.text = value[start:end]
        following = wraps[number + 1][0] if number + 1 < len(wraps) else len(value)
        anchor.tail = value[end:following]
        anchors.append(anchor)
    setattr(element, slot, head)
    if slot == "text":
        for offset, anchor in enumerate(anchors):
            element.insert(offset, anchor)
    else:
        for anchor in reversed(anchors):
            element.addnext(anchor)
