"""`invoke entities`: names the registry lacks, across the whole corpus, as a review list; accept or reject one."""

from __future__ import annotations

from pathlib import Path

from markdown import Markdown
from warta.aggregate.enrich import Document, enrich_corpus
from warta.entities.review import accept, describe, reject, suggestions
from warta.settings import of as warta_settings
from warta.source.check import check_content
from warta.source.frontmatter import parse_article
from warta.source.layout import ENTITY_DIR, article_files, shown

from . import REPO, load_settings, settings_problems


def review(content: Path) -> tuple[list, list]:
    """(problems, suggestions) over every article of ``content``."""
    content = content.resolve()
    settings = load_settings(content, content / "output", REPO / "pelicanconf.py")
    problems = settings_problems(settings, REPO / "pelicanconf.py")
    if problems:
        return problems, []
    options = warta_settings(settings)
    zone = options.zone
    checked = check_content(content, settings["DEFAULT_LANG"], zone)
    if checked.problems:
        return sorted(set(checked.problems)), []
    documents = []
    for path in article_files(content):
        matter, body, _ = parse_article(shown(path), path.read_text(encoding="utf-8-sig"), settings["DEFAULT_LANG"],
                                      zone)
        html = Markdown(**settings["MARKDOWN"]).convert(body)
        documents.append(Document(shown(path), matter.title, matter.summary or "", html, matter.lang, matter.date,
                                  matter.entities_add, matter.entities_remove, category=matter.category or "",
                                  links=matter.entities_link))
    found = [(doc.url, doc.lang, candidate)
             for doc, result in zip(documents, enrich_corpus(documents, checked.registry, 0.0, others=True))
             for candidate in result.candidates]
    return [], suggestions(found, options.entities.discovery_threshold, settings["DEFAULT_LANG"], checked.registry.rejected)


def report(content: Path, limit: int = 0) -> tuple[list, str]:
    """(problems, text): suggestions most mentioned first, each with what an editor needs to decide."""
    problems, found = review(content)
    if problems:
        return problems, ""
    rows = found[:limit] if limit else found
    header = (f"# {len(found)} name(s) not in the registry. Accept one with: invoke entities --accept NAME "
              f"[--as ID] [--type TYPE]; reject with: invoke entities --reject NAME\n")
    return [], header + "\n".join(describe(s) for s in rows)


def decide(content: Path, name: str, verdict: str, entity_id: str | None = None,
           kind: str | None = None) -> tuple[list, str]:
    """Accept or reject ``name`` (any of a suggestion's spellings); (problems, what was done)."""
    problems, found = review(content)
    if problems:
        return problems, ""
    entities = content / ENTITY_DIR
    suggestion = next((s for s in found if name in s.variants), None)
    if verdict == "reject":
        spellings = (name, *(v for v in suggestion.variants if v != name)) if suggestion else (name,)
        path, problems = reject(entities, *spellings)
        return problems, f"rejected {', '.join(map(repr, spellings))} in {shown(path)}" if path else ""
    path, problems = accept(entities, name, kind, entity_id, suggestion)
    return problems, f"added '{name}' to {shown(path)}" if path else ""
