"""Feeds, the pure part: settings, which articles go in which feed, clean XML text, absolute URLs, stable ids.

The glue (plugins/warta_feeds) turns the plan into RSS 2.0 and Atom files with feedgen.
"""

from __future__ import annotations

import heapq
import mimetypes
import re
import string
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable
from urllib.parse import urljoin, urlsplit

import lxml.html

from warta.problems import Problem
from warta.settings import SETTINGS_FILE, read_settings

SITE_LIMIT = 50
LIMIT = 20
SITE_URL = "http://localhost:8000"  # used for absolute links when SITEURL is empty (the dev build)
KINDS = ("site", "lang", "category", "story", "entity")
FORMATS = ("rss", "atom")
# The one placeholder each kind's path pattern must contain.
PLACEHOLDER = {"site": None, "lang": "lang", "category": "slug", "story": "slug", "entity": "id"}


@dataclass(frozen=True)
class FeedSettings:
    """``WARTA_FEEDS`` in pelicanconf.py. An empty path pattern turns that feed off; a limit of 0 turns a kind off."""

    site_limit: int = SITE_LIMIT
    limit: int = LIMIT
    site_url: str = SITE_URL
    logo: str = ""  # URL or site-relative path of a GIF/JPEG/PNG, at most 144 px wide (RSS <image>, Atom <logo>)
    site_rss: str = "feeds/rss.xml"
    site_atom: str = "feeds/atom.xml"
    lang_rss: str = "feeds/{lang}/rss.xml"
    lang_atom: str = "feeds/{lang}/atom.xml"
    category_rss: str = "kategori/{slug}/rss.xml"
    category_atom: str = "kategori/{slug}/atom.xml"
    story_rss: str = "cerita/{slug}/rss.xml"
    story_atom: str = "cerita/{slug}/atom.xml"
    entity_rss: str = "entitas/{id}/rss.xml"
    entity_atom: str = "entitas/{id}/atom.xml"

    def path(self, kind: str, fmt: str, key: str = "") -> str:
        """Site-relative output path of one feed, or "" when that feed is off."""
        pattern = getattr(self, f"{kind}_{fmt}")
        name = PLACEHOLDER[kind]
        return pattern.format(**{name: key}) if pattern and name else pattern

    def limit_of(self, kind: str) -> int:
        return self.site_limit if kind == "site" else self.limit


def feed_settings(values) -> tuple[FeedSettings, list[Problem]]:
    """Read ``WARTA_FEEDS``: unknown keys, wrong types, negative limits and bad patterns are problems."""
    settings, problems = read_settings(FeedSettings, "WARTA_FEEDS", values)
    if not re.match(r"^https?://[^/\s]+", settings.site_url):
        problems.append(Problem(SETTINGS_FILE, None, "WARTA_FEEDS['site_url'] must be an absolute http(s) URL",
                                f"got '{settings.site_url}'"))
    seen: dict[str, str] = {}
    for kind in KINDS:
        for fmt in FORMATS:
            key = f"{kind}_{fmt}"
            pattern = getattr(settings, key)
            problem = _pattern_problem(pattern, PLACEHOLDER[kind])
            if problem:
                problems.append(Problem(SETTINGS_FILE, None, f"WARTA_FEEDS['{key}'] {problem}"))
            elif pattern in seen:
                problems.append(Problem(SETTINGS_FILE, None, f"WARTA_FEEDS['{key}'] is the same path as '{seen[pattern]}'"))
            elif pattern:
                seen[pattern] = key
    return settings, problems


def _pattern_problem(pattern: str, name: str | None) -> str:
    if not pattern:
        return ""
    if pattern.startswith("/") or not pattern.endswith(".xml"):
        return f"must be a site-relative path ending in '.xml', got '{pattern}'"
    try:
        names = {field for _, field, _, _ in string.Formatter().parse(pattern) if field is not None}
    except ValueError:
        return f"is not a valid pattern: '{pattern}'"
    expected = {name} if name else set()
    if names != expected:
        want = "{" + name + "}" if name else "no placeholder"
        return f"must contain {want} and nothing else in braces, got '{pattern}'"
    return ""


@dataclass(frozen=True)
class Member:
    """What the plan needs of one article: its date, URL and the feed keys it belongs to."""

    date: datetime
    url: str
    lang: str
    category: str = ""  # category slug
    story: str | None = None
    entities: tuple[str, ...] = ()  # entity ids, any role


def plan(members: Iterable[Member], settings: FeedSettings) -> dict[tuple[str, str], list[int]]:
    """(kind, key) -> indexes into ``members`` of that feed's newest items, newest first.

    A feed exists only when it has at least one item and its kind's limit is above 0.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    members = list(members)
    for index, member in enumerate(members):
        keys = [("site", ""), ("lang", member.lang), ("category", member.category)]
        if member.story:
            keys.append(("story", member.story))
        keys += [("entity", entity) for entity in dict.fromkeys(member.entities)]
        for key in keys:
            groups[key].append(index)
    result = {}
    for key in sorted(groups):
        limit = settings.limit_of(key[0])
        if limit and any(settings.path(key[0], fmt, key[1]) for fmt in FORMATS):
            result[key] = newest(groups[key], limit, lambda i: (members[i].date, members[i].url))
    return result


def newest(items, limit: int, key) -> list:
    """The ``limit`` largest items by ``key`` (date first, a unique tie-breaker second), largest first."""
    return heapq.nlargest(limit, items, key=key)


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

