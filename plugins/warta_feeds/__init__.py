"""Pelican glue: every RSS 2.0 and Atom feed (site, language, category, story, entity), written with feedgen.

The plan (which articles go in which feed) comes from ``warta.publish.feeds``; this package maps articles to feedgen
entries, writes the files after all pages, and gives templates ``feed_urls(kind, key)``.
"""

from __future__ import annotations

import functools

from pelican import signals

from .generator import FeedsGenerator, feed_urls, options_of


def register() -> None:
    # Pelican keeps receivers across runs in one process; connecting a function twice is a no-op.
    signals.get_generators.connect(_generators)
    signals.generator_init.connect(_install_feed_urls)


def _generators(pelican):
    return FeedsGenerator


def _install_feed_urls(generator) -> None:
    """Expose ``feed_urls`` to templates."""
    options = options_of(generator.settings)
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["feed_urls"] = functools.partial(feed_urls, generator.context, generator.settings, options)
