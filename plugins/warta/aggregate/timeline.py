"""Timeline events from articles, merged across articles, grouped for rendering. Pure and deterministic."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from operator import attrgetter

from warta import temporal
from warta.identity import identity
from warta.temporal import sentences
from warta.temporal.resolve import iso as _iso

SIMILAR = 0.3  # token Jaccard (date words removed) at or above which two sentences tell the same event
CANDIDATES = 8  # clusters sharing an entity that one event is compared with (keeps merge near-linear)
MIN_STATEMENT_WORDS = 4  # a sentence with fewer words besides the date is a dateline or stamp, not an event
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

_WORD = re.compile(r"[^\W_]{3,}")


@dataclass(frozen=True)
class Period:
    """A range's end, shaped like an item for the date filters (``value``, ``precision``, ``iso``)."""
    value: date
    precision: str
    iso: str


@dataclass(frozen=True)
class Event:
    iso: str
    precision: str
    value: date
    phrase: str
    sentence: str
    entity_ids: tuple[str, ...]
    article_key: str
    is_publication: bool = False
    end: Period | None = None  # the last period of a range ("10-12 Maret"), else None
    anchor_phrase: str = ""  # the date an anchored date counts from ("2 Maret" for "keesokan harinya")
    anchor_sentence: str = ""  # ... the sentence holding it
    anchor_iso: str = ""  # ... and its date
    cue: str = ""  # the tense cue that decided the date, for review


@dataclass(frozen=True)
class TimelineItem:
    iso: str
    precision: str
    value: date
    sentence: str
    phrase: str
    entity_ids: tuple[str, ...]
    sources: tuple[str, ...]
    is_publication: bool = False
    end: Period | None = None


def _clean(text: str) -> str:
    return " ".join(text.split())


def article_events(text: str, lang: str, published: datetime, article_key: str, title: str, mentions,
                   exprs=None) -> list[Event]:
    """One event per dated expression in a statement sentence, then the article's publication event.

    Entity ids are those whose mention lies inside the sentence. Expressions in sentences with fewer than
    MIN_STATEMENT_WORDS other words (a dateline such as "Kamis 14 Sep 2023 15:56 WIB") are skipped. The
    publication event carries every entity mentioned in the article.
    """
    if exprs is None:
        exprs = temporal.extract(text, lang, published)
    mentions = list(mentions)
    paragraphs = sentences.Paragraphs(text, lang)  # only paragraphs with an expression are split
    ordered = sorted(mentions, key=attrgetter("start", "end", "entity_id"))
    mention_starts = [m.start for m in ordered]
    events = []
    by_span = {(x.start, x.end): x for x in exprs}
    for expr in exprs:
        s, e = _span(paragraphs, expr)
        rest = text[s:expr.start] + " " + text[expr.end:e]
        if len(rest.split()) < MIN_STATEMENT_WORDS:
            continue
        first = bisect_right(mention_starts, s - 1)
        ids = {m.entity_id for m in ordered[first:bisect_right(mention_starts, e)] if m.end <= e}
        end = Period(expr.end_value, expr.end_precision, expr.end_iso) if expr.end_value else None
        anchor_phrase = anchor_sentence = anchor_iso = ""
        if expr.anchor:
            a_start, a_end = expr.anchor
            anchor_phrase, anchor_iso = text[a_start:a_end], by_span[expr.anchor].iso
            anchor_sentence = _clean(text[slice(*_span(paragraphs, _Span(a_start, a_end)))])
        events.append(Event(expr.iso, expr.precision, expr.value, expr.phrase, _clean(text[s:e]),
                            tuple(sorted(ids)), article_key, False, end, anchor_phrase, anchor_sentence,
                            anchor_iso, expr.cue))
    day = published.date()
    events.append(Event(_iso(day, "day"), "day", day, "", _clean(title),
                        tuple(sorted({m.entity_id for m in mentions})), article_key, True))
    return events


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _span(paragraphs, expr) -> tuple[int, int]:
    """The sentence holding ``expr``; a phrase across a split joins the two sentences."""
    s, e = paragraphs.sentence(expr.start)
    if expr.end > e:
        e = paragraphs.sentence(expr.end - 1)[1]
    return s, e


def _tokens(event: Event) -> frozenset[str]:
    sentence = event.sentence.replace(event.phrase, " ") if event.phrase else event.sentence
    return frozenset(w.lower() for w in _WORD.findall(sentence))


