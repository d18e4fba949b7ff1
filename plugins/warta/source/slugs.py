"""URL slugs of file names, tags, categories and authors, the way Pelican makes them by default.

The reader hands every slug it computes here to Pelican explicitly, so ``check`` and the build
can never disagree about a URL. Slugs are bounded so each output path component fits in the
255 bytes a file name may take (with room for ``index.html``, ``rss.xml`` and the like).
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup
from unidecode import unidecode

MAX_SLUG_BYTES = 200
_SUBSTITUTIONS = (  # Pelican's default SLUG_REGEX_SUBSTITUTIONS
    (re.compile(r"[^\w\s-]", re.IGNORECASE), ""),
    (re.compile(r"(?u)\A\s*", re.IGNORECASE), ""),
    (re.compile(r"(?u)\s*\Z", re.IGNORECASE), ""),
    (re.compile(r"[-\s]+", re.IGNORECASE), "-"),
)


def slugify(text: str) -> str:
    """ASCII, lowercase, hyphens: ``Banjir Jakarta`` and ``banjir-jakarta`` give the same slug."""
    value = unidecode(unicodedata.normalize("NFKC", Markup(text).striptags()))
    for pattern, replacement in _SUBSTITUTIONS:
        value = pattern.sub(replacement, value)
    return value.lower().strip()


def slug_problem(slug: str, what: str) -> str | None:
    """Why ``slug`` cannot name an output folder, or None."""
    if not slug:
        return f"{what} gives an empty URL slug"
    size = len(slug.encode("utf-8"))
    if size > MAX_SLUG_BYTES:
        return f"{what} gives a URL slug of {size} characters (at most {MAX_SLUG_BYTES})"
    return None
