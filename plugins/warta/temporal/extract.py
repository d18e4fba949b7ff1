"""Find dated expressions in Indonesian or English text and resolve them against publication time."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from warta.temporal import resolve, sentences
from warta.temporal.lexicon import LEXICONS, Lexicon
from warta.temporal.patterns import COMBINED, CUES

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class TimeExpr:
    phrase: str  # == text[start:end]
    start: int
    end: int
    value: date  # first day of the period
    precision: str  # day | week | month | year
    iso: str  # 2023-09-13 | 2023-W37 | 2023-09 | 2023
    end_value: date | None = None  # a range's last period ("10-12 Maret": 12 March), else None
    end_precision: str = ""
    end_iso: str = ""
    cue: str = ""  # the tense cue that decided the year or the weekday ("akan", "said"), for review
    anchor: tuple[int, int] | None = None  # span of the expression an anchored date counts from
    weekday_written: str = ""  # the weekday named with a date it does not fall on ("Jumat (19/5/2024)")


@dataclass(frozen=True)
class Found:
    """What a handler resolved; extract() turns it into a TimeExpr."""
    value: date
    precision: str
    end_value: date | None = None
    end_precision: str = ""
    anchor: tuple[int, int] | None = None
    weekday_written: str = ""


_LAW_NUMBER = re.compile(r"(?i)(?:\b(?:no|nomor|nomer|nr|number)\.?\s*|\d\s*)$")
_NUMBER_MARK = re.compile(r"(?i)\b(?:no|nomor|nomer|nr|number)\.?\s*$")
_YEAR_LINK = re.compile(r",?[ \t]+(?:and|or|to|dan|atau|hingga|sampai)[ \t]+")  # "in 2014 and 2019"
_REPORT_END = re.compile(r",[ \t]*$")
_SENTENCE_END = re.compile(r"[ \t]*(?:[.,;:()]|$)")
_EN_WEEKDAY_PREPS = frozenset(LEXICONS["en"].month_preps + ("on", "last", "next", "this", "that", "later", "earlier"))
_PUNCTUATION = re.compile(r"[.,;:!?()]")
_BEFORE_SUNDAY = frozenset(("hari", "pada", "dijadwalkan", "rencananya", "diagendakan", "sejak", "hingga", "sampai",
                            "mulai"))
_DAY_PART = re.compile(r"[ \t]+(?:pagi|siang|sore|malam|dini[ \t]+hari)(?!\w)")


def _prev_word(text: str, start: int) -> str:
    """The word just before ``start``, past spaces and an optional full stop, looking 30 characters back.

    Exactly group 1 of ``([^\\W\\d_]+)\\.?[ \\t\\u00a0]+$`` searched in ``text[start - 30:start]``, but walked
    backwards from ``start`` rather than tried at every position of the window.
    """
    low = max(0, start - 30)
    end = start - 1 if start > low and text[start - 1] == "\n" else start  # $ also matches before a last \n
    gap = end
    while gap > low and text[gap - 1] in " \t\u00a0":
        gap -= 1
    if gap == end:
        return ""
    stop = gap - 1 if gap > low and text[gap - 1] == "." else gap
    first = stop
    while first > low and text[first - 1].isalnum() and not text[first - 1].isdecimal():  # [^\W\d_]
        first -= 1
    return text[first:stop]


class _Context:
    """What the handlers need about one call: text, language, publication day, lazy sentence spans, and the
    span of the match at hand (start, end)."""

    def __init__(self, text: str, lang: str, published: datetime):
        self.text, self.lx, self.lang, self.pub = text, LEXICONS[lang], lang, published.date()
        self.published = published
        self.sentences = sentences.Paragraphs(text, lang)
        self._cues: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
        self.previous: TimeExpr | None = None  # the last expression found so far
        self.found: list[TimeExpr] = []
        self.cue = ""  # the cue the last tense decision rested on

    def prev_word(self, start: int) -> str:
        return _prev_word(self.text, start).lower()

    def future(self, start: int, end: int) -> bool:
        """Tense of the phrase: the nearest tense cue before it in its sentence, else the first one after it
        in its own clause ("won the Feb. 14 vote and will serve" stays past). Sets ``self.cue``."""
        span = self.sentences.sentence(start)
        cues = self._cues.get(span)
        if cues is None:  # (position, kind, words) of each cue, found once per sentence
            cues = self._cues[span] = self._find_cues(*span)
        kind = word = None
        for pos, k, w in cues:
            if pos >= start:
                break
            if k != "clause":
                kind, word = k, w
        if kind is None:
            for pos, k, w in cues:
                if pos >= end:
                    if k != "clause":
                        kind, word = k, w
                    break
        self.cue = " ".join(word.lower().split()) if word else ""
        return kind == "future"

    def _find_cues(self, start: int, end: int) -> list[tuple[int, str, str]]:
        """Tense cues in a span; a past cue up to two words after a future one belongs to it ("akan
        mengumumkan", "will be held")."""
        out: list[tuple[int, str, str]] = []
        last_end, last_kind = -1, None
        for c in CUES[self.lang].finditer(self.text, start, end):
            pos, kind = c.start(c.lastindex), c.lastgroup
            between = self.text[last_end:pos]
            if not (kind == "past" and last_kind == "future" and len(between.split()) <= 2
                    and not _PUNCTUATION.search(between)):
                out.append((pos, kind, c.group(c.lastindex)))
                last_kind = kind
            last_end = c.end()
        return out

    def anchor(self, start: int, root: bool = False) -> TimeExpr | None:
        """The nearest expression before ``start`` in the same or the previous sentence; with ``root``, when
        that one is itself anchored, the date it counts from (a story's counts all start at its event)."""
        if not self.found:
            return None
        s, _ = self.sentences.sentence(start)
        low = s
        back = s - 1
        while back > 0 and self.text[back - 1].isspace():
            back -= 1
        if back > 0:
            low = self.sentences.sentence(back - 1)[0]
        last = self.found[-1]
        if last.start < low:
            return None
        while root and last.anchor:
            last = next(x for x in self.found if (x.start, x.end) == last.anchor)
        return last


def extract(text: str, lang: str, published: datetime) -> list[TimeExpr]:
    """Dated expressions in ``text`` sorted by start, non-overlapping, resolved in published's own zone."""
    lang = lang if lang in LEXICONS else "id"
    ctx = _Context(text, lang, published)
    out = ctx.found
    for m in COMBINED[lang].finditer(text):
        ctx.start, ctx.end, ctx.cue = m.start(m.lastindex), m.end(), ""
        try:
            found = _HANDLERS[m.lastgroup[2:]](m, ctx)
            if found and not isinstance(found, Found):
                found = Found(*found)
            if found and found.end_value is not None and found.end_value <= found.value:
                found = Found(found.value, found.precision, None, "", found.anchor, found.weekday_written)
            if found:
                iso = resolve.iso(found.value, found.precision)
                end_iso = resolve.iso(found.end_value, found.end_precision) if found.end_value else ""
        except (ValueError, OverflowError, KeyError):
            # Impossible dates, dates beyond the calendar's ends, or a Unicode look-alike that matched a
            # case-insensitive word ("ſetahun") but is not in our tables: not a date.
            found = None
        if found:
            expr = TimeExpr(text[ctx.start:ctx.end], ctx.start, ctx.end, found.value, found.precision,
                            iso, found.end_value, found.end_precision, end_iso, ctx.cue, found.anchor,
                            found.weekday_written)
            joined = _join(ctx, out[-1], expr) if out else None
            if joined:
                out[-1] = joined
            else:
                before, after = _siblings(ctx, expr, out[-1].end if out else 0)
                out.extend((*before, expr, *after))
            ctx.previous = out[-1]
    return out


_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
_CONNECTOR = {
    "id": re.compile(r"\s*(?:[-–]|s\.\s?d\.?|s/d|(?i:sampai(?:\s+dengan)?|hingga))\s*"),
    "en": re.compile(r"\s*(?:[-–]|(?i:to|through|until|till))\s*"),
}
_WEEK_AFTER = re.compile(r"[ \t]+(?:(?:pagi|siang|sore|malam|dini[ \t]+hari|morning|afternoon|evening|night)[ \t]+)?"
                         r"(?:of[ \t]+)?")
_YEAR_AFTER = re.compile(r"(?i)[ \t,]*(?:tahun\s+(?:lalu|ini|depan)|(?:last|this|next)\s+year)")


def _join(ctx, first: TimeExpr, second: TimeExpr) -> TimeExpr | None:
    """Two expressions that read as one: ``28 November 2023 hingga 10 Februari 2024`` (a range of two full
    dates) and ``7-9 Oktober tahun lalu`` (a day or month and the relative year that follows it)."""
    if first.anchor or second.anchor or first.precision not in ("day", "month", "year"):
        return None
    gap = ctx.text[first.end:second.start]
    weekday = ctx.lx.weekdays_full.get(first.phrase)
    if weekday is not None and second.precision == "week" and _WEEK_AFTER.fullmatch(gap):
        value = second.value + timedelta(days=weekday)  # "Jumat pagi pekan lalu": Friday of last week
        return replace(first, phrase=ctx.text[first.start:second.end], end=second.end, value=value,
                       iso=resolve.iso(value, "day"), cue="")
    phrase = ctx.text[first.start:second.end]
    explicit = bool(_HAS_YEAR.search(first.phrase))
    if second.precision == "year" and not explicit and first.precision != "year" and not _HAS_YEAR.search(
            second.phrase) and _YEAR_AFTER.fullmatch(ctx.text, first.end, second.end):
        year = second.value.year
        shift = year - (first.end_value or first.value).year
        value = _year_shifted(first.value, shift)
        end = _year_shifted(first.end_value, shift) if first.end_value else None
        return replace(first, phrase=phrase, end=second.end, value=value, iso=resolve.iso(value, first.precision),
                       end_value=end, end_iso=resolve.iso(end, first.end_precision) if end else "")
    if (first.end_value or second.end_value or first.precision != second.precision
            or not _CONNECTOR[ctx.lang].fullmatch(gap) or not _HAS_YEAR.search(second.phrase)
            or not explicit or second.value <= first.value):
        return None
    return replace(first, phrase=phrase, end=second.end, end_value=second.value, end_precision=second.precision,
                   end_iso=second.iso)


_DAY_BEFORE = re.compile(r"(?<![\d.,/-])(3[01]|[12]\d|0?[1-9])[ \t]*(?:,|dan|atau|and|or|&)[ \t]*$")
_DAY_AFTER = re.compile(r"[ \t]*(?:,|dan|atau|and|or|&)[ \t]*(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w/%-]|[.,]\d|[ \t]+[a-z(])")


def _siblings(ctx, expr: TimeExpr, free: int) -> tuple[list[TimeExpr], list[TimeExpr]]:
    """Days sharing a month with a lone day: ``10 dan 11 Maret`` (the 10th before), ``June 4 and 5``
    (the 5th after); each is its own event in the same month and year."""
    if expr.precision != "day" or expr.end_value or expr.anchor or not expr.phrase[:1].isalnum():
        return [], []
    before, after = [], []
    if expr.phrase[0].isdigit():
        start = expr.start
        while m := _DAY_BEFORE.search(ctx.text, max(free, start - 12), start):  # "3, 4 dan 5 Juni"
            before.insert(0, _sibling(ctx, expr, m, -1))
            start = m.start(1)
    else:
        m = _DAY_AFTER.match(ctx.text, expr.end)
        if m and ctx.lang == "en":
            after.append(_sibling(ctx, expr, m, 1))
    return [b for b in before if b], [a for a in after if a]


def _sibling(ctx, expr: TimeExpr, m, direction: int) -> TimeExpr | None:
    try:
        value = expr.value.replace(day=int(m.group(1)))
    except ValueError:
        return None
    if (value - expr.value).days * direction <= 0:
        return None
    return TimeExpr(m.group(1), m.start(1), m.end(1), value, "day", value.isoformat(), cue=expr.cue)


def _year_shifted(value: date, years: int) -> date:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def _month(lx: Lexicon, name: str) -> int:
    name = name.rstrip(".")
    return lx.months_full.get(name) or lx.months_abbr[name]


def _weekday(lx: Lexicon, name: str | None) -> int | None:
    if not name:
        return None
    name = name.rstrip(".")
    return lx.weekdays_full.get(name, lx.weekdays_abbr.get(name))


def _day(m, ctx, year: str | None, month: int, day: int, wd: str | None) -> Found:
    """A day with or without a year; a weekday written with it that the day does not fall on is kept
    in ``weekday_written`` (the numbers win)."""
    weekday = _weekday(ctx.lx, wd)
    if year:
        value = date(int(year), month, day)
    else:
        future = ctx.future(ctx.start, ctx.end)
        value = resolve.day_without_year(ctx.pub, month, day, future, weekday)
    mismatch = wd.rstrip(".") if weekday is not None and value.weekday() != weekday else ""
    return Found(value, "day", weekday_written=mismatch)


def _day_range(m, ctx, year, month, day, wd, end_month, end_day) -> Found:
    """``10-12 Maret``, ``June 30-July 2``: a written year belongs to the end (a start after the end lies in
    the year before); without one the start is resolved like a lone day and the end is the next such day.
    ``2-1 Juni`` (an end before its start in one month) is a score, not a range."""
    if end_month == month and end_day <= day:
        return None
    if year:
        end = date(int(year), end_month, end_day)
        start = date(end.year, month, day)
        if start > end:
            start = date(end.year - 1, month, day)
    else:
        start = _day(m, ctx, None, month, day, None).value
        end = date(start.year, end_month, end_day)
        if end < start:
            end = date(start.year + 1, end_month, end_day)
    weekday = _weekday(ctx.lx, wd)
    mismatch = wd.rstrip(".") if weekday is not None and start.weekday() != weekday else ""
    return Found(start, "day", end, "day", weekday_written=mismatch)


def _wdnum(m, ctx):
    if _NUMBER_MARK.search(ctx.text, max(0, ctx.start - 12), ctx.start):
        return None
    g = m.group
    return _day(m, ctx, g("wdnum_y"), int(g("wdnum_m")), int(g("wdnum_d")), g("wdnum_wd"))


def _text(m, ctx):
    g, lx = m.group, ctx.lx
    wd = g("text_wd")
    if g("text_mone"):  # 10-12 Maret
        return _day_range(m, ctx, g("text_y"), _month(lx, g("text_mone")), int(g("text_d")), wd,
                          _month(lx, g("text_mone")), int(g("text_de")))
    if g("text_mon"):
        month = _month(lx, g("text_mon"))
        if g("text_mone2"):  # 10 Maret - 12 April
            return _day_range(m, ctx, g("text_y"), month, int(g("text_d")), wd, _month(lx, g("text_mone2")),
                              int(g("text_de2")))
        return _day(m, ctx, g("text_y"), month, int(g("text_d")), wd)
    month = _month(lx, g("text_mon2"))
    if g("text_de3"):  # Oct. 7-9, June 30-July 2
        end_month = _month(lx, g("text_mone3")) if g("text_mone3") else month
        return _day_range(m, ctx, g("text_y2"), month, int(g("text_d2")), wd, end_month, int(g("text_de3")))
    return _day(m, ctx, g("text_y2"), month, int(g("text_d2")), wd)


def _between(m, ctx):
    g, lx = m.group, ctx.lx
    if g("between_yy"):
        return Found(date(int(g("between_yy")), 1, 1), "year", date(int(g("between_ye")), 1, 1), "year")
    month = _month(lx, g("between_mon") or g("between_mon2"))
    day = int(g("between_d") or g("between_d2"))
    end_month_name = g("between_mone") or g("between_mone2")
    end_month = _month(lx, end_month_name) if end_month_name else month
    return _day_range(m, ctx, g("between_y"), month, day, None, end_month,
                      int(g("between_de") or g("between_de2")))

def _numdate(m, ctx):
    if _NUMBER_MARK.search(ctx.text, max(0, ctx.start - 12), ctx.start):
        return None
    a, b, year = int(m.group("numdate_a")), int(m.group("numdate_b")), int(m.group("numdate_y"))
    # Day first in both languages; English text falls back to month first when day-first is impossible.
    try:
        return date(year, b, a), "day"
    except ValueError:
        if ctx.lang != "en":
            raise
        return date(year, a, b), "day"


def _iso(m, ctx):
    return date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))), "day"


