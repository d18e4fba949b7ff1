"""Walk a content folder: where articles, pages, stories and the entity registry live.

The walk is the one gate every content file passes: a file it refuses is never read by the
check, the glue or Pelican (the build stops at the check). Refused, each with one line naming it:
links that leave the content folder, broken links and links to folders; folders named like
content files (``x.md/``); hidden files with a content suffix (``.yaml``); suffixes in the wrong
case (``.MD``); content files that are not regular files or cannot be read. Hidden folders
(``.git``) are skipped, as Pelican skips them.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from warta.problems import Problem

ARTICLE_DIR, PAGE_DIR, ENTITY_DIR, STORY_DIR = "articles", "pages", "entities", "stories"
MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yml", ".yaml")
CONTENT_SUFFIXES = MARKDOWN_SUFFIXES + YAML_SUFFIXES


@dataclass(frozen=True)
class Layout:
    articles: tuple[Path, ...] = ()
    pages: tuple[Path, ...] = ()
    entities: tuple[Path, ...] = ()
    stories: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()


def scan(content: Path) -> Layout:
    """Every readable content file under ``content`` by kind, and every refused one as a problem."""
    content = Path(content)
    files, problems = walk(content)
    has_articles = (content / ARTICLE_DIR).is_dir()

    def under(sub: str, suffixes) -> tuple[Path, ...]:
        folder = content / sub
        return tuple(p for p in files if p.suffix in suffixes and folder in p.parents)

    pages = under(PAGE_DIR, MARKDOWN_SUFFIXES)
    if has_articles:
        articles = under(ARTICLE_DIR, MARKDOWN_SUFFIXES)
    else:
        articles = tuple(p for p in files if p.suffix in MARKDOWN_SUFFIXES and p not in pages)
    return Layout(articles, pages, under(ENTITY_DIR, YAML_SUFFIXES), under(STORY_DIR, YAML_SUFFIXES),
                  tuple(problems))


def walk(folder: Path, root: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Regular, readable, non-hidden files under ``folder`` (sorted), and the problems of refused ones.

    ``root`` (default ``folder``) is the boundary links must stay inside.
    """
    inside = os.path.realpath(root or folder)
    files: list[Path] = []
    problems: list[Problem] = []
    stack = [Path(folder)]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError as error:
            problems.append(Problem(shown(current), None, f"cannot open the folder: {_reason(error)}",
                                    "give the folder read permission (chmod a+rx)"))
            continue
        folders = []
        for entry in entries:
            path = Path(entry.path)
            kind, problem = _kind(path, entry.name, inside)
            if problem:
                problems.append(problem)
            if kind == "folder":
                folders.append(path)
            elif kind == "file":
                files.append(path)
        stack.extend(reversed(folders))
    return sorted(files), problems


def _kind(path: Path, name: str, inside: str) -> tuple[str | None, Problem | None]:
    """("folder" | "file" | None, a problem or None) for one folder entry."""
    where = shown(path)
    suffix = name[name.rfind("."):] if "." in name else ""
    content_like = suffix.lower() in CONTENT_SUFFIXES
    if name.startswith("."):  # never read, never followed (editors' lock files are such links)
        if content_like and not os.path.islink(path) and os.path.isfile(path):
            return None, Problem(where, None, "hidden file: Warta does not read files whose names start with '.'",
                                 "rename it without the leading '.'")
        return None, None
    if os.path.islink(path):
        target = os.path.realpath(path)
        if not os.path.exists(target):
            return None, Problem(where, None, "broken symbolic link", "remove it or point it at a file")
        if os.path.commonpath([inside, target]) != inside:
            return None, Problem(where, None, "symbolic link to a place outside the content folder; "
                                 "Warta does not follow it", "copy the file into the content folder")
        if os.path.isdir(target):
            return None, Problem(where, None, "symbolic link to a folder; Warta does not follow folder links",
                                 "move the folder here instead")
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return None, Problem(where, None, f"cannot read: {_reason(error)}")
    if stat.S_ISDIR(mode):
        if content_like:
            return "folder", Problem(where, None, f"a folder named like a content file ('{suffix}')",
                                     f"rename the folder: only files may end in '{suffix}'")
        return "folder", None
    if content_like and suffix not in CONTENT_SUFFIXES:
        return None, Problem(where, None, f"file name ends in '{suffix}', which Warta does not read",
                             f"rename it to end in '{suffix.lower()}'")
    if not stat.S_ISREG(mode):
        if content_like:
            return None, Problem(where, None, "not a regular file", "replace it with a plain file")
        return None, None
    if not os.access(path, os.R_OK):
        return None, Problem(where, None, "cannot read the file: permission denied",
                             "give it read permission (chmod a+r)")
    return "file", None


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()


def article_files(content: Path) -> list[Path]:
    """Markdown under articles/; in a folder without one, every Markdown file outside pages/."""
    return list(scan(content).articles)


def article_paths(content: Path) -> dict:
    """Pelican settings that read the same articles as :func:`scan`."""
    if (content / ARTICLE_DIR).is_dir():
        return {"ARTICLE_PATHS": [ARTICLE_DIR], "ARTICLE_EXCLUDES": []}
    return {"ARTICLE_PATHS": [""], "ARTICLE_EXCLUDES": [PAGE_DIR]}


def yaml_files(content: Path, sub: str) -> list[Path]:
    """The YAML files under ``content/sub`` that :func:`walk` lets through."""
    folder = Path(content) / sub
    if not folder.is_dir():
        return []
    files, _ = walk(folder, content)
    return [p for p in files if p.suffix in YAML_SUFFIXES]


def shown(path: Path | str) -> str:
    """A path as editors see it: relative to the working folder when inside it."""
    path, here = os.path.abspath(path), os.getcwd()
    if path == here:
        return "."
    inside = os.path.join(here, "")
    return path[len(inside):] if path.startswith(inside) else path  # what os.path.relpath gives, without its cost
