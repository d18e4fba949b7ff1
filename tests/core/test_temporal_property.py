"""extract never crashes and always returns exact, ordered, non-overlapping spans."""

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.temporal import extract
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
