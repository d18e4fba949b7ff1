"""Every Warta setting, declared once: names, types, defaults and meanings in one frozen dataclass tree.

``read(values, lines)`` validates a whole settings mapping (what Pelican read from pelicanconf.py) and returns
the :class:`Settings` tree with every problem at once. Every URL Warta writes — pages, feeds, JSON, TimelineJS —
is derived from :class:`Urls` (and Pelican's ``CATEGORY_URL`` for category feeds). ``markdown()`` renders
docs/settings.md's reference from this module, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib.util
import re
import string
import typing
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from warta.problems import Problem, did_you_mean

SETTINGS_FILE = "pelicanconf.py"
LANGS = ("id", "en")
FEED_KINDS = ("site", "lang", "category", "story", "entity")
FEED_FORMATS = ("rss", "atom")


def setting(default, doc: str, *, name: str = "", minimum: float | None = None, maximum: float | None = None):
    """A dataclass field with its documentation (``name``: the pelicanconf.py name when it is not derived)."""
    return field(default=default, metadata={"doc": doc, "name": name, "minimum": minimum, "maximum": maximum})


def group(cls, doc: str, *, name: str = ""):
    """A nested settings dict (``WARTA_URLS = {...}``) read into ``cls``."""
    return field(default_factory=cls, metadata={"doc": doc, "name": name})


@dataclass(frozen=True)
class Urls:
    """Where Warta's own pages go: site-relative folders ending in `/`; pagination adds `halaman/N/` below each."""

    entity: str = setting("entitas/{id}/", "one page per entity; its feeds, `timeline.json` and pages per year go in "
                                           "the same folder")
    entities: str = setting("entitas/", "the A–Z entity index; the per-type indexes are `tokoh/`, `organisasi/`, "
                                        "`tempat/` below it")
    story: str = setting("cerita/{slug}/", "one page per story; its feeds and `timeline.json` go in the same folder")
    stories: str = setting("cerita/", "the list of stories")
    timeline: str = setting("linimasa/", "the site-wide timeline")
    api: str = setting("api/", "the folder of the public JSON export (`articles.json`, `entities.json`)")
    edition: str = setting("edisi/{date:%Y}/{date:%m}/{date:%d}/", "one page per day's edition (the day in "
                                                                    "`TIMEZONE`); `{date}` takes strftime codes")
    editions: str = setting("edisi/", "the archive of daily editions, by month")
    search: str = setting("cari/", "the search page (pagefind, in the browser)")

    def entity_page(self, entity_id: str) -> str:
        return self.entity.format(id=entity_id)

    def story_page(self, slug: str) -> str:
        return self.story.format(slug=slug)

    def edition_page(self, day) -> str:
        return self.edition.format(date=day)

    def timeline_json(self, page: str) -> str:
        """The TimelineJS file of an entity or story page."""
        return page + "timeline.json"

    def api_file(self, name: str) -> str:
        return self.api + name


@dataclass(frozen=True)
class Entities:
    """Entity tagging, discovery and linking."""

    discovery_threshold: float = setting(0.7, "names the registry lacks are tagged (as discovered) from this "
                                              "confidence up; `invoke entities` lists them all. On the idner-news-2k test split: "
                                              "0.5 → P 0.889 R 0.863, 0.7 → P 0.908 R 0.805, 0.8 → P 0.915 R 0.765", minimum=0, maximum=1)
    discovered_pages: bool = setting(False, "also write pages and feeds for discovered names")
    link_first_mention: bool = setting(True, "link each registered entity's first mention in the body to its page")
    related_limit: int = setting(8, "entities shown as \"often named with\" on an entity page", minimum=0)


