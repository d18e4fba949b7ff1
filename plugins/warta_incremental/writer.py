"""A Pelican writer that reuses a page of the previous output when everything its template can see is unchanged.

A page's key digests: the build (code, library versions, settings), the sources of its template and of every
template it extends, includes or imports, and the value of every variable those templates name (of an article,
only the attributes they can read: warta_incremental.reads). When the key matches the manifest of the previous
build and the previous file is still the one that build wrote (same inode, size and modification time), the file
is hard-linked into the staging folder instead of rendered.

With more than one job (``WARTA_JOBS``), a page to render is first written empty and rendered by :meth:`flush`
in worker processes, ``BATCH`` pages at a time and the rest once every generator has written its pages: rendering
is a function of the page's context, so the files are the same for any number of jobs.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

import jinja2
from jinja2 import TemplateNotFound, meta, nodes
from pelican.utils import sanitised_join
from pelican.writers import Writer

from warta import settings as warta_settings
from warta_build.forked import cores, forked_map

from .fingerprint import Fingerprints, Unknown
from .reads import article_reads

logger = logging.getLogger(__name__)
MANIFEST_VERSION = 3
BATCH = 500  # pages left for later to render at most: each holds its context until then
STATE = "_warta_incremental"  # the run's state, kept in the run's settings dict (never in module state)
FEED_KEYS = "_warta_feed_keys"  # in the shared context: the feeds that exist, as page keys read them
SKIPPED_SETTINGS = {"OUTPUT_PATH", "CACHE_PATH", "PREVIOUS_OUTPUT_PATH", "WARTA_JOBS", "WARTA", STATE}  # WARTA: read from the others
# Helpers whose result follows from their arguments, the page's path and the settings (all in the key).
PURE_GLOBALS = {"_", "gettext", "ngettext", "pgettext", "npgettext", "cycler", "dict", "joiner", "lipsum",
                "namespace", "range", "canonical", "absolute_url", "og_locales", "entity_jsonld", "story_jsonld"}


def code_version() -> str:
    """Our plugins and theme, and the libraries that render: a page never outlives a change to them."""
    from importlib.metadata import version

    from warta_build import code_version as our_sources

    versions = ";".join(f"{name}={version(name)}" for name in ("pelican", "jinja2", "markdown", "babel", "markupsafe"))
    return hashlib.blake2b(f"{versions};{our_sources()}".encode(), digest_size=16).hexdigest()


def manifest_path(settings, kind: str = "warta-pages") -> Path:
    """Beside the content caches, not inside them: their folder changes with the settings and the code, while
    the manifest stays valid across any change (a change only changes keys). One per output folder and kind."""
    key = hashlib.sha256(str(settings["PREVIOUS_OUTPUT_PATH"]).encode()).hexdigest()[:16]
    return Path(settings["CACHE_PATH"]).parent / f"{kind}-{key}.json"


class Run:
    """What one build knows: the previous manifest, this build's keys, and how to compute a page's key."""

    def __init__(self, settings, previous: Path):
        self.settings, self.previous = settings, previous
        self.old: dict[str, list] = {}
        self.old_templates: dict[str, dict] = {}  # template name -> the files it uses, digested, and its names
        try:
            data = json.loads(manifest_path(settings).read_text(encoding="utf-8"))
            if data.get("version") == MANIFEST_VERSION:
                self.old, self.old_templates = data["pages"], data.get("templates", {})
        except (OSError, ValueError, KeyError, AttributeError):
            pass
        self.new: dict[str, str] = {}  # relative path -> key (hex)
        self.reused = self.rendered = 0
        self.base: bytes | None = None
        self.disabled = False
        self.names: dict[str, frozenset | None] = {}
        # template -> (the attributes of articles it can read, None for all; their digest; run-time lookups)
        self.reads: dict[str, tuple[frozenset[str] | None, bytes, list[str]]] = {}
        self.sources: dict[str, bytes] = {}
        self.templates: dict[str, dict] = {}
        # name, or (name, projection) for a value that holds articles -> (the value, its digest)
        self.context_digests: dict[str | tuple[str, frozenset[str] | None], tuple[object, bytes]] = {}
        self.fingerprints: Fingerprints | None = None

    def start(self, context) -> None:
        """Digest what every page shares, once, at the first page."""
        links = hashlib.blake2b(digest_size=16)
        for table in ("generated_content", "static_content"):
            for path, item in sorted(context.get(table, {}).items()):
                links.update(f"{path}\0{getattr(item, 'url', '')}\0".encode())
        self.fingerprints = Fingerprints(links.digest())
        try:
            settings = {k: v for k, v in self.settings.items() if k not in SKIPPED_SETTINGS}
            self.base = self.fingerprints.digest((code_version(), settings))
        except Unknown as error:
            logger.info("warta: every page is rendered (a setting of unknown kind: %s)", error)
            self.disabled = True

    def template_names(self, template) -> frozenset | None:
        """Every variable named by the template and the templates it uses; None if one is chosen at run time.

        Parsing is skipped when every file the previous build's analysis read is unchanged (kept in the manifest).
        """
        if template.name not in self.names:
            env = template.environment
            record = self._known_analysis(env, template.name) or self._analyse(env, template.name)
            self.templates[template.name] = record
            names = record["names"]
            self.names[template.name] = frozenset(names) if names is not None else None
            shown = None if record.get("why") is not None else frozenset(record["attributes"])
            self.reads[template.name] = (shown, _names_digest(shown), record["lookups"])
            sources = hashlib.blake2b(digest_size=16)
            for name, digest in record["files"]:
                sources.update(f"{name}\0{digest}\0".encode())
            self.sources[template.name] = sources.digest()
        return self.names[template.name]

    def _known_analysis(self, env, name: str) -> dict | None:
        record = self.old_templates.get(name)
        try:
            if record and record["env"] == _env_digest(env) and all(
                    _source_digest(env, used) == digest for used, digest in record["files"]):
                return record
        except (TemplateNotFound, TypeError, ValueError, KeyError):
            pass
        return None

    @staticmethod
    def _analyse(env, name: str) -> dict:
        names, files, pending, seen, trees = set(), [], [name], set(), []
        while pending:
            used_name = pending.pop()
            if used_name in seen:
                continue
            seen.add(used_name)
            source = env.loader.get_source(env, used_name)[0]
            files.append([used_name, hashlib.blake2b(source.encode(), digest_size=16).hexdigest()])
            ast = env.parse(source)
            trees.append(ast)
            names |= meta.find_undeclared_variables(ast)  # leaves out the environment's globals
            names |= {node.name for node in ast.find_all(nodes.Name) if node.name in env.globals}
            for used in meta.find_referenced_templates(ast):
                if used is None:
                    return {"env": _env_digest(env), "files": files, "names": None,
                            "why": "a template chosen at run time", "attributes": [], "lookups": []}
                pending.append(used)
        why, attributes, lookups = article_reads(trees, frozenset(PURE_GLOBALS) | frozenset(TRACKED))
        return {"env": _env_digest(env), "files": files, "names": sorted(names), "why": why,
                "attributes": sorted(attributes), "lookups": lookups}

    def key(self, template, localcontext, context) -> str | None:
        if self.fingerprints is None:
            self.start(context)
        names = self.template_names(template)
        if self.disabled or names is None:
            return None
        env_globals = template.environment.globals
        shown, shown_digest, lookups = self.reads[template.name]
        if shown is not None and not all(isinstance(localcontext.get(name, env_globals.get(name)), CONTAINERS)
                                         for name in lookups if name in localcontext or name in env_globals):
            shown, shown_digest = None, _names_digest(None)
        digest = hashlib.blake2b(self.base + self.sources[template.name], digest_size=16)
        digest.update(localcontext["output_file"].encode() + shown_digest)
        try:
            for name in sorted(names):
                if name in TRACKED:
                    value = TRACKED[name](localcontext)
                elif name in PURE_GLOBALS:
                    continue
                elif name in env_globals and name not in localcontext:
                    logger.debug("warta: %s rendered (it uses %s)", localcontext["output_file"], name)
                    return None  # a helper that may read anything
                elif name not in localcontext:
                    digest.update(name.encode() + b"?")
                    continue
                else:
                    value = localcontext[name]
                digest.update(name.encode() + b"=" + self._digest(name, value, shown))
        except Unknown as error:
            logger.debug("warta: %s rendered (%s)", localcontext["output_file"], error)
            return None
        return digest.hexdigest()

    def _digest(self, name: str, value, shown: frozenset[str] | None) -> bytes:
        """The same object under the same name (a context value every page shares) is digested once, or once per
        projection when it holds articles."""
        for key in (name, (name, shown)):
            known = self.context_digests.get(key)
            if known is not None and known[0] is value:
                return known[1]
        fingerprints = self.fingerprints
        contents = fingerprints.contents
        digest = fingerprints.digest(value, shown)
        self.context_digests[name if fingerprints.contents == contents else (name, shown)] = (value, digest)
        return digest

    def reusable(self, relative: str, key: str) -> Path | None:
        """The previous build's file for this page if its key is unchanged and the file is the one it wrote."""
        entry = self.old.get(relative)
        if not entry or entry[0] != key:
            return None
        path = self.previous / relative
        try:
            stat = path.stat()
        except OSError:
            return None
        return path if [stat.st_ino, stat.st_size, stat.st_mtime_ns] == entry[1:] else None

    def save(self, output: Path) -> None:
        pages = {}
        for relative, key in sorted(self.new.items()):
            try:
                stat = (output / relative).stat()
            except OSError:
                continue
            pages[relative] = [key, stat.st_ino, stat.st_size, stat.st_mtime_ns]
        path = manifest_path(self.settings)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"version": MANIFEST_VERSION, "pages": pages, "templates": self.templates}),
                             encoding="utf-8")
        os.replace(temporary, path)
        logger.info("warta: %d pages rendered, %d reused from the previous build", self.rendered, self.reused)


