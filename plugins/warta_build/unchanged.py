"""A build whose inputs and output are exactly those of the previous successful build does nothing.

The inputs are every file and folder listing the previous build read (recorded with an audit hook while it
ran: content, registry, stories, templates, models, settings files, plugins), the plugin and theme folders,
the settings as loaded, the installed packages, the Python version and the environment variables Warta and
pagefind read. The output is every file and folder of the output with its inode, size and modification time,
as the previous build left it. A stamp holding both is written beside the caches after a successful build;
the next build compares and, when nothing differs, replays the lines the previous build printed and stops.

An embargo makes time an input: the stamp holds the first moment an embargoed article is due, and a build at
or after it is a real build.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import threading
from datetime import datetime
from pathlib import Path

STAMP_VERSION = 1
ENVIRONMENT_PREFIXES = ("WARTA_", "PAGEFIND")
_IGNORED_PREFIXES = tuple({str(Path(p).resolve()) + os.sep for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
                          | {"/proc/", "/sys/", "/dev/"})
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class Reads:
    """Records what the process reads while active: file paths opened for reading and folders listed."""

    _installed = False
    _active: Reads | None = None
    _lock = threading.Lock()

    def __init__(self, output: Path, cache: Path):
        """Nothing under ``output``, the folders the build stages beside it, the ``cache`` folder or Warta's
        manifests beside it is an input, nor is the listing of the output's parent (it holds the staging folders)."""
        self.ignored = (f"{output}{os.sep}", f"{output.parent / ('.' + output.name)}.", f"{cache}{os.sep}",
                        f"{cache.parent / 'warta-'}", *_IGNORED_PREFIXES)
        self.unlisted = str(output.parent)
        self.files: set[str] = set()
        self.folders: set[str] = set()

    def __enter__(self) -> Reads:
        with Reads._lock:
            if not Reads._installed:
                sys.addaudithook(Reads._hook)  # cannot be removed: it does nothing while no recorder is active
                Reads._installed = True
            Reads._active = self
        return self

    def __exit__(self, *exc) -> None:
        Reads._active = None

    @staticmethod
    def _hook(event: str, args: tuple) -> None:
        recorder = Reads._active
        if recorder is None or event not in ("open", "os.listdir", "os.scandir"):
            return
        try:  # an exception here would be raised in the code that opens the file
            path = args[0] if args[0] is not None else "."
            if isinstance(path, int):  # a file descriptor: its path was recorded when it was opened
                return
            if event == "open":  # os.open (no mode) is left out: its path may be relative to a dir_fd
                mode, flags = args[1], args[2]
                if mode and not any(c in mode for c in "wax+") and not (flags or 0) & _WRITE_FLAGS:
                    recorder._add(recorder.files, path)
            else:
                recorder._add(recorder.folders, path)
        except Exception:  # noqa: BLE001 - a path we cannot name is one we cannot check later either
            recorder.files.add("\0unknown")

    def _add(self, into: set, path) -> None:
        name = os.path.abspath(os.fsdecode(path))
        if into is self.folders and name == self.unlisted:
            return
        if not (name + os.sep).startswith(self.ignored) and f"{os.sep}__pycache__{os.sep}" not in name:
            into.add(name)


def drain_reads() -> tuple[list, list]:
    """What the active recorder noted (files, folders), forgotten here: in a forked worker, what it read."""
    recorder = Reads._active
    if recorder is None:
        return [], []
    files, folders = sorted(recorder.files), sorted(recorder.folders)
    recorder.files.clear()
    recorder.folders.clear()
    return files, folders


def note_reads(files, folders) -> None:
    """Add what a worker read to the active recorder."""
    if (recorder := Reads._active) is not None:
        recorder.files.update(files)
        recorder.folders.update(folders)


def stamp_path(cache_path: str | Path, output: Path) -> Path:
    key = hashlib.sha256(str(output).encode()).hexdigest()[:16]
    return Path(cache_path).parent / f"warta-unchanged-{key}.json"


def fixed_inputs(settings: dict, conf: Path) -> str:
    """What every build reads whether or not it opens it in a recorded moment; "" when a setting cannot be digested."""
    from warta_incremental.fingerprint import Fingerprints, Unknown
    from warta_incremental.writer import SKIPPED_SETTINGS

    from warta_build import code_version

    digest = hashlib.blake2b(digest_size=16)
    try:
        digest.update(Fingerprints().digest({k: v for k, v in settings.items() if k not in SKIPPED_SETTINGS}))
    except Unknown:
        return ""
    digest.update(f"{sys.version}\0{conf}\0{code_version()}\0".encode() + conf.read_bytes())
    for name, value in sorted(os.environ.items()):
        if name.startswith(ENVIRONMENT_PREFIXES):
            digest.update(f"{name}={value}\0".encode())
    for folder in sys.path:
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith((".dist-info", ".egg-info", ".pth")):
                    digest.update(f"{folder}/{name}\0".encode())
    trees = [*settings.get("PLUGIN_PATHS", []), settings.get("THEME", "")]
    for tree in sorted({str(Path(t).resolve()) for t in trees if t and os.path.isdir(t)}):
        for path in sorted(Path(tree).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{path}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def read_inputs(files: list[str], folders: list[str]) -> str:
    """The bytes of ``files`` (absent ones as absent; only regular files are read: a stamp is no way to make a
    build wait on a pipe or a device) and the names in ``folders``, digested."""
    digest = hashlib.blake2b(digest_size=16)
    for name in files:
        encoded = name.encode("utf-8", "surrogateescape") + b"\0"
        try:
            if not stat.S_ISREG(os.stat(name).st_mode):
                digest.update(b"x" + encoded)
                continue
            with open(name, "rb") as handle:
                data = handle.read()
            digest.update(b"f%d:" % len(data) + encoded + data)
        except OSError:
            digest.update(b"-" + encoded)
    for name in folders:
        try:
            entries = sorted(os.listdir(name))
        except OSError:
            entries = None
        digest.update(repr((name, entries)).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def listing(output: Path) -> list[list]:
    """Every folder and file under ``output``: relative path, inode, size, modification time (ns)."""
    rows, root = [], os.fspath(output)
    start = len(os.path.join(root, ""))  # every path os.walk gives starts with the root and a separator
    for top, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names) + folders:
            path = os.path.join(top, name)
            found = os.lstat(path)
            rows.append([path[start:], found.st_ino, found.st_size, found.st_mtime_ns])
    return rows


def matching_stamp(path: Path, fixed: str, output: Path, now: datetime) -> dict | None:
    """The stamp at ``path`` when the inputs and ``output`` are as it describes and no embargo is due; else None."""
    if not fixed or not output.is_dir():
        return None
    try:
        stamp = json.loads(path.read_text(encoding="utf-8"))
        if stamp.get("version") != STAMP_VERSION or stamp["fixed"] != fixed:
            return None
        if stamp["release"] and now >= datetime.fromisoformat(stamp["release"]):
            return None
        if stamp["read"] != read_inputs(stamp["files"], stamp["folders"]):
            return None
        if stamp["output"] != listing(output):
            return None
        return stamp
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_stamp(path: Path, fixed: str, reads: Reads, output: Path, run: dict, started: float) -> None:
    """Record a successful build; nothing when a setting cannot be digested or an input changed while it ran."""
    files, folders = sorted(reads.files), sorted(reads.folders - _import_folders())
    if not fixed or any(_modified_since(name, started) for name in files + folders):
        path.unlink(missing_ok=True)
        return
    stamp = {"version": STAMP_VERSION, "fixed": fixed, "files": files, "folders": folders,
             "read": read_inputs(files, folders),
             "release": run["release"].isoformat() if run["release"] else None, "printed": run["printed"],
             "embargoes": run["embargoes"], "output": listing(output)}
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(stamp), encoding="utf-8")
    os.replace(temporary, path)


def _import_folders() -> set[str]:
    """Folders Python lists to import modules: the code in them is an input through ``fixed_inputs``."""
    folders = {os.path.abspath(p or ".") for p in sys.path}
    for module in list(sys.modules.values()):
        folders.update(os.path.abspath(p) for p in getattr(module, "__path__", None) or () if isinstance(p, str))
    return folders


def _modified_since(name: str, started: float) -> bool:
    try:
        return os.stat(name).st_mtime >= started
    except OSError:
        return False
