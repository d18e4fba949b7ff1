"""The static search index: pagefind (its binary ships in the pagefind_bin wheel) over the finished pages.

pagefind has no incremental mode; when no HTML page changed since the previous build into the same output (and
neither did pagefind, its settings or our code), the previous index is hard-linked instead (docs/performance.md).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from warta.settings import of as warta_settings
from warta_incremental.derived import DerivedFolder

logger = logging.getLogger(__name__)
ARGUMENTS = ("--silent",)
CONFIG_FILES = ("pagefind.json", "pagefind.toml", "pagefind.yml", "pagefind.yaml")  # read from the working folder


def index_site(pelican) -> None:
    """Index the article pages (those marked ``data-pagefind-body``) into ``pagefind/`` of the output."""
    if not warta_settings(pelican.settings).search:
        return
    folder = DerivedFolder(pelican.settings, pelican.output_path, "pagefind")
    if folder.path is None:  # not built by warta_build: no previous output to take the index from
        _run(pelican.output_path)
        return
    key = folder.key(_tool())
    if folder.reuse(key):
        logger.info("search index: no page changed, pagefind/ reused from the previous build")
    elif not _run(pelican.output_path):
        return
    else:
        logger.info("search index: pagefind ran (%d pages read)", folder.read)
    folder.save(key)


def _run(output: str) -> bool:
    command = [sys.executable, "-m", "pagefind", "--site", output, *ARGUMENTS]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as error:
        logger.error("search index: pagefind could not run: %s", error)
        return False
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        logger.error("search index: pagefind failed (exit %s): %s", result.returncode,
                     message[-1] if message else "no message")
        return False
    _canonical_entry(Path(output) / "pagefind" / "pagefind-entry.json")
    return True


def _tool() -> str:
    """Everything but the pages that decides pagefind's output: versions, arguments, environment, config files."""
    from warta_build import code_version

    parts = [code_version(), " ".join(ARGUMENTS)]
    for name in ("pagefind", "pagefind_bin", "pagefind_bin_extended"):
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=none")
    parts += sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith("PAGEFIND"))
    for name in CONFIG_FILES:
        if Path(name).is_file():
            parts.append(f"{name}:{Path(name).read_text(encoding='utf-8', errors='replace')}")
    return "\n".join(parts)


def _canonical_entry(path: Path) -> None:
    """pagefind lists its languages in arbitrary order: sort the keys so that the same site builds the same bytes."""
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
