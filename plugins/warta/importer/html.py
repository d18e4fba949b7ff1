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
from warta.importer.lang import detect_lang, foreign_lang
from warta.importer.lines import CONTROLS, is_name, tidy
from warta.importer.outlets import outlet_for_host
from warta.importer.pagemeta import clean_title, date_candidates, site_names, structured_authors
from warta.importer.timestamps import parse_iso, parse_stamp
from warta.problems import Problem

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = {"head", "p", "item", "list", "quote", "code", "lb", "table", "row", "cell", "div"}  # trafilatura's tree
_UPDATED = re.compile(r"(?:last )?(?:updated|diperbarui)\b.{0,40}\Z", re.IGNORECASE)  # 'Updated 5 hours ago'


def parse_html(html: str, path: str) -> Draft | list[Problem]:
    """One draft from a saved article page, or the problems that stop it."""
    # Control characters become spaces before either parser sees the page: one of them removed would make text a
    # tag ('0<\x1fA' is text to lxml, and '0<A' to trafilatura once it drops the character).
    html = CONTROLS.sub(" ", _XML_DECLARATION.sub("", html, count=1))
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError) as error:
        return [Problem(path, None, f"not a readable HTML page ({error})")]
    doc = trafilatura.bare_extraction(html, with_metadata=True,
                                      include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        return [Problem(path, None, "no article text found in the HTML page",
                        "save the article's own page, not an index or a search page")]
    ld = _json_ld(tree)
    notes: list[str] = []
    when = None
    for source, raw in [*date_candidates(tree, ld), ("the page's text (trafilatura)", doc.date or "")]:
        when, date_notes = parse_iso(raw) if raw else (None, ())
        if when:
            notes += [*date_notes, f"date from {source}: {raw}"]
            break
    if when is None:
        return [Problem(path, None, "no publication date found (article:published_time, JSON-LD datePublished, <time>)",
                        "add <meta property=\"article:published_time\" content=\"2023-09-14T15:56:00+07:00\">")]

    url = web_url(_first(_link(tree, "canonical"), _meta(tree, "og:url"), doc.url))
    host = urlsplit(url).hostname or ""
    known_outlet = outlet_for_host(host) if host else ""
    raw_title = _first(_meta(tree, "og:title"), _text(ld.get("headline")), doc.title)
    title, title_notes = clean_title(raw_title, [*site_names(tree, ld, known_outlet), doc.sitename or ""])
    notes += title_notes

    sifted = sift(_lines(doc.body), unit="paragraph")
    items, head_notes = _headless(list(sifted.kept), (title, raw_title))
    notes += head_notes
    body, dateline, body_notes = take_body(items, unit="paragraph")
    notes += sifted.notes + tuple(body_notes)

    source = _first(known_outlet, dateline.outlet if dateline else "", *site_names(tree, ld), doc.sitename)
    declared = tuple(a for a in structured_authors(tree, ld) if is_name(a))
    authors = declared or sifted.authors or tuple(a for a in (tidy(a) for a in (doc.author or "").split(";")) if is_name(a))
    if declared and sifted.authors and set(sifted.authors) != set(declared):
        notes.append(f"authors from the page's metadata {list(declared)!r}, not the text's {list(sifted.authors)!r}")
    agency = sifted.agency if sifted.agency != source else ""
    lang = detect_lang(" ".join((title, *body))) or (tree.get("lang") or "")[:2].lower()
    if not lang:
        notes.append("language not recognised: assumed id")
        lang = "id"
    image = _first(_meta(tree, "og:image"), doc.image)
    draft = Draft(
        title=title, date=when, lang=lang, body=body,
        summary=_first(_meta(tree, "og:description"), _meta(tree, "description"), doc.description),
        dateline=dateline.city if dateline else "", source_name=source,
        source_url=url, source_agency=agency, image_url=web_url(image),
        image_caption=_first(_meta(tree, "og:image:alt")), authors=authors, report=in_order(notes),
        foreign_lang=foreign_lang(" ".join((title, *body))),
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


def _headless(items: list[tuple[int, str]], titles) -> tuple[list[tuple[int, str]], list[str]]:
    """The body without what sits above the text on the page: the headline repeated, a short kicker
    before it ('Germany'), a publication-date line ('Jumat, 1 Desember 2023 19:30 WIB')."""
    notes = []
    for i, (_, text) in enumerate(items[:4]):
        if text in titles:
            if any(len(t.split()) > 6 for _, t in items[:i]):
                break
            notes += [f"paragraph {n}: {t!r} above the headline: left out" for n, t in items[:i]]
            items = items[i + 1:]
            break
    while items and (parse_stamp(items[0][1]) is not None or _UPDATED.match(items[0][1])):
        notes.append(f"paragraph {items[0][0]}: date line {items[0][1]!r}: left out")
        items = items[1:]
    return items, notes


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
