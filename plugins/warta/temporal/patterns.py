"""The compiled regexes, built once per language at import.

One combined regex per language: each rule is a named alternative ``r_<rule>`` whose inner groups are
prefixed with the rule name, so one ``finditer`` pass finds every candidate, ``m.lastgroup`` says which rule
matched and ``m.start(m.lastindex)`` where it starts (see Scanner). At one position the earlier rule wins, so
longer forms come first (``Rabu (13/9/2023)`` before ``Rabu``). Context checks that a regex says badly (the
word before, law numbers) live in extract.py.
"""

from __future__ import annotations

import re

from warta.temporal.lexicon import LEXICONS, Lexicon

D = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
MM = r"(?:1[0-2]|0?[1-9])(?!\d)"
Y = r"(?:1[89]\d\d|2[01]\d\d)(?!\d)"
ORD = r"(?:st|nd|rd|th)?"
NUM_END = r"(?![\w/%-]|[.,]\d)"  # a number that does not run on into a code, decimal or percentage


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _trie(words) -> str:
    """One alternation as a character trie, so a failing position costs a check or two, not one per word.
    A space in a word stands for any run of whitespace."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(tree)


def _openings(lx: Lexicon, lang: str) -> set[str]:
    """How every rule can begin (digits aside); the combined regex only tries its rules where one stands.
    Word pairs ("tahun lalu", "two years") keep common single words ("tahun", "a") from waking the rules."""
    rel = (*lx.past_rel, *lx.next_rel, *lx.this_rel)
    names = {*lx.months_full, *lx.months_abbr, *lx.weekdays_full, *lx.weekdays_abbr}
    counted = {f"{n} {u}" for n in lx.numbers for u in lx.units}
    if lang == "id":
        words = {f"{u} {r}" for u in lx.units for r in rel} | {f"se{u}" for u in lx.units}
        words |= {"kemarin", "besok", "lusa", "hari ini", "tahun 1", "tahun 2", "keesokan", "esok", "hari yang",
                  "di hari", "pada hari", "hari berikut", "malam hari", "tadi", "semalam", "pagi", "siang", "sore",
                  "malam", "dini", "nanti", "pekan ke", "minggu ke", "kuartal", "triwulan", "kwartal", "semester",
                  "paruh", "periode yang", "akhir tahun", "antara", "dari", "akhir pekan", "akhir minggu"}
        words |= {f"{u} berikut" for u in lx.units} | {f"{u} sebelum" for u in lx.units}
    else:
        words = {f"{r} {x}" for r in rel for x in (*lx.units, *lx.months_full, *lx.weekdays_full)}
        words |= {"yesterday", "today", "tomorrow", "mid-", "the ", "that ", "later ", "earlier ", "tonight",
                  "this morning", "this afternoon", "this evening", "last night", "between", "from", "first half",
                  "second half", "first quarter", "second quarter", "third quarter", "fourth quarter", "1st",
                  "2nd", "3rd", "4th", "q1", "q2", "q3", "q4", "h1", "h2", "year-end", "year end", "full year",
                  "full-year", "week ", "a year", "end of"}
    words |= counted
    return names | words | {w[0].upper() + w[1:] for w in words} | {w.upper() for w in words}


def _rules(lx: Lexicon, lang: str) -> list[tuple[str, str]]:
    mon_full = rf"(?:{_alt(lx.months_full)})(?!\w)"
    mon = rf"(?:{_alt(lx.months_full)}|(?:{_alt(lx.months_abbr)})\.?)(?!\w)"
    wd_full = rf"(?:{_alt(lx.weekdays_full)})(?!\w)"
    wd = rf"(?:{_alt(lx.weekdays_full)}|(?:{_alt(lx.weekdays_abbr)})\.?(?=,))(?!\w)"
    back = _alt(lx.past_rel + lx.next_rel + lx.this_rel)
    nums = _alt(lx.numbers)
    units = _alt(lx.units)
    ago = _alt(lx.ago)
    to = (r"\s*(?:[-–]|s\.\s?d\.?|s/d|(?i:sampai(?:\s+dengan)?|hingga|to|through|until|till))\s*"
          if lang == "id" else r"\s*(?:[-–]|(?i:to|through|until|till))\s*")
    count = rf"(?:(?P<anc_n>\d{{1,3}}|{nums})\s+|(?P<anc_se>se))" if lang == "id" else rf"(?P<anc_n>\d{{1,3}}|{nums})\s+"
    roman = r"(?:IV|I{1,3}|[1-4])(?!\w)"
    if lang == "id":
        anchored = (rf"(?i:{count}(?P<anc_unit>{units})\s+(?P<anc_dir>kemudian|setelahnya|sesudahnya|berikutnya"
                    rf"|sebelumnya|setelah\s+itu|sesudah\s+itu|sebelum\s+itu)"
                    rf"|(?P<anc_unit2>hari|pekan|minggu|bulan|tahun)\s+(?P<anc_dir2>berikutnya|sebelumnya)"
                    rf"|(?P<anc_next>keesokan(?:\s+hari(?:nya)?|\s+paginya|\s+malamnya|nya)|esok\s+hari(?:nya)"
                    rf"|esok\s+paginya)"
                    rf"|(?P<anc_same>(?:(?:di|pada)\s+)?(?:hari|malam|pagi|siang|sore)\s+yang\s+sama"
                    rf"|(?:malam|sore|siang|pagi)\s+harinya))(?!\w)")
        times_of_day = (r"(?i:(?P<tod_today>(?:pagi|siang|sore|malam)\s+ini|tadi\s+(?:pagi|siang|sore)"
                        r"|(?:pagi|siang|sore)\s+tadi|dini\s+hari\s+tadi|nanti\s+(?:pagi|siang|sore|malam)"
                        r"|(?:siang|sore|malam)\s+nanti)"
                        r"|(?P<tod_night>tadi\s+malam|malam\s+tadi|semalam))(?!\w)")
        weeks = (rf"(?i:minggu|pekan)\s+ke-?\s?(?P<week_n>[1-4]?\d|5[0-3])(?!\d)"
                 rf"(?:\s+(?:(?i:tahun)\s+)?(?P<week_y>{Y}))?{NUM_END}")
        year_tail = rf"(?:[\s/-]+(?:(?i:tahun)\s+)?(?P<{{0}}_y>{Y})|\s+(?i:tahun)\s+(?P<{{0}}_rel>ini|lalu|depan))?"
        quarters = (rf"(?i:kuartal|triwulan|kwartal)\s+(?P<quarter_n>{roman}|(?i:pertama|kedua|ketiga|keempat)(?!\w))"
                    + year_tail.format("quarter") + NUM_END)
        halves = (rf"(?i:semester|paruh)\s+(?P<half_n>(?:II|I|1|2)(?!\w)|(?i:pertama|kedua)(?!\w))"
                  + year_tail.format("half") + NUM_END)
        same_period = r"(?i:(?:periode|kuartal|triwulan|semester|bulan)\s+yang\s+sama\s+tahun\s+(?:sebelumnya|lalu))(?!\w)"
        weekend = r"(?i:akhir\s+pekan|akhir\s+minggu)(?!\s+(?:ini|lalu|depan|mendatang|kemarin|ke|\d)|\w)"
        year_end = r"(?i:akhir\s+tahun)(?!\s+(?:ini|lalu|depan|berikutnya|sebelumnya|ke|\d)|\w)"
    else:
        anchored = (rf"(?i:{count}(?P<anc_unit>{units})\s+(?P<anc_dir>later|earlier|afterwards|after\s+that"
                    rf"|before\s+that|before(?=[.,;])|after(?=[.,;]))(?!\s+than)"
                    rf"|the\s+(?P<anc_dir2>next|following|previous|preceding)\s+(?P<anc_unit2>day|week|month|year"
                    rf"|morning|afternoon|evening|night)"
                    rf"|(?P<anc_dir3>the\s+day\s+(?:after|before))(?!\s+(?:yesterday|tomorrow|the|a|an|his|her|their|its)\b)"
                    rf"|(?P<anc_same>(?:later\s+|earlier\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)"
                    rf"|the\s+same\s+day))(?!\w)")
        times_of_day = (r"(?i:(?P<tod_today>this\s+(?:morning|afternoon|evening)|tonight|(?:earlier|later)\s+today)"
                        r"|(?P<tod_night>last\s+night))(?!\w)")
        weeks = (rf"(?i:week)\s+(?P<week_n>[1-4]?\d|5[0-3])\s+(?i:of\s+)?(?P<week_y>{Y}){NUM_END}"
                 rf"|(?i:the\s+)(?P<week_n2>[1-4]?\d|5[0-3])(?:st|nd|rd|th)\s+(?i:week\s+of)\s+(?P<week_y2>{Y}){NUM_END}")
        year_tail = rf"(?:\s+(?:(?i:of)\s+)?(?P<{{0}}_y>{Y})|\s+(?i:of)\s+(?P<{{0}}_rel>this|last|next)\s+(?i:year))?"
        quarters = (rf"(?:(?i:the\s+)?(?P<quarter_w>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)"
                    rf"|(?P<quarter_q>Q[1-4]|[1-4]Q)(?!\w))" + year_tail.format("quarter") + NUM_END)
        halves = (rf"(?:(?i:the\s+)?(?P<half_w>(?i:first|second))\s+(?i:half)|(?P<half_h>H[12])(?!\w))"
                  + year_tail.format("half") + NUM_END)
        same_period = (r"(?i:the\s+same\s+(?:period|quarter|month|week|time)\s+(?:a\s+year\s+(?:earlier|ago|before)"
                       r"|last\s+year|(?:of\s+)?the\s+previous\s+year|of\s+last\s+year))(?!\w)")
        weekend = r"(?i:(?P<weekend_rel>this|last|next|the)\s+weekend)(?!\w)"
        year_end = rf"(?i:(?:the\s+)?year[-\s]end|(?:the\s+)?end\s+of\s+(?:the|this)\s+year|full[-\s]year)(?:\s+(?P<yearend_y>{Y}))?(?!\w)"
    rules = [
        # Kamis (14/9/2023), Rabu (13/9), Thursday, 14/9/2023
        ("wdnum", rf"(?P<wdnum_wd>{wd}),?\s*(?P<wdnum_op>\()?\s*(?P<wdnum_d>{D})[/-](?P<wdnum_m>{MM})"
                  rf"(?:[/-](?P<wdnum_y>{Y}))?(?(wdnum_op)\s*\)|{NUM_END})"),
        # 14 September 2023, Sept. 14, 2023, Thursday, 14 Sep 2023, 19 Juni, June 19th, 10-12 Maret,
        # 10 Maret - 12 April 2024, June 30-July 2, Oct. 7-9, 3 s.d. 5 Juni
        ("text", rf"(?:(?P<text_wd>{wd}),?\s+)?(?:"
                 rf"(?P<text_d>{D}){ORD}(?:{to}(?P<text_de>{D}){ORD}(?:\s+of)?\s+(?P<text_mone>{mon})"
                 rf"|(?:\s+of)?\s+(?P<text_mon>{mon})(?:{to}(?P<text_de2>{D}){ORD}(?:\s+of)?\s+(?P<text_mone2>{mon}))?)"
                 rf"(?:,?\s+(?P<text_y>{Y}))?"
                 rf"|(?P<text_mon2>{mon})\s+(?P<text_d2>{D}){ORD}(?:{to}(?:(?P<text_mone3>{mon})\s+)?"
                 rf"(?P<text_de3>{D}){ORD})?"
                 rf"(?:,?\s+(?P<text_y2>{Y}))?)(?![.,]\d)"),
        # 14/9/2023, 14-9-2023 (day first; see extract for English)
        ("numdate", rf"(?<!-)(?P<numdate_a>\d{{1,2}})(?P<numdate_sep>[/-])(?P<numdate_b>\d{{1,2}})"
                    rf"(?P=numdate_sep)(?P<numdate_y>{Y}){NUM_END}"),
        ("iso", rf"(?<!-)(?P<iso_y>{Y})-(?P<iso_m>1[0-2]|0[1-9])-(?P<iso_d>3[01]|[12]\d|0[1-9])(?![\d/-])"),
        # 3 hari lalu, setahun silam, two weeks ago, a year ago
        ("ago", rf"(?i:(?:(?P<ago_n>\d{{1,3}}|{nums})\s+|(?P<ago_se>se))(?P<ago_unit>{units})\s+(?:{ago}))(?!\w)"),
        # March 2024, Maret-Mei 2024, March to May 2024
        ("monyear", rf"(?P<monyear_mon>{mon})(?:{to}(?P<monyear_mone>{mon}))?\s+(?P<monyear_y>{Y}){NUM_END}"),
        ("between", rf"(?i:between|antara)\s+(?:(?P<between_d>{D}){ORD}\s+(?P<between_mon>{mon})"
                    rf"|(?P<between_mon2>{mon})\s+(?P<between_d2>{D}){ORD})\s+(?i:and|dan)\s+"
                    rf"(?:(?P<between_de>{D}){ORD}(?:\s+(?P<between_mone>{mon}))?"
                    rf"|(?P<between_mone2>{mon})\s+(?P<between_de2>{D}){ORD})(?:,?\s+(?P<between_y>{Y}))?(?![.,]\d)"
                    rf"|(?i:between|antara)\s+(?P<between_yy>{Y})\s+(?i:and|dan)\s+(?P<between_ye>{Y}){NUM_END}"),
        ("anc", anchored),
        ("tod", times_of_day),
        ("week", weeks),
        ("quarter", quarters),
        ("half", halves),
        ("same", same_period),
        ("yearend", year_end),
        ("weekend", weekend),
    ]
    if lang == "id":
        rules += [
            # September tahun lalu (September of last year) before September lalu (the last September)
            ("monyrel", rf"(?P<monyrel_mon>{mon_full})\s+(?i:tahun)\s+(?P<monyrel_rel>(?i:{back}))(?!\w)"),
            ("monrel", rf"(?P<monrel_mon>{mon_full})\s+(?P<monrel_rel>(?i:{back}))(?!\w)"),
            ("wdrel", rf"(?P<wdrel_wd>{wd_full})\s+(?P<wdrel_rel>(?i:{back}))(?!\w)"),
            ("rel", rf"(?i:(?P<rel_word>kemarin|hari\s+ini|besok|lusa)"
                    rf"|(?P<rel_unit>{units})\s+(?P<rel_rel>{back}))(?!\w)"),
            ("yearkw", rf"(?i:tahun)\s+(?P<yearkw_y>{Y})(?:{to}(?P<yearkw_ye>{Y}))?{NUM_END}"),
        ]
    else:
        rules += [
            ("monyrel", rf"(?P<monyrel_mon>{mon_full})\s+(?P<monyrel_rel>(?i:{back}))\s+(?i:year)(?!\w)"),
            ("monrel", rf"(?P<monrel_rel>(?i:{back}))\s+(?P<monrel_mon>{mon_full})"),
            ("wdrel", rf"(?P<wdrel_rel>(?i:{back}))\s+(?P<wdrel_wd>{wd_full})"),
            ("rel", rf"(?i:(?P<rel_word>yesterday|today|tomorrow)"
                    rf"|(?P<rel_rel>{back})\s+(?P<rel_unit>{units}))(?!\w)"),
        ]
    rules += [
        ("mon", rf"(?P<mon_mon>{mon_full})"),
        ("wd", rf"(?P<wd_wd>{wd_full})"),
        ("year", rf"(?P<year_mid>(?i:mid-))?(?P<year_y>{Y})(?:(?P<year_to>{to})(?P<year_ye>{Y})|[-–/]\d\d(?!\d)|/{Y})?{NUM_END}"),
    ]
    return rules


class Scanner:
    """``finditer`` for ``(?<!X)body`` where X is ``\\w`` plus ``extra`` ASCII punctuation, only faster.

    A search consumes the character before each match, ``[^a-zA-Z0-9_<extra>](?<!\\w)``: a pattern that
    starts with a plain ASCII class lets the engine skip ahead in C instead of trying every position
    (a ``\\w`` category in that class would not). ``body`` is an alternation of named groups (lookarounds
    aside), so each match's ``lastindex`` group starts where the real match does and ``lastgroup`` names it.
    """

    def __init__(self, body: str, extra: str = ""):
        self.at = re.compile(rf"(?<![\w{extra}])(?:{body})")
        self.scan = re.compile(rf"[^a-zA-Z0-9_{extra}](?<!\w)(?:{body})")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        m = self.at.match(text, 0, end) if pos == 0 else None  # nothing before the text to consume
        m = m or self.scan.search(text, max(pos - 1, 0), end)
        while m:
            yield m
            m = self.scan.search(text, m.end() - 1, end)


def _combined(lang: str) -> Scanner:
    rules = _rules(LEXICONS[lang], lang)
    body = "|".join(f"(?P<r_{name}>{pattern})" for name, pattern in rules)
    # Rules that start with a number start with a run of 1-4 digits not followed by [.,]digit ("2,5", "1.200").
    gate = rf"(?=\d{{1,4}}(?!\d|[.,]\d)|{_trie(_openings(LEXICONS[lang], lang))})"
    return Scanner(f"{gate}(?:{body})", ".,/")


def _cues(lx: Lexicon) -> Scanner:
    def words(items):  # lower and capitalised forms as tries: faster than IGNORECASE alternations
        return _trie({w for item in items for w in (item, item[0].upper() + item[1:])})

    return Scanner(rf"(?:(?P<future>{words(lx.future_cues)})|(?P<past>{words(lx.past_cues)})"
                   rf"|(?P<clause>{words(lx.clause_breaks)}|;))(?!\w)")


COMBINED = {lang: _combined(lang) for lang in LEXICONS}
CUES = {lang: _cues(lx) for lang, lx in LEXICONS.items()}
