"""Benchmarks of the pure core on generated articles: entities, temporal expressions, aggregation.

Speed is measured here and reported by `invoke bench`, never asserted in tests.
"""

from __future__ import annotations

import math
import random
import statistics
import time
from datetime import datetime, timedelta

from slugify import slugify
from warta.aggregate.enrich import settled_results
from warta.aggregate.timeline import article_events, by_entity, merge
from warta.entities.discovery import CorpusStats, discover
from warta.entities.lexicon import ordinary
from warta.entities.linking import link
from warta.entities.matcher import Matcher
from warta.entities.names import name_spans
from warta.entities.registry import Entity, make_registry, shared_forms
from warta.entities.tagging import tag
from warta.entities.text import article_text
from warta.source.frontmatter import SITE_ZONE
from warta.temporal import extract

from warta_build.corpus import body, known_names, synthetic_names


def big_registry(aliases: int = 20_000):
    """A registry with about ``aliases`` names and aliases: the corpus' own names plus made-up people."""
    entities = [Entity(slugify(name), name, kind) for name, kind in known_names()]
    for name, alias in synthetic_names(max(0, (aliases - len(entities)) // 2)):
        entities.append(Entity(slugify(name), name, "person", aliases=(alias,)))
    return make_registry(entities)


def texts(count: int, seed: int = 3):
    """(title, html, lang, published) of ``count`` generated ~450-word articles."""
    out = []
    for index in range(count):
        rng = random.Random(seed * 7919 + index)
        lang = "id" if rng.random() < 0.7 else "en"
        html = "".join(f"<p>{p}</p>" for p in body(rng, lang).split("\n\n"))
        published = datetime(2023, 1, 1, 8, tzinfo=SITE_ZONE) + timedelta(hours=7 * index)
        out.append((f"Artikel {index}", html, lang, published))
    return out


def _clock(totals: dict, key: str, function):
    start = time.perf_counter()
    result = function()
    totals[key] = totals.get(key, 0.0) + time.perf_counter() - start
    return result


def entities_and_time(count: int = 5000, aliases: int = 20_000) -> dict:
    """Per-article cost of each enrichment step on ``count`` articles against a registry of ``aliases``,
    with kept results frozen between steps, as the build freezes them (warta.aggregate.enrich.settled_results)."""
    with settled_results() as settle:
        return _entities_and_time(count, aliases, settle)


def _entities_and_time(count: int, aliases: int, settle) -> dict:
    totals: dict[str, float] = {}
    registry = _clock(totals, "registry_build", lambda: big_registry(aliases))
    matcher = _clock(totals, "automaton_build", lambda: Matcher(registry))
    docs = texts(count)
    settle()
    prepared = [_clock(totals, "plain_text", lambda d=d: article_text(d[0], "", d[1])) for d in docs]
    settle()
    mentions = [_clock(totals, "match", lambda t=t, d=d: matcher.match(t.text, d[2])) for t, d in zip(prepared, docs)]
    stats = _clock(totals, "corpus_stats", lambda: CorpusStats.from_texts((t.text, d[2]) for t, d in zip(prepared, docs)))
    memo: dict = {}
    settle()
    found = [_clock(totals, "discovery", lambda t=t, d=d, m=m: discover(t.text, d[2], m, stats, 0.7, memo=memo))
             for t, d, m in zip(prepared, docs, mentions)]
    settle()
    for t, d, m, c in zip(prepared, docs, mentions, found):
        _clock(totals, "tag_and_salience", lambda: tag(t, d[2], None, registry, (), (), c, mentions=m))
    times = [_clock(totals, "temporal", lambda t=t, d=d: extract(t.text, d[2], d[3])) for t, d in zip(prepared, docs)]
    for t, d, m, x in zip(prepared, docs, mentions, times):
        _clock(totals, "events", lambda: article_events(t.text, d[2], d[3], d[0], d[0], m, x))
    entity_step = sum(totals[k] for k in ("match", "corpus_stats", "discovery", "tag_and_salience"))
    report = {"articles": count, "registry_forms": sum(len(e.full_forms()) for e in registry.entities.values()),
              "automaton_build_s": round(totals["automaton_build"], 3)}
    for key in ("plain_text", "match", "corpus_stats", "discovery", "tag_and_salience", "temporal", "events"):
        report[f"{key}_ms_per_article"] = round(totals[key] * 1000 / count, 4)
    report["entity_step_ms_per_article"] = round(entity_step * 1000 / count, 4)
    return report


def shared_registry(size: int = 300, shared: int = 30):
    """``size`` entries: the corpus' own names, ``shared`` more entries each sharing one of those names (a club
    named like its city, a commission like its province), and made-up people."""
    own = [Entity(slugify(name), name, kind) for name, kind in known_names()]
    twins = [Entity(f"{e.id}-2", f"{e.name} Dua", "organization" if e.type != "organization" else "place",
                    aliases=(e.name,), cues=("klub", "club")) for e in own[:shared]]
    people = [Entity(slugify(name), name, "person", aliases=(alias,))
              for name, alias in synthetic_names(max(0, size - len(own) - len(twins)))]
    return make_registry(own + twins + people)


def linking(count: int = 2000) -> dict:
    """Linking registry matches (shared names, nested names, ordinary words) per article, median and mean, on
    ``count`` articles against a 300-entry registry with 30 shared forms; the names the model finds are given."""
    registry = shared_registry()
    matcher = Matcher(registry)
    docs = texts(count)
    prepared = [(article_text(title, "", html).text, lang) for title, html, lang, _ in docs]
    stats = CorpusStats.from_texts(prepared)
    memo: dict = {}
    found = [(text, lang, matcher.match(text, lang), name_spans(text, lang, stats, memo=memo)) for text, lang in prepared]
    times, ambiguous = [], 0
    for text, lang, mentions, names in found:
        start = time.perf_counter()
        result = link(text, lang, mentions, names, registry, ordinary=ordinary)
        times.append(time.perf_counter() - start)
        ambiguous += len(result.ambiguous)
    return {"articles": count, "registry_entries": len(registry.entities), "shared_forms": len(shared_forms(registry)),
            "shared_mentions": sum(1 for *_, mentions, _ in found for m in mentions if m.candidates),
            "left_ambiguous": ambiguous, "median_ms_per_article": round(statistics.median(times) * 1000, 4),
            "mean_ms_per_article": round(sum(times) * 1000 / count, 4)}


def aggregation(sizes=(5000, 20000)) -> dict:
    """Timeline merge and per-entity grouping at growing corpus sizes, with the n·log n yardstick."""
    registry = big_registry(2_000)
    matcher = Matcher(registry)
    report = {}
    base_docs = texts(500, seed=5)
    base_events = []
    for title, html, lang, published in base_docs:
        text = article_text(title, "", html)
        base_events.append((text, lang, published, matcher.match(text.text, lang)))
    for size in sizes:
        events = []
        for index in range(size):  # reuse 500 analysed texts, shifted in time, so only aggregation grows
            text, lang, published, mentions = base_events[index % len(base_events)]
            shifted = published + timedelta(days=7 * (index // len(base_events)))
            events += article_events(text.text, lang, shifted, f"a{index}", f"A {index}", mentions)
        start = time.perf_counter()
        items = merge(events)
        by_entity(items)
        seconds = time.perf_counter() - start
        report[size] = {"events": len(events), "items": len(items), "seconds": round(seconds, 3)}
    small, large = (report[s] for s in sizes)
    n0, n1 = small["events"], large["events"]
    report["growth"] = round(large["seconds"] / small["seconds"], 2)
    report["n_log_n_growth"] = round(n1 * math.log(n1) / (n0 * math.log(n0)), 2)
    return report
