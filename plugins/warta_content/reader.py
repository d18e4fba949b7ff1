"""A Markdown reader that validates Warta front-matter with the core schema."""

from __future__ import annotations

import os
from html import escape

from markdown import Markdown
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag
from warta.problems import ProblemsFound
from warta.settings import of as warta_settings
from warta.source.embargo import NOW_VARIABLE, is_embargoed, read_now
from warta.source.frontmatter import decode, parse_article


class WartaMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path):
        with open(source_path, "rb") as handle:
            text, problems = decode(handle.read(), source_path)
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
            "category": Category(matter.category or settings["DEFAULT_CATEGORY"], settings),
            "tags": [Tag(tag, settings) for tag in matter.tags],
            "authors": [Author(name, settings) for name in matter.authors or (settings["AUTHOR"],)],
            "warta": matter,
        }
        if matter.summary:
            meta["summary"] = escape(matter.summary)
        if matter.modified:
            meta["modified"] = matter.modified
        if matter.slug:
            meta["slug"] = matter.slug
        if matter.story:
            meta["story"] = matter.story
        return meta | self._visibility(matter)

    def _visibility(self, matter) -> dict:
        """Embargoed articles wait as drafts (never written); a preview build shows drafts and embargoes."""
        if not hasattr(self, "_now"):  # one "now" for the whole build
            warta = warta_settings(self.settings)
            self._now, problems = read_now(os.environ.get(NOW_VARIABLE) or warta.now, zone=warta.zone)
            if problems:
                raise ProblemsFound(problems)
        embargoed = is_embargoed(matter.date, matter.status, self._now)
        if warta_settings(self.settings).preview:
            return {"status": "published", "embargoed": embargoed, "unpublished": embargoed or matter.status == "draft"}
        return {"status": "draft", "embargoed": True} if embargoed else {"embargoed": False}
