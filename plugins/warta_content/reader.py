"""A Markdown reader that validates Warta front-matter with the core schema."""

from __future__ import annotations

import logging
import os
from html import escape

from markdown import Markdown
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag
from warta.problems import Problem, ProblemsFound
from warta.publish.body_html import clean_body, removed
from warta.settings import of as warta_settings
from warta.source.frontmatter import parse_article
from warta.source.layout import shown
from warta.source.slugs import slugify
from warta.source.xmlchars import read_text

logger = logging.getLogger(__name__)
_META = ("markdown.extensions.meta", "meta")


def markdown_config(settings: dict) -> dict:
    """MARKDOWN with every configured extension on, except ``meta``: front-matter is YAML, so a first body line
    such as "Catatan: ..." is text. (Pelican's own reader adds ``meta`` to the shared settings.)"""
    extensions = [*settings.get("extensions", ()), *settings.get("extension_configs", {})]
    return {**settings, "extensions": [e for e in dict.fromkeys(extensions) if e not in _META]}


class WartaMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared: dict[str, tuple] = {}  # path -> (text, converted(path, text)), made by prepare()
        self._markdown: Markdown | None = None

    def read(self, source_path):
        if not self._inside(source_path):  # never read a link out
            raise ProblemsFound([Problem(shown(source_path), None, "symbolic link to a place outside the "
                                         "content folder; Warta does not follow it")])
        text, problems = read_text(source_path, source_path)
        matter, html, lost = None, "", ()
        if text is not None:
            ready = self.prepared.pop(source_path, None)
            if ready is None or ready[0] != text:  # not read ahead, or changed since
                ready = text, self.converted(source_path, text)
            matter, problems, html, lost = ready[1]
        if problems:
            raise ProblemsFound(problems)
        if lost:
            logger.warning("%s: removed from the body (not allowed in articles, see docs/security.md): %s",
                           source_path, ", ".join(lost))
        return html, self._metadata(matter)

    def converted(self, source_path: str, text: str) -> tuple:
        """(front-matter, its problems, the body's HTML as allowed, what the allow-list removed) of a file's text."""
        matter, body, problems = parse_article(source_path, text, self.settings["DEFAULT_LANG"],
                                               warta_settings(self.settings).zone)
        if problems:
            return matter, problems, "", ()
        if self._markdown is None:
            self._markdown = Markdown(**markdown_config(self.settings["MARKDOWN"]))
        rendered = self._markdown.reset().convert(body)
        html = clean_body(rendered)
        return matter, problems, html, removed(rendered, html) if html != rendered else ()

    def prepare(self, paths: list[str], map_) -> None:
        """Convert these files ahead of :meth:`read` with ``map_`` (worker processes): a file whose text is still
        the one converted is then not converted again. A file that cannot be read or fails is left to read()."""
        paths = [path for path in paths if self._inside(path)]

        def convert(number: int):
            try:
                text, problems = read_text(paths[number], paths[number])
                return (text, self.converted(paths[number], text)) if text is not None and not problems else None
            except Exception:
                return None

        for path, ready in zip(paths, map_(convert, range(len(paths)))):
            if ready is not None:
                self.prepared[path] = ready

    def _inside(self, path: str) -> bool:
        inside = os.path.realpath(self.settings["PATH"])
        return os.path.commonpath([inside, os.path.realpath(path)]) == inside

    def _metadata(self, matter) -> dict:
        settings = self.settings
        meta = {
            "title": matter.title,
            "date": matter.date,
            "lang": matter.lang,
            "status": matter.status,
            "category": _named(Category, matter.category or settings["DEFAULT_CATEGORY"], settings),
            "tags": [_named(Tag, tag, settings) for tag in matter.tags],
            "authors": [_named(Author, name, settings) for name in matter.authors or (settings["AUTHOR"],)],
            "warta": matter,
            "slug": matter.slug,  # the check's slug, so the check and Pelican agree on every URL
        }
        if matter.summary:
            meta["summary"] = escape(matter.summary)
        if matter.modified:
            meta["modified"] = matter.modified
        if matter.story:
            meta["story"] = matter.story
        return meta


def _named(kind, name: str, settings):
    """A Pelican tag, category or author whose slug is the one the check validated."""
    wrapper = kind(name, settings)
    wrapper.slug = slugify(name)
    return wrapper
