"""Read input files, plan one Markdown file per draft, and write them all or none."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from slugify import slugify

from warta.atomic import write_atomically
from warta.importer.decode import decode, detect_kind
from warta.importer.draft import Draft
from warta.importer.feed import parse_feed
from warta.importer.html import parse_html
from warta.importer.lang import unpublished
from warta.importer.raw import parse_raw_text
from warta.importer.render import render_markdown
from warta.problems import Problem
from warta.source.frontmatter import SITE_ZONE

DEFAULT_DEST = Path("content/articles")
SLUG_MAX = 80
_PARSERS = {"raw": parse_raw_text, "html": parse_html, "feed": parse_feed}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class FileReport:
    path: str
    kind: str                      # raw | html | feed | unknown
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    written: tuple[Path, ...]
    skipped: tuple[str, ...]       # feed items already imported
    reports: tuple[FileReport, ...]
    problems: tuple[Problem, ...]


def read_input(path: Path, lang: str | None = None) -> tuple[str, tuple[Draft, ...] | list[Problem]]:
    """(kind, drafts or problems) for one input file; ``lang`` overrides the detected language,
    which must otherwise be one the site publishes."""
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return "unknown", [Problem(shown, None, f"cannot read the file ({error.strerror})")]
    text = decode(data, shown)
    if isinstance(text, Problem):
        return "unknown", [text]
    kind = detect_kind(text)
    if kind == "markup":
        return kind, [Problem(shown, 1, "markup that is neither a feed nor an HTML page",
                              "expected <rss>, <feed> or <rdf:RDF> (a feed) or <html> (a saved page)")]
    result = _PARSERS[kind](text, shown)
    if isinstance(result, list):
        return kind, result
    drafts = result if isinstance(result, tuple) else (result,)
    if lang:
        return kind, tuple(replace(d, lang=lang, foreign_lang="", report=(*d.report, f"language set to {lang} (--lang)"))
                           for d in drafts)
    refused = [Problem(shown, None, f"{d.title[:60]!r}: {message}") if len(drafts) > 1 else Problem(shown, None, message)
               for d in drafts if (message := unpublished(d.foreign_lang))]
    return kind, refused or drafts


def import_paths(paths: list[Path], dest: Path = DEFAULT_DEST, force: bool = False,
                 existing_dir: Path | None = None, lang: str | None = None) -> ImportResult:
    """Import every input; write only when all of them parsed cleanly, each file atomically."""
    unusable = dest_problem(dest)
    if unusable:
        return ImportResult((), (), (), (unusable,))
    reports, problems, planned_drafts = [], [], []
    for path in paths:
        kind, result = read_input(Path(path), lang)
        if isinstance(result, list):
            problems += result
            reports.append(FileReport(str(path), kind, ()))
            continue
        reports.append(FileReport(str(path), kind, tuple(n for d in result for n in d.report)))
        planned_drafts += [(str(path), kind, d) for d in result]

    known_urls = source_urls(existing_dir or dest)
    skipped, drafts = [], []
    for shown, kind, draft in planned_drafts:
        if kind == "feed" and draft.source_url in known_urls:
            skipped.append(f"{shown}: {draft.title!r} already imported as {known_urls[draft.source_url]}")
            continue
        if draft.source_url:
            known_urls[draft.source_url] = f"{shown} (this import)"
        drafts.append((shown, draft))

    targets, plan_problems = plan(drafts, dest, force)
    problems += plan_problems
    if problems:
        return ImportResult((), tuple(skipped), tuple(reports), tuple(problems))
    written = []
    for (shown, draft), target in zip(drafts, targets):
        error = write_atomically(target, render_markdown(draft))
        if error:
            problems.append(Problem(str(target), None, f"cannot write ({error})"))
            break
        written.append(target)
    return ImportResult(tuple(written), tuple(skipped), tuple(reports), tuple(problems))


def dest_problem(dest: Path) -> Problem | None:
    """Why drafts cannot go into ``dest`` (a file, or a folder this process cannot use), or None."""
    folder = next((p for p in (dest, *dest.parents) if os.path.lexists(p)), None)
    if folder is None:
        return None
    if not folder.is_dir():
        return Problem(str(folder), None, "is a file, not a folder", "give --dest a folder")
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK, effective_ids=os.access in os.supports_effective_ids):
        return Problem(str(folder), None, "cannot read and write this folder (permission denied)")
    return None


def plan(drafts: list[tuple[str, Draft]], dest: Path, force: bool) -> tuple[list[Path], list[Problem]]:
    """dest/YYYY/MM/<slug>.md (month in the site's zone) per draft; slugs unique in dest and in the run.

    A taken slug gets -2, -3, ... A file already at the very target path is this article imported
    before: it is kept unless ``force``.
    """
    taken = {p.stem: p for p in sorted(dest.rglob("*.md"))} if dest.is_dir() else {}
    targets, problems, claimed = [], [], set()
    for shown, draft in drafts:
        base = slugify(draft.title, max_length=SLUG_MAX, word_boundary=True)
        if not base:
            problems.append(Problem(shown, None, f"title {draft.title!r} gives an empty slug",
                                    "give the article a title with letters or digits"))
            continue
        local = draft.date.astimezone(SITE_ZONE)
        folder = dest / f"{local:%Y}" / f"{local:%m}"
        slug, number = base, 1
        while slug in claimed or (slug in taken and taken[slug] != folder / f"{slug}.md"):
            number += 1
            slug = f"{base}-{number}"
        target = folder / f"{slug}.md"
        if os.path.lexists(target) and not force:
            problems.append(Problem(shown, None, f"{target} already exists",
                                    "use --force to overwrite it, or delete it first"))
        claimed.add(slug)
        targets.append(target)
    return targets, problems


def source_urls(folder: Path) -> dict[str, str]:
    """source.url -> file, read from the front-matter block only of every Markdown file in ``folder``."""
    urls = {}
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
        block = _front_matter_block(path)
        try:
            matter = yaml.load(block, Loader=_Loader) if block else None
        except yaml.YAMLError:
            continue    # the front-matter check reports it; here it just cannot match
        source = matter.get("source") if isinstance(matter, dict) else None
        url = source.get("url") if isinstance(source, dict) else None
        if isinstance(url, str) and url:
            urls.setdefault(url, str(path))
    return urls


def _front_matter_block(path: Path) -> str:
    lines = []
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            if handle.readline().strip() != "---":
                return ""
            for line in handle:
                if line.rstrip() in ("---", "..."):
                    return "".join(lines)
                lines.append(line)
    except OSError:
        return ""
    return ""
