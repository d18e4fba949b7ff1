"""Pelican glue for incremental builds: unchanged pages come from the previous output (docs/performance.md).

Active when the build driver sets ``PREVIOUS_OUTPUT_PATH`` (the output folder the staging folder will replace).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import pass_context
from pelican import signals

from .context import add_views, story_neighbours
from .writer import STATE, IncrementalWriter


def register() -> None:
    signals.get_writer.connect(_writer)
    signals.all_generators_finalized.connect(add_views)
    signals.all_generators_finalized.connect(_flush_after_output)
    signals.generator_init.connect(_install_globals)
    signals.finalized.connect(_save)


def _writer(pelican):
    return IncrementalWriter


def _flush_after_output(generators) -> None:
    """Pages left for later (``IncrementalWriter.flush``) are rendered right after the last generator writes its
    own: before ``finalized``, whose receivers read the output (the search index, the manifest)."""
    writing = [generator for generator in generators if hasattr(generator, "generate_output")]
    if not writing:
        return
    last, original = writing[-1], writing[-1].generate_output

    def generate_output(writer):
        original(writer)
        if isinstance(writer, IncrementalWriter):
            writer.flush()

    last.generate_output = generate_output


def _install_globals(generator) -> None:
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["story_neighbours"] = pass_context(lambda context, article: story_neighbours(context, article))


def _save(pelican) -> None:
    run = pelican.settings.pop(STATE, None)
    if run is not None:
        run.save(Path(pelican.output_path))