def _env_digest(env) -> str:
    """What a template's analysis depends on besides its sources: Jinja2, the names of the globals and our code
    (which reads the templates: warta_incremental.reads)."""
    from warta_build import code_version as our_sources

    return hashlib.blake2b(f"{jinja2.__version__}\0{our_sources()}\0{sorted(env.globals)}".encode(),
                           digest_size=16).hexdigest()


def _names_digest(names: frozenset[str] | None) -> bytes:
    return b"\0*\0" if names is None else hashlib.blake2b("\0".join(sorted(names)).encode(), digest_size=16).digest()


def _source_digest(env, name: str) -> str:
    return hashlib.blake2b(env.loader.get_source(env, name)[0].encode(), digest_size=16).hexdigest()


def _article_jsonld(localcontext):
    """article_jsonld(article) reads the article's record and its entities' Wikidata items from the registry."""
    from warta.publish.jsonld import wikidata_items

    article = localcontext.get("article")
    record = localcontext.get("warta_records_by_url", {}).get(getattr(article, "url", None))
    registry = localcontext.get("warta_registry")
    return ("jsonld", record, wikidata_items(record, registry) if record is not None and registry else {})


def _feed_urls(localcontext):
    """feed_urls(kind, key) answers from the feed plan: which feeds exist."""
    from warta_feeds.generator import options_of, plan_of

    shared = localcontext["__shared__"]
    plan = plan_of(shared, localcontext["__settings__"], options_of(localcontext["__settings__"]))
    known = shared.get(FEED_KEYS)
    if known is None or known[0] is not plan:  # one object for every page, so it is digested once
        known = shared[FEED_KEYS] = (plan, ("feeds", tuple(sorted(plan.feeds))))
    return known[1]


