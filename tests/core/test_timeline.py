"""warta.aggregate.timeline: events from an article, merging across articles, grouping for rendering; a range
shows once, as a span, on every timeline of a real build."""

import json
import random
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from lxml import html
from warta.aggregate.timeline import (
    Event,
    TimelineItem,
    article_events,
    by_entity,
    group_by_year_month,
    merge,
    sort_key,
)

from tests.conftest import REPO, run_build

WIB = ZoneInfo("Asia/Jakarta")


@dataclass(frozen=True)
class M:
    entity_id: str
    start: int
    end: int


def mentions(text, names):
    out = []
    for surface, ent in names.items():
        i = text.find(surface)
        while i >= 0:
            out.append(M(ent, i, i + len(surface)))
            i = text.find(surface, i + 1)
    return out


NAMES = {"Kim": "kim-jong-un", "Putin": "vladimir-putin", "Peskov": "dmitry-peskov"}
TEXT = ("Kamis 14 Sep 2023 15:56 WIB\n\n"
        "Kim dan   Putin bertemu di Vostochny pada Rabu (13/9/2023).\n"
        "Peskov mengatakan pada Rabu bahwa kunjungan ke Pyongyang belum direncanakan.")


def test_article_events():
    pub = datetime(2023, 9, 14, 15, 56, tzinfo=WIB)
    events = article_events(TEXT, "id", pub, "a1", "  Kim  dan Putin bertemu ", mentions(TEXT, NAMES))
    assert [(e.phrase, e.iso, e.entity_ids) for e in events] == [
        ("Rabu (13/9/2023)", "2023-09-13", ("kim-jong-un", "vladimir-putin")),
        ("Rabu", "2023-09-13", ("dmitry-peskov",)),
        ("", "2023-09-14", ("dmitry-peskov", "kim-jong-un", "vladimir-putin")),
    ]  # the dateline "Kamis 14 Sep 2023 15:56 WIB" is a stamp, not a statement
    assert events[0].sentence == "Kim dan Putin bertemu di Vostochny pada Rabu (13/9/2023)."
    assert events[0].value == date(2023, 9, 13) and events[0].precision == "day"
    assert not events[0].is_publication and events[2].is_publication
    assert events[2].sentence == "Kim dan Putin bertemu" and events[2].article_key == "a1"


def test_publication_event_uses_the_articles_zone():
    early = datetime(2023, 9, 15, 5, 0, tzinfo=WIB)  # 14 September in UTC
    events = article_events("Tidak ada tanggal di sini.", "id", early, "a1", "Judul", [])
    assert [(e.iso, e.is_publication, e.entity_ids) for e in events] == [("2023-09-15", True, ())]


def test_given_exprs_are_used_instead_of_extracting():
    pub = datetime(2023, 9, 14, 15, 56, tzinfo=WIB)
    events = article_events(TEXT, "id", pub, "a1", "Judul", [], exprs=[])
    assert [e.is_publication for e in events] == [True]


def ev(sentence, phrase, ents, key, iso="2023-09-13", precision="day", value=date(2023, 9, 13), pub=False):
    return Event(iso, precision, value, phrase, sentence, tuple(sorted(ents)), key, pub)


A = ev("Kim dan Putin bertemu di Vostochny pada Rabu (13/9/2023).", "Rabu (13/9/2023)",
       ["kim-jong-un", "vladimir-putin"], "a1")
B = ev("Putin menerima Kim di Vostochny pada Rabu (13/9/2023).", "Rabu (13/9/2023)", ["kim-jong-un"], "a2")
C = ev("Peskov mengatakan pada Rabu (13/9/2023) bahwa kunjungan Putin ke Pyongyang belum direncanakan.",
       "Rabu (13/9/2023)", ["dmitry-peskov", "vladimir-putin"], "a3")


def test_merge_joins_the_same_event_from_several_articles():
    items = merge([A, B, C])
    assert len(items) == 2
    joined = next(i for i in items if len(i.sources) == 2)
    assert joined.sources == ("a1", "a2")
    assert joined.sentence == A.sentence  # the longer sentence represents the group
    assert joined.entity_ids == ("kim-jong-un", "vladimir-putin")
    other = next(i for i in items if i is not joined)
    assert other.sources == ("a3",)  # shares Putin and the day, but says something else


