"""Embargoes, decided anew at every build: Pelican's reader cache keeps an article read yesterday, and with it
yesterday's answer to "is it time yet?", so the answer is never part of what the reader returns."""

from __future__ import annotations

import os

from pelican.utils import order_content, process_translations
from warta.problems import ProblemsFound
from warta.settings import of as warta_settings
from warta.source.embargo import NOW_VARIABLE, is_embargoed, read_now


def build_now(settings: dict):
    """The moment a build publishes at: ``WARTA_NOW`` from the environment, the setting, or the clock."""
    warta = warta_settings(settings)
    return read_now(os.environ.get(NOW_VARIABLE) or warta.now, zone=warta.zone)


def apply_embargoes(generator) -> None:
    """Embargoed articles wait among the drafts (never written); a preview build lists drafts and embargoes."""
    warta = warta_settings(generator.settings)
    now, problems = build_now(generator.settings)
    if problems:
        raise ProblemsFound(problems)
    everything = [*generator.articles, *generator.translations, *generator.drafts, *generator.drafts_translations]
    for article in everything:
        matter = getattr(article, "warta", None)
        if matter is None:
            continue
        article.embargoed = is_embargoed(matter.date, matter.status, now)
        article.unpublished = article.embargoed or matter.status == "draft"
        article.status = "published" if warta.preview or not article.unpublished else "draft"
    settings = generator.settings
    generator.articles, generator.translations = _ordered([a for a in everything if a.status == "published"], settings)
    generator.drafts, generator.drafts_translations = _ordered([a for a in everything if a.status != "published"],
                                                               settings)


def _ordered(articles: list, settings):
    """What Pelican's generator does with the articles it read: translations apart, originals in order."""
    originals, translations = process_translations(articles, translation_id=settings["ARTICLE_TRANSLATION_ID"])
    return order_content(originals, settings["ARTICLE_ORDER_BY"]), translations
