"""Narrow views of the shared context for templates, so that a page depends only on what it shows.

``categories`` holds every article of every category; the menu needs only the categories themselves. The story
links of an article need its two neighbours, not the whole site index.
"""

from __future__ import annotations


def add_views(generators) -> None:
    """``all_generators_finalized``: the menu's categories, sorted by name, in the shared context."""
    for generator in generators:
        context = getattr(generator, "context", None)
        if context is not None and "categories" in context:
            context["warta_menu_categories"] = sorted((c for c, _ in context["categories"]), key=lambda c: c.name)
            return


def story_neighbours(context, article):
    """(earlier, later) records of the article's story, or (None, None)."""
    index, records = context.get("warta_index"), context.get("warta_records_by_url", {})
    record = records.get(getattr(article, "url", None))
    if index is None or record is None or not record.story:
        return None, None
    return index.neighbours(record)
