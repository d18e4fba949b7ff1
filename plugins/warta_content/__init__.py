"""Pelican glue for articles: our front-matter reader, Babel gettext for the theme, date filters."""

from __future__ import annotations

import logging

from pelican import signals
from warta.source.embargo import summary

from .reader import WartaMarkdownReader
from .theme import install_theme_helpers

logger = logging.getLogger(__name__)


def _add_reader(readers) -> None:
    readers.reader_classes["md"] = WartaMarkdownReader
    readers.reader_classes["markdown"] = WartaMarkdownReader


def _report_embargoes(generator) -> None:
    """One line for the editor: how many articles wait, and until when."""
    dates = [a.date for a in generator.drafts if getattr(a, "embargoed", False)]
    if dates and not generator.settings.get("WARTA_PREVIEW"):
        print(summary(dates))


def register() -> None:
    # Pelican keeps receivers across runs in one process; connecting a function twice is a no-op.
    signals.readers_init.connect(_add_reader)
    signals.generator_init.connect(install_theme_helpers)
    signals.article_generator_finalized.connect(_report_embargoes)
