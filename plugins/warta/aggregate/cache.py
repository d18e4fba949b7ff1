"""A file cache of article analyses keyed by content, registry and code digests."""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path


class AnalysisCache:
    def __init__(self, path: Path):
        self.path = path
        self.old: dict = {}
        self.new: dict = {}
        self.hits = 0
        try:
            with open(path, "rb") as handle:
                self.old = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            self.old = {}  # a missing or stale cache is simply rebuilt

    def get(self, key: str, compute):
        if key in self.old:
            self.hits += 1
            value = self.old[key]
        else:
            value = compute()
        self.new[key] = value
        return value

    def save(self) -> None:
        """Keep only what this build used; write atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".analysis-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(self.new, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, self.path)