def test_merge_needs_same_period_and_a_shared_entity():
    other_day = ev(B.sentence, B.phrase, B.entity_ids, "a2", iso="2023-09-12", value=date(2023, 9, 12))
    other_precision = ev(B.sentence, B.phrase, B.entity_ids, "a2", iso="2023-W37", precision="week",
                         value=date(2023, 9, 11))
    other_people = ev(A.sentence, A.phrase, ["x"], "a2")
    for second in (other_day, other_precision, other_people):
        assert [i.sources for i in merge([A, second])] != [("a1", "a2")]
        assert len(merge([A, second])) == 2


def test_merge_of_events_without_entities_uses_the_sentence_alone():
    a = ev("Gempa mengguncang Cianjur pada Senin.", "Senin", [], "a1")
    b = ev("Gempa kuat mengguncang Cianjur pada Senin.", "Senin", [], "a2")
    c = ev("Harga beras naik tajam pada Senin.", "Senin", [], "a3")
    assert sorted(i.sources for i in merge([a, b, c])) == [("a1", "a2"), ("a3",)]


def test_publication_events_never_merge():
    p1 = ev("Kim dan Putin bertemu", "", ["kim-jong-un"], "a1", pub=True)
    p2 = ev("Kim dan Putin bertemu", "", ["kim-jong-un"], "a2", pub=True)
    items = merge([p1, p2])
    assert [(i.sources, i.is_publication) for i in items] == [(("a1",), True), (("a2",), True)]


def test_merge_is_deterministic_whatever_the_input_order():
    events = [A, B, C, ev("Harga beras naik.", "Rabu", [], "a4")]
    expected = merge(events)
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(events)
        assert merge(events) == expected


def item(iso, precision, value, sentence="s", ents=("e",)):
    return TimelineItem(iso, precision, value, sentence, "p", tuple(ents), ("a",))


DAY_OCT = item("2024-10-20", "day", date(2024, 10, 20))
MONTH_OCT = item("2024-10", "month", date(2024, 10, 1))
YEAR_2024 = item("2024", "year", date(2024, 1, 1), ents=("e", "f"))
DAY_SEP = item("2023-09-13", "day", date(2023, 9, 13), ents=("f",))
WEEK_SEP = item("2023-W37", "week", date(2023, 9, 11))


def test_group_by_year_month_newest_first_with_year_items_after_the_months():
    groups = group_by_year_month([WEEK_SEP, YEAR_2024, DAY_SEP, MONTH_OCT, DAY_OCT])
    assert groups == [(2024, 10, [DAY_OCT, MONTH_OCT]), (2024, None, [YEAR_2024]), (2023, 9, [DAY_SEP, WEEK_SEP])]


def test_by_entity_lists_newest_first_and_entity_pages_show_the_first_of_them():
    from warta_pages.generator import newest

    items = [WEEK_SEP, YEAR_2024, DAY_SEP, MONTH_OCT, DAY_OCT]
    assert by_entity(items) == {"e": [DAY_OCT, MONTH_OCT, YEAR_2024, WEEK_SEP], "f": [YEAR_2024, DAY_SEP]}
    assert newest(by_entity(items)["e"], 2) == [DAY_OCT, MONTH_OCT]
    assert newest(by_entity(items)["e"], 0) == newest(by_entity(items)["e"], -1) == []


def test_same_day_ties_break_on_precision_then_sentence():
    a = item("2024-01-01", "day", date(2024, 1, 1), sentence="b")
    b = item("2024-01-01", "day", date(2024, 1, 1), sentence="a")
    y = item("2024", "year", date(2024, 1, 1))
    assert sorted([y, a, b], key=sort_key) == [b, a, y]


RANGE_TEXT = ("Kim dan Putin menggelar pertemuan di Vladivostok pada 10-12 Maret 2024. "
              "Keesokan harinya Kim pulang ke Pyongyang dengan kereta lapis baja.")


def _range_items():
    from warta.aggregate.timeline import Period

    pub = datetime(2024, 3, 14, 9, tzinfo=WIB)
    events = article_events(RANGE_TEXT, "id", pub, "a1", "Kim pulang", mentions(RANGE_TEXT, NAMES))
    again = article_events(RANGE_TEXT.replace("menggelar", "mengadakan"), "id", pub, "a2", "Kim pulang lagi",
                           mentions(RANGE_TEXT, NAMES))
    return events, merge(events + again), Period


