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


def article_files(content: Path) -> list[Path]:
    """Markdown under articles/; in a folder without one, every Markdown file outside pages/."""
    if (content / ARTICLE_DIR).is_dir():
        return markdown_files(content, ARTICLE_DIR)
    pages = content / PAGE_DIR
    return [p for p in markdown_files(content, ".") if pages not in p.parents]


def article_paths(content: Path) -> dict:
    """Pelican settings that read the same articles as :func:`article_files`."""
    if (content / ARTICLE_DIR).is_dir():
        return {"ARTICLE_PATHS": [ARTICLE_DIR], "ARTICLE_EXCLUDES": []}
    return {"ARTICLE_PATHS": [""], "ARTICLE_EXCLUDES": [PAGE_DIR]}


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
