"""Daily editions in the site's zone, the lead story, and running stories."""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from warta.aggregate.editions import by_month, editions, lead, running_stories
from warta.aggregate.site_index import ArticleRecord
from warta.entities.tagging import TaggedEntity

WIB = ZoneInfo("Asia/Jakarta")


def record(url, when, category="Berita", salience=0.5, featured=False, story=None):
    tagged = (TaggedEntity("kim", "Kim", "person", salience, 1, 0, True, "about"),) if salience else ()
    return ArticleRecord(url, url, when, "id", category, story, None, tagged, featured=featured)


def test_days_follow_the_site_zone_not_utc():
    # 18:30 UTC on 13 September is 01:30 WIB on 14 September.
    late = record("late", datetime(2023, 9, 13, 18, 30, tzinfo=timezone.utc))
    early = record("early", datetime(2023, 9, 13, 16, 0, tzinfo=timezone.utc))
    days = [e.day for e in editions([late, early], WIB)]
    assert days == [date(2023, 9, 14), date(2023, 9, 13)]


def test_edition_groups_by_category_a_to_z_newest_first():
    items = [record("a", datetime(2023, 9, 14, 8, tzinfo=WIB), "Politik"),
             record("b", datetime(2023, 9, 14, 9, tzinfo=WIB), "Internasional"),
             record("c", datetime(2023, 9, 14, 10, tzinfo=WIB), "Politik")]
    (edition,) = editions(items, WIB)
    assert [(name, [r.url for r in rows]) for name, rows in edition.by_category()] == [
        ("Internasional", ["b"]), ("Politik", ["c", "a"])]


def test_lead_is_featured_first_then_most_salient():
    plain = record("plain", datetime(2023, 9, 14, 10, tzinfo=WIB), salience=0.9)
    marked = record("marked", datetime(2023, 9, 14, 8, tzinfo=WIB), salience=0.1, featured=True)
    weaker = record("weaker", datetime(2023, 9, 14, 11, tzinfo=WIB), salience=0.3)
    assert lead(editions([plain, marked, weaker], WIB)[0]).url == "marked"
    assert lead(editions([plain, weaker], WIB)[0]).url == "plain"


def test_months_newest_first():
    items = [record(str(d), datetime(2023, m, d, 9, tzinfo=WIB)) for m, d in ((8, 1), (9, 2), (9, 20))]
    assert [(y, m, [e.day.day for e in es]) for y, m, es in by_month(editions(items, WIB))] == [
        (2023, 9, [20, 2]), (2023, 8, [1])]


def test_running_stories_need_two_articles():
    one = record("one", datetime(2023, 9, 1, tzinfo=WIB), story="s1")
    a = record("a", datetime(2023, 9, 2, tzinfo=WIB), story="s2")
    b = record("b", datetime(2023, 9, 5, tzinfo=WIB), story="s2")
    assert running_stories({"s1": (one,), "s2": (a, b)}) == [("s2", b, 2)]