def _ago(m, ctx):
    n = m.group("ago_n")
    count = 1 if m.group("ago_se") else int(n) if n.isdigit() else ctx.lx.numbers[n.lower()]
    unit = ctx.lx.units[m.group("ago_unit").lower()]
    return resolve.shift(ctx.pub, unit, -count), unit


def _monyear(m, ctx):
    year = int(m.group("monyear_y"))
    if m.group("monyear_mone"):  # Maret-Mei 2024
        end = date(year, _month(ctx.lx, m.group("monyear_mone")), 1)
        start = date(year, _month(ctx.lx, m.group("monyear_mon")), 1)
        return Found(start if start < end else start.replace(year=year - 1), "month", end, "month")
    return date(year, _month(ctx.lx, m.group("monyear_mon")), 1), "month"


def _direction(lx: Lexicon, word: str) -> int:
    word = word.lower()
    return -1 if word in lx.past_rel else 1 if word in lx.next_rel else 0


def _monrel(m, ctx):
    month = _month(ctx.lx, m.group("monrel_mon"))
    return resolve.month_relative(ctx.pub, month, _direction(ctx.lx, m.group("monrel_rel"))), "month"


def _monyrel(m, ctx):
    year = ctx.pub.year + _direction(ctx.lx, m.group("monyrel_rel"))
    return date(year, _month(ctx.lx, m.group("monyrel_mon")), 1), "month"


