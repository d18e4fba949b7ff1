"""The feeds generator: plans the feeds from the shared context and writes each one in RSS 2.0 and Atom."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from warta.feeds import FORMATS, FeedSettings, Member, absolute, feed_settings, plan, site_url
from warta.problems import ProblemsFound
from warta.settings import entity_settings

from .entries import Item, entry, feed_xml, item_of

logger = logging.getLogger(__name__)
PLAN_KEY = "warta_feeds"  # the per-run plan lives in Pelican's shared context, never in module state


def options_of(settings) -> FeedSettings:
    options, problems = feed_settings(settings.get("WARTA_FEEDS", {}))
    if problems:
        raise ProblemsFound(problems)
    return options


@dataclass
class Plan:
    feeds: dict[tuple[str, str], list]  # (kind, key) -> articles, newest first
    base: str  # absolute site URL, no trailing slash
    discovered: bool  # discovered (unregistered) entities get feeds and entry categories


def plan_of(context: dict, settings, options: FeedSettings) -> Plan:
    """The run's plan, made on first use (after every generator has read and enriched its articles)."""
    if PLAN_KEY not in context:
        discovered = entity_settings(settings.get("WARTA_ENTITIES", {}))[0].discovered_pages
        articles = sorted(context.get("articles", ()), key=lambda a: a.url)
        members = [Member(a.date, a.url, a.lang, a.category.slug, getattr(a, "story", None) or None,
                          tuple(e.id for e in getattr(a, "warta_entities", ()) if e.registered or discovered))
                   for a in articles]
        feeds = {key: [articles[i] for i in indexes] for key, indexes in plan(members, options).items()}
        context[PLAN_KEY] = Plan(feeds, site_url(settings.get("SITEURL", ""), options.site_url), discovered)
    return context[PLAN_KEY]


def feed_urls(context: dict, settings, options: FeedSettings, kind: str, key: str = "") -> tuple[str, str]:
    """Site-relative (rss, atom) paths of a feed; "" for a format that is off or a feed that has no items."""
    if kind not in ("site", "lang", "category", "story", "entity"):
        raise ValueError(f"feed_urls: unknown kind '{kind}'")
    if (kind, key) not in plan_of(context, settings, options).feeds:
        return "", ""
    rss, atom = (options.path(kind, fmt, key) for fmt in FORMATS)
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
        items: dict[str, Item] = {}
        entries: dict[tuple[str, str], object] = {}
        count = size = 0
        for (kind, key), articles in current.feeds.items():
            channel = self._channel(kind, key, articles, current.base)
            for fmt in FORMATS:
                path = self.options.path(kind, fmt, key)
                if not path:
                    continue
                feed_entries = []
                for article in articles:
                    if (article.url, fmt) not in entries:
                        if article.url not in items:
                            items[article.url] = item_of(article, current.base, self.settings["PATH"],
                                                     self.options.entity_page, current.discovered)
                        entries[article.url, fmt] = entry(items[article.url], fmt)
                    feed_entries.append(entries[article.url, fmt])
                newest = max(items[a.url].updated for a in articles)
                data = feed_xml(fmt, channel, absolute(current.base, path), feed_entries, newest,
                                self.settings.get("AUTHOR", ""), self._logo(current.base))
                target = self.output_path / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                count, size = count + 1, size + len(data)
        logger.info("warta: wrote %d feeds (%d bytes)", count, size)

    def _channel(self, kind: str, key: str, articles: list, base: str) -> Channel:
        settings = self.settings
        name, lang = settings["SITENAME"], settings["DEFAULT_LANG"]
        description = settings.get("SITE_DESCRIPTION") or name
        link = base + "/"
        if kind == "lang":
            return Channel(f"{name} ({Locale.parse(key).get_display_name(key)})", link, description, key)
        if kind == "category":
            category = articles[0].category
            return Channel(f"{name}: {category.name}", absolute(base, category.url), description, lang)
        if kind == "story":
            story = self.context.get("warta_stories", {}).get(key)
            title = getattr(story, "title", None) or key
            return Channel(f"{name}: {title}", absolute(base, self.options.story_page.format(slug=key)),
                           getattr(story, "summary", None) or description, getattr(story, "lang", None) or lang)
        if kind == "entity":
            registry = self.context.get("warta_registry")
            entity = getattr(registry, "entities", {}).get(key) or next(
                (e for e in getattr(articles[0], "warta_entities", ()) if e.id == key), None)
            title = getattr(entity, "name", None) or key
            return Channel(f"{name}: {title}", absolute(base, self.options.entity_page.format(id=key)), description,
                           lang)
        return Channel(name, link, description, lang)

    def _logo(self, base: str) -> str:
        return absolute(base, self.options.logo) if self.options.logo else ""
