"""extract never crashes and always returns exact, ordered, non-overlapping spans."""

import re
from datetime import datetime, timedelta, timezone

from hypothesis import example, given, settings
from hypothesis import strategies as st
from warta.temporal import extract
from warta.temporal.extract import _prev_word
from warta.temporal.lexicon import LEXICONS
from warta.temporal.patterns import COMBINED, CUES, _openings, _rules, _trie
from warta.temporal.resolve import iso

DATEY = "0123456789/-.,() \nKamisRabuMingguSeptemberOktlauhinespdgytwkTJ"
texts = st.one_of(st.text(), st.text(alphabet=DATEY))
published = st.datetimes(timezones=st.timezones())


@settings(max_examples=300, deadline=None)
@given(text=texts, lang=st.sampled_from(["id", "en", "fr"]), when=published)
def test_extract_is_total_and_exact(text, lang, when):
    found = extract(text, lang, when)
    end = 0
    for e in found:
        assert e.phrase == text[e.start:e.end] and e.phrase
        assert e.start >= end
        end = e.end
        assert e.precision in ("day", "week", "month", "year")
        assert e.iso == iso(e.value, e.precision)


@settings(max_examples=100, deadline=None)
@given(when=published, day=st.integers(0, 40), month=st.integers(0, 14), year=st.integers(1, 9999))
def test_extreme_publication_dates_never_crash(when, day, month, year):
    text = (f"pada Rabu ({day}/{month}/{year}) dan kemarin, besok, pekan depan, tahun lalu, 11 tahun lalu, "
            f"Oktober lalu, pada {year}, {day} September")
    for lang in ("id", "en"):
        for e in extract(text, lang, when):
            assert e.phrase == text[e.start:e.end]


# The fast paths in extract.py and patterns.py must find exactly what their plain regex spells.
TOKENS = ["Rabu", "Minggu", "pada", "hari", "Hari", "lalu", "Lalu", "tahun", "kemarin", "ſetahun", "September",
          "Sept.", "last", "week", "2023", "14", "2,5", "1.200", "٣", "²", "(13/9)", "-", "/", ".", ",", ";", "'ll",
          "akan", "will", "said", "Dr.", "U.S.", "_", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "İ", "x" * 31]
DATE_WORDS = ["pada", "in", "sejak", "14", "2023", "2,5", "1.200", "09.00", "6,25", "September", "Sept.", "June",
              "Rabu", "Thursday", "13/9/2023", "(13/9)", "2023-09-14", "3", "hari", "lalu", "days", "ago", "tahun",
              "Tahun", "mid-2014", "2014-2019", "1st", "of", "–", "-", "/", "akan", "will", "said", "dan", ";"]
wordy = st.one_of(st.text(), st.lists(st.sampled_from(TOKENS), max_size=30).map("".join),
                  st.lists(st.sampled_from(DATE_WORDS), max_size=12).map(" ".join))


@settings(max_examples=500, deadline=None)
@given(text=wordy, start=st.integers(0, 300))
@example("kata dia \n", 10)
@example("No. \t14", 5)
@example("x" * 40 + " 2023", 41)
def test_prev_word_is_the_word_the_plain_regex_finds(text, start):
    start = min(start, len(text))
    m = re.search(r"([^\W\d_]+)\.?[ \t\u00a0]+$", text[:start][max(0, start - 30):])
    assert _prev_word(text, start) == (m.group(1) if m else "")


@settings(max_examples=300, deadline=None)
@given(text=wordy, lang=st.sampled_from(["id", "en"]), pos=st.integers(0, 60), size=st.integers(0, 300))
@example("pada Rabu (13/9)Kamis;akan", "id", 0, 300)  # a match right after one that ends in punctuation
@example(" Kamis", "id", 1, 300)
def test_scanner_finds_what_the_plain_lookbehind_regex_finds(text, lang, pos, size):
    endpos = min(len(text), pos + size)
    for scanner in (COMBINED[lang], CUES[lang]):
        expected = [(m.span(), m.lastgroup) for m in scanner.at.finditer(text, pos, endpos)]
        found = [((m.start(m.lastindex), m.end()), m.lastgroup) for m in scanner.finditer(text, pos, endpos)]
        assert found == expected


