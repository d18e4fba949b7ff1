"""Pelican glue for articles: settings validated at start, our front-matter reader, Babel gettext, date filters."""

from __future__ import annotations

import logging

from pelican import signals

from .reader import WartaMarkdownReader
from .settings import validate_settings
from .theme import install_theme_helpers

logger = logging.getLogger(__name__)


def _add_reader(readers) -> None:
    readers.reader_classes["md"] = WartaMarkdownReader
    readers.reader_classes["markdown"] = WartaMarkdownReader


def register() -> None:
    # Pelican keeps receivers across runs in one process; connecting a function twice is a no-op.
    signals.initialized.connect(validate_settings)
    signals.readers_init.connect(_add_reader)
    signals.generator_init.connect(install_theme_helpers)