def test_a_range_is_one_event_with_an_end_and_one_merged_item():
    events, items, Period = _range_items()
    ranged = [e for e in events if e.end]
    assert [(e.phrase, e.iso, e.end) for e in ranged] == [
        ("10-12 Maret 2024", "2024-03-10", Period(date(2024, 3, 12), "day", "2024-03-12"))]
    spans = [i for i in items if i.end]
    assert len(spans) == 1 and spans[0].sources == ("a1", "a2")  # shown once, from both articles
    assert by_entity(items)["kim-jong-un"].count(spans[0]) == 1
    assert sum(len(group) for _, _, group in group_by_year_month(spans)) == 1


def test_an_anchored_event_carries_its_anchor():
    events, _, _ = _range_items()
    (next_day,) = [e for e in events if e.phrase == "Keesokan harinya"]
    assert (next_day.iso, next_day.anchor_phrase, next_day.anchor_iso) == ("2024-03-13", "10-12 Maret 2024",
                                                                           "2024-03-10")
    assert next_day.anchor_sentence.startswith("Kim dan Putin menggelar pertemuan")


def test_timelinejs_has_end_date_for_a_range_and_export_has_end_and_anchor():
    from warta.aggregate.site_index import ArticleRecord
    from warta.publish.export import article_record
    from warta.aggregate.timeline import OldestFirst
    from warta.publish.timelinejs import document

    events, items, _ = _range_items()
    pub = datetime(2024, 3, 14, 9, tzinfo=WIB)
    records = {key: ArticleRecord(key, f"Judul {key}", pub, "id", "Dunia", None, None, (), tuple(events))
               for key in ("a1", "a2")}
    doc = document("Kim", "", items, OldestFirst(records), "https://warta.example")
    (span,) = [e for e in doc["events"] if "end_date" in e]
    assert span["start_date"] == {"year": 2024, "month": 3, "day": 10}
    assert span["end_date"] == {"year": 2024, "month": 3, "day": 12}
    assert all("end_date" not in e for e in doc["events"] if e is not span)
    exported = article_record(records["a1"], "https://warta.example")["events"]
    ranged = next(e for e in exported if e["phrase"] == "10-12 Maret 2024")
    assert (ranged["date"], ranged["end_date"], ranged["end_precision"], ranged["anchor"]) == (
        "2024-03-10", "2024-03-12", "day", None)
    anchored = next(e for e in exported if e["phrase"] == "Keesokan harinya")
    assert anchored["anchor"] == {"date": "2024-03-10", "phrase": "10-12 Maret 2024",
                                  "sentence": events[0].sentence}
    assert anchored["end_date"] is None and anchored["tense_cue"] is None


def test_an_event_lists_its_oldest_sources_first_and_only_as_many_as_shown():
    """A date hundreds of articles name would otherwise carry hundreds of links in one TimelineJS slide."""
    from warta.aggregate.site_index import ArticleRecord
    from warta.aggregate.timeline import OldestFirst
    from warta.publish.timelinejs import document

    events, items, _ = _range_items()
    (span,) = [i for i in items if i.end]
    published = {"a1": datetime(2024, 3, 15, 9, tzinfo=WIB), "a2": datetime(2024, 3, 14, 9, tzinfo=WIB)}
    records = {key: ArticleRecord(key, f"Judul {key}", when, "id", "Dunia", None, None, (), tuple(events))
               for key, when in published.items()}
    oldest_first = OldestFirst(records)
    assert [r.url for r in oldest_first(span)] == ["a2", "a1"]  # by date, not by address
    assert oldest_first(span) is oldest_first(span)  # worked out once per item
    (slide,) = [e for e in document("Kim", "", [span], oldest_first, "https://warta.example", 1)["events"]]
    assert slide["text"]["headline"] == "Judul a2" and slide["text"]["text"].count("<a ") == 1
    (both,) = document("Kim", "", [span], oldest_first, "https://warta.example", 5)["events"]
    assert both["text"]["text"].count("<a ") == 2


SITE_ARTICLE = """---
title: Kim kembali ke Rusia
date: 2024-03-14T09:00:00+07:00
lang: id
category: Internasional
story: korut-rusia
---
Kim Jong Un menggelar pertemuan lanjutan dengan pejabat Rusia di Vladivostok pada 10-12 Maret 2024, menurut kantor berita KCNA.

Keesokan harinya Kim Jong Un pulang ke Pyongyang dengan kereta lapis baja, kata KCNA.
"""
SITE_SENTENCE = "pada 10-12 Maret 2024"


