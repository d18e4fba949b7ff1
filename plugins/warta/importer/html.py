"""A saved HTML article page: trafilatura for the main text, page metadata for the rest (offline only)."""

from __future__ import annotations

import json
import re
from copy import deepcopy
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree

from warta.importer.body import in_order, sift, take_body
from warta.importer.draft import Draft, check_draft, web_url
from warta.importer.lang import detect_lang
from warta.importer.lines import tidy
from warta.importer.outlets import outlet_for_host
from warta.importer.timestamps import parse_iso
from warta.problems import Problem

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = {"head", "p", "item", "list", "quote", "code", "lb", "table", "row", "cell", "div"}  # trafilatura's tree
_DATE_XPATHS = (
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='date']/@content",
    "//time/@datetime",
)


def parse_html(html: str, path: str) -> Draft | list[Problem]:
    """One draft from a saved article page, or the problems that stop it."""
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError) as error:
        return [Problem(path, None, f"not a readable HTML page ({error})")]
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        return [Problem(path, None, "no article text found in the HTML page",
                        "save the article's own page, not an index or a search page")]
    ld = _json_ld(tree)
    title = _first(_meta(tree, "og:title"), _text(ld.get("headline")), doc.title)
    notes: list[str] = []
    candidates = [_meta(tree, "article:published_time"), _text(ld.get("datePublished"))]
    candidates += [found[0] for xpath in _DATE_XPATHS if (found := tree.xpath(xpath))]
    when = None
    for raw in [*candidates, doc.date or ""]:
        when, date_notes = parse_iso(raw) if raw else (None, ())
        if when:
            notes += date_notes
            break
    if when is None:
        return [Problem(path, None, "no publication date found (article:published_time, JSON-LD datePublished, <time>)",
                        "add <meta property=\"article:published_time\" content=\"2023-09-14T15:56:00+07:00\">")]

    sifted = sift(_lines(doc.body), unit="paragraph")
    items = list(sifted.kept)
    if items and items[0][1] == title:
        items = items[1:]
    body, dateline, body_notes = take_body(items, unit="paragraph")
    notes += sifted.notes + tuple(body_notes)

    url = web_url(_first(_link(tree, "canonical"), _meta(tree, "og:url"), doc.url))
    host = urlsplit(url).hostname or ""
    source = _first(outlet_for_host(host) if host else "", dateline.outlet if dateline else "", doc.sitename)
    authors = sifted.authors or tuple(a for a in (tidy(a) for a in (doc.author or "").split(";")) if a)
    agency = sifted.agency if sifted.agency != source else ""
    lang = detect_lang(" ".join((title, *body))) or (tree.get("lang") or "")[:2].lower()
    if lang not in ("id", "en"):
        notes.append("language not recognised: assumed id")
        lang = "id"
    image = _first(_meta(tree, "og:image"), doc.image)
    draft = Draft(
        title=title, date=when, lang=lang, body=body,
        summary=_first(_meta(tree, "og:description"), _meta(tree, "description"), doc.description),
        dateline=dateline.city if dateline else "", source_name=source,
        source_url=url, source_agency=agency, image_url=web_url(image),
        image_caption=_first(_meta(tree, "og:image:alt")), authors=authors, report=in_order(notes),
    )
    return check_draft(draft, path, None) or draft


def _lines(body) -> list[str]:
    """The extracted text, one block per line, read from trafilatura's tree: its text output unescapes once
    more, so "&amp;lt;" on a page (shown as "&lt;") would arrive as "<"."""
    body = deepcopy(body)
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return "".join(body.itertext()).split("\n")


def _first(*values) -> str:
    """The first value with text in it, tidied (control characters and runs of spaces folded)."""
    return next((text for v in values if isinstance(v, str) and (text := tidy(v))), "")


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _meta(tree, name: str) -> str:
    found = tree.xpath("//meta[@property=$n or @name=$n]/@content", n=name)
    return found[0] if found else ""


def _link(tree, rel: str) -> str:
    found = tree.xpath("//link[@rel=$r]/@href", r=rel)
    return found[0] if found else ""


def _json_ld(tree) -> dict:
    """The first JSON-LD object that looks like an article (in a list or an @graph too)."""
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack += item
            elif isinstance(item, dict):
                if "headline" in item or "datePublished" in item:
                    return item
                stack += item.get("@graph", [])
    return {}
