"""What a saved page says about itself: its title without the outlet's name, its structured authors and
its publication date (with the source it came from). Pure functions over an lxml tree and JSON-LD."""

from __future__ import annotations

import re

# ' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' / ' between a headline and the outlet's name or a date.
SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|/|»)\s+")
DATE_PART = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},\s+\d{4}")
# Publication dates, most trusted first; modified and crawl dates are never taken.
DATE_SOURCES = (
    ("meta article:published_time", "//meta[@property='article:published_time' or @name='article:published_time']/@content"),
    ("JSON-LD datePublished", None),
    ("itemprop datePublished", "//*[@itemprop='datePublished']/@content | //*[@itemprop='datePublished']/@datetime"),
    ("meta pubdate", "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date' "
                     "or @name='dc.date' or @name='DC.date.issued' or @name='parsely-pub-date']/@content"),
    ("<time pubdate>", "//time[@pubdate]/@datetime"),
    ("<time> in the article", "//article//time/@datetime"),
    ("first <time>", "//time/@datetime"),
)


def site_names(tree, ld: dict, outlet: str = "") -> list[str]:
    """The names the page gives its outlet: og:site_name, application-name, JSON-LD publisher, the known outlet."""
    names = [outlet]
    for xpath in ("//meta[@property='og:site_name']/@content", "//meta[@name='application-name']/@content",
                  "//meta[@name='apple-mobile-web-app-title']/@content"):
        names += tree.xpath(xpath)
    publisher = ld.get("publisher")
    for item in publisher if isinstance(publisher, list) else [publisher]:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    return [n.strip() for n in names if isinstance(n, str) and n.strip()]


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def clean_title(title: str, sites: list[str]) -> tuple[str, list[str]]:
    """``title`` without leading or trailing parts that are the outlet's name or a date
    ('… | DW | 19.01.2020'); a pipe of the headline's own ('Letters: A | B | C') stays."""
    parts = SEPARATOR.split(title)
    if len(parts) == 1:
        return title, []
    keys = {_key(s) for s in sites if _key(s)}
    keys |= {_key(s.split(".")[0]) for s in sites if "." in s}  # 'Bisnis.com' also as 'Bisnis'

    def boilerplate(part: str) -> bool:
        key = _key(part)
        return bool(key) and (key in keys or any(key.startswith(k) and len(k) > 3 for k in keys)) \
            or bool(DATE_PART.fullmatch(part.strip()))

    start, end = 0, len(parts)
    while end - start > 1 and boilerplate(parts[end - 1]):
        end -= 1
    while end - start > 1 and boilerplate(parts[start]):
        start += 1
    if (start, end) == (0, len(parts)):
        return title, []
    # Keep the headline's own separators: cut the original string, not the split parts.
    pieces = list(SEPARATOR.finditer(title))
    left = pieces[start - 1].end() if start else 0
    right = pieces[end - 1].start() if end < len(parts) else len(title)
    kept = title[left:right].strip()
    return kept, [f"title: dropped {title[:left].strip() + ' ' if left else ''}"
                  f"{title[right:].strip()}".replace("  ", " ").strip() + " (outlet name or date)"]


def structured_authors(tree, ld: dict) -> tuple[str, ...]:
    """Authors the page declares: JSON-LD author (objects, lists or strings), meta author, article:author."""
    found: list[str] = []
    author = ld.get("author")
    for item in author if isinstance(author, list) else [author]:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            found.append(item["name"])
        elif isinstance(item, str):
            found.append(item)
    if not found:
        found += tree.xpath("//meta[@name='author' or @name='parsely-author' or @name='sailthru.author']/@content")
        found += [a for a in tree.xpath("//meta[@property='article:author']/@content") if "://" not in a]
    names = []
    for value in found:
        for name in re.split(r"\s*(?:,|;|\band\b|\bdan\b|&)\s*", value):
            name = " ".join(name.split())
            if name and "://" not in name and not name.lower().startswith(("by ", "oleh ")):
                names.append(name)
            elif name.lower().startswith(("by ", "oleh ")):
                names.append(name.split(" ", 1)[1])
    return tuple(dict.fromkeys(names))


def date_candidates(tree, ld: dict) -> list[tuple[str, str]]:
    """(source, raw value) for every publication-date candidate, most trusted first."""
    out = []
    for source, xpath in DATE_SOURCES:
        if xpath is None:
            value = ld.get("datePublished")
            if isinstance(value, str) and value.strip():
                out.append((source, value.strip()))
            continue
        out += [(source, v.strip()) for v in tree.xpath(xpath) if isinstance(v, str) and v.strip()]
    return out
