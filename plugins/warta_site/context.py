"""Adds what the reader's pages show to Pelican's shared context, once every article is enriched."""

from __future__ import annotations

from warta.aggregate.editions import editions, lead, running_stories
from warta.aggregate.related import related_articles
from warta.settings import of as warta_settings

RECENT_EDITIONS = 7  # earlier editions linked from the front page


def prepare(generators) -> None:
    context = generators[0].context
    records = context.get("warta_records")
    if records is None:
        return
    settings = generators[0].settings
    article_of = {article.url: article for article in context.get("articles", ())}
    context["warta_related"] = {url: [article_of[r.record.url] for r in found if r.record.url in article_of]
                                for url, found in related_articles(records).items()}
    days = editions(records, warta_settings(settings).zone)
    context["warta_editions"] = days
    today = days[0] if days else None
    chosen = lead(today) if today else None
    context["warta_front"] = {
        "edition": today,
        "lead": article_of.get(chosen.url) if chosen else None,
        "sections": [(name, [article_of[r.url] for r in rows if chosen is None or r.url != chosen.url])
                     for name, rows in today.by_category()] if today else [],
        "stories": [(slug, article_of[newest.url], count)
                    for slug, newest, count in running_stories(context["warta_index"].stories)
                    if newest.url in article_of],
        "earlier": days[1:1 + RECENT_EDITIONS],
    }
    context["warta_articles_by_url"] = article_of