@dataclass(frozen=True)
class Feeds:
    """RSS 2.0 and Atom feeds. An empty path turns that feed off; a limit of 0 turns a kind off.

    Site and language feeds take site-relative paths; category, story and entity feeds take a file name written
    in that page's folder (`CATEGORY_URL`, `WARTA_URLS.story`, `WARTA_URLS.entity`)."""

    site_limit: int = setting(50, "items in the site feeds", minimum=0)
    limit: int = setting(20, "items in every other feed; 0 turns those feeds off", minimum=0)
    site_url: str = setting("http://localhost:8000", "base of absolute links when `SITEURL` is empty (the dev build)")
    logo: str = setting("", "URL or site-relative path of a GIF/JPEG/PNG, at most 144 px wide; empty: none")
    site_rss: str = setting("feeds/rss.xml", "the site's RSS feed")
    site_atom: str = setting("feeds/atom.xml", "the site's Atom feed")
    lang_rss: str = setting("feeds/{lang}/rss.xml", "one RSS feed per article language")
    lang_atom: str = setting("feeds/{lang}/atom.xml", "one Atom feed per article language")
    category_rss: str = setting("rss.xml", "file name of a category's RSS feed, in the category page's folder")
    category_atom: str = setting("atom.xml", "file name of a category's Atom feed, in the category page's folder")
    story_rss: str = setting("rss.xml", "file name of a story's RSS feed, in the story page's folder")
    story_atom: str = setting("atom.xml", "file name of a story's Atom feed, in the story page's folder")
    entity_rss: str = setting("rss.xml", "file name of an entity's RSS feed, in the entity page's folder")
    entity_atom: str = setting("atom.xml", "file name of an entity's Atom feed, in the entity page's folder")
    full_text: str = setting("site lang story", "feed kinds (separated by spaces) whose items carry the full text; "
                                                "the others carry the lede and the link")


@dataclass(frozen=True)
class Publish:
    """Where `invoke publish` sends the production build when it is an S3-compatible bucket (see
    [publishing.md](publishing.md)); credentials come from boto3's usual chain. publishconf.py fills these from
    `WARTA_S3_BUCKET`, `WARTA_S3_PREFIX`, `WARTA_S3_ENDPOINT` and `WARTA_S3_REGION`."""

    s3_bucket: str = setting("", "the bucket; empty: rsync or ghp-import (`DEPLOY_RSYNC_TARGET`, "
                                 "`DEPLOY_GHPAGES_BRANCH`), or no deployment")
    s3_prefix: str = setting("", "a folder inside the bucket, e.g. `site/`")
    s3_endpoint: str = setting("", "the endpoint of an S3-compatible service (MinIO, R2, ...); empty: AWS")
    s3_region: str = setting("", "the bucket's region; empty: boto3's default")


