"""Article front-matter: split the YAML block from the body and validate it against our schema."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, time, tzinfo
from zoneinfo import ZoneInfo

import yaml

from warta.problems import Problem, did_you_mean
from warta.source.corrections import Correction, correction_problems, in_zone, read_corrections
from warta.source.slugs import slug_problem, slugify
from warta.source.xmlchars import clean
from warta.source.yamlnodes import compose, line_of, text_of

SITE_ZONE = ZoneInfo("Asia/Jakarta")
LANGS = ("id", "en")
STATUSES = ("draft", "published")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{1,2})?$")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# key -> kind; nested mappings list their own keys.
SCHEMA = {
    "title": "text", "date": "date", "modified": "date", "lang": "lang", "summary": "text",
    "category": "text", "tags": "texts", "story": "slug", "slug": "slug",
    "source": {"name": "text", "url": "url", "agency": "text"},
    "dateline": {"city": "text"},
    "image": {"url": "url", "caption": "text", "credit": "text", "alt": "text"},
    "authors": "texts", "status": "status", "featured": "bool",
    "entities": {"add": "slugs", "remove": "slugs", "link": "links"},
    "corrections": "corrections",
}
REQUIRED = ("title", "date")
YEARS = (1900, 2099)  # dates outside are typos, and Babel, feedgen and time zones handle these safely


@dataclass(frozen=True)
class Source:
    name: str | None = None
    url: str | None = None
    agency: str | None = None


@dataclass(frozen=True)
class Image:
    url: str | None = None
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None


@dataclass(frozen=True)
class FrontMatter:
    title: str
    date: datetime
    lang: str
    modified: datetime | None = None
    summary: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    story: str | None = None
    slug: str = ""  # the URL name: the 'slug' field, or the file name made a slug
    source: Source | None = None
    dateline: str | None = None
    image: Image | None = None
    authors: tuple[str, ...] = ()
    status: str = "published"
    featured: bool = False
    entities_add: tuple[str, ...] = ()
    entities_remove: tuple[str, ...] = ()
    entities_link: tuple[tuple[str, str], ...] = ()  # (form as written, registry id): settles a shared form
    corrections: tuple[Correction, ...] = ()  # oldest first; 'modified' is at least the latest one's date
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


def split(text: str) -> tuple[str, str, int] | None:
    """Return (yaml, body, body_first_line) or None when the text has no front-matter block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return None


def parse_date(raw: str, path: str, line: int, key: str) -> tuple[datetime | None, list[Problem]]:
    """ISO 8601 date or date-time, naive when it has no offset (parse_article gives it the site's zone).

    Partial dates are refused."""
    raw = raw.strip()
    if _PARTIAL_DATE.match(raw):
        return None, [Problem(path, line, f"'{key}' is a partial date: {raw!r}",
                              "give a full date such as 2024-03-01T09:00:00+07:00")]
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        return None, [Problem(path, line, f"'{key}' is not a valid ISO 8601 date: {raw!r}",
                              "use YYYY-MM-DDTHH:MM:SS+07:00 with a real day and time")]
    if _DATE_ONLY.match(raw):
        value = datetime.combine(value.date(), time())
    if not YEARS[0] <= value.year <= YEARS[1]:
        return None, [Problem(path, line, f"'{key}' is in the year {value.year}: {raw!r}",
                              f"give a date between {YEARS[0]} and {YEARS[1]}")]
    return value, []


def parse_article(path: str, text: str, default_lang: str = "id",
                  zone: tzinfo = SITE_ZONE) -> tuple[FrontMatter | None, str, list[Problem]]:
    """Split and validate one article; returns (front-matter or None, Markdown body, problems).

    Naive dates are in ``zone`` (the site's TIMEZONE)."""
    if not text.strip():
        return None, "", [Problem(path, 1, "empty file", "an article starts with a '---' front-matter block")]
    parts = split(text)
    if parts is None:
        return None, "", [Problem(path, 1, "no front-matter block",
                                  "start the file with '---', the YAML fields, then '---'")]
    block, body, _ = parts
    node, problems = compose(block, path, first_line=2)
    if problems:
        return None, body, problems
    if node is None or not isinstance(node, yaml.MappingNode):
        line = line_of(node, 2) if node is not None else 1
        return None, body, [Problem(path, line, "front-matter must be a mapping of fields")]
    values, lines, problems = _read_mapping(node, SCHEMA, path, "")
    for key in REQUIRED:
        if key in lines and values.get(key) in (None, "") and not any(p.line == lines[key] for p in problems):
            problems.append(Problem(path, lines[key], f"required field '{key}' is empty"))
        if values.get(key) in (None, "") and key not in lines:
            problems.append(Problem(path, 1, f"missing required field '{key}'"))
    if problems:
        return None, body, problems
    problems += _slug_problems(path, values, lines)
    if problems:
        return None, body, problems
    for key in ("date", "modified"):
        if values.get(key) is not None and values[key].tzinfo is None:
            values[key] = values[key].replace(tzinfo=zone)
    source, image, entities = values.get("source") or {}, values.get("image") or {}, values.get("entities") or {}
    matter = FrontMatter(
        title=values["title"], date=values["date"], lang=values.get("lang") or default_lang,
        modified=values.get("modified"), summary=values.get("summary"), category=values.get("category"),
        tags=tuple(values.get("tags") or ()), story=values.get("story"), slug=values.get("slug") or file_slug(path),
        source=Source(**source) if source else None,
        dateline=(values.get("dateline") or {}).get("city"),
        image=Image(**image) if image else None,
        authors=tuple(values.get("authors") or ()), status=values.get("status") or "published",
        featured=values.get("featured") or False,
        entities_add=tuple(entities.get("add") or ()), entities_remove=tuple(entities.get("remove") or ()),
        entities_link=tuple(entities.get("link") or ()),
        lines=lines,
    )
    if matter.modified and matter.modified < matter.date:
        problems.append(Problem(path, lines["modified"], "'modified' is earlier than 'date'"))
        return None, body, problems
    return _with_corrections(matter, in_zone(values.get("corrections") or (), zone), path, body)