def _story_neighbours(localcontext):
    from .context import story_neighbours

    return ("neighbours", story_neighbours(localcontext, localcontext.get("article")))


CONTAINERS = (Mapping, list, tuple, str)  # what a key known only at run time may index without reading an article
TRACKED = {"article_jsonld": _article_jsonld, "feed_urls": _feed_urls, "story_neighbours": _story_neighbours}
# What only a listing's first page is given (the front page's edition, lead and sections): the later pages of the
# index neither see it nor depend on it, so a new lead does not render 200 pages of older news again.
FIRST_PAGE_ONLY = frozenset({"warta_front"})
# Site-wide maps by article URL of which an article's page is given its own entry only: otherwise any article's
# related list changing (a new article changes them all) would render every article page again.
OWN_ENTRY_ONLY = frozenset({"warta_related"})


def for_page(localcontext: dict) -> dict:
    """What a page's template is given (and its key digests): the shared context narrowed to what the page shows."""
    page, article = localcontext.get("articles_page"), localcontext.get("article")
    if page is not None and page.number > 1:
        localcontext = {name: value for name, value in localcontext.items() if name not in FIRST_PAGE_ONLY}
    if article is not None:
        url = getattr(article, "url", None)
        own = {name: {url: localcontext[name][url]} if url in localcontext[name] else {}
               for name in OWN_ENTRY_ONLY if isinstance(localcontext.get(name), dict)}
        localcontext = {**localcontext, **own} if own else localcontext
    return localcontext


