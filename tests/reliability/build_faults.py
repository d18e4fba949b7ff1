"""Helpers for the output-safety tests: real builds with injected faults, and whole-tree digests."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from warta_build.swap import only_folders

FIXTURE = REPO / "tests" / "data" / "site"
HOOKS = Path(__file__).resolve().parent / "hooks"
BUILD = [sys.executable, "-m", "warta_build"]
# Root ignores permission bits; without these capabilities it obeys them like any user.
WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def tree(root: Path) -> dict[str, str]:
    """Every entry under ``root`` (itself included): a digest for files, a kind for the rest."""
    found = {}
    for path in sorted([root, *root.rglob("*")]):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[name] = "link:" + os.readlink(path)
        elif path.is_dir():
            found[name] = "dir"
        elif path.is_file():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[name] = "other"
    return found


def build(content: Path, output: Path, *extra: str, env: dict | None = None, prefix: list | None = None,
          **options) -> subprocess.CompletedProcess:
    """``python -m warta_build`` in its own process, as tasks.py runs it."""
    return subprocess.run([*(prefix or []), *BUILD, "--content", str(content), "--output", str(output), *extra],
                          cwd=REPO, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, **options)


def invoke(*arguments: str) -> subprocess.CompletedProcess:
    """An invoke task, as an editor types it."""
    return subprocess.run([str(Path(sys.executable).parent / "invoke"), *arguments], cwd=REPO,
                          capture_output=True, text=True, timeout=300)


def fault(at: str, do: str) -> dict:
    """Environment that makes the hook plugin of :func:`hooked_conf` inject ``do`` at ``at``."""
    return {"WARTA_FAULT_AT": at, "WARTA_FAULT_DO": do}


def hooked_conf(folder: Path) -> Path:
    """Settings: the site's own plus the fault hook plugin (idle unless :func:`fault` says)."""
    conf = folder / "hooked_conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
                    f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(HOOKS)!r}]\nPLUGINS = PLUGINS + ['fault_hook']\n")
    return conf


def new_site(folder: Path) -> Path:
    """A copy of the small fixture site."""
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    return content


def change(content: Path) -> None:
    """Edit the site so that its next build differs from the last one."""
    (content / "articles" / "2023" / "09" / "baru.md").write_text(
        "---\ntitle: Berita Baru\ndate: 2023-09-20T10:00:00+07:00\n---\nIsi berita baru.\n", encoding="utf-8")


def siblings(output: Path) -> list[str]:
    """What builds leave beside ``output``: ``.<name>.*`` entries, but the spare its next build stages into when it
    holds nothing but folders (warta_build.swap.recycle)."""
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.")
                  and not (p.name.startswith(f".{output.name}.spare-") and only_folders(p)))


def one_line(stderr: str) -> str:
    """The single line a refusal prints (fails the test if there are more)."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]
