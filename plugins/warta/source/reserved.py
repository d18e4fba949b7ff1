"""Paths Warta and Pelican write for themselves, which entity ids and page slugs must not take."""

from __future__ import annotations

from warta.problems import Problem

# Entity type index pages live beside entity pages: entitas/tokoh/ next to entitas/<id>/.
TYPE_PATHS = {"person": "tokoh", "organization": "organisasi", "place": "tempat"}
RESERVED_IDS = frozenset(TYPE_PATHS.values()) | {"halaman"}  # halaman/: pagination

# Top-level folders of the built site (pelicanconf.py, WARTA_URLS, WARTA_FEEDS defaults, pagination,
# static files). A page lives at <slug>/: a page named like one of these would overwrite Warta's own.
SECTIONS = frozenset({
    "api", "arsip", "cerita", "draf", "entitas", "feeds", "halaman", "images", "kategori", "linimasa",
    "penulis", "tag", "theme",
})


def reserved_id_problems(registry) -> list[Problem]:
    return [Problem(e.path, e.line, f"entity id '{e.id}' is reserved for Warta's own pages",
                    "choose another id, e.g. '" + e.id + "-1'")
            for e in registry.entities.values() if e.id in RESERVED_IDS]


def page_slug_problem(path: str, matter) -> Problem | None:
    """A page whose slug is one of Warta's sections, or None."""
    if matter.slug not in SECTIONS:
        return None
    line = matter.lines.get("slug", 1)
    return Problem(path, line, f"page slug '{matter.slug}' is taken by Warta's own section {matter.slug}/",
                   "rename the file or set another 'slug'")