class _Template:
    """Stands in for a template: renders only when the page's key is new."""

    def __init__(self, writer: "IncrementalWriter", template, context):
        self.writer, self.template, self.context = writer, template, context
        self.name, self.environment = template.name, template.environment

    def render(self, localcontext):
        localcontext = for_page(localcontext)
        run, relative = self.writer.run, localcontext["output_file"]
        localcontext_for_key = dict(localcontext, __shared__=self.context, __settings__=self.writer.settings)
        key = run.key(self.template, localcontext_for_key, self.context)
        if key is not None:
            run.new[relative] = key
            old = run.reusable(relative, key)
            if old is not None:
                self.writer.pending[sanitised_join(self.writer.output_path, relative)] = old
                run.reused += 1
                return ""
        run.rendered += 1
        return self.writer.render(self.template, localcontext, self.context)


class IncrementalWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.pending: dict[str, Path] = {}
        self.linked: set[str] = set()  # files of this output that are links to the previous build's
        self.run = None
        previous = (settings or {}).get("PREVIOUS_OUTPUT_PATH")
        if previous:
            self.run = settings[STATE] = Run(settings, Path(previous))
        self.jobs = (warta_settings.of(settings).jobs or cores()) if settings else 1
        self.queued: tuple | None = None  # the page render() left for later, until its file is opened
        self.later: dict[str, tuple] = {}  # file -> (template, localcontext, context, content): see flush()

    def render(self, template, localcontext, context) -> str:
        """The page's text now, or (with more than one job) '' now and the text at :meth:`flush`."""
        if self.jobs == 1:
            return template.render(localcontext)
        if len(self.later) >= BATCH:
            self.flush()
        self.queued = (template, localcontext, context, localcontext.get("article", localcontext.get("page")))
        return ""

    def flush(self) -> None:
        """Render the pages left for later in worker processes. A page that fails there is rendered again here, so
        its error is raised with the traceback it has in one process (the build names the file from it)."""
        later, self.later = sorted(self.later.items()), {}

        def render(number: int) -> int | None:
            path, job = later[number]
            try:
                _render_into(path, *job)
            except Exception:
                return number
            return None

        for number in [n for n in forked_map(self.jobs)(render, range(len(later))) if n is not None]:
            path, job = later[number]
            _render_into(path, *job)

    def write_file(self, name, template, context, *args, **kwargs):
        if self.run is not None and name:
            template = _Template(self, template, context)
        return super().write_file(name, template, context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        """The previous build's file, hard-linked, for the first write of a reused page (Pelican's own bookkeeping
        of written and overridden files kept); any other write opens a real file, never writing through a link, and
        notes a page left for later to render into it."""
        old = self.pending.pop(filename, None)
        job, self.queued = self.queued, None
        if old is None or filename in self._written_files or filename in self._overridden_files:
            if filename in self.linked:  # a page written again over a reused one (override=True)
                self.linked.discard(filename)
                os.unlink(filename)
            handle = super()._open_w(filename, encoding, override)
            if handle.name != os.devnull:  # Pelican skips a second write of a file it keeps (override_output)
                if job is None:
                    self.later.pop(filename, None)
                else:
                    self.later[filename] = job
            return handle
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        try:
            os.link(old, filename)
        except OSError:
            shutil.copy2(old, filename)
        self.linked.add(filename)
        return io.StringIO()  # what Pelican writes: the empty string the stand-in template rendered


def _render_into(path: str, template, localcontext: dict, context: dict, content) -> None:
    """Render a page left for later into its file, as Pelican's writer would have (which first points the shared
    context's ``localsiteurl``, read by an article's content, at the page). ``content``: the article or page it
    shows, if any, for the line a failed build prints (warta_build.faults)."""
    if localcontext.get("localsiteurl"):
        context["localsiteurl"] = localcontext["localsiteurl"]
    text = template.render(localcontext)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
