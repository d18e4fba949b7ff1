"""Related articles: shared salient, rare entities and the same story, within a window, above a threshold."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from warta.aggregate.related import related_articles
from warta.aggregate.site_index import ArticleRecord
from warta.entities.tagging import TaggedEntity

WIB = ZoneInfo("Asia/Jakarta")
DAY = datetime(2024, 3, 1, 9, tzinfo=WIB)


def record(url, *entities, days=0, story=None):
    tagged = tuple(TaggedEntity(e, e, "person", s, 1, 0, True, "about" if s >= 0.5 else "mentions")
                   for e, s in entities)
    return ArticleRecord(url=url, title=url, date=DAY + timedelta(days=days), lang="id", category="Berita",
                         story=story, summary=None, entities=tagged)


def urls(result, url):
    return [r.record.url for r in result[url]]


def filler(count):
    """Articles that name only Indonesia, so Indonesia is everywhere and rare names stay rare."""
    return [record(f"f{i}", ("indonesia", 0.9), days=i % 20) for i in range(count)]


def test_an_article_with_nothing_in_common_shows_none():
    records = [record("a", ("kim", 0.9)), record("b", ("putin", 0.9))] + filler(8)
    assert related_articles(records)["a"] == ()


def test_an_entity_named_everywhere_relates_nothing():
    records = filler(10)
    assert all(value == () for value in related_articles(records).values())


def test_shared_rare_salient_entities_rank_first():
    records = [record("a", ("kim", 0.9), ("putin", 0.8)),
               record("both", ("kim", 0.8), ("putin", 0.7), days=1),
               record("kim-only", ("kim", 0.9), days=2),
               record("weak", ("kim", 0.1), days=1)] + filler(12)
    result = related_articles(records)
    assert urls(result, "a") == ["both", "kim-only"]  # 'weak' shares Kim only in passing: below the threshold
    assert result["a"][0].shared == ("putin", "kim")  # Putin is the rarer name here, so it weighs more


def test_same_story_counts_even_without_entities():
    records = [record("a", story="pemilu"), record("b", days=3, story="pemilu"), record("c", days=3)] + filler(5)
    result = related_articles(records)
    assert urls(result, "a") == ["b"] and result["a"][0].same_story


def test_window_keeps_old_articles_out():
    records = [record("a", ("kim", 0.9)), record("old", ("kim", 0.9), days=-400),
               record("near", ("kim", 0.9), days=-30)] + filler(10)
    assert urls(related_articles(records), "a") == ["near"]


def test_at_most_the_limit_and_ties_are_newest_first():
    records = [record("a", ("kim", 0.9))] + [record(f"k{i}", ("kim", 0.9), days=i) for i in range(1, 9)] + filler(30)
    result = related_articles(records, limit=5)
    assert urls(result, "a") == ["k8", "k7", "k6", "k5", "k4"]


@pytest.mark.parametrize("threshold, expected", [(0.0, ["b"]), (50.0, [])])
def test_threshold_is_a_parameter(threshold, expected):
    records = [record("a", ("kim", 0.9)), record("b", ("kim", 0.9), days=1)] + filler(4)
    assert urls(related_articles(records, threshold=threshold), "a") == expected


def test_unregistered_entities_do_not_count():
    tagged = (TaggedEntity("discovered-x", "X", None, 0.9, 1, 0, False, "about"),)
    a = ArticleRecord("a", "a", DAY, "id", "Berita", None, None, tagged)
    b = ArticleRecord("b", "b", DAY, "id", "Berita", None, None, tagged)
    assert related_articles([a, b] + filler(5))["a"] == ()


def test_a_random_site_gets_what_the_definition_says():
    """Every article against every other, as the docstring defines it, on a random site with stories, windows and
    shared dates: the postings' arithmetic, reused from one article to the next, must not carry anything over."""
    import math
    import random

    from warta.aggregate.related import MIN_IDF, STORY_BONUS, THRESHOLD, WINDOW

    rng = random.Random(7)
    names = [f"e{n}" for n in range(12)]
    records = [record(f"a{n:03}", *((e, round(rng.uniform(0.05, 1), 3)) for e in rng.sample(names, rng.randint(0, 5))),
                      days=rng.randint(0, 400), story=rng.choice([None, None, "s1", "s2"])) for n in range(150)]
    salience = {r.url: {t.id: t.salience for t in r.entities} for r in records}
    named = {e: sum(e in s for s in salience.values()) for e in names}
    idf = {e: math.log(len(records) / n) for e, n in named.items() if n}
    expected = {}
    for here in records:
        rows = []
        for there in records:
            if there is here or abs(there.date - here.date) > WINDOW:
                continue
            score, shared = 0.0, False
            for e, weight in salience[here.url].items():
                if e in salience[there.url] and idf[e] >= MIN_IDF:
                    score, shared = score + min(weight, salience[there.url][e]) * idf[e], True
            same = here.story is not None and here.story == there.story
            if same:
                score += STORY_BONUS
            if (shared or same) and score >= THRESHOLD:
                rows.append((-score, -there.date.timestamp(), there.url, round(score, 6), same))
        expected[here.url] = [(url, score, same) for *_, url, score, same in sorted(rows)[:5]]
    got = {url: [(r.record.url, r.score, r.same_story) for r in found] for url, found in related_articles(records).items()}
    assert got == expected and sum(map(len, got.values())) > 300
