"""`invoke entities`: names the registry lacks, across the whole corpus, as a review list; accept or reject one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from markdown import Markdown
from warta.aggregate.enrich import Document, enrich_corpus
from warta.entities.registry import load_registry, shared_forms
from warta.entities.review import accept, describe, reject, suggestions
from warta.settings import of as warta_settings
from warta.source.check import check_content
from warta.source.frontmatter import parse_article
from warta.source.layout import ENTITY_DIR, article_files, shown

from . import REPO, load_settings, settings_problems


def review(content: Path, ambiguous: list | None = None) -> tuple[list, list]:
    """(problems, suggestions) over every article of ``content``; ``ambiguous`` gets (file, text, Ambiguous) for
    each shared name an article leaves undecided."""
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
    results = enrich_corpus(documents, checked.registry, 0.0, others=True)
    found = [(doc.url, doc.lang, candidate) for doc, result in zip(documents, results) for candidate in result.candidates]
    if ambiguous is not None:
        ambiguous += [(doc.url, doc.title, item) for doc, result in zip(documents, results) for item in result.ambiguous]
    return [], suggestions(found, options.entities.discovery_threshold, settings["DEFAULT_LANG"], checked.registry.rejected)


def report(content: Path, limit: int = 0) -> tuple[list, str]:
    """(problems, text): suggestions most mentioned first, each with what an editor needs to decide; then the
    shared names left unlinked, each with its candidates."""
    ambiguous: list = []
    problems, found = review(content, ambiguous)
    if problems:
        return problems, ""
    rows = found[:limit] if limit else found
    header = (f"# {len(found)} name(s) not in the registry. Accept one with: invoke entities --accept NAME "
              f"[--as ID] [--type TYPE]; reject with: invoke entities --reject NAME\n")
    return [], header + "\n".join(describe(s) for s in rows) + "\n" + ambiguous_report(ambiguous)


def ambiguous_report(ambiguous) -> str:
    """One line per article and shared name left unlinked: its candidates with their scores."""
    counts = Counter((path, item.surface) for path, _, item in ambiguous)
    first = {}
    for path, title, item in ambiguous:
        first.setdefault((path, item.surface), (title, item))
    lines = [f"\n# {len(first)} shared name(s) left unlinked: the article does not say which entry it means. "
             f"Settle one article with front-matter 'entities: {{link: {{NAME: ID}}}}', or the whole site with "
             f"'context' or 'cues' in the registry (docs/entities.md)"]
    for (path, surface), (title, item) in sorted(first.items()):
        scores = ", ".join(f"{i} {s:g}" for i, s in zip(item.candidates, item.scores))
        lines.append(f"{path}: '{surface}' ({counts[path, surface]}x) in \"{title}\": candidates {scores}")
    return "\n".join(lines) + "\n"


def shared_report(content: Path) -> tuple[list, str]:
    """(problems, text): the registry's problems, or each form that names several entries (information)."""
    registry, problems = load_registry(Path(content) / ENTITY_DIR)
    if problems:
        return problems, ""
    shared = shared_forms(registry)
    lines = [f"# registry: {len(registry.entities)} entries, {len(shared)} shared form(s); an article's context "
             f"decides each (docs/entities.md)"]
    lines += [f"{form}: {', '.join(ids)}" for form, ids in shared.items()]
    return [], "\n".join(lines) + "\n"


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
