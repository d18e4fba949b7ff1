"""Pelican glue: tag every article with entities and events once all articles are read.

Runs in ``article_generator_finalized`` (read-time signals do not fire for cached articles).
Results land on each article as ``warta_entities``, ``warta_events`` and ``warta_candidates``,
and in the shared context as ``warta_registry``, ``warta_stories``, ``warta_index``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from warta.analysis_cache import AnalysisCache
from warta.content import ENTITY_DIR, STORY_DIR, yaml_files
from warta.enrich import analyse, analysis_key, enrich
from warta.entities.discovery import CorpusStats
from warta.entities.matcher import Matcher
from warta.entities.registry import load_registry
from warta.problems import ProblemsFound
from warta.settings import entity_settings
from warta.site_index import ArticleRecord, build_index
from warta.stories import load_stories

logger = logging.getLogger(__name__)


def register() -> None:
    signals.article_generator_finalized.connect(enrich_articles)


def enrich_articles(generator) -> None:
    settings = generator.settings
    options, problems = entity_settings(settings.get("WARTA_ENTITIES", {}))
    content = Path(settings["PATH"])
    registry, found = load_registry(content / ENTITY_DIR)
    problems += found
    stories, found = load_stories(yaml_files(content, STORY_DIR))
    problems += found
    if problems:
        raise ProblemsFound(problems)

    matcher = Matcher(registry)
    cache = AnalysisCache(Path(settings["CACHE_PATH"]) / "warta-analysis.pickle")
    articles = list(generator.articles) + list(generator.translations) + list(generator.drafts)
    analyses = {}
    for article in articles:
        matter = article.warta
        parts = (matter.title, matter.summary or "", article.content, matter.lang, matter.date)
        key = analysis_key(*parts, registry)
        analyses[id(article)] = cache.get(key, lambda parts=parts: analyse(*parts, matcher))
    cache.save()
    stats = CorpusStats.from_texts((analyses[id(a)].text.text, a.warta.lang) for a in articles)
    for article in articles:
        matter = article.warta
        result = enrich(analyses[id(article)], lang=matter.lang, published=matter.date, url=article.url,
                        title=matter.title, registry=registry, stats=stats, add=matter.entities_add,
                        remove=matter.entities_remove, threshold=options.discovery_threshold)
        article.warta_entities = result.entities
        article.warta_candidates = result.candidates
        article.warta_events = result.events
    logger.info("warta: enriched %d articles (%d from cache)", len(articles), cache.hits)

    records = [record_of(article) for article in generator.articles]
    generator.context["warta_registry"] = registry
    generator.context["warta_stories"] = stories
    generator.context["warta_records"] = records
    generator.context["warta_records_by_url"] = {record.url: record for record in records}
    generator.context["warta_index"] = build_index(records, registry, include_discovered=options.discovered_pages)


def record_of(article) -> ArticleRecord:
    matter = article.warta
    return ArticleRecord(url=article.url, title=matter.title, date=matter.date, lang=matter.lang,
                         category=article.category.name, story=matter.story, summary=matter.summary,
                         entities=tuple(article.warta_entities), events=tuple(article.warta_events),
                         image=matter.image)
