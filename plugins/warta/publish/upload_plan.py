"""What publishing must change in a bucket: new or changed files to upload, gone ones to delete, and headers.

Pure: the caller lists the built folder and the bucket; this module compares content hashes and decides.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

LONG, SHORT, MEDIUM = "public, max-age=2592000", "public, max-age=300", "public, max-age=3600"
THEME_PREFIX = "theme/"  # Pelican's THEME_STATIC_DIR: CSS, fonts, scripts
TYPES = {
    ".html": "text/html; charset=utf-8", ".xml": "application/xml; charset=utf-8",
    ".json": "application/json; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml", ".woff2": "font/woff2", ".webp": "image/webp",
}
FEED_TYPES = {"rss.xml": "application/rss+xml; charset=utf-8", "atom.xml": "application/atom+xml; charset=utf-8"}


@dataclass(frozen=True)
class LocalFile:
    key: str
    md5: str  # an S3 ETag of a single-part upload is the MD5 of the bytes
    size: int


@dataclass(frozen=True)
class RemoteObject:
    key: str
    etag: str


@dataclass(frozen=True)
class Plan:
    new: tuple[str, ...]
    changed: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int

    @property
    def uploads(self) -> tuple[str, ...]:
        return tuple(sorted(self.new + self.changed))

    def lines(self) -> list[str]:
        """What a dry run prints: one line per key, then a count."""
        rows = ([f"upload {key} (new)" for key in self.new] + [f"upload {key} (changed)" for key in self.changed]
                + [f"delete {key}" for key in self.deleted])
        return sorted(rows, key=lambda row: row.split(" ", 1)[1]) + [self.summary()]

    def summary(self) -> str:
        return (f"{len(self.new)} new, {len(self.changed)} changed, {len(self.deleted)} to delete, "
                f"{self.unchanged} unchanged")


def describe(root: Path, path: Path) -> LocalFile:
    data = path.read_bytes()
    return LocalFile(path.relative_to(root).as_posix(), hashlib.md5(data, usedforsecurity=False).hexdigest(),
                     len(data))


def is_private(key: str, private_prefixes: tuple[str, ...]) -> bool:
    """Drafts' folders and dot files (build markers) never leave the machine."""
    return key.startswith(private_prefixes) or any(part.startswith(".") for part in key.split("/"))


def plan(local: list[LocalFile], remote: list[RemoteObject], private_prefixes: tuple[str, ...] = ()) -> Plan:
    """Compare by content hash: the ETag of a single-part upload is the MD5 of its bytes.

    An object uploaded in parts (ETag ``...-N``) or encrypted with a managed key never matches, so it is
    uploaded again: wasteful, never wrong.
    """
    mine = {f.key: f for f in local if not is_private(f.key, private_prefixes)}
    theirs = {o.key: o for o in remote}
    new = tuple(sorted(k for k in mine if k not in theirs))
    changed = tuple(sorted(k for k in mine if k in theirs and theirs[k].etag.strip('"') != mine[k].md5))
    deleted = tuple(sorted(k for k in theirs if k not in mine))
    return Plan(new, changed, deleted, len(mine) - len(new) - len(changed))


def headers(key: str) -> dict[str, str]:
    """Content type and cache policy: long for theme assets, short for HTML and feeds, an hour otherwise."""
    name = key.rsplit("/", 1)[-1]
    suffix = Path(name).suffix.lower()
    content_type = FEED_TYPES.get(name) or TYPES.get(suffix) or mimetypes.guess_type(name)[0] \
        or "application/octet-stream"
    if key.startswith(THEME_PREFIX):
        cache = LONG
    elif suffix == ".html" or name in FEED_TYPES:
        cache = SHORT
    else:
        cache = MEDIUM
    return {"ContentType": content_type, "CacheControl": cache}
