"""Embargoes: an article dated after "now" (in the site's zone) is not published until its time.

"Now" is the clock, or ``WARTA_NOW`` (an ISO 8601 date-time; without an offset it is in the site's zone) so that
tests and editors can ask what a build at another moment would publish.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from warta.problems import Problem
from warta.source.frontmatter import SITE_ZONE, parse_date

NOW_VARIABLE = "WARTA_NOW"


def read_now(raw: str | None, clock=None, zone: tzinfo = SITE_ZONE) -> tuple[datetime | None, list[Problem]]:
    """The moment a build publishes at: ``raw`` when given (naive: in ``zone``), else ``clock()``."""
    if not raw:
        return (clock() if clock else datetime.now(zone)), []
    value, problems = parse_date(raw, NOW_VARIABLE, None, NOW_VARIABLE)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value, problems


def is_embargoed(date: datetime, status: str, now: datetime) -> bool:
    return status == "published" and date > now


def summary(dates: list[datetime]) -> str:
    """``"2 embargoed until 2025-01-02T08:00:00+07:00 (the next; the last 2025-02-01T09:00:00+07:00)"``."""
    ordered = sorted(d.astimezone(SITE_ZONE) for d in dates)
    text = f"{len(ordered)} embargoed until {ordered[0].isoformat()}"
    if len(ordered) > 1 and ordered[-1] != ordered[0]:
        text += f" (the next; the last {ordered[-1].isoformat()})"
    return text
