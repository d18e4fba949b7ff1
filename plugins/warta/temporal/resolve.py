"""Date arithmetic that turns what a phrase says into a (value, precision) pair.

All functions take the publication day (a ``date`` in the article's own zone). They may raise
``ValueError``/``OverflowError`` near the ends of the calendar; extract.py drops such phrases.
"""

from __future__ import annotations

from datetime import date, timedelta

FAR_AHEAD = timedelta(days=90)  # a no-year day this far after publication without a future cue was last year
FAR_AHEAD_MONTHS = 3
HALF_YEAR = 183  # days: how far a weekday may move a no-year date to the neighbouring year


def iso(value: date, precision: str) -> str:
    if precision == "day":
        return value.isoformat()
    if precision == "week":
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return f"{value.year:04d}"


def add_months(day: date, months: int) -> date:
    """First day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def shift(pub: date, unit: str, n: int) -> date:
    """The period ``n`` units away from the publication day (negative = before), as its first day."""
    if unit == "day":
        return pub + timedelta(days=n)
    if unit == "week":
        return week_start(pub) + timedelta(weeks=n)
    if unit == "month":
        return add_months(pub, n)
    return date(pub.year + n, 1, 1)


def period_start(value: date, precision: str) -> date:
    """The first day of the period of ``precision`` holding ``value``."""
    if precision == "day":
        return value
    if precision == "week":
        return week_start(value)
    if precision == "month":
        return value.replace(day=1)
    return date(value.year, 1, 1)


def day_without_year(pub: date, month: int, day: int, future: bool, weekday: int | None = None) -> date:
    """A day named without a year: publication year, moved one year when tense or a weekday says so.

    Tense first: in a future sentence a day before publication is next year's; outside one, a day more than
    FAR_AHEAD after publication is last year's. A weekday given with the date (``Senin (6/1)``) that the
    result does not fall on picks the neighbouring year instead when that one is within half a year of
    publication and agrees; otherwise the date stands (the caller reports the mismatch).
    """
    candidates = []
    for year in (pub.year, pub.year - 1, pub.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError("no such day")
    value = candidates[0]
    if value.year != pub.year:  # 29 February outside a leap year: nearest valid year
        value = min(candidates, key=lambda c: abs((c - pub).days))
    elif future and value < pub:
        value = value.replace(year=value.year + 1)
    elif not future and value > pub + FAR_AHEAD:
        value = value.replace(year=value.year - 1)
    if weekday is not None and value.weekday() != weekday:
        for other in candidates:
            if other.weekday() == weekday and abs((other - pub).days) <= HALF_YEAR:
                return other
    return value


def month_without_year(pub: date, month: int, future: bool) -> date:
    """A month named without a year, with the same tense rule as days (FAR_AHEAD_MONTHS)."""
    value = date(pub.year, month, 1)
    if future and month < pub.month:
        return value.replace(year=pub.year + 1)
    if not future and month > pub.month + FAR_AHEAD_MONTHS:
        return value.replace(year=pub.year - 1)
    return value


def month_relative(pub: date, month: int, direction: int) -> date:
    """The named month strictly before (-1) or after (+1) the publication month, or in its year (0)."""
    if direction < 0:
        return date(pub.year - (month >= pub.month), month, 1)
    if direction > 0:
        return date(pub.year + (month <= pub.month), month, 1)
    return date(pub.year, month, 1)


def weekday(pub: date, wd: int, direction: int, future: bool, today_ok: bool = False) -> date:
    """A weekday named alone. direction -1/+1: strictly before/after publication ("Rabu lalu", "next
    Monday"); 0: the latest on or before publication, or the next after it in a future sentence (the
    publication day itself when ``today_ok``: "will speak later Tuesday", "Kamis malam nanti")."""
    back = (pub.weekday() - wd) % 7
    if direction < 0:
        return pub - timedelta(days=back or 7)
    if direction > 0:
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    if future:
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or (0 if today_ok else 7))
    return pub - timedelta(days=back)