def _any_digit_gate(lang):
    """The combined regex with a gate that lets every digit through."""
    body = "|".join(f"(?P<r_{name}>{pattern})" for name, pattern in _rules(LEXICONS[lang], lang))
    return re.compile(rf"(?<![\w.,/])(?=\d|{_trie(_openings(LEXICONS[lang], lang))})(?:{body})")


PLAIN = {lang: _any_digit_gate(lang) for lang in ("id", "en")}


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(wordy, st.text(alphabet="0123456789 ,.-/–()stndrhofSeptMayJunitahun")),
       lang=st.sampled_from(["id", "en"]))
def test_the_digit_gate_only_skips_numbers_no_rule_can_start(text, lang):
    spans = [(m.span(), m.lastgroup) for m in COMBINED[lang].at.finditer(text)]
    assert spans == [(m.span(), m.lastgroup) for m in PLAIN[lang].finditer(text)]


# Issue 17: every class of expression, around any publication time in any UTC offset from -12:00 to +14:00.
EXPRESSIONS = [
    "10-12 Maret", "3 s.d. 5 Juni", "periode 2019-2024", "28 Desember-2 Januari", "Oct. 7-9", "June 30-July 2",
    "between June 1 and 3", "2015 to 2022", "29 Februari", "Feb. 29", "dua hari kemudian", "keesokan harinya",
    "di hari yang sama", "seminggu setelahnya", "dua pekan sebelumnya", "two days later", "the next morning",
    "that same night", "a week earlier", "akan tiba Senin", "dijadwalkan Jumat", "will open on Saturday",
    "said on Monday", "siang ini", "tadi malam", "semalam", "Selasa malam", "Minggu pagi", "later Tuesday",
    "this morning", "tonight", "last night", "early Sunday", "Jumat (19/5)", "Senin (29/2)", "Thursday, Jan. 9",
    "minggu ke-53", "pekan ke-1 tahun 2020", "week 53 of 2020", "kuartal IV", "semester II tahun lalu", "Q1",
    "the second half of 2025", "periode yang sama tahun sebelumnya", "the same period a year earlier",
    "by year-end", "for the full year", "akhir tahun",
]
WEEKDAYS = {"id": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
            "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]}
FUTURE = {"id": "Rapat akan digelar pada {}.", "en": "The meeting will be held on {}."}
PAST = {"id": "Rapat sudah digelar pada {}.", "en": "The meeting was held on {}."}
offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.builds(lambda day, zone: day.replace(tzinfo=zone),
                    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2098, 12, 31)), offsets)


@settings(max_examples=300, deadline=None)
@given(first=st.sampled_from(EXPRESSIONS), second=st.sampled_from(EXPRESSIONS), when=moments,
       lang=st.sampled_from(["id", "en"]))
def test_every_class_resolves_around_any_publication_time(first, second, when, lang):
    text = f"Peristiwa itu terjadi pada 2 Maret 2020, {first}. Lalu {second}, kata pejabat."
    for e in extract(text, lang, when):
        assert e.phrase == text[e.start:e.end]
        assert e.iso == iso(e.value, e.precision)
        if e.end_value is not None:
            assert e.end_value > e.value and e.end_iso == iso(e.end_value, e.end_precision)


@settings(max_examples=300, deadline=None)
@given(when=moments, lang=st.sampled_from(["id", "en"]), day=st.integers(0, 6), future=st.booleans())
def test_past_weekday_never_after_publication_and_future_never_before(when, lang, day, future):
    text = (FUTURE if future else PAST)[lang].format(WEEKDAYS[lang][day])
    (e,) = extract(text, lang, when)
    assert e.value.weekday() == day
    if future:
        assert e.value >= when.date()
    else:
        assert e.value <= when.date()
