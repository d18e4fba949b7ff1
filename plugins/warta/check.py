"""Lint a whole content folder and return every problem, not only the first."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .content import ARTICLE_DIR, PAGE_DIR, markdown_files, shown
from .frontmatter import FrontMatter, decode, parse_article
from .problems import Problem


@dataclass
class ContentReport:
    articles: dict[str, FrontMatter] = field(default_factory=dict)  # shown path -> front-matter
    pages: dict[str, FrontMatter] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_documents(content: Path, sub: str, default_lang: str, report: ContentReport) -> dict[str, FrontMatter]:
    found: dict[str, FrontMatter] = {}
    slugs: dict[str, str] = {}
    for path in markdown_files(content, sub):
        name = shown(path)
        text, problems = decode(path.read_bytes(), name)
        matter = None
        if text is not None:
            matter, _, problems = parse_article(name, text, default_lang)
        report.problems += problems
        if matter is None:
            continue
        found[name] = matter
        slug = matter.slug or path.stem
        if slug in slugs:
            line = matter.lines.get("slug", 1)
            report.problems.append(Problem(name, line, f"duplicate slug '{slug}', also used by {slugs[slug]}",
                                           "rename the file or set a different 'slug'"))
        else:
            slugs[slug] = name
    return found


def check_content(content: Path, default_lang: str = "id") -> ContentReport:
    """Read and validate every article and page under ``content``."""
    report = ContentReport()
    report.articles = read_documents(content, ARTICLE_DIR, default_lang, report)
    report.pages = read_documents(content, PAGE_DIR, default_lang, report)
    return report
