"""Import raw copied pages, saved HTML pages and RSS/Atom feeds as Markdown article drafts."""

from warta.importer.draft import Draft
from warta.importer.feed import parse_feed
from warta.importer.files import FileReport, ImportResult, import_paths, read_input
from warta.importer.html import parse_html
from warta.importer.raw import parse_raw_text
from warta.importer.render import render_markdown

__all__ = ["Draft", "FileReport", "ImportResult", "import_paths", "parse_feed", "parse_html",
           "parse_raw_text", "read_input", "render_markdown"]
