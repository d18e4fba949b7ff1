"""Put it together: registry mentions, editor overrides and discovered names -> tagged entities."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from slugify import slugify

from warta.entities import salience
from warta.entities.discovery import Candidate
from warta.entities.matcher import Matcher, Mention
from warta.entities.registry import Registry
from warta.entities.text import ArticleText

DISCOVERED_PREFIX = "discovered-"


@dataclass(frozen=True, slots=True)
class TaggedEntity:
    id: str
    name: str
    type: str | None
    salience: float
    mentions: int
    first_offset: int
    registered: bool
    role: str  # 'about' | 'mentions'


@dataclass(frozen=True, slots=True)
class Named:
    """A registered entity as a listing shows it beside an article's title (a chip)."""

    id: str
    name: str


def named(entities: Iterable[TaggedEntity]) -> tuple[Named, ...]:
    """The registered entities of an article, most salient first: what does not change when a sentence does."""
    return tuple(Named(e.id, e.name) for e in entities if e.registered)


def tag(article: ArticleText, lang: str, matcher: Matcher, registry: Registry,
        add: Iterable[str] = (), remove: Iterable[str] = (),
        candidates: Iterable[Candidate] = (), mentions: Sequence[Mention] | None = None) -> list[TaggedEntity]:
    """Entities of one article, most salient first (ties by id). ``add`` forces registry ids in,
    ``remove`` drops ids (registered or discovered); unknown ids are ignored here (see
    ``warta.source.check.cross_references``). Candidates become ``discovered-<slug>`` entries. Pass ``mentions``
    when already matched (for discovery) to match only once."""
    offsets: dict[str, list[int]] = {}
    for mention in matcher.match(article.text, lang) if mentions is None else mentions:
        if (starts := offsets.get(mention.entity_id)) is None:
            offsets[mention.entity_id] = [mention.start]
        else:
            starts.append(mention.start)
    entities = registry.entities
    for entity_id in add:
        if entity_id in entities and entity_id not in offsets:
            offsets[entity_id] = []
    assess, floor = salience.assess, salience.FLOOR
    out: dict[str, TaggedEntity] = {}
    for entity_id, starts in offsets.items():
        entity = entities[entity_id]
        score, role = assess(article, starts, floor)
        out[entity_id] = TaggedEntity(entity_id, entity.display_name(lang), entity.type, score, len(starts),
                                      min(starts, default=-1), True, role)
    for candidate in candidates:
        entity_id = discovered_id(candidate.name)
        if entity_id not in out:
            starts = candidate.offsets or (candidate.first_offset,)
            score, role = assess(article, starts, floor)
            out[entity_id] = TaggedEntity(entity_id, candidate.name, candidate.type_guess, score, len(starts),
                                          min(starts, default=-1), False, role)
    for entity_id in remove:
        out.pop(entity_id, None)
    return sorted(out.values(), key=lambda t: (-t.salience, t.id))


@lru_cache(maxsize=65536)
def discovered_id(name: str) -> str:
    return DISCOVERED_PREFIX + slugify(name)

