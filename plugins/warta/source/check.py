"""Lint a whole content folder and return every problem, not only the first.

Whatever the build would refuse, this refuses first with the same ``path:line: message``:
the build runs it before Pelican reads anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from warta.entities.registry import Registry, load_registry
from warta.problems import Problem, did_you_mean
from warta.source.frontmatter import SITE_ZONE, FrontMatter, parse_article
from warta.source.layout import scan, shown
from warta.source.lint_memo import Facts, LintMemo, facts_of
from warta.source.reserved import page_slug_problem, reserved_id_problems
from warta.source.stories import Story, load_stories
from warta.source.xmlchars import read_text
from warta.temporal.lint import weekday_warnings


@dataclass
class ContentReport:
    articles: dict[str, FrontMatter | Facts] = field(default_factory=dict)  # shown path -> front-matter
    pages: dict[str, FrontMatter] = field(default_factory=dict)
    registry: Registry = field(default_factory=Registry)
    stories: dict[str, Story] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # reported, never fatal


def read_documents(paths, default_lang: str, report: ContentReport, zone: tzinfo = SITE_ZONE,
                   pages: bool = False, warnings: bool = True,
                   memo: LintMemo | None = None) -> dict[str, FrontMatter | Facts]:
    """``warnings``: also look for copy-editing warnings (a pass of temporal extraction over every text);
    ``memo``: the facts of articles read before, kept under their name and text (only without ``warnings``)."""
    found: dict[str, FrontMatter | Facts] = {}
    stems: dict[str, str] = {}
    memo = memo if not (pages or warnings) else None
    for path in paths:
        name = shown(path)
        text, problems = read_text(path, name)
        matter = None
        if text is not None and memo is not None:
            key = memo.key(name, text)
            if (matter := memo.get(key)) is not None:
                found[name], stems[name] = matter, path.stem
                continue
        if text is not None:
            matter, body, problems = parse_article(name, text, default_lang, zone)
            if memo is not None and matter is not None and not problems:
                memo.keep(key, facts_of(matter))
        report.problems += problems
        if matter is None:
            continue
        if warnings:
            report.warnings += weekday_warnings(name, text, body, matter.lang, matter.date)
        found[name] = matter
        stems[name] = path.stem
        taken = page_slug_problem(name, matter) if pages else None
        if taken:
            report.problems.append(taken)
    report.problems += duplicate_slugs(found, stems)
    return found


def duplicate_slugs(documents: dict[str, FrontMatter], stems: dict[str, str]) -> list[Problem]:
    """Two documents (shown path -> front-matter, in reading order) with one slug: its own or the file name's."""
    problems, slugs = [], {}
    for name, matter in documents.items():
        slug = matter.slug or stems[name]
        if slug in slugs:
            problems.append(Problem(name, matter.lines.get("slug", 1), f"duplicate slug '{slug}', also used by "
                                    f"{slugs[slug]}", "rename the file or set a different 'slug'"))
        else:
            slugs[slug] = name
    return problems


def check_content(content: Path, default_lang: str = "id", zone: tzinfo = SITE_ZONE,
                  warnings: bool = True, memo: LintMemo | None = None) -> ContentReport:
    """Read and validate every article, page, registry file and story under ``content`` (naive dates in ``zone``);
    ``warnings=False`` leaves out the copy-editing warnings (the build does not show them); ``memo``: see
    :func:`read_documents` (the articles of the report are then partly Facts)."""
    report = ContentReport()
    layout = scan(Path(content))
    report.problems += layout.problems
    report.articles = read_documents(layout.articles, default_lang, report, zone, warnings=warnings, memo=memo)
    report.pages = read_documents(layout.pages, default_lang, report, zone, pages=True, warnings=warnings)
    report.registry, problems = load_registry(layout.entities)
    report.problems += problems + reserved_id_problems(report.registry)
    report.stories, problems = load_stories(layout.stories)
    report.problems += problems
    report.problems += cross_references(report)
    report.problems = sorted(set(report.problems), key=lambda p: (p.path, p.line or 0, p.message))
    return report


def cross_references(report: ContentReport) -> list[Problem]:
    """Story slugs and entity ids named in articles and stories must exist."""
    problems = []
    known = report.registry.entities
    for path, matter in report.articles.items():
        if matter.story and matter.story not in report.stories:
            hint = (did_you_mean(matter.story, report.stories) if report.stories
                    else f"add stories/{matter.story}.yml to the content folder")
            problems.append(Problem(path, matter.lines.get("story"), f"unknown story '{matter.story}'", hint))
        for key, ids in (("entities.add", matter.entities_add), ("entities.remove", matter.entities_remove)):
            for entity_id in ids:
                if entity_id not in known and not (key == "entities.remove" and entity_id.startswith("discovered-")):
                    problems.append(Problem(path, matter.lines.get(key), f"unknown entity id '{entity_id}' in {key}",
                                            did_you_mean(entity_id, known) if known else "the registry is empty"))
        for form, entity_id in matter.entities_link:
            where = matter.lines.get("entities.link")
            if entity_id not in known:
                problems.append(Problem(path, where, f"unknown entity id '{entity_id}' in entities.link",
                                        did_you_mean(entity_id, known) if known else "the registry is empty"))
            elif form not in known[entity_id].full_forms() + known[entity_id].short:
                problems.append(Problem(path, where, f"'{form}' in entities.link is not a name, alias or short "
                                                     f"form of '{entity_id}'",
                                        f"its forms: {', '.join(known[entity_id].full_forms() + known[entity_id].short)}"))
    for story in report.stories.values():
        for entity_id, line in zip(story.entities, story.entity_lines):
            if entity_id not in known:
                problems.append(Problem(story.path, line, f"unknown entity id '{entity_id}' in story entities",
                                        did_you_mean(entity_id, known) if known else "the registry is empty"))
    return problems
