"""schema.org NewsArticle JSON-LD for an article page, safe to place inside <script>."""

from __future__ import annotations

from warta.jsontext import compact
from warta.publish.export import link


def wikidata_items(record, registry) -> dict[str, str]:
    """The Wikidata items of an article's registered entities: all of the registry its NewsArticle shows (and so
    all of it its page depends on: warta_incremental)."""
    entries = ((tagged.id, registry.get(tagged.id)) for tagged in record.entities if tagged.registered)
    return {entity_id: entry.wikidata for entity_id, entry in entries if entry is not None and entry.wikidata}


def news_article(record, matter, site_name: str, site_url: str, entity_url: str, wikidata: dict[str, str]) -> dict:
    """What search engines read: headline, dates, language, authors, and the entities it is about or mentions
    (``wikidata``: :func:`wikidata_items`)."""
    def thing(tagged):
        kind = {"person": "Person", "organization": "Organization", "place": "Place"}.get(tagged.type, "Thing")
        item = {"@type": kind, "name": tagged.name, "url": link(site_url, entity_url.format(id=tagged.id))}
        if tagged.id in wikidata:
            item["sameAs"] = f"https://www.wikidata.org/wiki/{wikidata[tagged.id]}"
        return item

    registered = [t for t in record.entities if t.registered]
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": record.title[:110],
        "datePublished": record.date.isoformat(), "dateModified": (matter.modified or record.date).isoformat(),
        "inLanguage": record.lang, "url": link(site_url, record.url),
        "publisher": {"@type": "Organization", "name": site_name},
        "author": [{"@type": "Person", "name": name} for name in matter.authors] or [
            {"@type": "Organization", "name": site_name}],
        "about": [thing(t) for t in registered if t.role == "about"],
        "mentions": [thing(t) for t in registered if t.role != "about"],
    }
    if record.summary:
        data["description"] = record.summary
    if matter.dateline:
        data["dateline"] = matter.dateline
    if matter.image is not None and matter.image.url:
        data["image"] = matter.image.url
    if matter.source is not None and matter.source.url:
        data["isBasedOn"] = matter.source.url
    if matter.corrections:
        data["correction"] = [{"@type": "CorrectionComment", "text": c.text, "datePublished": c.date.isoformat()}
                              for c in matter.corrections]
    return data


def script_json(data) -> str:
    """JSON that cannot end its <script> early: <, > and & are written as \\u escapes."""
    text = compact(data)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}


def entity_thing(entity, name: str, kind: str | None, url: str) -> dict:
    """schema.org Person / Organization / Place for an entity page, with sameAs to Wikidata when known."""
    data = {"@context": "https://schema.org", "@type": SCHEMA_TYPES.get(kind or "", "Thing"), "name": name, "url": url}
    if entity is not None:
        if entity.description:
            data["description"] = entity.description
        if entity.aliases:
            data["alternateName"] = list(entity.aliases)
        if entity.wikidata:
            data["sameAs"] = [f"https://www.wikidata.org/wiki/{entity.wikidata}"]
        if entity.image.get("url"):
            data["image"] = entity.image["url"]
    return data


def story_list(title: str, url: str, articles: list[tuple[str, str]]) -> dict:
    """schema.org ItemList of a story's articles, oldest first: ``articles`` holds (absolute URL, headline)."""
    return {"@context": "https://schema.org", "@type": "ItemList", "name": title, "url": url,
            "numberOfItems": len(articles), "itemListOrder": "https://schema.org/ItemListOrderAscending",
            "itemListElement": [{"@type": "ListItem", "position": n, "url": link_, "name": headline}
                                for n, (link_, headline) in enumerate(articles, 1)]}
