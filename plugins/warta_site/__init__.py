"""Pelican glue for the reader's site: related articles, the front page digest, daily editions,
sitemaps, robots.txt, the 404 and search pages, and the pagefind search index."""

from __future__ import annotations

from pelican import signals

from .context import prepare
from .generator import WartaSiteGenerator
from .search import index_site


def _generator(pelican):
    return WartaSiteGenerator


def register() -> None:
    signals.all_generators_finalized.connect(prepare)
    signals.get_generators.connect(_generator)
    signals.finalized.connect(index_site)
