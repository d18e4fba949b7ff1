"""What to read next: articles ranked by the salient entities they share and by story (pure)."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import Sequence

import numpy

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
    # aligned with postings, as arrays: an entity in a third of the articles meets hundreds in each window
    members = {e: numpy.array(p, dtype=numpy.intp) for e, p in postings.items()}
    weights = {e: numpy.array([salience[i][e] for i in p], dtype=numpy.float64) for e, p in postings.items()}
    story_members: dict[str, list[int]] = defaultdict(list)
    for position in order:
        if records[position].story:
            story_members[records[position].story].append(position)

    result: dict[str, tuple[Related, ...]] = {}
    scores = numpy.zeros(total)  # reused: only what one article touched is set back
    shares = numpy.zeros(total, dtype=bool)  # the articles that share something with this one: the candidates
    for here, record in enumerate(records):
        low, high = record.date - window, record.date + window
        touched = []
        for entity_id, weight in salience[here].items():
            rarity = idf[entity_id]
            if rarity < MIN_IDF:
                continue
            dates = stamps[entity_id]
            first, last = bisect_left(dates, low), bisect_right(dates, high)
            there = members[entity_id][first:last]
            # per article there, the same float operations in the same order as adding min(weight, there's) *
            # idf over the shared entities one by one (a position occurs once in an entity's postings)
            scores[there] += numpy.minimum(weight, weights[entity_id][first:last]) * rarity
            shares[there] = True
            touched.append(there)
        same_story = [there for there in story_members.get(record.story or "", ())
                      if there != here and low <= records[there].date <= high]
        for there in same_story:
            scores[there] += STORY_BONUS
            shares[there] = True
        touched.append(same_story)
        shares[here] = False
        found = numpy.flatnonzero(shares & (scores >= threshold)).tolist()
        ranked = sorted(((float(scores[i]), records[i].date, records[i].url, i) for i in found),
                        key=lambda row: (-row[0], -row[1].timestamp(), row[2]))
        for there in touched:
            scores[there], shares[there] = 0.0, False
        result[record.url] = tuple(Related(records[i], round(s, 6), _shared(salience[here], salience[i], idf),
                                           i in same_story) for s, _, _, i in ranked[:limit])
    return result


def _shared(here: dict[str, float], there: dict[str, float], idf: dict[str, float]) -> tuple[str, ...]:
    """The entities two articles share that count, strongest first."""
    gains = [(min(w, there[e]) * idf[e], e) for e, w in here.items() if e in there and idf[e] >= MIN_IDF]
    return tuple(e for _, e in sorted(gains, key=lambda g: (-g[0], g[1])))
