"""A draft as a Markdown file: YAML front-matter in a fixed key order, then the paragraphs."""

from __future__ import annotations

import re
from datetime import datetime

import yaml

from warta.importer.draft import Draft, web_url


class _Dumper(yaml.SafeDumper):
    """safe_dump, but datetimes as plain ISO 8601 with a 'T' (2023-09-14T15:56:00+07:00), like hand-written files."""


class _Block(dict):
    """A mapping written in block style (the whole front-matter; the image, whose caption is long)."""


_Dumper.add_representer(_Block, lambda dumper, value: dumper.represent_mapping(
    "tag:yaml.org,2002:map", value, flow_style=False))
_Dumper.add_representer(datetime, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:timestamp", value.isoformat()))

# Characters that start Markdown or HTML inside a line: links and images ([ ]), emphasis (* _), code (`),
# attribute lists ({ }), tags, comments and autolinks (<), character references (& before a name and ;).
_INLINE = re.compile(r"[\\`*_{}\[\]]|<|&(?=#?\w+;)")
_SOURCE_LINE = {"id": "Sumber", "en": "Source"}
_ENTITY = {"<": "&lt;", "&": "&amp;"}
# A paragraph starting like this would turn into a heading, quote, list or rule in Markdown.
_MARKER = re.compile(r"^(?=[#>+-])|^(\d+)(?=\.(?:\s|$))")
# ... or into a definition (": x" after a paragraph) or a fenced code block (~~~): written as references.
_BLOCK_CHAR = re.compile(r"^(?::|~~~)")


def front_matter(draft: Draft) -> dict:
    """The front-matter mapping: empty fields left out, status always draft."""
    fields = {"title": draft.title, "date": draft.date, "lang": draft.lang,
              "summary": draft.summary, "category": draft.category}
    fields["dateline"] = {"city": draft.dateline} if draft.dateline else None
    fields["source"] = _some(name=draft.source_name, url=draft.source_url, agency=draft.source_agency)
    image = _some(url=draft.image_url, caption=draft.image_caption, credit=draft.image_credit)
    fields["image"] = _Block(image) if image else None
    fields["authors"] = list(draft.authors)
    fields["status"] = "draft"
    return {key: value for key, value in fields.items() if value}


def render_markdown(draft: Draft) -> str:
    """The whole article file: front-matter in block style, small mappings and lists inline."""
    head = yaml.dump(_Block(front_matter(draft)), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=1 << 20, default_flow_style=None)
    paragraphs = [markdown_text(p) for p in draft.body]
    if draft.link_back and web_url(draft.source_url):   # the only Markdown the importer writes itself
        paragraphs.append(f"{_SOURCE_LINE[draft.lang]}: <{draft.source_url}>")
    body = "\n\n".join(paragraphs)
    return f"---\n{head}---\n\n{body}\n"


def markdown_text(paragraph: str) -> str:
    """A paragraph of plain text as Markdown that renders back to exactly that text, and nothing live."""
    text = _INLINE.sub(lambda m: _ENTITY.get(m.group(), "\\" + m.group()), paragraph)
    text = _BLOCK_CHAR.sub(lambda m: f"&#{ord(m.group()[0])};" + m.group()[1:], text)
    return _MARKER.sub(lambda m: (m.group(1) or "") + "\\", text, count=1)


def _some(**values: str) -> dict | None:
    return {key: value for key, value in values.items() if value} or None