def _with_corrections(matter: FrontMatter, corrections, path: str, body: str):
    """Corrections dated from the article on; the latest one moves 'modified' forward."""
    problems = correction_problems(corrections, matter.date, path)
    if problems:
        return None, body, problems
    if not corrections:
        return matter, body, []
    latest = corrections[-1][0].date
    modified = max(matter.modified or latest, latest)
    return replace(matter, corrections=tuple(c for c, _ in corrections), modified=modified), body, []


def file_slug(path: str) -> str:
    """The slug Pelican gives an article without a 'slug' field (SLUGIFY_SOURCE = "basename")."""
    return slugify(os.path.splitext(os.path.basename(path))[0])


def _slug_problems(path: str, values: dict, lines: dict) -> list[Problem]:
    """Every value that names an output folder must give a usable slug."""
    problems = []
    if values.get("slug"):
        found = [("slug", lines["slug"], values["slug"], "'slug'")]
    else:
        found = [("slug", 1, file_slug(path), f"the file name '{os.path.basename(path)}'")]
    found += [(key, lines[key], text, f"'{key}' value {text[:40]!r}")
              for key in ("tags", "authors") for text in values.get(key) or ()]
    if values.get("category"):
        found.append(("category", lines["category"], values["category"], "'category'"))
    for key, line, text, what in found:
        reason = slug_problem(text if key == "slug" else slugify(text), what)
        if reason:
            hint = "shorten it" if "characters" in reason else "use letters or digits"
            if key == "slug" and not values.get("slug"):
                hint = "rename the file or set 'slug'"
            problems.append(Problem(path, line, reason, hint))
    return problems


def _read_mapping(node: yaml.MappingNode, schema: dict, path: str, prefix: str):
    values, lines, problems = {}, {}, []
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
        name, line = prefix + key, line_of(key_node, 2)
        if key not in schema:
            problems.append(Problem(path, line, f"unknown field '{name}'", did_you_mean(key, schema)))
            continue
        lines[name] = line
        kind = schema[key]
        if isinstance(kind, dict):
            if isinstance(value_node, yaml.ScalarNode) and text_of(value_node) is None:
                continue
            if not isinstance(value_node, yaml.MappingNode):
                problems.append(Problem(path, line, f"'{name}' must be a mapping with keys: {', '.join(kind)}"))
                continue
            sub, sub_lines, sub_problems = _read_mapping(value_node, kind, path, name + ".")
            values[key] = sub
            lines.update(sub_lines)
            problems += sub_problems
            continue
        if kind == "corrections":
            value, value_problems = read_corrections(value_node, path, line, parse_date)
        else:
            value, value_problems = _read_value(kind, value_node, path, line, name)
        problems += value_problems
        if not value_problems:
            values[key] = value
    return values, lines, problems


def _read_value(kind: str, node: yaml.Node, path: str, line: int, name: str):
    if kind == "links":
        if not isinstance(node, yaml.MappingNode):
            return None, [Problem(path, line, f"'{name}' must be a mapping of a name as written to an entity id",
                                  "like {Georgia: georgia-us-state}")]
        out, problems = [], []
        for key_node, value_node in node.value:
            form = text_of(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            entity_id, found = _read_value("slug", value_node, path, line_of(value_node, 2), f"{name}.{form}")
            if not form or not form.strip():
                found.append(Problem(path, line_of(key_node, 2), f"'{name}' needs a name as written before ':'"))
            problems += found
            if not found and entity_id:
                out.append((form.strip(), entity_id))
        return out, problems
    if kind in ("texts", "slugs"):
        if isinstance(node, yaml.ScalarNode):
            raw = text_of(node)
            items = [] if raw is None else [node]
        elif isinstance(node, yaml.SequenceNode):
            items = node.value
        else:
            return None, [Problem(path, line, f"'{name}' must be a list of strings")]
        out, problems = [], []
        for item in items:
            value, item_problems = _read_value(kind[:-1], item, path, line_of(item, 2), name)
            problems += item_problems
            if value is not None:
                out.append(value)
        return out, problems
    if not isinstance(node, yaml.ScalarNode):
        return None, [Problem(path, line, f"'{name}' must be a single value, not a list or mapping")]
    raw = text_of(node)
    if raw is None:
        return None, []
    raw = clean(raw).strip()  # YAML escapes such as "\v" can still produce control characters
    if kind == "date":
        return parse_date(raw, path, line, name)
    if kind == "lang" and raw not in LANGS:
        return None, [Problem(path, line, f"unknown lang '{raw}'", did_you_mean(raw, LANGS))]
    if kind == "status" and raw not in STATUSES:
        return None, [Problem(path, line, f"unknown status '{raw}'", did_you_mean(raw, STATUSES))]
    if kind == "bool":
        if raw not in ("true", "false"):
            return None, [Problem(path, line, f"'{name}' must be true or false, not {raw!r}")]
        return raw == "true", []
    if kind == "slug" and not SLUG.match(raw):
        return None, [Problem(path, line, f"'{name}' is not a slug: {raw!r}",
                              "use lowercase letters, digits and single hyphens")]
    if kind == "url" and not re.match(r"^(https?://\S+|/\S*)$", raw):
        return None, [Problem(path, line, f"'{name}' is not an http(s) URL: {raw!r}")]
    return raw, []
