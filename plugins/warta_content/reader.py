"""A Markdown reader that validates Warta front-matter with the core schema."""

from __future__ import annotations

import os
from html import escape

from markdown import Markdown
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag
from warta.problems import Problem, ProblemsFound
from warta.settings import of as warta_settings
from warta.source.frontmatter import parse_article
from warta.source.layout import shown
from warta.source.slugs import slugify
from warta.source.xmlchars import read_text


class WartaMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path):
        inside = os.path.realpath(self.settings["PATH"])
        if os.path.commonpath([inside, os.path.realpath(source_path)]) != inside:  # never read a link out
            raise ProblemsFound([Problem(shown(source_path), None, "symbolic link to a place outside the "
                                         "content folder; Warta does not follow it")])
        text, problems = read_text(source_path, source_path)
        matter, body = None, ""
        if text is not None:
            matter, body, problems = parse_article(source_path, text, self.settings["DEFAULT_LANG"],
                                                   warta_settings(self.settings).zone)
        if problems:
            raise ProblemsFound(problems)
        config = self.settings["MARKDOWN"]
        html = Markdown(**config).convert(body)
        return html, self._metadata(matter)

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