def _wdrel(m, ctx):
    name, rel = m.group("wdrel_wd"), m.group("wdrel_rel")
    direction = _direction(ctx.lx, rel)
    if ctx.lang == "id" and name == "Minggu" and ctx.prev_word(ctx.start) != "hari":
        return resolve.shift(ctx.pub, "week", direction), "week"  # "Minggu lalu" = last week
    future = direction == 0 and ctx.future(ctx.start, ctx.end)
    return resolve.weekday(ctx.pub, ctx.lx.weekdays_full[name], direction, future), "day"


_WORDS = {"kemarin": -1, "hari ini": 0, "besok": 1, "lusa": 2, "yesterday": -1, "today": 0, "tomorrow": 1}


def _rel(m, ctx):
    word = m.group("rel_word")
    if word:
        return resolve.shift(ctx.pub, "day", _WORDS[" ".join(word.lower().split())]), "day"
    unit_word, rel = m.group("rel_unit").lower(), m.group("rel_rel")
    prev = ctx.prev_word(ctx.start)
    if prev in ("the", "its", "his", "her", "their", "our", "a") or unit_word in ("day", "days"):
        # "over the next year", "the last week of May", "its last day": durations and parts, not periods
        return None
    direction = _direction(ctx.lx, rel)
    if unit_word == "minggu" and prev == "hari":  # "hari minggu lalu" = last Sunday
        future = direction == 0 and ctx.future(ctx.start, ctx.end)
        return resolve.weekday(ctx.pub, 6, direction, future), "day"
    unit = ctx.lx.units[unit_word]
    return resolve.shift(ctx.pub, unit, direction), unit