@dataclass(frozen=True)
class Settings:
    """Warta's settings in pelicanconf.py, and the Pelican settings Warta reads."""

    urls: Urls = group(Urls, "Warta's own pages; every feed, JSON and TimelineJS path follows them")
    entities: Entities = group(Entities, "entity tagging, discovery and first-mention links")
    feeds: Feeds = group(Feeds, "RSS 2.0 and Atom feeds, see [feeds.md](feeds.md)")
    entity_timeline_limit: int = setting(100, "events shown on an entity page", minimum=0)
    entity_timeline_data: int = setting(100, "newest events in an entity's `timeline.json` (TimelineJS): by default those its page lists", minimum=0)
    entity_articles: int = setting(20, "newest articles shown in full on an entity page; the older ones are listed "
                                       "by month below them (titles only)", minimum=0)
    entity_archive: int = setting(100, "older articles an entity page lists by month after its newest ones; an entity "
                                       "with more gets a page per year (`{year}/` in its folder) listing all of "
                                       "that year's, linked from its page", minimum=0)
    timeline_limit: int = setting(200, "events on the site-wide timeline page", minimum=0)
    timeline_sources: int = setting(5, "articles listed under a timeline event (pages and TimelineJS), oldest "
                                       "first; the page counts the others", minimum=1)
    search: bool = setting(True, "write the search page and its static index (pagefind) after each build")
    default_lang: str = setting("id", "Pelican's; the interface language (`id` or `en`) and the language of "
                                      "articles without `lang`", name="DEFAULT_LANG")
    timezone: str = setting("Asia/Jakarta", "Pelican's; naive front-matter dates (no UTC offset) are in this zone",
                            name="TIMEZONE")
    category_url: str = setting("kategori/{slug}/", "Pelican's; category feeds go in this folder",
                                name="CATEGORY_URL")
    publish: Publish = group(Publish, "an S3-compatible bucket for `invoke publish`")
    preview: bool = setting(False, "`invoke preview` sets it: drafts and embargoed articles are built like "
                                   "published ones, every page has a PRATINJAU / PREVIEW banner and `noindex`")
    now: str = setting("", "\"now\" for embargoes, ISO 8601 (naive: `TIMEZONE`); the environment variable "
                           "`WARTA_NOW` wins; empty: the clock")
    jobs: int = setting(0, "processes for the work that runs in parallel (per-article analysis, rendering pages); "
                           "0: one per core; `invoke build --jobs N` sets it. The output is the same for any number",
                        minimum=0)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def feed_path(self, kind: str, fmt: str, key: str = "") -> str:
        """Site-relative output path of one feed, or "" when that feed is off."""
        name = getattr(self.feeds, f"{kind}_{fmt}")
        if not name:
            return ""
        if kind == "site":
            return name
        if kind == "lang":
            return name.format(lang=key)
        page = {"category": lambda: self.category_url.format(slug=key), "story": lambda: self.urls.story_page(key),
                "entity": lambda: self.urls.entity_page(key)}[kind]()
        return page + name

    def feed_limit(self, kind: str) -> int:
        return self.feeds.site_limit if kind == "site" else self.feeds.limit


def of(settings) -> Settings:
    """The validated tree the glue stored at Pelican's ``initialized`` signal (read now when absent)."""
    found = settings.get("WARTA")
    return found if isinstance(found, Settings) else read(settings)[0]


def setting_name(item: dataclasses.Field) -> str:
    return item.metadata.get("name") or "WARTA_" + item.name.upper()


def _hints(cls) -> dict[str, type]:
    return typing.get_type_hints(cls)


# ---------------------------------------------------------------------------------------------------------------
# Reading and validating


Lines = dict[str, tuple[str, int]]  # "WARTA_URLS.entity" -> (file, line)


def read(values, lines: Lines | None = None, path: str = SETTINGS_FILE) -> tuple[Settings, list[Problem]]:
    """Every Warta setting from ``values`` (a settings mapping); every problem at once, each at its line."""
    lines = lines or {}

    def problem(key: str, message: str, hint: str = "") -> Problem:
        where, line = lines.get(key) or lines.get(key.split(".")[0]) or (path, None)
        return Problem(where, line, f"{key}: {message}", hint)

    problems: list[Problem] = []
    accepted = {}
    hints = _hints(Settings)
    known = {setting_name(item): item for item in dataclasses.fields(Settings)}
    for key in sorted(k for k in values if k.startswith("WARTA_") and k not in known):
        ours = [name for name in known if name.startswith("WARTA_")]
        problems.append(problem(key, "unknown setting", did_you_mean(key, ours)))
    for name, item in known.items():
        if values.get(name) is None:  # not set: the default
            continue
        kind = hints[item.name]
        if dataclasses.is_dataclass(kind):
            value, found = _read_group(kind, name, values[name], problem)
        else:
            value, found = _read_value(kind, item, name, values[name], problem)
        problems += found
        if value is not None:  # a group keeps its good keys, so the rules below still see them
            accepted[item.name] = value
    settings = Settings(**accepted)
    problems += _check(settings, problem)
    return settings, sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))


