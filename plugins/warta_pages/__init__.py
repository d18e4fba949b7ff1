"""Pelican glue: entity, story and timeline pages, the JSON export and TimelineJS files."""

from __future__ import annotations

from pelican import signals

from .generator import WartaPagesGenerator


def _generator(pelican):
    return WartaPagesGenerator


def register() -> None:
    signals.get_generators.connect(_generator)
