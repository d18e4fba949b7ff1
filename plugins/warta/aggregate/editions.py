"""Daily editions: the articles of each day in the site's zone, by category, and the front page's lead (pure)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, tzinfo
from itertools import groupby
from typing import Sequence

from warta.aggregate.site_index import ArticleRecord, newest_first


@dataclass(frozen=True)
class Edition:
    day: date
    articles: tuple[ArticleRecord, ...]  # newest first

    def by_category(self) -> list[tuple[str, tuple[ArticleRecord, ...]]]:
        """Categories A to Z, each with its articles newest first."""
        groups: dict[str, list[ArticleRecord]] = defaultdict(list)
        for record in self.articles:
            groups[record.category].append(record)
        return [(name, tuple(items)) for name, items in sorted(groups.items(), key=lambda kv: kv[0].casefold())]


def editions(records: Sequence[ArticleRecord], zone: tzinfo) -> list[Edition]:
    """One edition per day that has articles, newest day first."""
    days: dict[date, list[ArticleRecord]] = defaultdict(list)
    for record in records:
        days[record.date.astimezone(zone).date()].append(record)
    return [Edition(day, newest_first(days[day])) for day in sorted(days, reverse=True)]


def by_month(items: Sequence[Edition]) -> list[tuple[int, int, list[Edition]]]:
    """Editions grouped as (year, month, editions), newest first."""
    return [(year, month, list(group))
            for (year, month), group in groupby(items, key=lambda e: (e.day.year, e.day.month))]


def top_salience(record: ArticleRecord) -> float:
    return max((t.salience for t in record.entities if t.registered), default=0.0)


def lead(edition: Edition) -> ArticleRecord | None:
    """The edition's lead: the newest article an editor marked ``featured``, else the article whose top entity
    is most salient (newest first on a tie)."""
    if not edition.articles:
        return None
    featured = [r for r in edition.articles if r.featured]
    if featured:
        return featured[0]
    return max(edition.articles, key=lambda r: (top_salience(r), r.date, r.url))


def running_stories(stories: dict[str, Sequence[ArticleRecord]], limit: int = 5
                    ) -> list[tuple[str, ArticleRecord, int]]:
    """(story slug, newest article, article count) for stories with two or more articles, most recent first."""
    rows = [(slug, items[-1], len(items)) for slug, items in stories.items() if len(items) >= 2]
    rows.sort(key=lambda row: (-row[1].date.timestamp(), row[0]))
    return rows[:limit]
