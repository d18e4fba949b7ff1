"""Paths of Warta's own pages that entity ids must not take."""

from __future__ import annotations

from warta.problems import Problem

# Entity type index pages live beside entity pages: entitas/tokoh/ next to entitas/<id>/.
TYPE_PATHS = {"person": "tokoh", "organization": "organisasi", "place": "tempat"}
RESERVED_IDS = frozenset(TYPE_PATHS.values()) | {"halaman"}  # halaman/: pagination


def reserved_id_problems(registry) -> list[Problem]:
    return [Problem(e.path, e.line, f"entity id '{e.id}' is reserved for Warta's own pages",
                    "choose another id, e.g. '" + e.id + "-1'")
            for e in registry.entities.values() if e.id in RESERVED_IDS]
