"""Enrichment keeps the process-wide garbage collector on and leaves its state as it found it."""

import gc
from datetime import datetime, timezone

from warta.aggregate.enrich import Document, enrich_corpus
from warta.entities.registry import Entity, make_registry

HTML = "<p>Kim Jong Un bertemu Vladimir Putin di Vostochny pada Rabu (13/9/2023). Putin menyambut Kim.</p>" * 5


def documents(count: int) -> list[Document]:
    return [Document(f"a{i}/", f"Artikel {i}", "", HTML, "id", datetime(2023, 9, 14, tzinfo=timezone.utc))
            for i in range(count)]


def registry():
    return make_registry([Entity("kim-jong-un", "Kim Jong Un", "person"), Entity("vladimir-putin", "Vladimir Putin",
                                                                                 "person")])


def test_the_collector_runs_during_enrichment_and_nothing_stays_frozen():
    collections, corpus, names = [], documents(200), registry()

    def seen(phase, info):
        if phase == "stop":
            collections.append(gc.isenabled())

    gc.callbacks.append(seen)
    try:
        results = enrich_corpus(corpus, names, 0.7)
    finally:
        gc.callbacks.remove(seen)
    assert len(results) == 200 and results[0].first_mentions
    assert len(collections) >= 3 and all(collections)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_objects_frozen_by_someone_else_stay_frozen():
    theirs = [{"frozen": "by the caller"}]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        enrich_corpus(documents(3), registry(), 0.7)
        tracked = gc.get_objects()  # the collector's generations, not the frozen ones
        assert not any(o is theirs or o is theirs[0] for o in tracked)
        # none of enrichment's own stays frozen (frozen objects it frees, such as a cache's, leave the count)
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
