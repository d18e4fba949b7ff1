"""Which folders a build may replace: only its own (marked) output, never content, a repository or a file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from warta.source.layout import shown

MARKER = ".warta-build"
MARKER_TEXT = "This folder is built by Warta (invoke build), which replaces it whole on every build.\n"
REPO = Path(__file__).resolve().parents[2]
_SOURCE_SUFFIXES = (".md", ".markdown", ".yml", ".yaml", ".py")


def is_marked(folder: Path) -> bool:
    """True when ``folder`` carries Warta's marker file (a regular file, not a link)."""
    try:
        return stat.S_ISREG(os.lstat(folder / MARKER).st_mode)
    except OSError:
        return False


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def refusal(output: Path, content: Path | None, force: bool = False, action: str = "build into") -> str | None:
    """Why a build must not replace (or ``clean`` remove: ``action``) ``output``, as one line, or None.

    Both paths are absolute and resolved. ``force`` lets a build replace a non-empty folder without
    the marker, never a file, a content folder, a folder holding a repository or the working folder.
    """
    reason = _reason(output, content, force)
    if reason is None:
        return None
    hint = ""
    if reason.startswith("not empty") and action == "build into":
        hint = " (empty it or move it away; pass --force if it is an old build)"
    elif force:
        hint = ", even with --force"
    return f"{shown(output)}: {reason}: refusing to {action} it{hint}"


def _reason(output: Path, content: Path | None, force: bool) -> str | None:
    if output.exists() and not output.is_dir():
        return "is a file, not a folder"
    if any(parent.exists() and not parent.is_dir() for parent in output.parents):
        return "is inside a file, not a folder"
    if content is not None:
        if output == content:
            return "is the content folder"
        if output in content.parents:
            return f"contains the content folder {shown(content)}"
        if content in output.parents:
            return f"is inside the content folder {shown(content)}"
    for precious, what in ((REPO, "Warta's own folder"), (Path.cwd().resolve(), "the working folder")):
        if output == precious or output in precious.parents:
            return f"contains {what} ({precious})"
    if not output.is_dir():
        return None
    if os.path.lexists(output / ".git"):
        return "holds a git repository (.git)"
    if is_marked(output) or not any(output.iterdir()):
        return None
    if not force:
        return f"not empty and not a Warta build (no {MARKER} file)"
    precious = _precious_inside(output)
    if precious is not None:
        what = "a git repository" if precious.name == ".git" else "source files"
        return f"holds {what} ({shown(precious)})"
    return None


def unwritable(output: Path) -> str | None:
    """The first folder of an existing output this process cannot empty, as one line, or None."""
    if not output.is_dir():
        return None
    for folder, subfolders, _ in os.walk(output):
        if not os.access(folder, os.W_OK | os.X_OK):
            return (f"{shown(folder)}: cannot be replaced (read-only folder): "
                    f"refusing to build; {shown(output)} left as it was")
        subfolders.sort()
    return None


def _precious_inside(folder: Path) -> Path | None:
    """The first git repository or source file (Markdown, YAML, Python) in ``folder``: never a build's."""
    for parent, subfolders, files in os.walk(folder):
        subfolders.sort()
        for name in sorted(subfolders + files):
            if name == ".git" or name.endswith(_SOURCE_SUFFIXES):
                return Path(parent) / name
    return None


def inside_build(path: Path, output: Path) -> Path | None:
    """The built site ``path`` lies in (``output`` or any marked folder around it), or None."""
    path, output = path.resolve(), output.resolve()
    if path == output or output in path.parents:
        return output
    return next((folder for folder in (path, *path.parents) if is_marked(folder)), None)
