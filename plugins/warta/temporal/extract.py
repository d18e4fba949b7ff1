"""Find dated expressions in Indonesian or English text and resolve them against publication time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from warta.temporal import resolve, sentences
from warta.temporal.lexicon import LEXICONS, Lexicon
from warta.temporal.patterns import COMBINED, CUES


@dataclass(frozen=True)
class TimeExpr:
    phrase: str  # == text[start:end]
    start: int
    end: int
    value: date  # first day of the period
    precision: str  # day | week | month | year
    iso: str  # 2023-09-13 | 2023-W37 | 2023-09 | 2023


_LAW_NUMBER = re.compile(r"(?i)(?:\b(?:no|nomor|nomer|nr|number)\.?\s*|\d\s*)$")
_NUMBER_MARK = re.compile(r"(?i)\b(?:no|nomor|nomer|nr|number)\.?\s*$")
_YEAR_LINK = re.compile(r",?[ \t]+(?:and|or|to|dan|atau|hingga|sampai)[ \t]+")  # "in 2014 and 2019"
_REPORT_END = re.compile(r",[ \t]*$")
_SENTENCE_END = re.compile(r"[ \t]*(?:[.,;:()]|$)")
_EN_WEEKDAY_PREPS = frozenset(LEXICONS["en"].month_preps + ("on", "last", "next", "this", "that"))


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

    def __init__(self, text: str, lang: str, pub: date):
        self.text, self.lx, self.lang, self.pub = text, LEXICONS[lang], lang, pub
        self.sentences = sentences.Paragraphs(text, lang)
        self._cues: dict[tuple[int, int], list[tuple[int, str]]] = {}
        self.previous: TimeExpr | None = None  # the last expression found so far

    def prev_word(self, start: int) -> str:
        return _prev_word(self.text, start).lower()

    def future(self, start: int, end: int) -> bool:
        """Tense of the phrase: the nearest tense cue before it in its sentence, else the first one after it
        in its own clause ("won the Feb. 14 vote and will serve" stays past)."""
        span = self.sentences.sentence(start)
        cues = self._cues.get(span)
        if cues is None:  # (position, kind) of each cue, found once per sentence
            found = CUES[self.lang].finditer(self.text, *span)
            cues = self._cues[span] = [(c.start(c.lastindex), c.lastgroup) for c in found]
        kind = None
        for pos, k in cues:
            if pos >= start:
                break
            if k != "clause":
                kind = k
        if kind is None:
            kind = next((k for pos, k in cues if pos >= end), None)
        return kind == "future"


def extract(text: str, lang: str, published: datetime) -> list[TimeExpr]:
    """Dated expressions in ``text`` sorted by start, non-overlapping, resolved in published's own zone."""
    lang = lang if lang in LEXICONS else "id"
    ctx = _Context(text, lang, published.date())
    out: list[TimeExpr] = []
    for m in COMBINED[lang].finditer(text):
        ctx.start, ctx.end = m.start(m.lastindex), m.end()
        try:
            found = _HANDLERS[m.lastgroup[2:]](m, ctx)
        except (ValueError, OverflowError, KeyError):
            # Impossible dates, dates beyond the calendar's ends, or a Unicode look-alike that matched a
            # case-insensitive word ("ſetahun") but is not in our tables: not a date.
            found = None
        if found:
            value, precision = found
            ctx.previous = TimeExpr(text[ctx.start:ctx.end], ctx.start, ctx.end, value, precision,
                                    resolve.iso(value, precision))
            out.append(ctx.previous)
    return out


def _month(lx: Lexicon, name: str) -> int:
    name = name.rstrip(".")
    return lx.months_full.get(name) or lx.months_abbr[name]


def _weekday(lx: Lexicon, name: str | None) -> int | None:
    if not name:
        return None
    name = name.rstrip(".")
    return lx.weekdays_full.get(name, lx.weekdays_abbr.get(name))


def _day(m, ctx, year: str | None, month: int, day: int, wd: str | None):
    if year:
        return date(int(year), month, day), "day"
    future = ctx.future(ctx.start, ctx.end)
    return resolve.day_without_year(ctx.pub, month, day, future, _weekday(ctx.lx, wd)), "day"


def _wdnum(m, ctx):
    if _NUMBER_MARK.search(ctx.text, max(0, ctx.start - 12), ctx.start):
        return None
    g = m.group
    return _day(m, ctx, g("wdnum_y"), int(g("wdnum_m")), int(g("wdnum_d")), g("wdnum_wd"))


def _text(m, ctx):
    g = m.group
    if g("text_mon"):
        return _day(m, ctx, g("text_y"), _month(ctx.lx, g("text_mon")), int(g("text_d")), g("text_wd"))
    return _day(m, ctx, g("text_y2"), _month(ctx.lx, g("text_mon2")), int(g("text_d2")), g("text_wd"))


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
    return date(int(m.group("monyear_y")), _month(ctx.lx, m.group("monyear_mon")), 1), "month"


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
    if prev == "the":  # "over the next year", "the last week of May": durations and parts, not periods
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
    return date(int(m.group("yearkw_y")), 1, 1), "year"


def _mon(m, ctx):
    prev = ctx.prev_word(ctx.start)
    mid = ctx.text[max(0, ctx.start - 4):ctx.start].lower() == "mid-"
    if prev not in ctx.lx.month_preps and not mid:
        return None
    future = ctx.future(ctx.start, ctx.end)
    return resolve.month_without_year(ctx.pub, _month(ctx.lx, m.group("mon_mon")), future), "month"


def _wd(m, ctx):
    name, start, text = m.group("wd_wd"), ctx.start, ctx.text
    if ctx.lang == "id" and name == "Minggu":
        # Capitalised "Minggu" is Sunday after "hari"/"pada", or as a trailing "kata dia, Minggu.";
        # elsewhere it is too often "week" at a sentence start.
        trailing = _REPORT_END.search(text, max(0, start - 3), start) and _SENTENCE_END.match(text, ctx.end)
        if ctx.prev_word(start) not in ("hari", "pada") and not trailing:
            return None
    if ctx.lang == "en":  # Black Friday, Super Tuesday: a capitalised word other than a preposition
        prev = _prev_word(text, start)
        if prev and prev[0].isupper() and prev.lower() not in _EN_WEEKDAY_PREPS:
            return None
    future = ctx.future(start, ctx.end)
    return resolve.weekday(ctx.pub, ctx.lx.weekdays_full[name], 0, future), "day"


def _year(m, ctx):
    start, text = ctx.start, ctx.text
    if not m.group("year_mid"):
        if start and text[start - 1] == "-":
            return None
        prev = ctx.previous
        linked = prev and prev.precision == "year" and _YEAR_LINK.fullmatch(text, prev.end, start)
        if ctx.prev_word(start) not in ctx.lx.year_preps and not linked:
            return None
    return date(int(m.group("year_y")), 1, 1), "year"


_HANDLERS = {
    "wdnum": _wdnum, "text": _text, "numdate": _numdate, "iso": _iso, "ago": _ago, "monyear": _monyear,
    "monyrel": _monyrel, "monrel": _monrel, "wdrel": _wdrel, "rel": _rel, "yearkw": _yearkw, "mon": _mon,
    "wd": _wd, "year": _year,
}
