"""sitemap.xml (an index and sitemaps of at most 50,000 URLs), a Google News sitemap and robots.txt (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable, Sequence
from xml.etree import ElementTree as ET

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_URLS = 50_000  # the protocol's limit per sitemap file
NEWS_WINDOW = timedelta(days=2)  # Google News reads articles of the last two days
NEWS_MAX = 1_000  # and at most this many per sitemap


@dataclass(frozen=True, order=True)
class Entry:
    loc: str  # absolute URL
    lastmod: datetime | None = None


@dataclass(frozen=True)
class NewsItem:
    loc: str
    title: str
    lang: str
    published: datetime


def _xml(root: ET.Element) -> str:
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def chunks(entries: Iterable[Entry], size: int = MAX_URLS) -> list[list[Entry]]:
    """Entries sorted by URL (one entry per URL, the latest lastmod) in files of at most ``size``."""
    latest: dict[str, Entry] = {}
    for entry in entries:
        kept = latest.get(entry.loc)
        if kept is None or (entry.lastmod and (kept.lastmod is None or entry.lastmod > kept.lastmod)):
            latest[entry.loc] = entry
    ordered = [latest[loc] for loc in sorted(latest)]
    return [ordered[i:i + size] for i in range(0, len(ordered), size)] or [[]]


def urlset(entries: Sequence[Entry]) -> str:
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for entry in entries:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = entry.loc
        if entry.lastmod is not None:
            ET.SubElement(url, "lastmod").text = entry.lastmod.isoformat(timespec="seconds")
    return _xml(root)


def sitemap_index(locations: Sequence[tuple[str, datetime | None]]) -> str:
    root = ET.Element("sitemapindex", xmlns=SITEMAP_NS)
    for loc, lastmod in locations:
        item = ET.SubElement(root, "sitemap")
        ET.SubElement(item, "loc").text = loc
        if lastmod is not None:
            ET.SubElement(item, "lastmod").text = lastmod.isoformat(timespec="seconds")
    return _xml(root)


def news_items(items: Iterable[NewsItem]) -> list[NewsItem]:
    """Articles published in the two days before the newest one, newest first, at most 1,000."""
    items = sorted(items, key=lambda i: (i.published, i.loc), reverse=True)
    if not items:
        return []
    since = items[0].published - NEWS_WINDOW
    return [i for i in items if i.published >= since][:NEWS_MAX]


def news_sitemap(items: Sequence[NewsItem], publication: str) -> str:
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    root.set("xmlns:news", NEWS_NS)
    for item in items:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = item.loc
        news = ET.SubElement(url, "news:news")
        pub = ET.SubElement(news, "news:publication")
        ET.SubElement(pub, "news:name").text = publication
        ET.SubElement(pub, "news:language").text = item.lang
        ET.SubElement(news, "news:publication_date").text = item.published.isoformat(timespec="seconds")
        ET.SubElement(news, "news:title").text = item.title
    return _xml(root)


def robots(sitemaps: Sequence[str], disallow: Sequence[str] = ()) -> str:
    lines = ["User-agent: *"] + [f"Disallow: /{path.lstrip('/')}" for path in disallow] + ["Allow: /", ""]
    lines += [f"Sitemap: {loc}" for loc in sitemaps]
    return "\n".join(lines) + "\n"
