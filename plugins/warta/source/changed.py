"""Check only what changed (the pre-commit hook): changed files plus the cross-references they touch.

An article is read with the registry and the stories it names; a changed registry file brings in the articles
that correct entity tags; a changed or deleted story file brings in the articles that follow it. Problems are
reported for those files only, so an old problem elsewhere does not block an unrelated commit.
"""

from __future__ import annotations

import re
from datetime import tzinfo
from pathlib import Path

from warta.entities.registry import load_registry
from warta.problems import Problem
from warta.source.check import ContentReport, cross_references, read_documents
from warta.source.frontmatter import SITE_ZONE
from warta.source.layout import ENTITY_DIR, STORY_DIR, scan, shown, yaml_files
from warta.source.reserved import reserved_id_problems
from warta.source.stories import load_stories

_SLUG_LINE = re.compile(rb"^slug:[ \t]*['\"]?([a-z0-9-]+)", re.M)
_STORY_LINE = re.compile(rb"^story:[ \t]*['\"]?([a-z0-9-]+)", re.M)
_ENTITIES_KEY = re.compile(rb"^entities:", re.M)


def check_changed(content: Path, changed: list[Path], default_lang: str = "id",
                  zone: tzinfo = SITE_ZONE) -> list[Problem]:
    """Problems in the changed files under ``content`` (deleted ones included) and in the files they touch."""
    content = content.resolve()
    changed = {p.resolve() for p in changed}
    inside = {p for p in changed if content in p.parents}
    if not inside:
        return []
    layout = scan(content)
    articles = list(layout.articles)
    heads = {path: _head(path) for path in articles}
    registry_changed = any(_under(p, content / ENTITY_DIR) for p in inside)
    story_slugs = {p.stem for p in inside if _under(p, content / STORY_DIR) and p.suffix in (".yml", ".yaml")}

    chosen = [p for p in articles if p in inside
              or registry_changed and _ENTITIES_KEY.search(heads[p])
              or story_slugs and _story_of(heads[p]) in story_slugs]
    report = ContentReport()
    report.articles = read_documents(chosen, default_lang, report, zone)
    report.pages = read_documents([p for p in layout.pages if p in inside], default_lang, report, zone)
    report.registry, problems = load_registry(content / ENTITY_DIR)
    report.problems += list(layout.problems) + problems + reserved_id_problems(report.registry)
    report.stories, problems = load_stories(yaml_files(content, STORY_DIR))
    report.problems += problems + cross_references(report) + _slug_clashes(chosen, articles, heads)

    touched = {shown(p) for p in chosen} | {shown(p) for p in inside}
    if registry_changed:
        touched |= {shown(p) for p in yaml_files(content, STORY_DIR)}  # stories name entity ids
    return sorted({p for p in report.problems if p.path in touched}, key=lambda p: (p.path, p.line or 0, p.message))


def _under(path: Path, folder: Path) -> bool:
    return folder in path.parents


def _head(path: Path) -> bytes:
    """The front-matter block's bytes (enough to see which keys an article uses without parsing it)."""
    data = path.read_bytes()
    end = data.find(b"\n---", 3)
    return data[: end if end > 0 else len(data)]


def _story_of(head: bytes) -> str | None:
    found = _STORY_LINE.search(head)
    return found.group(1).decode() if found else None


def _slug_clashes(chosen: list[Path], articles: list[Path], heads: dict[Path, bytes]) -> list[Problem]:
    """A changed article whose slug another article already uses (slugs read cheaply from the raw block)."""
    owners: dict[str, list[Path]] = {}
    for path in articles:
        found = _SLUG_LINE.search(heads[path])
        owners.setdefault(found.group(1).decode() if found else path.stem, []).append(path)
    problems = []
    for path in chosen:
        found = _SLUG_LINE.search(heads[path])
        slug = found.group(1).decode() if found else path.stem
        others = [p for p in owners.get(slug, []) if p != path]
        if others:
            line = heads[path][: found.start()].count(b"\n") + 1 if found else 1
            problems.append(Problem(shown(path), line, f"duplicate slug '{slug}', also used by {shown(others[0])}",
                                    "rename the file or set a different 'slug'"))
    return problems
