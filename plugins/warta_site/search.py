"""The static search index: pagefind (its binary ships in the pagefind_bin wheel) over the finished pages."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

from warta.settings import of as warta_settings

logger = logging.getLogger(__name__)


def index_site(pelican) -> None:
    """Index the article pages (those marked ``data-pagefind-body``) into ``pagefind/`` of the output."""
    if not warta_settings(pelican.settings).search:
        return
    command = [sys.executable, "-m", "pagefind", "--site", pelican.output_path, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as error:
        logger.error("search index: pagefind could not run: %s", error)
        return
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        logger.error("search index: pagefind failed (exit %s): %s", result.returncode,
                     message[-1] if message else "no message")
        return
    _canonical_entry(Path(pelican.output_path) / "pagefind" / "pagefind-entry.json")


def _canonical_entry(path: Path) -> None:
    """pagefind lists its languages in arbitrary order: sort the keys so that the same site builds the same bytes."""
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