def _event_key(e: Event):
    return (e.article_key, e.sentence, e.phrase, e.entity_ids)


def merge(events) -> list[TimelineItem]:
    """Show each real-world event once with all its sources.

    Events merge when they share iso, precision and range end, share an entity (or both have none) and their sentences'
    token Jaccard is at least SIMILAR. Events are bucketed by (iso, precision) and each is compared with at
    most CANDIDATES clusters that share an entity, so the work is O(n log n). Publication events never merge
    with each other.
    """
    buckets: dict[tuple[str, str], list[Event]] = defaultdict(list)
    items: list[TimelineItem] = []
    for event in events:
        if event.is_publication:
            items.append(_item([event], True))
        else:
            buckets[(event.iso, event.precision, event.end.iso if event.end else "")].append(event)
    for key in sorted(buckets):
        clusters: list[list[Event]] = []
        tokens: list[frozenset[str]] = []
        by_entity: dict[str, list[int]] = defaultdict(list)
        for event in sorted(buckets[key], key=_event_key):
            words = _tokens(event)
            seen: set[int] = set()
            target = None
            for ent in event.entity_ids or ("",):
                for c in reversed(by_entity[ent][-CANDIDATES:]):
                    if c in seen:
                        continue
                    seen.add(c)
                    shared = len(words & tokens[c])
                    union = len(words) + len(tokens[c]) - shared
                    if union and shared / union >= SIMILAR:
                        target = c if target is None else min(target, c)
            if target is None:
                target = len(clusters)
                clusters.append([])
                tokens.append(words)
            clusters[target].append(event)
            for ent in event.entity_ids or ("",):
                if not by_entity[ent] or by_entity[ent][-1] != target:
                    by_entity[ent].append(target)
        items.extend(_item(cluster, False) for cluster in clusters)
    return sorted(items, key=sort_key)


def _item(cluster: list[Event], is_publication: bool) -> TimelineItem:
    # The longest sentence says the most; ties go to the first source.
    rep = min(cluster, key=lambda e: (-len(e.sentence), _event_key(e)))
    ids = tuple(sorted({i for e in cluster for i in e.entity_ids}))
    sources = tuple(sorted({e.article_key for e in cluster}))
    return TimelineItem(rep.iso, rep.precision, rep.value, rep.sentence, rep.phrase, ids, sources, is_publication,
                        rep.end)


def sort_key(item: TimelineItem):
    """Newest first, then finer precision, iso, sentence and sources (total and stable)."""
    return (-item.value.toordinal(), PRECISION_RANK.get(item.precision, 9), item.iso,
            item.end.iso if item.end else "", item.sentence, item.sources, item.phrase)


def by_entity(items) -> dict[str, list[TimelineItem]]:
    """Each entity's items, newest first; keys in sorted order."""
    out: dict[str, list[TimelineItem]] = defaultdict(list)
    for item in items:
        for ent in item.entity_ids:
            out[ent].append(item)
    return {ent: sorted(out[ent], key=sort_key) for ent in sorted(out)}


def group_by_year_month(items) -> list[tuple[int, int | None, list[TimelineItem]]]:
    """(year, month, items) newest first; month is None for year-precision items (after the year's months)."""
    def group(item: TimelineItem) -> tuple[int, int | None]:
        return item.value.year, None if item.precision == "year" else item.value.month

    ordered = sorted(items, key=lambda i: (-i.value.year, -(group(i)[1] or 0), sort_key(i)))
    return [(y, m, list(g)) for (y, m), g in groupby(ordered, key=group)]


class OldestFirst:
    """The records of the articles that reported an item, oldest first (by date, then address); each item's
    list is worked out once, since the same item shows on the site timeline and on each of its entities'."""

    def __init__(self, records_by_url: dict):
        self.records_by_url = records_by_url
        ordered = sorted(records_by_url.values(), key=lambda r: (r.date, r.url))
        self._rank = {record.url: number for number, record in enumerate(ordered)}
        self._known: dict[int, tuple[object, list]] = {}

    def __call__(self, item) -> list:
        found = self._known.get(identity(item))
        if found is None or found[0] is not item:
            urls = sorted((url for url in item.sources if url in self._rank), key=self._rank.__getitem__)
            found = self._known[identity(item)] = (item, [self.records_by_url[url] for url in urls])
        return found[1]
