"""The importer's output before it becomes a file: one article draft."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from warta.problems import Problem

MAX_TITLE = 300
_WEB_URL = re.compile(r"https?://[^\s<>\"'`\\]+")


@dataclass(frozen=True)
class Draft:
    title: str
    date: datetime
    lang: str
    body: tuple[str, ...]
    summary: str = ""
    category: str = ""
    dateline: str = ""
    source_name: str = ""
    source_url: str = ""
    source_agency: str = ""
    image_url: str = ""
    image_caption: str = ""
    image_credit: str = ""
    authors: tuple[str, ...] = ()
    report: tuple[str, ...] = ()
    link_back: bool = False          # the body is only the lede: end it with a link to source_url
    foreign_lang: str = ""  # the language the text is really in, when the site does not publish it


def web_url(value: str) -> str:
    """``value`` when it is a plain http(s) URL with a host (no spaces, quotes, angle brackets), else ""."""
    if not isinstance(value, str) or not _WEB_URL.fullmatch(value):
        return ""
    try:
        return value if urlsplit(value).hostname else ""
    except ValueError:      # "http://[x": not a valid host
        return ""


def check_draft(draft: Draft, path: str, line: int | None) -> list[Problem]:
    """Problems that stop a draft from being written (empty or overlong title, no body)."""
    if not draft.title:
        return [Problem(path, line, "no title found")]
    if len(draft.title) > MAX_TITLE:
        return [Problem(path, line, f"title is {len(draft.title)} characters long (at most {MAX_TITLE})",
                        "is the title line really the first paragraph?")]
    if not draft.body and not draft.link_back:
        return [Problem(path, line, "no article text after the title")]
    return []
