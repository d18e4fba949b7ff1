"""Writes daily editions, the editions archive, the search and 404 pages, sitemaps and robots.txt."""

from __future__ import annotations

import os
from functools import partial

from pelican.generators import Generator
from warta.aggregate.editions import by_month
from warta.publish import sitemaps
from warta.publish.feeds import absolute, site_url
from warta.settings import of as warta_settings

from .search import shards


class WartaSiteGenerator(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        days = self.context.get("warta_editions")
        if days is None:
            return
        self.write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        urls = warta_settings(self.settings).urls
        article_of = self.context["warta_articles_by_url"]
        template = self.get_template("edition")
        for position, edition in enumerate(days):
            url = urls.edition_page(edition.day)
            newer = days[position - 1] if position > 0 else None
            older = days[position + 1] if position + 1 < len(days) else None
            sections = [(name, [article_of[r.url] for r in rows if r.url in article_of])
                        for name, rows in edition.by_category()]
            self.write(url + "index.html", template, self.context, edition=edition, sections=sections,
                       newer=newer, older=older)
        self.write(urls.editions + "index.html", self.get_template("editions"), self.context,
                   months=by_month(days))
        if warta_settings(self.settings).search:
            self.write(urls.search + "index.html", self.get_template("search"), self.context,
                       search_shards=shards(self.context))
        self.write("404.html", self.get_template("404"), self.context, relative_urls=False)  # served at any path
        self.write_sitemaps(days)

    def write_sitemaps(self, days) -> None:
        settings, context = self.settings, self.context
        options = warta_settings(settings)
        urls = options.urls
        base = site_url(settings.get("SITEURL", ""), options.feeds.site_url)
        entry = lambda path, when=None: sitemaps.Entry(absolute(base, path), when)  # noqa: E731
        newest = lambda articles: max((a.warta.modified or a.date for a in articles), default=None)  # noqa: E731
        articles = context["articles"]
        entries = [entry("", newest(articles)), entry(urls.editions, newest(articles)),
                   entry(urls.stories), entry(urls.entities), entry(urls.timeline, newest(articles))]
        entries += [entry(a.url, a.warta.modified or a.date) for a in articles]
        entries += [entry(p.url) for p in context.get("pages", ())]
        for key in ("categories", "tags", "authors"):
            entries += [entry(item.url, newest(items)) for item, items in context.get(key, ())]
        article_of = context["warta_articles_by_url"]
        pick = lambda records: [article_of[r.url] for r in records if r.url in article_of]  # noqa: E731
        shows_discovered = options.entities.discovered_pages
        for entity_id, summary in context["warta_index"].entities.items():
            if summary.registered or shows_discovered:
                entries.append(entry(urls.entity_page(entity_id), newest(pick(summary.articles))))
        for slug in context["warta_stories"]:
            entries.append(entry(urls.story_page(slug),
                                 newest(pick(context["warta_index"].stories.get(slug, ())))))
        entries += [entry(urls.edition_page(e.day), newest(pick(e.articles))) for e in days]

        names = []
        files = sitemaps.chunks(entries)
        for number, chunk in enumerate(files, 1):
            name = f"sitemaps/{number}.xml"
            self.write_text(name, sitemaps.urlset(chunk))
            names.append((absolute(base, name), max((e.lastmod for e in chunk if e.lastmod), default=None)))
        self.write_text("sitemap.xml", sitemaps.sitemap_index(names))
        news = sitemaps.news_items(sitemaps.NewsItem(absolute(base, a.url), a.title, a.lang, a.date) for a in articles)
        self.write_text("news-sitemap.xml", sitemaps.news_sitemap(news, settings["SITENAME"]))
        self.write_text("robots.txt", sitemaps.robots(
            [absolute(base, "sitemap.xml"), absolute(base, "news-sitemap.xml")], disallow=[urls.search]))

    def write_text(self, relative: str, text: str) -> None:
        path = os.path.join(self.output_path, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