def _yearkw(m, ctx):
    if _LAW_NUMBER.search(ctx.text, max(0, ctx.start - 16), ctx.start):
        return None  # UU Nomor 7 Tahun 2017, PP 25 Tahun 2020
    return _years(m.group("yearkw_y"), m.group("yearkw_ye"))


def _years(first: str, last: str | None):
    start = date(int(first), 1, 1)
    return Found(start, "year", date(int(last), 1, 1) if last else None, "year" if last else "")


def _mon(m, ctx):
    prev = ctx.prev_word(ctx.start)
    mid = ctx.text[max(0, ctx.start - 4):ctx.start].lower() == "mid-"
    last = ctx.previous
    linked = last and last.precision == "month" and _YEAR_LINK.fullmatch(ctx.text, last.end, ctx.start)
    if prev not in ctx.lx.month_preps and not mid and not linked:  # "in June and July"
        return None
    future = ctx.future(ctx.start, ctx.end)
    return resolve.month_without_year(ctx.pub, _month(ctx.lx, m.group("mon_mon")), future), "month"


def _wd(m, ctx):
    name, start, text = m.group("wd_wd"), ctx.start, ctx.text
    if ctx.prev_word(start) in ("setiap", "tiap", "saban", "every", "each"):
        return None  # a weekly habit, not a day
    if ctx.lang == "id" and name == "Minggu":
        # Capitalised "Minggu" is Sunday after "hari"/"pada", or as a trailing "kata dia, Minggu.";
        # elsewhere it is too often "week" at a sentence start.
        trailing = _REPORT_END.search(text, max(0, start - 3), start) and _SENTENCE_END.match(text, ctx.end)
        if ctx.prev_word(start) not in _BEFORE_SUNDAY and not trailing and not _DAY_PART.match(text, ctx.end):
            return None
    if ctx.lang == "en":  # Black Friday, Super Tuesday: a capitalised word other than a preposition
        prev = _prev_word(text, start)
        if prev and prev[0].isupper() and prev.lower() not in _EN_WEEKDAY_PREPS:
            return None
    future = ctx.future(start, ctx.end)
    # English wires name today by its weekday ("will speak later Tuesday"); Indonesian copy says "hari ini"
    # unless a part of the day follows ("Kamis malam").
    today_ok = ctx.lang == "en" or bool(_DAY_PART.match(text, ctx.end))
    return resolve.weekday(ctx.pub, ctx.lx.weekdays_full[name], 0, future, today_ok), "day"


