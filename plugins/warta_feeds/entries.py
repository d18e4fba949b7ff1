"""Articles to feedgen entries and channels to bytes. Nothing here depends on the build time or feedgen's version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from feedgen.entry import FeedEntry
from feedgen.ext.dc import DcEntryExtension
from feedgen.feed import FeedGenerator
from lxml import etree
from warta.publish.feeds import absolute, absolutize, image_type, tag_uri
from warta.source.xmlchars import clean

MIME = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    link: str
    published: datetime
    updated: datetime
    summary: str
    content: str
    lang: str
    authors: tuple[str, ...]
    categories: tuple[dict, ...]  # feedgen category dicts: term, label, scheme
    image: dict | None  # feedgen enclosure link: href, type (+ length when known)
    source: tuple[str, str] | None  # (name, url) of the original outlet


class PageUrls:
    """Absolute URLs of category and tag pages, each computed once (Pelican recomputes ``.url`` on every access)."""

    def __init__(self, base: str):
        self.base, self.known = base, {}

    def __call__(self, wrapper) -> str:
        key = (type(wrapper).__name__, wrapper.slug)
        if key not in self.known:
            self.known[key] = absolute(self.base, wrapper.url)
        return self.known[key]


def item_of(article, url: str, pages: PageUrls, content_path: str, entity_page: str, discovered: bool) -> Item:
    """Everything a feed says about one article, cleaned and with absolute URLs."""
    matter, base = article.warta, pages.base
    link = absolute(base, url)
    categories = [{"term": clean(article.category.name), "scheme": pages(article.category)}]
    categories += [{"term": clean(tag.name), "scheme": pages(tag)} for tag in getattr(article, "tags", ())]
    categories += [{"term": clean(e.name), "scheme": absolute(base, entity_page.format(id=e.id))}
                   for e in getattr(article, "warta_entities", ()) if e.role == "about" and (e.registered or discovered)]
    return Item(
        guid=tag_uri(base, matter.date, url), title=clean(matter.title), link=link,
        published=article.date, updated=matter.modified or article.date, summary=clean(matter.summary),
        content=clean(absolutize(article.get_content(base), link)), lang=matter.lang,
        authors=tuple(clean(a.name) for a in getattr(article, "authors", ())),
        categories=tuple(categories), image=_image(matter.image, link, base, content_path),
        source=_source(matter.source))


def _image(image, link: str, base: str, content_path: str) -> dict | None:
    if not image or not image.url:
        return None
    url = absolute(link, image.url)
    kind = image_type(url)
    if kind is None:
        return None  # an enclosure must name its type; an unknown one is left out rather than guessed
    found = {"rel": "enclosure", "href": url, "type": kind}
    if url.startswith(base + "/"):  # a file of this site: its size is known
        local = Path(content_path) / urlsplit(url).path[len(urlsplit(base).path):].lstrip("/")
        if local.is_file():
            found["length"] = str(local.stat().st_size)
    return found


def _source(source) -> tuple[str, str] | None:
    if not source or not source.url:
        return None
    return clean(source.name or source.agency or urlsplit(source.url).hostname), source.url


class _AtomEntry(FeedEntry):
    """feedgen 1.0 drops rel/type/length of an Atom entry's links, so extra links are added here."""

    links: tuple[dict, ...] = ()

    def atom_entry(self, extensions=True):
        element = super().atom_entry(extensions)
        for link in self.links:
            etree.SubElement(element, "link", link)
        return element


def entry(item: Item, fmt: str) -> FeedEntry:
    """One RSS item or Atom entry. RSS names authors with dc:creator (its <author> must be an e-mail)."""
    fe = FeedEntry() if fmt == "rss" else _AtomEntry()
    fe.guid(item.guid, permalink=False)  # a tag: URI, so RSS says isPermaLink="false"; Atom uses it as <id>
    fe.title(item.title)
    fe.link(href=item.link, rel="alternate")
    fe.published(item.published)
    fe.updated(item.updated)
    lede = item.summary or ("" if item.content else item.title)  # an RSS item needs a description or content
    if lede:  # plain text: Atom's <summary> says so (type text); RSS's <description> is HTML, so escape it
        fe.summary(escape(lede, quote=False) if fmt == "rss" else lede)
    if item.content:
        fe.content(item.content, type="html")
    for category in item.categories:
        fe.category(dict(category))
    if fmt == "rss":
        if item.image:  # no length when unknown: feedgen then writes length="0", as the RSS profile asks
            fe.link({key: value for key, value in item.image.items() if key != "title"})
        fe.register_extension("dc", DcEntryExtension, atom=False, rss=True)
        if item.authors:
            fe.dc.dc_creator(list(item.authors))
        if item.source:
            fe.source(url=item.source[1], title=item.source[0])
        return fe
    for name in item.authors:
        fe.author({"name": name})
    links = [item.image] if item.image else []
    if item.source:
        links.append({"rel": "via", "href": item.source[1], "title": item.source[0]})
    fe.links = tuple(links)
    return fe


def feed_xml(fmt: str, channel, self_url: str, entries: list, updated: datetime, author: str, logo: str) -> bytes:
    """The feed as bytes: updated = its newest item's time, no generator version, entries in the given order."""
    fg = FeedGenerator()
    fg.generator("Warta")  # feedgen's default names its own version: the bytes would change with an upgrade
    fg.id(self_url)
    fg.title(clean(channel.title))
    fg.link(href=self_url, rel="self", type=MIME[fmt])
    fg.link(href=channel.link, rel="alternate")  # last: feedgen's RSS <link> is the last link given
    fg.description(clean(channel.description))
    fg.language(channel.lang)
    fg.updated(updated)
    if logo:
        fg.logo(logo)
    if fmt == "rss":
        fg.load_extension("dc", atom=False, rss=True)
        for fe in entries:
            fg.add_entry(fe, order="append")
        return fg.rss_str()
    if author:
        fg.author({"name": clean(author)})
    for fe in entries:
        fg.add_entry(fe, order="append")
    return fg.atom_str()
