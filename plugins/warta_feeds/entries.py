"""Articles to feedgen entries and channels to bytes. Nothing here depends on the build time or feedgen's version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from feedgen.entry import FeedEntry
from feedgen.ext.dc import DcEntryExtension
from feedgen.feed import FeedGenerator

from warta.feeds import absolute, absolutize, clean, image_type, tag_uri

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


def item_of(article, base: str, content_path: str, entity_page: str, discovered: bool) -> Item:
    """Everything a feed says about one article, cleaned and with absolute URLs."""
    matter = article.warta
    link = absolute(base, article.url)
    categories = [{"term": clean(article.category.name), "scheme": absolute(base, article.category.url)}]
    categories += [{"term": clean(tag.name), "scheme": absolute(base, tag.url)} for tag in getattr(article, "tags", ())]
    categories += [{"term": clean(e.name), "scheme": absolute(base, entity_page.format(id=e.id))}
                   for e in getattr(article, "warta_entities", ()) if e.role == "about" and (e.registered or discovered)]
    return Item(
        guid=tag_uri(base, matter.date, article.url), title=clean(matter.title), link=link,
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
    found = {"href": url, "rel": "enclosure", "type": kind}
    if url.startswith(base + "/"):  # a file of this site: its size is known
        local = Path(content_path) / urlsplit(url).path[len(urlsplit(base).path):].lstrip("/")
        if local.is_file():
            found["length"] = str(local.stat().st_size)
    return found


def _source(source) -> tuple[str, str] | None:
    if not source or not source.url:
        return None
    return clean(source.name or source.agency or urlsplit(source.url).hostname), source.url


def entry(item: Item, fmt: str) -> FeedEntry:
    """One RSS item or Atom entry. RSS names authors with dc:creator (its <author> must be an e-mail)."""
    fe = FeedEntry()
    fe.guid(item.guid, permalink=False)  # a tag: URI, so RSS says isPermaLink="false"; Atom uses it as <id>
    fe.title(item.title)
    fe.link(href=item.link, rel="alternate")
    fe.published(item.published)
    fe.updated(item.updated)
    if item.summary:
        fe.summary(item.summary)
    if item.content:
        fe.content(item.content, type="html")
    elif not item.summary:
        fe.summary(item.title)  # an RSS item needs a description or content
    for category in item.categories:
        fe.category(dict(category))
    if item.image:
        fe.link(dict(item.image))  # RSS writes length="0" when unknown (RSS profile); Atom leaves it out
    if fmt == "rss":
        fe.register_extension("dc", DcEntryExtension, atom=False, rss=True)
        if item.authors:
            fe.dc.dc_creator(list(item.authors))
        if item.source:
            fe.source(url=item.source[1], title=item.source[0])
    else:
        for name in item.authors:
            fe.author({"name": name})
        if item.source:
            fe.link(href=item.source[1], rel="via", title=item.source[0])
    return fe


def feed_xml(fmt: str, channel, self_url: str, entries: list, updated: datetime, author: str, logo: str) -> bytes:
    """The feed as bytes: updated = its newest item's time, no generator version, entries in the given order."""
    fg = FeedGenerator()
    fg.generator("Warta")  # feedgen's default names its own version: the bytes would change with an upgrade
    fg.id(self_url)
    fg.title(clean(channel.title))
    fg.link(href=channel.link, rel="alternate")
    fg.link(href=self_url, rel="self", type=MIME[fmt])
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