def _year(m, ctx):
    start, text = ctx.start, ctx.text
    if not m.group("year_mid"):
        if start and text[start - 1] == "-":
            return None
        prev = ctx.previous
        linked = prev and prev.precision == "year" and _YEAR_LINK.fullmatch(text, prev.end, start)
        # "2015 hingga 2022", "2015 to 2022" need no word in front; "2019-2024" does ("periode 2019-2024")
        spanned = m.group("year_ye") and m.group("year_to").strip() not in ("-", "–")
        if ctx.prev_word(start) not in ctx.lx.year_preps and not linked and not spanned:
            return None
    return _years(m.group("year_y"), m.group("year_ye"))


_ANCHOR_UNITS = {"morning": "day", "afternoon": "day", "evening": "day", "night": "day"}
_FORWARD = ("kemudian", "setelahnya", "sesudahnya", "berikutnya", "setelah", "sesudah", "later", "afterwards", "after",
            "next", "following")


def _counted(ctx, anchor: TimeExpr, unit: str, n: int):
    """``n`` units from the anchor (its end when counting forward), at the coarser of the two precisions;
    weeks from a day count as seven days ("seminggu setelahnya" of 2 March is 9 March)."""
    base, precision = anchor.value, anchor.precision
    if n > 0 and anchor.end_value is not None:
        base, precision = anchor.end_value, anchor.end_precision
    if unit == "week" and precision == "day":
        unit, n = "day", 7 * n
    coarser = max(unit, precision, key=PRECISION_RANK.__getitem__)
    value = resolve.shift(base, unit, n)
    return Found(resolve.period_start(value, coarser), coarser, anchor=(anchor.start, anchor.end))


