"""The feeds generator: plans the feeds from the shared context and writes each one in RSS 2.0 and Atom."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from warta.problems import noting
from warta.publish.feeds import FORMATS, Member, absolute, plan, site_url
from warta.settings import Settings
from warta.source.layout import shown
from warta.settings import of as warta_settings

from .entries import Item, PageUrls, entry, feed_xml, item_of

logger = logging.getLogger(__name__)
PLAN_KEY = "warta_feeds"  # the per-run plan lives in Pelican's shared context, never in module state


def options_of(settings) -> Settings:
    """Warta's settings (validated by warta_content at Pelican's ``initialized`` signal)."""
    return warta_settings(settings)


@dataclass
class Plan:
    articles: list  # sorted by URL
    urls: list[str]  # article.url, read once (Pelican recomputes it on every access)
    feeds: dict[tuple[str, str], list[int]]  # (kind, key) -> indexes into articles, newest first
    base: str  # absolute site URL, no trailing slash
    discovered: bool  # discovered (unregistered) entities get feeds and entry categories


def plan_of(context: dict, settings, options: Settings) -> Plan:
    """The run's plan, made on first use (after every generator has read and enriched its articles)."""
    if PLAN_KEY not in context:
        discovered = options.entities.discovered_pages
        pairs = sorted((a.url, a) for a in context.get("articles", ()))
        urls, articles = [url for url, _ in pairs], [a for _, a in pairs]
        members = [Member(a.date, url, a.lang, a.category.slug, getattr(a, "story", None) or None,
                          tuple(e.id for e in getattr(a, "warta_entities", ()) if e.registered or discovered))
                   for url, a in pairs]
        context[PLAN_KEY] = Plan(articles, urls, plan(members, options),
                                 site_url(settings.get("SITEURL", ""), options.feeds.site_url), discovered)
    return context[PLAN_KEY]


def feed_urls(context: dict, settings, options: Settings, kind: str, key: str = "") -> tuple[str, str]:
    """Site-relative (rss, atom) paths of a feed; "" for a format that is off or a feed that has no items."""
    if kind not in ("site", "lang", "category", "story", "entity"):
        raise ValueError(f"feed_urls: unknown kind '{kind}'")
    if (kind, key) not in plan_of(context, settings, options).feeds:
        return "", ""
    rss, atom = (options.feed_path(kind, fmt, key) for fmt in FORMATS)
    return rss, atom


@dataclass(frozen=True)
class Channel:
    title: str
    link: str
    description: str
    lang: str


class FeedsGenerator:
    """Writes every planned feed. Pelican calls ``generate_output`` after the article and page generators."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context, self.settings, self.output_path = context, settings, Path(output_path)
        self.options = options_of(settings)

    def generate_output(self, writer) -> None:
        current = plan_of(self.context, self.settings, self.options)
        items: dict[int, Item] = {}
        entries: dict[tuple[int, str], object] = {}
        pages = PageUrls(current.base)
        count = size = 0
        for (kind, key), indexes in current.feeds.items():
            channel = self._channel(kind, key, [current.articles[i] for i in indexes], pages)
            for i in indexes:
                if i not in items:
                    with noting(shown(current.articles[i].source_path), "while making its feed entry"):
                        items[i] = item_of(current.articles[i], current.urls[i], pages, self.settings["PATH"],
                                           self.options.urls.entity, current.discovered)
            newest = max(items[i].updated for i in indexes)
            for fmt in FORMATS:
                path = self.options.feed_path(kind, fmt, key)
                if not path:
                    continue
                for i in indexes:
                    if (i, fmt) not in entries:
                        entries[i, fmt] = entry(items[i], fmt)
                data = feed_xml(fmt, channel, absolute(current.base, path), [entries[i, fmt] for i in indexes],
                                newest, self.settings.get("AUTHOR", ""), self._logo(current.base))
                target = self.output_path / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                count, size = count + 1, size + len(data)
        logger.info("warta: wrote %d feeds (%d bytes)", count, size)

    def _channel(self, kind: str, key: str, articles: list, pages: "PageUrls") -> Channel:
        settings = self.settings
        name, lang = settings["SITENAME"], settings["DEFAULT_LANG"]
        description = settings.get("SITE_DESCRIPTION") or name
        base = pages.base
        link = base + "/"
        if kind == "lang":
            return Channel(f"{name} ({Locale.parse(key).get_display_name(key)})", link, description, key)
        if kind == "category":
            category = articles[0].category
            return Channel(f"{name}: {category.name}", pages(category), description, lang)
        if kind == "story":
            story = self.context.get("warta_stories", {}).get(key)
            title = getattr(story, "title", None) or key
            return Channel(f"{name}: {title}", absolute(base, self.options.urls.story_page(key)),
                           getattr(story, "summary", None) or description, getattr(story, "lang", None) or lang)
        if kind == "entity":
            registry = self.context.get("warta_registry")
            entity = getattr(registry, "entities", {}).get(key) or next(
                (e for e in getattr(articles[0], "warta_entities", ()) if e.id == key), None)
            title = getattr(entity, "name", None) or key
            return Channel(f"{name}: {title}", absolute(base, self.options.urls.entity_page(key)), description,
                           lang)
        return Channel(name, link, description, lang)

    def _logo(self, base: str) -> str:
        return absolute(base, self.options.feeds.logo) if self.options.feeds.logo else ""
