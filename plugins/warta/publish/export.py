"""The public JSON export (docs/api.md): articles with entities and events; entities with articles."""

from __future__ import annotations

from warta.aggregate.site_index import ArticleRecord, SiteIndex
from warta.entities.registry import Registry
from warta.jsontext import compact

SCHEMA_VERSION = 1


def link(site_url: str, path: str) -> str:
    """Absolute when the site has a URL, else root-relative."""
    return f"{site_url.rstrip('/')}/{path}" if site_url else f"/{path}"


def article_record(record: ArticleRecord, site_url: str) -> dict:
    return {
        "url": link(site_url, record.url),
        "title": record.title,
        "date": record.date.isoformat(),
        "lang": record.lang,
        "category": record.category,
        "story": record.story,
        "summary": record.summary,
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "salience": round(e.salience, 4), "role": e.role,
             "mentions": e.mentions, "first_offset": e.first_offset, "registered": e.registered}
            for e in record.entities
        ],
        "events": [event_record(ev) for ev in record.events],
        "ambiguous": [{"name": a.surface, "offset": a.start, "candidates": list(a.candidates)}
                      for a in record.ambiguous],
    }


def event_record(ev) -> dict:
    """One event; a range has ``end_date``/``end_precision``, an anchored date its ``anchor``."""
    return {"date": ev.iso, "precision": ev.precision,
            "end_date": ev.end.iso if ev.end else None, "end_precision": ev.end.precision if ev.end else None,
            "phrase": ev.phrase, "sentence": ev.sentence, "entities": list(ev.entity_ids),
            "publication": ev.is_publication,
            "anchor": ({"date": ev.anchor_iso, "phrase": ev.anchor_phrase, "sentence": ev.anchor_sentence}
                       if ev.anchor_phrase else None),
            "tense_cue": ev.cue or None}


def articles_document(records, site_url: str):
    """The text of ``articles.json`` in pieces, one per article: the whole document is never held at once (it is
    the largest file of a site). Joined, the pieces are ``dumps({"version": ..., "articles": [...]})``."""
    yield '{"version":%d,"articles":[' % SCHEMA_VERSION
    for number, record in enumerate(sorted(records, key=lambda r: (r.date, r.url), reverse=True)):
        yield ("," if number else "") + compact(article_record(record, site_url))
    yield "]}\n"


def entities_document(index: SiteIndex, registry: Registry, site_url: str, entity_url: str) -> str:
    items = []
    for entity_id, summary in sorted(index.entities.items()):
        if not summary.registered:
            continue
        entity = registry.get(entity_id)
        items.append({
            "id": entity_id, "name": entity.name, "type": entity.type, "names": dict(sorted(entity.names.items())),
            "aliases": list(entity.aliases), "wikidata": entity.wikidata or None,
            "url": link(site_url, entity_url.format(id=entity_id)), "article_count": len(summary.articles),
            "articles": [link(site_url, r.url) for r in summary.articles],
        })
    return dumps({"version": SCHEMA_VERSION, "entities": items})


def dumps(document) -> str:
    """Compact UTF-8 JSON (json's C encoder only runs without indent)."""
    return compact(document) + "\n"
