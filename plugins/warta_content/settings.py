"""Validate every Warta setting when Pelican starts; the checked tree goes into ``settings["WARTA"]``."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from warta.problems import ProblemsFound
from warta.settings import read, setting_lines


def validate_settings(pelican) -> None:
    """Pelican's ``initialized`` signal: stop before reading anything when a setting is wrong."""
    settings, problems = read(pelican.settings, setting_lines(settings_file()) if settings_file() else {})
    if problems:
        raise ProblemsFound(problems)
    pelican.settings["WARTA"] = settings


def settings_file() -> Path | None:
    """The settings file Pelican loaded: Pelican keeps it in ``sys.modules`` but not its path in the settings.

    Of the loaded modules that look like settings files (they define SITENAME), the one no other star-imports
    (publishconf.py, not the pelicanconf.py it builds on)."""
    candidates = {}
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and path.endswith(".py") and "SITENAME" in vars(module):
            candidates[name] = Path(path)
    imported = set()
    for path in candidates.values():
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            continue
        imported |= {node.module for node in tree.body if isinstance(node, ast.ImportFrom)
                     and any(alias.name == "*" for alias in node.names)}
    remaining = [path for name, path in candidates.items() if name not in imported]
    return remaining[-1] if remaining else None
