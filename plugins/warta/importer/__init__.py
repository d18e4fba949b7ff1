"""Import raw copied pages, saved HTML pages and RSS/Atom feeds as Markdown article drafts."""

from .draft import Draft
from .feed import parse_feed
from .files import FileReport, ImportResult, import_paths, read_input
from .html import parse_html
from .raw import parse_raw_text
from .render import render_markdown

__all__ = ["Draft", "FileReport", "ImportResult", "import_paths", "parse_feed", "parse_html",
           "parse_raw_text", "read_input", "render_markdown"]
