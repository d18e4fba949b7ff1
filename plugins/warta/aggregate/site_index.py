"""Aggregate enriched articles: who appears where, with whom, and in which story (pure)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Sequence

from warta.entities.registry import Registry
from warta.entities.tagging import TaggedEntity


@dataclass(frozen=True)
class ArticleRecord:
    """What the aggregation needs to know of one published article."""

    url: str
    title: str
    date: datetime
    lang: str
    category: str
    story: str | None
    summary: str | None
    entities: tuple[TaggedEntity, ...]
    events: tuple = ()
    image: object = None  # warta.source.frontmatter.Image
    featured: bool = False
    ambiguous: tuple = ()  # warta.entities.linking.Ambiguous: shared names the article does not settle


@dataclass(frozen=True)
class EntitySummary:
    id: str
    name: str
    type: str | None
    registered: bool
    articles: tuple[ArticleRecord, ...]  # newest first
    related: tuple[tuple[str, int], ...]  # (entity id, articles in common), most first


@dataclass
class SiteIndex:
    entities: dict[str, EntitySummary] = field(default_factory=dict)
    stories: dict[str, tuple[ArticleRecord, ...]] = field(default_factory=dict)  # oldest first

    def by_type(self, kind: str) -> list[EntitySummary]:
        return sorted((e for e in self.entities.values() if e.type == kind and e.registered),
                      key=lambda e: (-len(e.articles), e.name.casefold(), e.id))

    def alphabetical(self) -> list[tuple[str, list[EntitySummary]]]:
        """Registered entities grouped by first letter, A to Z (digits and others under '#')."""
        groups: dict[str, list[EntitySummary]] = defaultdict(list)
        for entity in self.entities.values():
            if entity.registered:
                first = entity.name[:1].upper()
                groups[first if first.isalpha() and first.isascii() else "#"].append(entity)
        return [(letter, sorted(items, key=lambda e: (e.name.casefold(), e.id)))
                for letter, items in sorted(groups.items())]

    def neighbours(self, record: ArticleRecord) -> tuple[ArticleRecord | None, ArticleRecord | None]:
        """(earlier, later) article in the same story."""
        items = self.stories.get(record.story or "", ())
        for index, item in enumerate(items):
            if item.url == record.url:
                earlier = items[index - 1] if index > 0 else None
                later = items[index + 1] if index + 1 < len(items) else None
                return earlier, later
        return None, None


def newest_first(records) -> tuple[ArticleRecord, ...]:
    return tuple(sorted(records, key=lambda r: (r.date, r.url), reverse=True))


def build_index(records: Sequence[ArticleRecord], registry: Registry, related_limit: int = 8,
                include_discovered: bool = False) -> SiteIndex:
    """Entities with their articles and co-occurring entities; stories with their articles."""
    articles_of: dict[str, list[ArticleRecord]] = defaultdict(list)
    tagged: dict[str, TaggedEntity] = {}
    together: dict[str, Counter] = defaultdict(Counter)
    for record in records:
        ids = [t.id for t in record.entities if t.registered or include_discovered]
        for entity in record.entities:
            if entity.id in ids:
                articles_of[entity.id].append(record)
                tagged.setdefault(entity.id, entity)
        for entity_id in ids:
            together[entity_id].update(other for other in ids if other != entity_id)
    index = SiteIndex()
    for entity_id in sorted(articles_of.keys() | registry.entities.keys()):
        known = registry.get(entity_id)
        name = known.name if known else tagged[entity_id].name
        kind = known.type if known else tagged[entity_id].type
        related = sorted(together[entity_id].items(), key=lambda kv: (-kv[1], kv[0]))[:related_limit]
        index.entities[entity_id] = EntitySummary(entity_id, name, kind, known is not None,
                                                  newest_first(articles_of.get(entity_id, ())), tuple(related))
    stories: dict[str, list[ArticleRecord]] = defaultdict(list)
    for record in records:
        if record.story:
            stories[record.story].append(record)
    index.stories = {slug: tuple(sorted(items, key=lambda r: (r.date, r.url))) for slug, items in sorted(stories.items())}
    return index
