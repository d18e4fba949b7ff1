"""Feeds, the pure part: which articles go in which feed, clean XML text, absolute URLs, stable ids.

Settings and feed paths: ``warta.settings`` (``Feeds``, ``Settings.feed_path``).

The glue (plugins/warta_feeds) turns the plan into RSS 2.0 and Atom files with feedgen.
"""

from __future__ import annotations

import mimetypes
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable
from urllib.parse import urljoin, urlsplit

import lxml.html

from warta.settings import FEED_FORMATS, FEED_KINDS, Settings

KINDS = FEED_KINDS
FORMATS = FEED_FORMATS


@dataclass(frozen=True)
class Member:
    """What the plan needs of one article: its date, URL and the feed keys it belongs to."""

    date: datetime
    url: str
    lang: str
    category: str = ""  # category slug
    story: str | None = None
    entities: tuple[str, ...] = ()  # entity ids, any role


def plan(members: Iterable[Member], settings: Settings) -> dict[tuple[str, str], list[int]]:
    """(kind, key) -> indexes into ``members`` of that feed's newest items, newest first (by date, then URL).

    A feed exists only when it has at least one item and its kind's limit is above 0.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    members = list(members)
    newest_first = sorted(range(len(members)), key=lambda i: (members[i].date, members[i].url), reverse=True)
    for index in newest_first:  # so each group is in order as it fills: no sort per feed
        member = members[index]
        keys = [("site", ""), ("lang", member.lang), ("category", member.category)]
        if member.story:
            keys.append(("story", member.story))
        keys += [("entity", entity) for entity in dict.fromkeys(member.entities)]
        for key in keys:
            groups[key].append(index)
    result = {}
    for key in sorted(groups):
        limit = settings.feed_limit(key[0])
        if limit and any(settings.feed_path(key[0], fmt, key[1]) for fmt in FORMATS):
            result[key] = groups[key][:limit]
    return result


_LINKS = re.compile(r"""\s(?:href|src|poster|cite|action)\s*=\s*["']?(?![a-z][a-z0-9+.-]*:)""", re.IGNORECASE)


def absolutize(html: str, base: str) -> str:
    """``html`` with every relative link and image source resolved against the absolute URL ``base``."""
    if not html or not _LINKS.search(html):
        return html or ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    root.make_links_absolute(base, resolve_base_href=False)
    return lxml.html.tostring(root, encoding="unicode")[len("<div>"):-len("</div>")]


def absolute(site_url: str, path: str) -> str:
    """A site-relative path or URL made absolute against ``site_url`` (which may have a path)."""
    return urljoin(site_url.rstrip("/") + "/", path)


def site_url(siteurl: str, fallback: str) -> str:
    """The base of every absolute link: Pelican's SITEURL when it is absolute, else the feeds' fallback."""
    return siteurl.rstrip("/") if re.match(r"^https?://", siteurl or "") else fallback.rstrip("/")


def tag_uri(base_url: str, published: datetime, path: str) -> str:
    """A stable RFC 4151 tag: URI for an article: site host, publication day, article path."""
    host = urlsplit(base_url).hostname or "localhost"
    return f"tag:{host},{published.date().isoformat()}:/{path.strip('/')}"


_MIME = mimetypes.MimeTypes()  # Python's built-in table only: the same answer on every machine
_MIME.add_type("image/webp", ".webp")
_MIME.add_type("image/avif", ".avif")


def image_type(url: str) -> str | None:
    """The image MIME type guessed from the URL's file extension, None when it is not an image."""
    guessed, _ = _MIME.guess_type(urlsplit(url).path)
    return guessed if guessed and guessed.startswith("image/") else None