def _read_group(cls, name: str, values, problem):
    if not isinstance(values, dict):
        return None, [problem(name, f"must be a dict, got {type(values).__name__}")]
    hints = _hints(cls)
    known = {item.name: item for item in dataclasses.fields(cls)}
    problems, accepted = [], {}
    for key, value in values.items():
        if key not in known:
            problems.append(problem(f"{name}.{key}", "unknown setting", did_you_mean(str(key), known)))
            continue
        value, found = _read_value(hints[key], known[key], f"{name}.{key}", value, problem)
        problems += found
        if not found:
            accepted[key] = value
    return cls(**accepted), problems


def _read_value(kind: type, item: dataclasses.Field, key: str, value, problem):
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        return None, [problem(key, f"must be {_a(kind)}, got {type(value).__name__} {value!r}")]
    low, high = item.metadata.get("minimum"), item.metadata.get("maximum")
    if low is not None and value < low or high is not None and value > high:
        bounds = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
        return None, [problem(key, f"must be {bounds}, got {value!r}")]
    return value, []


def _a(kind: type) -> str:
    return {bool: "True or False", int: "a whole number", float: "a number", str: "a string"}.get(kind, kind.__name__)


def _check(settings: Settings, problem) -> list[Problem]:
    """Rules across fields: URL patterns, feed paths, the language and the time zone."""
    problems = []
    placeholders = {"entity": "id", "story": "slug", "edition": "date"}
    for item in dataclasses.fields(Urls):
        pattern = getattr(settings.urls, item.name)
        message = _folder_problem(pattern, placeholders.get(item.name))
        if message:
            problems.append(problem(f"WARTA_URLS.{item.name}", message))
    if settings.default_lang not in LANGS:
        problems.append(problem("DEFAULT_LANG", f"must be one of {', '.join(LANGS)}, got {settings.default_lang!r}"))
    try:
        settings.zone
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(problem("TIMEZONE", f"unknown time zone {settings.timezone!r}", "e.g. 'Asia/Jakarta'"))
    if settings.now:
        from warta.source.embargo import read_now

        problems += [problem("WARTA_NOW", p.message, p.hint) for p in read_now(settings.now)[1]]
    feeds = settings.feeds
    if not re.match(r"^https?://[^/\s]+", feeds.site_url):
        problems.append(problem("WARTA_FEEDS.site_url", f"must be an absolute http(s) URL, got {feeds.site_url!r}"))
    for kind in feeds.full_text.split():
        if kind not in FEED_KINDS:
            problems.append(problem("WARTA_FEEDS.full_text", f"unknown feed kind {kind!r}",
                                    did_you_mean(kind, FEED_KINDS)))
    seen: dict[str, str] = {}
    for kind in FEED_KINDS:
        for fmt in FEED_FORMATS:
            key = f"{kind}_{fmt}"
            value = getattr(feeds, key)
            message = _feed_problem(kind, value)
            if message:
                problems.append(problem(f"WARTA_FEEDS.{key}", message))
                continue
            if value and kind in ("site", "lang"):
                if value in seen:
                    problems.append(problem(f"WARTA_FEEDS.{key}", f"is the same path as {seen[value]}"))
                seen[value] = key
    for fmt in FEED_FORMATS:
        if getattr(feeds, f"category_{fmt}") and feeds.limit and not settings.category_url.endswith("/"):
            problems.append(problem(f"WARTA_FEEDS.category_{fmt}",
                                    f"category feeds need a folder-style CATEGORY_URL (ending in '/'), "
                                    f"got {settings.category_url!r}", "set it to '' to turn category feeds off"))
            break
    for kind in ("story", "entity"):
        names = [getattr(feeds, f"{kind}_{fmt}") for fmt in FEED_FORMATS]
        if names[0] and names[0] == names[1] or "timeline.json" in names:
            problems.append(problem(f"WARTA_FEEDS.{kind}_atom", f"collides with another file in the {kind} folder"))
    return problems


