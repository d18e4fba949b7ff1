"""Pelican glue for articles: settings validated at start, our front-matter reader, Babel gettext, date filters."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from pelican import signals
from warta_build.forked import cores, forked_map
from warta.problems import ProblemsFound
from warta.source.check import duplicate_slugs
from warta.settings import of as warta_settings
from warta.source.embargo import summary
from warta.source.layout import shown

from .embargo import apply_embargoes
from .reader import WartaMarkdownReader
from .settings import validate_settings
from .taxonomies import index_terms
from .theme import install_theme_helpers

logger = logging.getLogger(__name__)


def _add_reader(readers) -> None:
    readers.reader_classes["md"] = WartaMarkdownReader
    readers.reader_classes["markdown"] = WartaMarkdownReader


def prepare_articles(generator) -> None:
    """With more than one job, the articles Pelican's cache lacks are read and converted in worker processes before
    Pelican reads them one by one (the reader then takes each file's result: see WartaMarkdownReader.prepare)."""
    jobs = warta_settings(generator.settings).jobs or cores()
    readers = generator.readers
    reader = readers.readers.get("md")
    if jobs == 1 or not isinstance(reader, WartaMarkdownReader):
        return
    settings = generator.settings
    paths = [os.path.abspath(os.path.join(generator.path, name))
             for name in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])]
    paths = [path for path in paths  # the files this reader reads (each extension has a reader of its own)
             if readers.readers.get(path.rpartition(".")[2]) is reader and readers.get_cached_data(path, None) is None]
    if len(paths) >= 4 * jobs:  # fewer are not worth the workers
        reader.prepare(paths, forked_map(jobs))


def embargoes(generator) -> tuple[datetime | None, str]:
    """When the next embargoed article is due (None: none waits), and the line that tells the editor. A preview
    shows embargoed articles among the published ones: they count too."""
    everything = [*generator.articles, *generator.translations, *generator.drafts, *generator.drafts_translations]
    dates = [a.date for a in everything if getattr(a, "embargoed", False)]
    if not dates:
        return None, ""
    return min(dates), "" if warta_settings(generator.settings).preview else summary(dates)


def _report_embargoes(generator) -> None:
    """One line for the editor: how many articles wait, and until when."""
    if line := embargoes(generator)[1]:
        print(line)


def check_pages(generator) -> None:
    """Two pages with one slug stop the run, as `invoke check` says (articles: warta_enrich)."""
    pages = [*generator.pages, *generator.hidden_pages, *generator.draft_pages]
    documents = dict(sorted((shown(page.source_path), page.warta) for page in pages if hasattr(page, "warta")))
    problems = duplicate_slugs(documents, {name: Path(name).stem for name in documents})
    if problems:
        raise ProblemsFound(problems)


def register() -> None:
    # Pelican keeps receivers across runs in one process; connecting a function twice is a no-op.
    signals.initialized.connect(validate_settings)
    signals.readers_init.connect(_add_reader)
    signals.article_generator_init.connect(prepare_articles)
    signals.generator_init.connect(install_theme_helpers)
    signals.page_generator_finalized.connect(check_pages)
    signals.article_generator_pretaxonomy.connect(apply_embargoes)
    signals.article_generator_finalized.connect(_report_embargoes)
    signals.article_generator_finalized.connect(index_terms)
