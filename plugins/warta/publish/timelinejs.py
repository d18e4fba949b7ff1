"""TimelineJS3 documents for a story's or an entity's timeline (pure)."""

from __future__ import annotations

import hashlib
from html import escape

from warta.publish.export import link

WEEK_PRECISION = "week"


def start_date(item) -> dict:
    """Only the date parts the precision allows, as numbers (``item``: anything with value, precision, iso)."""
    value = item.value
    parts = {"year": value.year}
    if item.precision in ("month", "day", WEEK_PRECISION):
        parts["month"] = value.month
    if item.precision == "day":
        parts["day"] = value.day
    if item.precision == WEEK_PRECISION:
        parts["display_date"] = item.iso
    return parts


def document(title: str, summary: str, items, oldest_first, site_url: str, sources_shown: int = 5) -> dict:
    """``items`` are merged timeline items (oldest or newest first; TimelineJS sorts by date); each links its first
    ``sources_shown`` source articles (``oldest_first(item)``: its records, oldest first)."""
    events, seen = [], set()
    for item in items:
        sources = oldest_first(item)
        if not sources:
            continue
        first = sources[0]
        links = " ".join(f'<a href="{escape(link(site_url, r.url))}">{escape(r.title)}</a>' for r in sources[:sources_shown])
        span = f"{item.iso}/{item.end.iso}" if item.end else item.iso
        unique = "e-" + hashlib.sha1(f"{span}|{item.sentence}|{'|'.join(item.sources)}".encode()).hexdigest()[:12]
        while unique in seen:
            unique += "x"
        seen.add(unique)
        event = {
            "start_date": start_date(item),
            **({"end_date": start_date(item.end)} if item.end else {}),
            "text": {"headline": escape(first.title), "text": f"<p>{escape(item.sentence)}</p><p>{links}</p>"},
            "group": first.category,
            "unique_id": unique,
        }
        image = first.image
        if image is not None and image.url:
            event["media"] = {"url": image.url, "caption": escape(image.caption or ""), "credit": escape(image.credit or "")}
        events.append(event)
    return {"title": {"text": {"headline": escape(title), "text": f"<p>{escape(summary or '')}</p>"}},
            "events": events}