def _anc(m, ctx):
    """Dates counted from a date before them (same or previous sentence): ``dua hari kemudian``,
    ``keesokan harinya``, ``di hari yang sama``, ``a week earlier``, ``the next morning``, ``that same night``.

    "Same" and forward counts continue from the nearest date (the story moves on); backward counts look back
    from the date the nearest one itself counts from (back-story is told from the event)."""
    g = m.groupdict().get
    if g("anc_same"):
        anchor = ctx.anchor(ctx.start)
        return anchor and Found(anchor.value, anchor.precision, anchor=(anchor.start, anchor.end))
    if g("anc_next"):
        unit, n = "day", 1
    elif g("anc_dir3"):
        unit, n = "day", 1 if g("anc_dir3").lower().endswith("after") else -1
    elif g("anc_unit2"):
        if ctx.prev_word(ctx.start) in ("over", "during", "within", "for", "in", "throughout", "selama", "dalam"):
            return None  # "over the next year", "selama bulan berikutnya": durations
        unit_word = g("anc_unit2").lower()
        unit = _ANCHOR_UNITS.get(unit_word) or ctx.lx.units[unit_word]
        n = 1 if g("anc_dir2").lower() in _FORWARD else -1
    else:
        count = g("anc_n")
        count = 1 if g("anc_se") else int(count) if count.isdigit() else ctx.lx.numbers[count.lower()]
        unit = ctx.lx.units[g("anc_unit").lower()]
        n = count if g("anc_dir").lower().split()[0] in _FORWARD else -count
    anchor = ctx.anchor(ctx.start, root=n < 0)
    # "lebih dari empat tahun kemudian" with no date to count from: not a date
    return anchor and _counted(ctx, anchor, unit, n)


