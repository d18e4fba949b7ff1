"""The publication-time line of a copied news page, e.g. ``Kamis 14 Sep 2023 15:56 WIB``.

Month and weekday names (wide and abbreviated, Indonesian and English) come from Babel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from babel.dates import get_day_names, get_month_names

ZONES = {"WIB": 7, "WITA": 8, "WIT": 9, "UTC": 0, "GMT": 0}
DEFAULT_ZONE = "WIB"
EXAMPLES = "'Kamis 14 Sep 2023 15:56 WIB', 'Senin, 2 Oktober 2023 | 10:15 WIB' or '14/09/2023, 15:56 WIB'"


def _names(getter) -> dict[str, int]:
    return {name.lower(): key for locale in ("id", "en") for width in ("wide", "abbreviated")
            for key, name in getter(width, locale=locale).items()}


MONTHS = _names(get_month_names)   # name -> 1..12
WEEKDAYS = _names(get_day_names)   # name -> 0 (Monday) .. 6


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# "Sept" and the like: a prefix of a wide month name (from Babel) is accepted as an abbreviation.
MONTH_NAME = _alternation({name[:n] for name in MONTHS for n in range(3, len(name) + 1)})
_DAY = _alternation(WEEKDAYS)
_PREFIX = r"""(?:(?P<outlet>[A-Za-z][\w.]*(?:\ [A-Z][\w.]*){0,2})\s*[-–—|]\s*)?
    (?:(?:last\ updated|updated|published|posted|diperbarui|diterbitkan|dipublikasikan|terbit|tayang|dimuat)
       (?:\s+(?:on|pada))?\s*:?\s+)?
    (?:(?P<weekday>""" + _DAY + r""")\.?,?\s+)?"""
_DATE = rf"""(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon1>{MONTH_NAME})\.?,?\s+(?P<y1>\d{{4}}|\d{{2}})
      |(?P<mon2>{MONTH_NAME})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})
      |(?P<d3>\d{{1,2}})(?P<sep>[/.-])(?P<m3>\d{{1,2}})(?P=sep)(?P<y3>\d{{4}})
      |(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}}))"""
_TIME = r"""(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?(?:\s*(?P<ampm>[ap])\.?m\.?)?
    (?:\s*(?P<zone>WITA|WIT|WIB|UTC|GMT)(?P<offset>[+-]\d{1,2}(?::?\d{2})?)?)?"""
_SEP = r"\s*(?:[,|/\-–—]\s*)?(?:(?:pukul|jam|at)\s+)?"
_LINES = [re.compile(_PREFIX + _DATE + _SEP + _TIME, re.IGNORECASE | re.VERBOSE),
          # time first: "Updated 3:45 AM GMT+7, September 13, 2023"
          re.compile(_PREFIX + _TIME + r"\s*(?:[,|\-–—]\s*)?" + _DATE, re.IGNORECASE | re.VERBOSE)]
# "Published ... | Updated ...": only the first time is read.
_SECOND_STAMP = re.compile(r"\s*[|·•]\s*(?:last updated|updated|diperbarui)\b.*", re.IGNORECASE)


@dataclass(frozen=True)
class Stamp:
    when: datetime
    notes: tuple[str, ...]
    outlet: str = ""    # "Kompas.com" in "Kompas.com - 14/09/2023, 15:56 WIB"


def parse_stamp(line: str) -> Stamp | str | None:
    """A Stamp for a date line, an error message for an impossible date, None for any other line."""
    text = _SECOND_STAMP.sub("", line.strip())
    found = next((m for pattern in _LINES if (m := pattern.fullmatch(text))), None)
    if not found:
        return None
    g = found.groupdict()
    day, year = int(g["d1"] or g["d2"] or g["d3"] or g["d4"]), int(g["y1"] or g["y2"] or g["y3"] or g["y4"])
    year += 2000 if year < 100 else 0    # "02 Okt 23"
    name = (g["mon1"] or g["mon2"] or "").lower()
    month = int(g["m3"] or g["m4"]) if not name else MONTHS.get(name) or _month_of_prefix(name)
    hour, minute = int(g["hour"]), int(g["minute"])
    if g["ampm"]:
        if hour > 12:
            return f"impossible time in {line.strip()!r}"
        hour = hour % 12 + (12 if g["ampm"].lower() == "p" else 0)
    notes = []
    zone = (g["zone"] or "").upper()
    if not zone:
        zone = DEFAULT_ZONE
        notes.append(f"no time zone given: assumed {DEFAULT_ZONE} (+07:00)")
    offset = timedelta(hours=ZONES[zone])
    if g["offset"]:
        sign = -1 if g["offset"][0] == "-" else 1
        digits = g["offset"][1:].replace(":", "")
        offset += sign * timedelta(hours=int(digits[:-2] if len(digits) > 2 else digits),
                                   minutes=int(digits[-2:]) if len(digits) > 2 else 0)
    try:
        when = datetime(year, month, day, hour, minute, tzinfo=timezone(offset))
    except ValueError as error:
        return f"impossible date or time in {line.strip()!r} ({error})"
    if g["weekday"] and WEEKDAYS[g["weekday"].lower()] != when.weekday():
        notes.append(f"weekday {g['weekday']!r} does not match {when:%Y-%m-%d}: kept the date")
    return Stamp(when, tuple(notes), g["outlet"] or "")


def _month_of_prefix(prefix: str) -> int:
    return next(number for name, number in MONTHS.items() if name.startswith(prefix))


def parse_iso(raw: str) -> tuple[datetime | None, tuple[str, ...]]:
    """An ISO 8601 time from page metadata; naive or date-only values are placed in WIB, with a note."""
    try:
        when = datetime.fromisoformat(raw.strip())
    except ValueError:
        return None, ()
    notes = []
    if len(raw.strip()) <= 10:
        notes.append(f"date {raw.strip()!r} has no time of day: set 00:00, check it")
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone(timedelta(hours=ZONES[DEFAULT_ZONE])))
        notes.append(f"date {raw.strip()!r} has no time zone: assumed {DEFAULT_ZONE} (+07:00)")
    return when.replace(microsecond=0), tuple(notes)
