"""`invoke new`: a new article file with valid front-matter."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from slugify import slugify

from warta.problems import Problem, did_you_mean
from warta.source.frontmatter import LANGS, SITE_ZONE
from warta.source.layout import ARTICLE_DIR, shown

TEMPLATE = """---
title: {title}
date: {date}
lang: {lang}
summary: ""
category: ""
tags: []
status: draft
---
{body}
"""
BODY = {"id": "Tulis isi berita di sini.\n", "en": "Write the story here.\n"}


def new_article(content: Path, title: str, lang: str = "id", now: datetime | None = None,
                force: bool = False) -> tuple[Path | None, Problem | None]:
    """Write content/articles/YYYY/MM/<slug>.md; refuse to overwrite unless ``force``."""
    if lang not in LANGS:
        return None, Problem("new", None, f"unknown lang '{lang}'", did_you_mean(lang, LANGS))
    slug = slugify(title, max_length=80, word_boundary=True)
    if not slug:
        return None, Problem("new", None, "the title gives an empty slug", "use letters or digits in the title")
    now = (now or datetime.now(SITE_ZONE)).astimezone(SITE_ZONE).replace(microsecond=0)
    path = content / ARTICLE_DIR / f"{now:%Y}" / f"{now:%m}" / f"{slug}.md"
    if path.exists() and not force:
        return None, Problem(shown(path), None, "already exists", "choose another title or pass --force")
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(title=quoted, date=now.isoformat(), lang=lang, body=BODY[lang]), encoding="utf-8")
    return path, None
