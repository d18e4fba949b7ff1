"""What the lint learnt from each article that had no problem, kept from one build to the next (pure).

A build lints every article before Pelican reads anything (``warta_build``), and parsing 2,000 front-matters takes
most of a second. An article whose file name and text are unchanged parses the same, so the facts the checks
across files need (its slug, story and entity corrections, with their lines) are kept under a digest of the name,
the text, the code and the settings reading depends on. Stored as JSON, never code; an entry or a file that is not
ours is a miss, and the article is read again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from warta.atomic import write_atomically
from warta.jsontext import compact

FORMAT = "warta-lint-1"
KEYS = ("slug", "story", "entities.add", "entities.remove", "entities.link")  # the lines the checks name


@dataclass(frozen=True)
class Facts:
    """What ``duplicate_slugs`` and ``cross_references`` read of a FrontMatter."""

    slug: str
    story: str | None
    entities_add: tuple[str, ...]
    entities_remove: tuple[str, ...]
    entities_link: tuple[tuple[str, str], ...]
    lines: dict[str, int]


def facts_of(matter) -> Facts:
    return Facts(matter.slug, matter.story, tuple(matter.entities_add), tuple(matter.entities_remove),
                 tuple(matter.entities_link), {key: matter.lines[key] for key in KEYS if key in matter.lines})


class LintMemo:
    """Facts by digest, read from ``path``; :meth:`save` keeps the ones this lint used."""

    def __init__(self, path: Path, salt: str):
        self.path, self.salt = Path(path), salt
        self.old: dict = {}
        self.new: dict[str, list] = {}
        self.hits = 0
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("entries"), dict):
                self.old = data["entries"]
        except (OSError, ValueError, RecursionError):
            pass

    def key(self, name: str, text: str) -> str:
        digest = hashlib.sha256()
        for part in (self.salt, name, text):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> Facts | None:
        entry = self.old.get(key)
        try:
            slug, story, add, remove, link, lines = entry
            facts = Facts(slug, story, tuple(add), tuple(remove), tuple((form, i) for form, i in link), dict(lines))
        except (TypeError, ValueError):
            return None
        if not (type(slug) is str and (story is None or type(story) is str)
                and all(type(i) is str for i in facts.entities_add + facts.entities_remove)
                and all(type(form) is str and type(i) is str for form, i in facts.entities_link)
                and all(k in KEYS and type(n) is int for k, n in facts.lines.items())):
            return None
        self.new[key] = entry
        self.hits += 1
        return facts

    def keep(self, key: str, facts: Facts) -> None:
        self.new[key] = [facts.slug, facts.story, list(facts.entities_add), list(facts.entities_remove),
                         [list(pair) for pair in facts.entities_link], facts.lines]

    def save(self) -> None:
        """Written whole, and only when it changed; a folder that cannot be written costs only time."""
        if self.new != self.old:
            write_atomically(self.path, compact({"format": FORMAT, "entries": dict(sorted(self.new.items()))}))
