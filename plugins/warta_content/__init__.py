"""Pelican glue for articles: our front-matter reader, Babel gettext for the theme, date filters."""

from __future__ import annotations

import logging

from pelican import signals

from .reader import WartaMarkdownReader
from .theme import install_theme_helpers

logger = logging.getLogger(__name__)


def _add_reader(readers) -> None:
    readers.reader_classes["md"] = WartaMarkdownReader
    readers.reader_classes["markdown"] = WartaMarkdownReader


def register() -> None:
    # Pelican keeps receivers across runs in one process; connecting a function twice is a no-op.
    signals.readers_init.connect(_add_reader)
    signals.generator_init.connect(install_theme_helpers)
