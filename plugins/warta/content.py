"""Walk a content folder: where articles, pages, stories and the entity registry live."""

from __future__ import annotations

import os
from pathlib import Path

ARTICLE_DIR, PAGE_DIR, ENTITY_DIR, STORY_DIR = "articles", "pages", "entities", "stories"
MARKDOWN_SUFFIXES = (".md", ".markdown")


def markdown_files(content: Path, sub: str) -> list[Path]:
    folder = content / sub
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in MARKDOWN_SUFFIXES and not p.name.startswith("."))


def yaml_files(content: Path, sub: str) -> list[Path]:
    folder = content / sub
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yml", ".yaml") and not p.name.startswith("."))


def shown(path: Path | str) -> str:
    """A path as editors see it: relative to the working folder when inside it."""
    path = os.path.abspath(path)
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative
