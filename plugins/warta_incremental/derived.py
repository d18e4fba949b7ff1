"""A folder a tool makes from the finished pages (the search index), taken from the previous output while the
pages and the tool are unchanged.

The key digests the tool (its versions and settings, given by the caller) and the path and bytes of every
input file. A file whose inode, size and modification time are those recorded at the previous build is not
read again: it is that build's file, hard-linked (the writer never writes through a link).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from pathlib import Path

from .writer import manifest_path

logger = logging.getLogger(__name__)
MANIFEST_VERSION = 1


def _mark(stat) -> list[int]:
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


class DerivedFolder:
    """``folder`` (e.g. ``pagefind``) of ``output``, made from the files matching ``pattern`` in ``output`` or in
    its subfolder ``inputs``."""

    def __init__(self, settings, output: str | Path, folder: str, pattern: str = "*.html", inputs: str = ""):
        self.output, self.folder, self.pattern, self.inputs_folder = Path(output), folder, pattern, inputs
        previous = settings.get("PREVIOUS_OUTPUT_PATH")
        self.previous = Path(previous) if previous else None
        self.path = manifest_path(settings, "warta-" + folder.replace("/", "-")) if previous else None
        self.old: dict = {}
        self.inputs: dict[str, list] = {}
        self.read = 0  # input files read (the others were known by their inode)
        if self.path is not None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if data.get("version") == MANIFEST_VERSION:
                    self.old = data
            except (OSError, ValueError):
                pass

    def key(self, tool: str) -> str:
        """The digest of ``tool`` and of every input file's path and bytes."""
        known = self.old.get("inputs", {})
        digest = hashlib.blake2b(tool.encode() + b"\0", digest_size=16)
        for path in sorted((self.output / self.inputs_folder).rglob(self.pattern)):
            if not path.is_file():
                continue
            relative = path.relative_to(self.output).as_posix()
            mark = _mark(path.stat())
            entry = known.get(relative)
            if entry and entry[:3] == mark:
                bytes_digest = entry[3]
            else:
                bytes_digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
                self.read += 1
            self.inputs[relative] = [*mark, bytes_digest]
            digest.update(f"{relative}\0{bytes_digest}\0".encode())
        return digest.hexdigest()

    def reuse(self, key: str) -> bool:
        """Hard-link the previous build's folder into the output if it was made under ``key`` and is intact."""
        files = self.old.get("files") or {}
        if self.previous is None or self.old.get("key") != key or not files:
            return False
        for relative, mark in files.items():
            try:
                if _mark((self.previous / self.folder / relative).stat()) != mark:
                    return False
            except OSError:
                return False
        for relative in files:
            source, target = self.previous / self.folder / relative, self.output / self.folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)
        return True

    def save(self, key: str) -> None:
        """Record the key, the inputs and the folder's files for the next build into the same output."""
        if self.path is None:
            return
        root = self.output / self.folder
        files = {p.relative_to(root).as_posix(): _mark(p.stat()) for p in sorted(root.rglob("*")) if p.is_file()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"version": MANIFEST_VERSION, "key": key, "inputs": self.inputs,
                                         "files": files}), encoding="utf-8")
        os.replace(temporary, self.path)