def _placeholders(pattern: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError:
        return None


def _folder_problem(pattern: str, placeholder: str | None) -> str:
    if not pattern.endswith("/") or pattern.startswith("/") or "//" in pattern or "\\" in pattern:
        return f"must be a site-relative folder ending in '/', got {pattern!r}"
    names = _placeholders(pattern)
    expected = {placeholder} if placeholder else set()
    if names != expected:
        want = "{" + placeholder + "}" if placeholder else "no placeholder"
        return f"must contain {want} and nothing else in braces, got {pattern!r}"
    return ""


def _feed_problem(kind: str, value: str) -> str:
    if not value:
        return ""
    if kind in ("site", "lang"):
        if value.startswith("/") or not value.endswith(".xml"):
            return f"must be a site-relative path ending in '.xml', got {value!r}"
        expected = {"lang"} if kind == "lang" else set()
        if _placeholders(value) != expected:
            want = "{lang}" if expected else "no placeholder"
            return f"must contain {want} and nothing else in braces, got {value!r}"
        return ""
    if not re.fullmatch(r"[A-Za-z0-9._-]+\.xml", value):
        return f"must be a file name ending in '.xml' (the folder is the {kind}'s page), got {value!r}"
    return ""


# ---------------------------------------------------------------------------------------------------------------
# Where each setting is written (for path:line problems)


def setting_lines(path: str | Path, _seen: frozenset = frozenset()) -> Lines:
    """Where each top-level setting and each literal dict key is assigned in a settings file.

    ``from other import *`` is followed (the other module's lines count until this file assigns the name again).
    A file that cannot be read or parsed gives no lines: the problems then name the file only.
    """
    path = Path(path)
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {}
    shown = _shown(path)
    lines: Lines = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and any(a.name == "*" for a in node.names):
            origin = _module_file(node.module, path.parent)
            if origin and origin not in _seen:
                lines.update(setting_lines(origin, _seen | {path.resolve()}))
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            for key in [k for k in lines if k == target.id or k.startswith(target.id + ".")]:
                del lines[key]
            lines[target.id] = (shown, target.lineno)
            if isinstance(node.value, ast.Dict):
                for key in node.value.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        lines[f"{target.id}.{key.value}"] = (shown, key.lineno)
    return lines


def _module_file(name: str | None, folder: Path) -> Path | None:
    if not name:
        return None
    beside = folder / (name.replace(".", "/") + ".py")
    if beside.is_file():
        return beside.resolve()
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    return Path(spec.origin).resolve() if spec and spec.origin and spec.origin.endswith(".py") else None


def _shown(path: Path) -> str:
    from warta.source.layout import shown

    return shown(path)


# ---------------------------------------------------------------------------------------------------------------
# Documentation


def markdown() -> str:
    """The settings reference (docs/settings.md's generated part), from the declarations above."""
    out = []
    for item in dataclasses.fields(Settings):
        name, kind = setting_name(item), _hints(Settings)[item.name]
        if dataclasses.is_dataclass(kind):
            out += [f"### `{name}`", "", _doc(kind), "", "| key | type | default | meaning |", "|---|---|---|---|"]
            hints = _hints(kind)
            for sub in dataclasses.fields(kind):
                out.append(f"| `{sub.name}` | {hints[sub.name].__name__} | `{sub.default!r}` | {sub.metadata['doc']} |")
            out.append("")
    out += ["### Single values", "", "| setting | type | default | meaning |", "|---|---|---|---|"]
    for item in dataclasses.fields(Settings):
        kind = _hints(Settings)[item.name]
        if not dataclasses.is_dataclass(kind):
            out.append(f"| `{setting_name(item)}` | {kind.__name__} | `{item.default!r}` | {item.metadata['doc']} |")
    return "\n".join(out) + "\n"


def _doc(cls) -> str:
    return " ".join((cls.__doc__ or "").split())
