"""Dates for readers, formatted with Babel's locale data (never setlocale)."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time, get_date_format

# Indonesia's three zones by UTC offset; Babel names them WIB, WITA and WIT.
_INDONESIAN_ZONES = {
    timedelta(hours=7): ZoneInfo("Asia/Jakarta"),
    timedelta(hours=8): ZoneInfo("Asia/Makassar"),
    timedelta(hours=9): ZoneInfo("Asia/Jayapura"),
}


def zone_label(value: datetime) -> str:
    """WIB / WITA / WIT for Indonesian offsets, else Babel's short zone (e.g. +0900, GMT)."""
    zone = _INDONESIAN_ZONES.get(value.utcoffset())
    if zone is not None:
        return format_datetime(value, "z", tzinfo=zone, locale="id")
    return format_datetime(value, "ZZZZ", tzinfo=value.tzinfo, locale="en")


def long_datetime(value: datetime, lang: str) -> str:
    """'Kamis, 14 September 2023 15.56 WIB' / 'Thursday, September 14, 2023, 3:56 PM WIB'."""
    day = long_day(value, lang)
    clock = format_time(value, "short", tzinfo=value.tzinfo, locale=lang)
    joiner = ", " if lang == "en" else " "
    return f"{day}{joiner}{clock} {zone_label(value)}"


def long_day(value, lang: str) -> str:
    """'Kamis, 14 September 2023' / 'Thursday, September 14, 2023' for a day (an edition)."""
    return format_date(value, _full_date(lang), locale=lang)


@lru_cache(maxsize=8)
def _full_date(lang: str) -> str:
    """The locale's full date without a zero before the day: newspapers write 'Kamis, 5 Desember', not '05'."""
    return get_date_format("full", locale=lang).pattern.replace("dd", "d")


def short_date(value: datetime, lang: str) -> str:
    """'14 Sep 2023' style date for lists."""
    return format_date(value, "medium", locale=lang)


@lru_cache(maxsize=4096)
def month_year(year: int, month: int | None, lang: str) -> str:
    """'September 2023' (or just '2023') for timeline headings."""
    if month is None:
        return str(year)
    return format_date(datetime(year, month, 1), "LLLL y", locale=lang)


@lru_cache(maxsize=8192)
def event_date(value, precision: str, lang: str, week: str = "Week {week}, {year}") -> str:
    """A timeline date at its precision: '13 September 2023', 'September 2023', 'Week 37, 2023', '2023'.

    ``week`` is the week pattern already translated (the theme's catalogue has 'Pekan {week}, {year}')."""
    if precision == "day":
        return format_date(value, "long", locale=lang)
    if precision == "month":
        return month_year(value.year, value.month, lang)
    if precision == "week":
        year, number, _ = value.isocalendar()
        return week.format(week=number, year=year)
    return str(value.year)
