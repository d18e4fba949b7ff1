"""The static search index: pagefind (its binary ships in the pagefind_bin wheel) over the finished pages.

One index per top folder of the article pages (a year, with the default URLs), in ``pagefind/<folder>/``; the
search page lists them and merges them in the reader's browser. pagefind has no incremental mode: an index
whose folder holds no changed HTML page since the previous build into the same output (and pagefind, its
settings and our code are unchanged) is hard-linked from that build instead, so an edit indexes one year again,
not the archive (docs/performance.md). A site with an article page at the top of the output gets one index in
``pagefind/``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import lxml.html

from warta.settings import of as warta_settings
from warta_incremental.derived import DerivedFolder

logger = logging.getLogger(__name__)
ARGUMENTS = ("--silent",)
CONFIG_FILES = ("pagefind.json", "pagefind.toml", "pagefind.yml", "pagefind.yaml")  # read from the working folder


SHARD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # a folder name that stays a folder in a path and a URL


def shards(context) -> list[str]:
    """The top folders of the article pages written (every language, hidden ones too), one index each; [] for one
    index over the whole site when an article page lies at the top of the output or in an unusual folder name."""
    folders = set()
    for key in ("articles", "translations", "hidden_articles", "hidden_translations"):
        for article in context.get(key, ()):
            folder, slash, _ = article.save_as.partition("/")
            if not (slash and SHARD.fullmatch(folder)):
                return []
            folders.add(folder)
    return sorted(folders)


def index_site(pelican) -> None:
    """Index the article pages (those marked ``data-pagefind-body``) into ``pagefind/``, one index per folder the
    search page lists (its ``data-shards``)."""
    options = warta_settings(pelican.settings)
    if not options.search:
        return
    output = Path(pelican.output_path)
    listed = _listed_shards(output / options.urls.search / "index.html")
    for shard in listed or [""]:
        folder = DerivedFolder(pelican.settings, output, f"pagefind/{shard}".rstrip("/"), inputs=shard)
        where = f"pagefind/{shard}/" if shard else "pagefind/"
        if folder.path is None:  # not built by warta_build: no previous output to take the index from
            _run(output, shard)
            continue
        key = folder.key(_tool() + f"\0{shard}")
        if folder.reuse(key):
            logger.info("search index: no page changed, %s reused from the previous build", where)
        elif not _run(output, shard):
            return
        else:
            logger.info("search index: pagefind ran for %s (%d pages read)", where, folder.read)
        folder.save(key)


def _listed_shards(search_page: Path) -> list[str]:
    """The indexes the search page loads: what it lists is what gets made."""
    try:
        form = lxml.html.parse(str(search_page)).find(".//form[@data-shards]")
    except OSError:
        return []
    names = (form.get("data-shards") if form is not None else "").split()
    return names if all(SHARD.fullmatch(name) for name in names) else []


def _run(output: Path, shard: str = "") -> bool:
    bundle = f"pagefind/{shard}".rstrip("/")
    command = [sys.executable, "-m", "pagefind", "--site", str(output), "--output-subdir", bundle, *ARGUMENTS]
    if shard:
        command += ["--glob", f"{shard}/**/*.html"]
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
    _canonical_entry(output / bundle / "pagefind-entry.json")
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