def test_range_is_one_span_on_every_timeline(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    (content / "articles" / "2024" / "kim-rusia-lanjutan.md").write_text(SITE_ARTICLE, encoding="utf-8")
    output = tmp_path / "output"
    result = run_build(content, output)
    assert result.returncode == 0, result.stderr
    for page in ("linimasa/index.html", "cerita/korut-rusia/index.html", "entitas/kim-jong-un/index.html"):
        tree = html.fromstring((output / page).read_text(encoding="utf-8"))
        spans = [li for li in tree.xpath("//li[contains(@class, 'event')]") if SITE_SENTENCE in li.text_content()]
        assert len(spans) == 1, page
        times = spans[0].xpath(".//time/@datetime")
        assert times == ["2024-03-10", "2024-03-12"], page
    for timeline in ("cerita/korut-rusia/timeline.json", "entitas/kim-jong-un/timeline.json"):
        events = json.loads((output / timeline).read_text(encoding="utf-8"))["events"]
        spans = [e for e in events if SITE_SENTENCE in e["text"]["text"]]
        assert len(spans) == 1, timeline
        assert spans[0]["end_date"] == {"year": 2024, "month": 3, "day": 12}
    exported = json.loads((output / "api" / "articles.json").read_text(encoding="utf-8"))["articles"]
    (article,) = [a for a in exported if a["title"] == "Kim kembali ke Rusia"]
    (anchored,) = [e for e in article["events"] if e["phrase"] == "Keesokan harinya"]
    assert anchored["date"] == "2024-03-13" and anchored["anchor"]["phrase"] == "10-12 Maret 2024"
    assert SITE_SENTENCE in anchored["anchor"]["sentence"]


def test_an_event_many_articles_report_lists_the_first_and_counts_the_rest(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    (content / "articles" / "2024" / "kim-rusia-lanjutan.md").write_text(SITE_ARTICLE, encoding="utf-8")
    later = SITE_ARTICLE.replace("Kim kembali ke Rusia", "Kim lagi di Rusia").replace("2024-03-14T09", "2024-03-15T09")
    (content / "articles" / "2024" / "kim-lagi-di-rusia.md").write_text(later, encoding="utf-8")
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
                    "WARTA_TIMELINE_SOURCES = 1\n", encoding="utf-8")
    output = tmp_path / "output"
    result = run_build(content, output, "--conf", str(conf))
    assert result.returncode == 0, result.stderr
    tree = html.fromstring((output / "linimasa/index.html").read_text(encoding="utf-8"))
    (span,) = [li for li in tree.xpath("//li[contains(@class, 'event')]") if SITE_SENTENCE in li.text_content()]
    (sources,) = span.xpath(".//p[@class='sources']")
    assert [a.text for a in sources.xpath("a")] == ["Kim kembali ke Rusia"]  # the older report
    assert sources.text_content().endswith("; dan 1 artikel lain")
    events = json.loads((output / "entitas/kim-jong-un/timeline.json").read_text(encoding="utf-8"))["events"]
    (slide,) = [e for e in events if SITE_SENTENCE in e["text"]["text"]]
    assert slide["text"]["headline"] == "Kim kembali ke Rusia" and slide["text"]["text"].count("<a ") == 1



def test_articles_json_written_in_pieces_is_the_whole_document_newest_first():
    from warta.aggregate.site_index import ArticleRecord
    from warta.publish.export import SCHEMA_VERSION, article_record, articles_document, dumps

    events, _, _ = _range_items()
    records = [ArticleRecord(f"{n}/", f"Judul \"{n}\" </script>", datetime(2024, 3, 10 + n, 9, tzinfo=WIB), "id",
                             "Dunia", None, None, (), tuple(events)) for n in range(3)]
    whole = dumps({"version": SCHEMA_VERSION, "articles": [article_record(r, "") for r in reversed(records)]})
    assert "".join(articles_document(records, "")) == whole
    assert json.loads(whole)["articles"][0]["url"] == "/2/"
    assert "".join(articles_document([], "")) == dumps({"version": SCHEMA_VERSION, "articles": []})
