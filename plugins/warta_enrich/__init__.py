"""Pelican glue: tag every article with entities and events once all articles are read.

Runs in ``article_generator_finalized`` (read-time signals do not fire for cached articles).
Results land on each article as ``warta_entities`` and ``warta_events``,
and in the shared context as ``warta_registry``, ``warta_stories``, ``warta_index``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from warta.aggregate.cache import AnalysisCache
from warta.aggregate.enrich import Document, enrich_corpus, enrichment_stamp, links_key
from warta.aggregate.site_index import ArticleRecord, build_index
from warta.entities.mention_links import MentionLink, link_first_mentions
from warta.entities.registry import load_registry
from warta.entities.tagging import named
from warta.problems import ProblemsFound
from warta import settings as warta_settings
from warta.source.check import ContentReport, cross_references, duplicate_slugs
from warta.source.layout import ENTITY_DIR, STORY_DIR, shown, yaml_files
from warta.source.reserved import reserved_id_problems
from warta.source.stories import load_stories

from warta_build.forked import forked_map

logger = logging.getLogger(__name__)


def register() -> None:
    signals.article_generator_finalized.connect(enrich_articles)


def enrich_articles(generator) -> None:
    settings = generator.settings
    warta = warta_settings.of(settings)
    options = warta.entities
    content = Path(settings["PATH"])
    articles = list(generator.articles) + list(generator.translations) + list(generator.drafts)
    freeze_urls(articles + list(generator.drafts_translations))
    registry, stories, problems = load_references(content, articles + list(getattr(generator, "hidden_articles", ())))
    if problems:
        raise ProblemsFound(problems)

    cache = AnalysisCache(Path(settings["CACHE_PATH"]) / "warta-analysis", enrichment_stamp(registry.digest))
    (Path(settings["CACHE_PATH"]) / "warta-analysis.json").unlink(missing_ok=True)  # one file before 6 Dec 2026
    # Drafts (embargoed articles among them) are enriched only where they are written: their text must not
    # shape discovery in a build that publishes without them.
    drafts = list(generator.drafts) if settings.get("DRAFT_SAVE_AS") else []
    articles = list(generator.articles) + list(generator.translations) + drafts
    results = enrich_corpus([document_of(a) for a in articles], registry, options.discovery_threshold, cache,
                            map_=forked_map(warta.jobs))
    for article, result in zip(articles, results):
        article.warta_entities = result.entities
        article.warta_named = named(result.entities)  # listings' chips: their keys leave offsets and counts out
        article.warta_events = result.events
        article.warta_ambiguous = result.ambiguous
        if options.link_first_mention:
            link_mentions(article, result, registry, warta.urls, cache)
    if cache.warning:  # a corrupt or foreign cache costs time, never the build
        logger.warning("%s", cache.warning)
    try:
        cache.save()
    except OSError as error:
        logger.warning("%s: analysis cache not saved (%s)", cache.folder, error.strerror or error)
    logger.info("warta: enriched %d articles (from cache: %d analyses, %d enrichments, %d name spans)", len(articles),
                cache.hits, cache.enrich_hits, cache.name_hits)

    records = [record_of(article) for article in generator.articles]  # drafts stay out of every list
    drafts = [record_of(article) for article in drafts]  # their own pages still look theirs up
    generator.context["warta_registry"] = registry
    generator.context["warta_stories"] = stories
    generator.context["warta_records"] = records
    generator.context["warta_records_by_url"] = {record.url: record for record in drafts + records}
    generator.context["warta_index"] = build_index(records, registry, options.related_limit,
                                                   include_discovered=options.discovered_pages)


def freeze_urls(articles) -> None:
    """Pelican formats an article's URL and path again at every access (about 20 per article and build); from here
    on (statuses, translations and embargoes settled) they cannot change, so they are formatted once."""
    for article in articles:
        article.override_url, article.override_save_as = article.url, article.save_as


def load_references(content: Path, articles: list):
    """The registry and stories, and every problem in them or in what articles name (what `invoke check` finds):
    unknown stories and entity ids, reserved ids, duplicate slugs."""
    registry, problems = load_registry(content / ENTITY_DIR)
    stories, found = load_stories(yaml_files(content, STORY_DIR))
    problems += found + reserved_id_problems(registry)
    named = sorted((shown(article.source_path), article) for article in articles if hasattr(article, "warta"))
    documents = {name: article.warta for name, article in named}
    problems += duplicate_slugs(documents, {name: Path(name).stem for name in documents})
    problems += cross_references(ContentReport(articles=documents, registry=registry, stories=stories))
    return registry, stories, problems


def link_mentions(article, result, registry, urls, cache: AnalysisCache | None = None) -> None:
    """Link each entity's first body mention to its page (relative to the article's own URL); the linked HTML is
    kept in ``cache`` under a digest of the HTML and the links."""
    up = "../" * article.url.count("/")
    links = [MentionLink(m.surface, m.occurrence, up + urls.entity_page(m.entity_id),
                         registry.entities[m.entity_id].name) for m in result.first_mentions]
    if not links:
        return
    key = links_key(article._content, links)
    linked = cache.cached_links(key) if cache is not None else None
    if linked is None:
        linked = link_first_mentions(article._content, links)
        if cache is not None:
            cache.keep_links(key, linked)
    article._content = linked


def document_of(article) -> Document:
    matter = article.warta
    return Document(article.url, matter.title, matter.summary or "", article.content, matter.lang, matter.date,
                    matter.entities_add, matter.entities_remove, shown(article.source_path), article.category.name,
                    matter.entities_link)


def record_of(article) -> ArticleRecord:
    matter = article.warta
    return ArticleRecord(url=article.url, title=matter.title, date=matter.date, lang=matter.lang,
                         category=article.category.name, story=matter.story, summary=matter.summary,
                         entities=tuple(article.warta_entities), events=tuple(article.warta_events),
                         image=matter.image, featured=matter.featured, ambiguous=article.warta_ambiguous)
