"""`invoke entities`: names the registry lacks, across the whole corpus, as a review list."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from markdown import Markdown
from warta.aggregate.enrich import Document, enrich_corpus
from warta.entities.discovery import stub
from warta.settings import of as warta_settings
from warta.source.check import check_content
from warta.source.frontmatter import parse_article
from warta.source.layout import article_files, shown

from . import REPO, load_settings, settings_problems


def report(content: Path, limit: int = 0) -> tuple[list, str]:
    """(problems, text): candidates most frequent first with count, type, example and YAML stub."""
    content = content.resolve()
    settings = load_settings(content, content / "output", REPO / "pelicanconf.py")
    problems = settings_problems(settings, REPO / "pelicanconf.py")
    if problems:
        return problems, ""
    zone = warta_settings(settings).zone
    checked = check_content(content, settings["DEFAULT_LANG"], zone)
    if checked.problems:
        return sorted(set(checked.problems)), ""
    documents = []
    for path in article_files(content):
        matter, body, _ = parse_article(shown(path), path.read_text(encoding="utf-8-sig"), settings["DEFAULT_LANG"],
                                      zone)
        html = Markdown(**settings["MARKDOWN"]).convert(body)
        documents.append(Document(shown(path), matter.title, matter.summary or "", html, matter.lang, matter.date,
                                  matter.entities_add, matter.entities_remove))
    seen = defaultdict(list)
    for doc, result in zip(documents, enrich_corpus(documents, checked.registry, 0.0)):
        for candidate in result.candidates:
            seen[candidate.name].append((doc, candidate))
    rows = sorted(seen.items(), key=lambda kv: (-sum(c.count for _, c in kv[1]), kv[0].casefold()))
    if limit:
        rows = rows[:limit]
    blocks = []
    for name, found in rows:
        doc, first = found[0]
        count = sum(c.count for _, c in found)
        tagged = " (tagged)" if max(c.confidence for _, c in found) >= options.discovery_threshold else ""
        blocks.append(f"# {name}: {count} mention(s) in {len(found)} article(s), type guess: "
                      f"{first.type_guess or 'unknown'}, confidence {max(c.confidence for _, c in found):.2f}{tagged}\n"
                      f"# e.g. {doc.url}: {first.sentence}\n{stub(first)}")
    header = f"# {len(rows)} candidate name(s) not in the registry; paste the ones you want into {shown(content / 'entities')}/*.yml\n"
    return [], header + "\n".join(blocks)
