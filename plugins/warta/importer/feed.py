"""An RSS or Atom file of a source outlet: one draft per item (feedparser, in memory only)."""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from xml.sax import SAXParseException

import feedparser
import lxml.html
from lxml import etree

from warta.importer.body import in_order, sift, take_body
from warta.importer.draft import Draft, check_draft, web_url
from warta.importer.lang import detect_lang
from warta.importer.lines import tidy
from warta.importer.outlets import outlet_for_host
from warta.importer.timestamps import parse_iso
from warta.problems import Problem

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_UTF8_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
_BLOCKS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "figcaption"}


def parse_feed(data: str, path: str) -> tuple[Draft, ...] | list[Problem]:
    """Drafts for every item of a feed (a tuple), or the problems that stop it (a list)."""
    # The text is decoded already: declare UTF-8 on line 1, so feedparser neither re-decodes nor adds a line.
    raw = (_UTF8_DECLARATION + _XML_DECLARATION.sub("", data, count=1)).encode("utf-8")
    # A file-like object: feedparser then never treats the text as a URL or a file name.
    parsed = feedparser.parse(io.BytesIO(raw), response_headers={"content-type": "application/xml; charset=utf-8"})
    error = parsed.get("bozo_exception")
    if isinstance(error, SAXParseException):   # feedparser's loose parser would guess; we refuse
        return [Problem(path, error.getLineNumber(), f"not a well-formed feed: {error.getMessage()}",
                        "fix the XML or save the feed again")]
    if not parsed.entries:
        return [Problem(path, None, "the feed has no items")]
    lines = _item_lines(raw, len(parsed.entries))
    feed_lang = (parsed.feed.get("language") or "")[:2].lower()
    drafts, problems = [], []
    for index, entry in enumerate(parsed.entries):
        result = _item(entry, index + 1, lines[index], feed_lang, parsed.feed.get("title", ""), path)
        if isinstance(result, Draft):
            drafts.append(result)
        else:
            problems += result
    return problems or tuple(drafts)


def _item(entry, number: int, line: int | None, feed_lang: str, feed_title: str, path: str):
    title = " ".join(_blocks(entry.get("title", ""), entry.get("title_detail")))
    label = f"item {number}"
    when, notes = _date(entry)
    if when is None:
        return [Problem(path, line, f"{label} ({title[:60]!r}): no publication date (pubDate, published or updated)")]
    summary_paragraphs = _blocks(entry.get("summary", ""), entry.get("summary_detail"))
    content = _blocks(entry["content"][0].get("value", ""), entry["content"][0]) if entry.get("content") else []
    full = bool(content) and content != summary_paragraphs
    sifted = sift(content if full else summary_paragraphs, unit=f"{label} paragraph")
    body, dateline, body_notes = take_body(list(sifted.kept), unit=f"{label} paragraph")
    link = web_url(entry.get("link", ""))
    lang = detect_lang(" ".join((title, *body))) or feed_lang
    notes = [f"{label}: {n}" for n in notes] + list(sifted.notes) + body_notes
    if lang not in ("id", "en"):
        notes.append(f"{label}: language not recognised: assumed id")
        lang = "id"
    if not full and link:
        notes.append(f"{label}: no full text in the feed: body is the summary and a link")
    source = outlet_for_host(urlsplit(link).hostname or "") or (dateline.outlet if dateline else "") or tidy(feed_title)
    author = tidy(entry.get("author", ""))
    draft = Draft(
        title=title, date=when, lang=lang, body=body, summary=" ".join(summary_paragraphs),
        dateline=dateline.city if dateline else "", source_name=source,
        source_url=link, source_agency=sifted.agency if sifted.agency != source else "", image_url=_image(entry),
        authors=(author,) if author and "@" not in author else sifted.authors, report=in_order(notes),
        link_back=not full and bool(link),
    )
    return check_draft(draft, path, line) or draft


def _blocks(value: str, detail) -> list[str]:
    """The lines of a feed field: plain text as it is ("<script>" in an Atom type="text" title is text),
    HTML through ``paragraphs``."""
    if (detail or {}).get("type") == "text/plain":
        return [text for text in (tidy(line) for line in value.split("\n")) if text]
    return paragraphs(value)


def paragraphs(fragment: str) -> list[str]:
    """The text of an HTML (or plain text) fragment, one string per block."""
    if not fragment.strip():
        return []
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for hidden in root.xpath("//script | //style | //template | //noscript"):
        hidden.drop_tree()       # code and page furniture, never article text
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return [text for text in (tidy(line) for line in root.text_content().split("\n")) if text]


def _date(entry) -> tuple[datetime | None, tuple[str, ...]]:
    """The item's own time with its offset; feedparser's UTC tuple only when the text is unreadable."""
    for key in ("published", "updated"):
        raw = entry.get(key, "")
        if not raw:
            continue
        try:
            when = parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            when, notes = parse_iso(raw)
            if when:
                return when, notes
        else:
            if when.tzinfo is not None:
                return when, ()
        parsed = entry.get(key + "_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=timezone.utc), (f"date {raw!r} read as UTC",)
    return None, ()


def _image(entry) -> str:
    candidates = [m.get("url", "") for m in entry.get("media_content", []) if m.get("medium", "image") == "image"]
    candidates += [m.get("url", "") for m in entry.get("media_thumbnail", [])]
    candidates += [e.get("href", "") for e in entry.get("enclosures", []) if e.get("type", "").startswith("image/")]
    return next((url for url in candidates if web_url(url)), "")


def _item_lines(raw: bytes, count: int) -> list[int | None]:
    """Line of each <item>/<entry>, in document order (None when they cannot be matched up)."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    root = etree.fromstring(raw, parser)
    found = [] if root is None else [e.sourceline for e in root.iter()
                                     if isinstance(e.tag, str) and etree.QName(e).localname in ("item", "entry")]
    return found if len(found) == count else [None] * count
