"""A draft as a Markdown file: YAML front-matter in a fixed key order, then the paragraphs."""

from __future__ import annotations

import re

import yaml

from .draft import Draft

# A paragraph starting like this would turn into a heading, quote, list or rule in Markdown.
_BLOCK_START = re.compile(r"[#>*+=|-]|\d+[.)](?:\s|$)")


def front_matter(draft: Draft) -> dict:
    """The front-matter mapping: empty fields left out, status always draft."""
    fields = {"title": draft.title, "date": draft.date.isoformat(), "lang": draft.lang,
              "summary": draft.summary, "category": draft.category}
    fields["dateline"] = {"city": draft.dateline} if draft.dateline else None
    fields["source"] = _some(name=draft.source_name, url=draft.source_url, agency=draft.source_agency)
    fields["image"] = _some(url=draft.image_url, caption=draft.image_caption, credit=draft.image_credit)
    fields["authors"] = list(draft.authors)
    fields["status"] = "draft"
    return {key: value for key, value in fields.items() if value}


def render_markdown(draft: Draft) -> str:
    """The whole article file. Dates are ISO strings (YAML quotes them, so every loader reads text)."""
    head = yaml.safe_dump(front_matter(draft), allow_unicode=True, sort_keys=False, width=1 << 20)
    body = "\n\n".join("\\" + p if _BLOCK_START.match(p) else p for p in draft.body)
    return f"---\n{head}---\n\n{body}\n"


def _some(**values: str) -> dict | None:
    return {key: value for key, value in values.items() if value} or None