NIGHT_ENDS = 18  # "tadi malam"/"semalam" in an article published before 18:00 is the night before


def _tod(m, ctx):
    """Times of day are the day they name: ``sore ini``, ``this morning``, ``tonight`` the publication day;
    ``last night`` and ``semalam`` the day before; ``tadi malam`` the day before unless published from
    NIGHT_ENDS on (then it is the evening just gone)."""
    if m.group("tod_today"):
        return Found(ctx.pub, "day")
    word = " ".join(m.group("tod_night").lower().split())
    if word == "semalam" and ctx.prev_word(ctx.start) in ("selama", "hanya", "cuma", "sehari"):
        return None  # "selama semalam": one night
    back = 1 if word in ("last night", "semalam") or ctx.published.hour < NIGHT_ENDS else 0
    return Found(resolve.shift(ctx.pub, "day", -back), "day")


def _week(m, ctx):
    """``minggu ke-20 tahun 2023``, ``pekan ke-20`` (an ISO week; no year: publication year, or the year
    before when that week is still far ahead), ``week 20 of 2023``. A matchweek (``pekan ke-20 Liga 1``) is not."""
    g = m.groupdict().get
    n = int(g("week_n") or g("week_n2"))
    year = g("week_y") or g("week_y2")
    if year:
        return date.fromisocalendar(int(year), n, 1), "week"
    after = ctx.text[ctx.end:ctx.end + 40]
    if re.match(r"\s*(?:[A-Z]|(?:liga|musim|laga|pertandingan|kompetisi|babak)\b)", after, re.I) and not re.match(
            r"\s*(?:tahun|ini|lalu|\d)", after):
        return None
    value = date.fromisocalendar(ctx.pub.isocalendar()[0], n, 1)
    if not ctx.future(ctx.start, ctx.end) and value > ctx.pub + resolve.FAR_AHEAD:
        value = date.fromisocalendar(ctx.pub.isocalendar()[0] - 1, n, 1)
    return value, "week"


_ORDINALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "pertama": 1, "kedua": 2,
             "ketiga": 3, "keempat": 4, "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
             "3rd": 3, "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4, "1q": 1, "2q": 2, "3q": 3, "4q": 4,
             "h1": 1, "h2": 2}
_YEAR_REL = {"ini": 0, "this": 0, "lalu": -1, "last": -1, "depan": 1, "next": 1}


def _part_of_year(m, ctx, name: str, months: int):
    """A quarter or half of a year as a range of months (``kuartal III 2024``: July to September 2024). No
    year: as a month without a year (its first month), or ``tahun lalu``/``of next year``."""
    g = m.groupdict().get
    word = next(g(f"{name}_{k}") for k in ("n", "w", "q", "h") if g(f"{name}_{k}"))
    index = _ORDINALS[word.lower()]
    first_month = (index - 1) * months + 1
    if g(f"{name}_y"):
        year = int(g(f"{name}_y"))
    elif g(f"{name}_rel"):
        year = ctx.pub.year + _YEAR_REL[g(f"{name}_rel").lower()]
    else:
        future = ctx.future(ctx.start, ctx.end)  # a future quarter may be the one under way
        year = resolve.month_without_year(ctx.pub, first_month + (months - 1) * future, future).year
    return Found(date(year, first_month, 1), "month", date(year, first_month + months - 1, 1), "month")


def _quarter(m, ctx):
    return _part_of_year(m, ctx, "quarter", 3)


def _half(m, ctx):
    return _part_of_year(m, ctx, "half", 6)


def _same(m, ctx):
    """``periode yang sama tahun sebelumnya``, ``the same period last year``: the period the sentence (or the
    one before) names, a year earlier, at its precision; the previous year when none is named."""
    anchor = ctx.anchor(ctx.start)
    if anchor is None:
        return date(ctx.pub.year - 1, 1, 1), "year"
    end = _year_before(anchor.end_value) if anchor.end_value else None
    return Found(_year_before(anchor.value), anchor.precision, end, anchor.end_precision,
                 anchor=(anchor.start, anchor.end))


def _year_before(value: date) -> date:
    try:
        return value.replace(year=value.year - 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year - 1, day=28)


def _yearend(m, ctx):
    """``by year-end``, ``akhir tahun``, ``for the full year``: the publication year (or the year written)."""
    year = m.group("yearend_y") if ctx.lang == "en" else None
    return date(int(year) if year else ctx.pub.year, 1, 1), "year"


def _weekend(m, ctx):
    """``this weekend``, ``last weekend``, ``akhir pekan``: the week holding that weekend (week precision).
    ``the weekend``/``akhir pekan`` alone is the coming one in a future clause, else the latest one begun."""
    rel = (m.groupdict().get("weekend_rel") or "").lower()
    if rel in ("this", "last", "next"):
        return resolve.shift(ctx.pub, "week", {"this": 0, "last": -1, "next": 1}[rel]), "week"
    future = ctx.future(ctx.start, ctx.end)
    if future:
        n = 1 if ctx.pub.weekday() == 6 else 0
    else:
        n = 0 if ctx.pub.weekday() >= 5 else -1
    return resolve.shift(ctx.pub, "week", n), "week"


_HANDLERS = {
    "weekend": _weekend, "between": _between, "anc": _anc, "tod": _tod, "week": _week, "quarter": _quarter, "half": _half,
    "same": _same, "yearend": _yearend,
    "wdnum": _wdnum, "text": _text, "numdate": _numdate, "iso": _iso, "ago": _ago, "monyear": _monyear,
    "monyrel": _monyrel, "monrel": _monrel, "wdrel": _wdrel, "rel": _rel, "yearkw": _yearkw, "mon": _mon,
    "wd": _wd, "year": _year,
}
