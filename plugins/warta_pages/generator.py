"""Writes the pages of entities, stories and timelines once every article is enriched."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from itertools import groupby

from pelican.generators import Generator
from warta.aggregate.timeline import OldestFirst, by_entity, group_by_year_month, merge
from warta.entities.tagging import Named
from warta.problems import noting
from warta.publish import export, timelinejs
from warta.settings import of as warta_settings
from warta.source.reserved import TYPE_PATHS

# Page model (docs/performance.md): an entity page shows its newest articles in full (WARTA_ENTITY_ARTICLES) and
# the next ones as an archive by month, title links only (WARTA_ENTITY_ARCHIVE); an entity named in more articles
# than that also gets a page per year listing all of that year's, so no page grows with the whole archive.


@dataclass(frozen=True)
class Heading:
    """What an entity page shows of the entity's summary (its key digests no more: not every article record)."""

    id: str
    name: str
    type: str | None
    registered: bool
    count: int  # articles naming it


@dataclass(frozen=True)
class Listed:
    """An article in an entity page's archive: a title linked."""

    url: str
    title: str
    lang: str


class WartaPagesGenerator(Generator):
    """Pelican runs ``generate_output`` after every generator's context is final."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        index = self.context.get("warta_index")
        if index is None:
            return
        self.write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        self.warta = warta_settings(self.settings)
        self.urls = self.warta.urls
        self.site_url = self.settings.get("SITEURL", "")
        registry, stories = self.context["warta_registry"], self.context["warta_stories"]
        records = self.context["warta_records"]
        self.by_url = {a.url: a for a in self.context["articles"]}
        self._listed: dict[str, Listed] = {}
        self.oldest_first = OldestFirst({r.url: r for r in records})
        items = merge([event for r in records for event in r.events])  # newest first, as by_entity's lists
        self.items = items
        entity_items = by_entity(items)
        options = self.warta.entities
        for entity_id, summary in index.entities.items():
            if summary.registered or options.discovered_pages:
                with noting(self.urls.entity_page(entity_id), "while writing this entity page"):
                    self.entity_page(summary, registry.get(entity_id), entity_items.get(entity_id, []))
        self.entity_indexes(index)
        for slug, story in stories.items():
            with noting(story.path, "while writing this story's page"):
                self.story_page(story, index.stories.get(slug, ()))
        self.stories_index(stories, index)
        self.write(self.urls.timeline + "index.html", self.get_template("timeline"), self.context,
                   timeline=self._grouped(newest(items, self.warta.timeline_limit)))
        self.write_text(self.urls.api_file("articles.json"), export.articles_document(records, self.site_url))
        self.write_text(self.urls.api_file("entities.json"), export.entities_document(
            index, registry, self.site_url, self.urls.entity))

    def listed(self, record) -> Listed:
        """The record as archives and timelines show it, one object per article for all pages (digested once)."""
        found = self._listed.get(record.url)
        if found is None:
            found = self._listed[record.url] = Listed(record.url, record.title, record.lang)
        return found

    def _grouped(self, items):
        """Items grouped by year and month, each with the first articles that reported it and how many more did."""
        limit = self.warta.timeline_sources
        grouped = []
        for year, month, group in group_by_year_month(items):
            entries = []
            for item in group:
                sources = self.oldest_first(item)
                entries.append((item, [self.listed(r) for r in sources[:limit]], len(sources[limit:])))
            grouped.append((year, month, entries))
        return grouped

    def entity_page(self, summary, entity, items):
        url = self.urls.entity_page(summary.id)
        timeline_url = None
        if items:
            timeline_url = self.urls.timeline_json(url)
            title = entity.name if entity else summary.name
            self.write_text(timeline_url, export.dumps(timelinejs.document(
                title, entity.description if entity else "", newest(items, self.warta.entity_timeline_data),
                self.oldest_first, self.site_url, self.warta.timeline_sources)))
        limit = self.warta.entity_articles
        records = [r for r in summary.articles if r.url in self.by_url]  # newest first
        articles = [self.by_url[r.url] for r in records[:limit]]
        shown = newest(items, self.warta.entity_timeline_limit)
        heading = Heading(summary.id, summary.name, summary.type, summary.registered, len(summary.articles))
        older, years = records[limit:], []
        if len(older) > self.warta.entity_archive:
            years = self.entity_years(entity.name if entity else summary.name, url, records)
            older = older[:self.warta.entity_archive]
        names = self.context["warta_index"].entities
        self.write(url + "index.html", self.get_template("entity"), self.context, paginated={},
                   template_name="entity", url=url, page_name=url + "index", articles=articles,
                   archive=self._by_month(older), years=years, entity=entity, summary=heading,
                   timeline=self._grouped(shown), timeline_url=timeline_url, timeline_total=len(items),
                   timeline_shown=len(shown), related=[(Named(i, names[i].name), n) for i, n in summary.related])

    def entity_years(self, name: str, url: str, records) -> list[tuple[int, int, str]]:
        """Write a page per year of an entity's articles (``records``, newest first), each listing all of that
        year's by month; (year, articles, page) newest first."""
        years = [(year, group, f"{url}{year}/") for year, group in by_year(records)]
        for number, (year, group, page) in enumerate(years):
            newer = years[number - 1] if number else None
            older = years[number + 1] if number + 1 < len(years) else None
            self.write(page + "index.html", self.get_template("entity_year"), self.context, paginated={},
                       template_name="entity_year", url=page, page_name=page + "index", entity_name=name,
                       entity_url=url, year=year, count=len(group), archive=self._by_month(group),
                       newer=newer and (newer[0], newer[2]), older=older and (older[0], older[2]))
        return [(year, len(group), page) for year, group, page in years]

    def _by_month(self, records) -> list[tuple[int, int, list[Listed]]]:
        return [(year, month, [self.listed(r) for r in group]) for year, month, group in by_month(records)]

    def entity_indexes(self, index):
        template = self.get_template("entities")
        self.write(self.urls.entities + "index.html", template, self.context, groups=index.alphabetical(),
                   kind=None, type_paths=TYPE_PATHS)
        for kind, path in TYPE_PATHS.items():
            self.write(self.urls.entities + path + "/index.html", template, self.context,
                       entities=index.by_type(kind), kind=kind, type_paths=TYPE_PATHS)

    def story_page(self, story, records):
        url = self.urls.story_page(story.slug)
        urls_in_story = {r.url for r in records}
        items = [item for item in self.items if urls_in_story.intersection(item.sources)]
        timeline_url = None
        if items:
            timeline_url = self.urls.timeline_json(url)
            self.write_text(timeline_url, export.dumps(timelinejs.document(
                story.title, story.summary, items, self.oldest_first, self.site_url, self.warta.timeline_sources)))
        articles = [self.by_url[r.url] for r in records if r.url in self.by_url]
        self.write(url + "index.html", self.get_template("story"), self.context, story=story,
                   story_articles=articles, timeline=self._grouped(items), timeline_url=timeline_url)

    def stories_index(self, stories, index):
        rows = sorted(((s, index.stories.get(slug, ())) for slug, s in stories.items()),
                      key=lambda row: (-(row[1][-1].date.timestamp() if row[1] else 0), row[0].slug))
        self.write(self.urls.stories + "index.html", self.get_template("stories"), self.context, rows=rows)

    def write_text(self, relative: str, text) -> None:
        """``text``: a string, or its pieces."""
        path = os.path.join(self.output_path, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines([text] if isinstance(text, str) else text)


def newest(items: list, limit: int) -> list:
    """The first ``limit`` of timeline items already newest first (what merge and by_entity give)."""
    return items[:max(limit, 0)]


def by_year(records) -> list[tuple[int, list]]:
    """Article records (newest first) grouped by year of publication, newest year first."""
    return [(year, list(group)) for year, group in groupby(records, key=lambda r: r.date.year)]


def by_month(records) -> list[tuple[int, int, list]]:
    """Article records (newest first) grouped by (year, month) of publication, newest month first."""
    return [(year, month, list(group))
            for (year, month), group in groupby(records, key=lambda r: (r.date.year, r.date.month))]
