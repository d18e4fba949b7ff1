"""What to read next: articles ranked by the salient entities they share and by story (pure)."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import Sequence

from warta.aggregate.site_index import ArticleRecord

LIMIT = 5
WINDOW = timedelta(days=180)  # related articles lie within this distance of the article's date
THRESHOLD = 0.6  # below this score a pairing is noise, and nothing is shown
STORY_BONUS = 1.0  # the same running story counts as much as one strong shared, rare entity
MIN_IDF = 0.25  # entities in nearly every article carry no signal and are not even looked at


@dataclass(frozen=True)
class Related:
    record: ArticleRecord
    score: float
    shared: tuple[str, ...]  # entity ids, strongest first
    same_story: bool


def related_articles(records: Sequence[ArticleRecord], limit: int = LIMIT, window: timedelta = WINDOW,
                     threshold: float = THRESHOLD) -> dict[str, tuple[Related, ...]]:
    """For each article URL, up to ``limit`` related articles, best first.

    A shared entity adds ``min(salience here, salience there) * idf``, where ``idf = log(N / articles naming
    it)``: an entity named everywhere adds nothing. Only registered entities count.
    """
    total = len(records)
    salience: list[dict[str, float]] = [{t.id: t.salience for t in r.entities if t.registered} for r in records]
    order = sorted(range(total), key=lambda i: (records[i].date, records[i].url))
    postings: dict[str, list[int]] = defaultdict(list)
    for position in order:
        for entity_id in salience[position]:
            postings[entity_id].append(position)
    idf = {e: math.log(total / len(p)) for e, p in postings.items()}
    stamps = {e: [records[i].date for i in p] for e, p in postings.items()}
    weights = {e: [salience[i][e] for i in p] for e, p in postings.items()}  # aligned with postings
    story_members: dict[str, list[int]] = defaultdict(list)
    for position in order:
        if records[position].story:
            story_members[records[position].story].append(position)

    result: dict[str, tuple[Related, ...]] = {}
    for here, record in enumerate(records):
        low, high = record.date - window, record.date + window
        scores: dict[int, float] = {}
        for entity_id, weight in salience[here].items():
            rarity = idf[entity_id]
            if rarity < MIN_IDF:
                continue
            dates, members, there_weights = stamps[entity_id], postings[entity_id], weights[entity_id]
            for k in range(bisect_left(dates, low), bisect_right(dates, high)):
                there = members[k]
                # the same arithmetic, in the same order, as summing min(weight, there's) * idf per shared entity
                scores[there] = scores.get(there, 0.0) + min(weight, there_weights[k]) * rarity
        scores.pop(here, None)
        same_story = set()
        for there in story_members.get(record.story or "", ()):
            if there != here and low <= records[there].date <= high:
                scores[there] = scores.get(there, 0.0) + STORY_BONUS
                same_story.add(there)
        ranked = sorted(((s, records[i].date, records[i].url, i) for i, s in scores.items() if s >= threshold),
                        key=lambda row: (-row[0], -row[1].timestamp(), row[2]))
        result[record.url] = tuple(Related(records[i], round(s, 6), _shared(salience[here], salience[i], idf),
                                           i in same_story) for s, _, _, i in ranked[:limit])
    return result


def _shared(here: dict[str, float], there: dict[str, float], idf: dict[str, float]) -> tuple[str, ...]:
    """The entities two articles share that count, strongest first."""
    gains = [(min(w, there[e]) * idf[e], e) for e, w in here.items() if e in there and idf[e] >= MIN_IDF]
    return tuple(e for _, e in sorted(gains, key=lambda g: (-g[0], g[1])))
