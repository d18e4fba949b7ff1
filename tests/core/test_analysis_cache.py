"""The analysis cache folder: a file is written when one of its entries was computed or dropped, and left alone
when nothing in it changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.aggregate.cache import AnalysisCache
from warta.aggregate.enrich import Analysis
from warta.entities.text import article_text

REPO = Path(__file__).resolve().parents[2]


def get(cache: AnalysisCache, key: str, compute):
    """The cached analysis under ``key``, else ``compute()``; kept for the next save either way."""
    found = cache.cached(key)
    cache.keep(key, compute() if found is None else found[0])
    return cache.new[key][0]


def analysis(text: str) -> Analysis:
    return Analysis(article_text(text, "", ""), (), ())


def stamp(path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


def stored(folder, part: str = "entries") -> list[str]:
    return sorted(key for file in folder.glob("*.json") for key in json.loads(file.read_text(encoding="utf-8"))[part])


def test_a_file_is_rewritten_only_when_its_entries_change(tmp_path):
    folder = tmp_path / "analysis"
    a, b, c, d = "a1" * 32, "b2" * 32, "c3" * 32, "a1" + "d4" * 31  # d shares a's file
    first = AnalysisCache(folder)
    get(first, a, lambda: analysis("Satu."))
    get(first, b, lambda: analysis("Dua."))
    first.save()
    assert sorted(p.name for p in folder.iterdir()) == ["a1.json", "b2.json"]
    written = {p.name: stamp(p) for p in folder.iterdir()}

    same = AnalysisCache(folder)
    assert get(same, a, lambda: analysis("other")).text.text.strip() == "Satu."
    get(same, b, lambda: analysis("other"))
    same.save()
    assert {p.name: stamp(p) for p in folder.iterdir()} == written and same.hits == 2

    fewer = AnalysisCache(folder)  # b is no longer used: its file goes, a's stays untouched
    get(fewer, a, lambda: analysis("other"))
    fewer.save()
    assert stored(folder) == [a] and stamp(folder / "a1.json") == written["a1.json"]

    more = AnalysisCache(folder)  # c and d are new: d is written beside a, c in a file of its own
    get(more, a, lambda: analysis("other"))
    get(more, c, lambda: analysis("Tiga."))
    get(more, d, lambda: analysis("Empat."))
    more.save()
    assert stored(folder) == sorted([a, c, d]) and stamp(folder / "a1.json") != written["a1.json"]
    again = AnalysisCache(folder)
    assert [get(again, k, lambda: analysis("other")).text.text.strip() for k in (a, c, d)] == ["Satu.", "Tiga.",
                                                                                            "Empat."]


def test_a_bad_file_costs_only_its_own_entries(tmp_path):
    folder = tmp_path / "analysis"
    a, b = "a1" * 32, "b2" * 32
    first = AnalysisCache(folder)
    get(first, a, lambda: analysis("Satu."))
    get(first, b, lambda: analysis("Dua."))
    first.save()
    (folder / "b2.json").write_text('{"some": "other tool"}', encoding="utf-8")
    (folder / "zz.json").write_bytes(b"\x80 not json")
    second = AnalysisCache(folder)
    assert get(second, a, lambda: analysis("other")).text.text.strip() == "Satu."
    assert get(second, b, lambda: analysis("Dua lagi.")).text.text.strip() == "Dua lagi."
    assert second.hits == 1 and second.warning.startswith(f"{folder / 'b2.json'}: analysis cache ignored")
    second.save()
    assert sorted(p.name for p in folder.iterdir()) == ["a1.json", "b2.json"] and stored(folder) == [a, b]


@pytest.mark.parametrize("inner", ["[" * 100_000 + "]" * 100_000, '{"not": "an entry"', "[[1, 2], 3]"])
def test_a_bad_entry_inside_a_good_file_costs_only_its_file(tmp_path, inner):
    """Entries are JSON texts of their own, decoded when read: a broken one is ignored like a broken file."""
    folder = tmp_path / "analysis"
    a = "a1" * 32
    first = AnalysisCache(folder)
    get(first, a, lambda: analysis("Satu."))
    first.save()
    data = json.loads((folder / "a1.json").read_text(encoding="utf-8"))
    data["entries"][a] = inner
    (folder / "a1.json").write_text(json.dumps(data), encoding="utf-8")
    second = AnalysisCache(folder)
    assert get(second, a, lambda: analysis("Satu lagi.")).text.text.strip() == "Satu lagi."
    assert second.hits == 0 and second.warning.startswith(f"{folder / 'a1.json'}: analysis cache ignored")


def test_enrichment_comes_from_the_cache_while_the_corpus_answers_its_questions_as_before(tmp_path):
    from datetime import datetime, timezone

    from warta.aggregate.enrich import Document, enrich_corpus
    from warta.entities.registry import Entity, make_registry

    registry = make_registry([Entity("jakarta", "Jakarta", "place")])
    when = datetime(2024, 5, 1, tzinfo=timezone.utc)
    docs = [Document("a", "Banjir di Jakarta", "", "<p>Gubernur Heru Budi Hartono meninjau Kampung Melayu.</p>",
                     "id", when),
            Document("b", "Rapat", "", "<p>Menteri Sri Mulyani bertemu Bank Dunia di Jakarta.</p>", "id", when)]
    path = tmp_path / "analysis"
    cold_cache = AnalysisCache(path)
    cold = enrich_corpus(docs, registry, 0.5, cold_cache)
    cold_cache.save()
    warm_cache = AnalysisCache(path)
    warm = enrich_corpus(docs, registry, 0.5, warm_cache)
    assert warm == cold and warm_cache.enrich_hits == 2 and warm_cache.computed == 0
    assert warm_cache.name_hits == 0  # the spans are not even read, but kept for a later build
    assert "Kampung Melayu" in {c.name for r in cold for c in r.candidates}  # the spans were used
    warm_cache.save()

    # "b" edited: its words are not ones "a" asked about, so "a" keeps its enrichment
    edited = [docs[0], Document("b", "Rapat", "", "<p>Menteri Sri Mulyani bertemu IMF di Jakarta.</p>", "id", when)]
    after_edit = AnalysisCache(path)
    assert enrich_corpus(edited, registry, 0.5, after_edit) == enrich_corpus(edited, registry, 0.5)
    assert after_edit.enrich_hits == 1 and after_edit.computed == 2  # b's analysis and spans
    after_edit.save()

    # now "b" writes "kampung" in lowercase twice: the corpus's answer on "Kampung" changes, "a" is enriched again,
    # and its spans (kept, though not read, by the builds before) are stale too
    ordinary = [docs[0], Document("b", "Rapat", "", "<p>Warga kampung di kampung itu bertemu IMF.</p>", "id", when)]
    changed = AnalysisCache(path)
    assert enrich_corpus(ordinary, registry, 0.5, changed) == enrich_corpus(ordinary, registry, 0.5)
    assert changed.enrich_hits == 0 and changed.name_hits == 0 and changed.computed == 3


def damage(folder, part: str, change) -> None:
    """Apply ``change`` to the first entry of ``part`` in the cache ``folder`` (each entry a JSON text of its own)."""
    file = next(f for f in sorted(folder.glob("*.json")) if json.loads(f.read_text(encoding="utf-8"))[part])
    data = json.loads(file.read_text(encoding="utf-8"))
    key = next(iter(data[part]))
    entry = json.loads(data[part][key])
    change(entry)
    data[part][key] = json.dumps(entry)
    file.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("part", ["names", "enriched"])
def test_a_span_outside_its_text_or_a_match_the_analysis_lacks_costs_its_file(tmp_path, part):
    from datetime import datetime, timezone

    from warta.aggregate.enrich import Document, enrich_corpus
    from warta.entities.registry import Entity, make_registry

    registry = make_registry([Entity("jakarta", "Jakarta", "place")])
    when = datetime(2024, 5, 1, tzinfo=timezone.utc)
    docs = [Document("a", "Banjir di Jakarta", "", "<p>Gubernur Heru Budi Hartono meninjau Jakarta Utara.</p>", "id",
                     when)]
    path = tmp_path / "analysis"
    first = AnalysisCache(path)
    enrich_corpus(docs, registry, 0.5, first)
    first.save()

    def outside(entry):
        if part == "names":
            entry[2] = [[0, 10 ** 6, "person", 0.9, None]]
        else:
            entry[2][5][0] = 10 ** 6  # the first linked mention: a match number (the analysis has two)
            for file in path.glob("*.json"):  # and the spans are not read at all
                data = json.loads(file.read_text(encoding="utf-8"))
                file.write_text(json.dumps({**data, "names": {}}), encoding="utf-8")
    if part == "names":  # the spans are read only when the enrichment must be made again
        for file in path.glob("*.json"):
            data = json.loads(file.read_text(encoding="utf-8"))
            file.write_text(json.dumps({**data, "enriched": {}}), encoding="utf-8")
    damage(path, part, outside)
    damaged = AnalysisCache(path)
    assert enrich_corpus(docs, registry, 0.5, damaged) == enrich_corpus(docs, registry, 0.5)
    assert damaged.warning and "analysis cache ignored" in damaged.warning
    assert damaged.enrich_hits == 0 and damaged.name_hits == 0


@pytest.mark.parametrize("where", [(0, 0, 0), (2, 0, 5), (3, 0, 0)], ids=["tag", "event", "first-mention"])
def test_an_enrichment_naming_an_id_the_registry_lacks_costs_its_file(tmp_path, where):
    from datetime import datetime, timezone

    from warta.aggregate.enrich import Document, enrich_corpus
    from warta.entities.registry import Entity, make_registry

    registry = make_registry([Entity("jakarta", "Jakarta", "place")])
    docs = [Document("a", "Banjir di Jakarta", "", "<p>Air merendam Jakarta pada Senin (6/5/2024).</p>", "id",
                     datetime(2024, 5, 7, tzinfo=timezone.utc))]
    path = tmp_path / "analysis"
    first = AnalysisCache(path)
    fresh = enrich_corpus(docs, registry, 0.5, first)
    first.save()
    part, row, field = where

    def unknown(entry):
        value = entry[2][part][row][field]
        entry[2][part][row][field] = ["tidak-ada"] if isinstance(value, list) else "tidak-ada"
    damage(path, "enriched", unknown)
    damaged = AnalysisCache(path)
    assert enrich_corpus(docs, registry, 0.5, damaged) == fresh
    assert damaged.warning and "does not fit this registry" in damaged.warning and damaged.enrich_hits == 0


def test_a_registry_change_keeps_every_article_s_name_spans(tmp_path):
    """The spans, the text and its dates depend on the article and the corpus, not the registry: a new alias matches
    every article again but runs the model of names and the date finder over none, and the enrichment equals one
    computed from nothing. Enrichments made with the old registry are not loaded at all."""
    from datetime import datetime, timezone

    from warta.aggregate.enrich import Document, enrich_corpus, enrichment_stamp
    from warta.entities.registry import Entity, make_registry

    when = datetime(2024, 5, 1, tzinfo=timezone.utc)
    docs = [Document("a", "Banjir di Jakarta", "", "<p>Gubernur Heru Budi Hartono meninjau Kampung Melayu.</p>",
                     "id", when),
            Document("b", "Rapat", "", "<p>Menteri Sri Mulyani bertemu Bank Dunia di Jakarta.</p>", "id", when)]
    before = make_registry([Entity("jakarta", "Jakarta", "place")])
    after = make_registry([Entity("jakarta", "Jakarta", "place"),
                           Entity("sri-mulyani", "Sri Mulyani Indrawati", "person", aliases=("Sri Mulyani",))])
    path = tmp_path / "analysis"
    first = AnalysisCache(path, enrichment_stamp(before.digest))
    enrich_corpus(docs, before, 0.5, first)
    first.save()
    assert len(AnalysisCache(path, enrichment_stamp(before.digest)).old_enriched) == 2
    second = AnalysisCache(path, enrichment_stamp(after.digest))
    assert second.old_enriched == {}  # made with another registry: not even loaded
    result = enrich_corpus(docs, after, 0.5, second)
    assert result == enrich_corpus(docs, after, 0.5)
    assert second.hits == 2 and second.name_hits == 2 and second.computed == 0  # the matches found again
    assert "sri-mulyani" in {e.id for e in result[1].entities}
    second.save()  # with the new matches: the next build with this registry takes them as they are
    third = AnalysisCache(path, enrichment_stamp(after.digest))
    assert enrich_corpus(docs, after, 0.5, third) == result and third.read == {*third.new}
    assert third.enrich_hits == 2


def test_cached_name_spans_and_enrichments_equal_fresh_ones_after_any_edit(tmp_path):
    """Real news sentences (idner-news-2k dev) as 24 articles; rounds of random edits (a sentence moved between
    articles, one added, one deleted): every enrichment from the cache equals one computed from nothing, also for
    shared forms, whose links read the site's prior (which articles name each candidate by a form of its own)."""
    import random
    from datetime import datetime, timezone
    from html import escape

    from warta.aggregate.enrich import Document, enrich_corpus
    from warta.entities.name_training import read_conll
    from warta.entities.registry import Entity, make_registry

    sentences = [text for text, _ in read_conll(REPO / "tests/data/idner-news-2k/dev.txt")][:240]
    articles = [sentences[i:i + 10] for i in range(0, 240, 10)]
    registry = make_registry([
        Entity("jakarta", "Jakarta", "place"), Entity("joko-widodo", "Joko Widodo", "person", aliases=("Jokowi",)),
        Entity("dki-jakarta", "Provinsi DKI Jakarta", "place", aliases=("DKI Jakarta", "Jakarta")),
        Entity("indonesia", "Indonesia", "place", aliases=("RI",)),
        Entity("timnas", "Tim nasional Indonesia", "organization", short=("Indonesia",))])
    when = datetime(2024, 5, 1, tzinfo=timezone.utc)

    def documents():
        return [Document(f"a{i}", f"Berita {i}", "", "".join(f"<p>{escape(s)}</p>" for s in body), "id", when)
                for i, body in enumerate(articles)]

    rng, path, kept = random.Random(11), tmp_path / "analysis", 0
    first = AnalysisCache(path)
    enrich_corpus(documents(), registry, 0.5, first)
    first.save()
    for _ in range(4):
        source, target = rng.sample(range(len(articles)), 2)
        articles[target][rng.randrange(10)] = articles[source][rng.randrange(10)]
        articles.append(rng.sample(sentences, 10))
        del articles[rng.randrange(len(articles) - 1)]
        cache = AnalysisCache(path)
        assert enrich_corpus(documents(), registry, 0.5, cache) == enrich_corpus(documents(), registry, 0.5)
        cache.save()
        kept += cache.name_hits + cache.enrich_hits
    assert kept > 0  # some did come from the cache


def test_linked_html_is_kept_while_a_build_asks_for_it_and_a_bad_entry_costs_its_file(tmp_path):
    folder = tmp_path / "analysis"
    a, b = "a1" * 32, "b2" * 32
    first = AnalysisCache(folder)
    assert first.cached_links(a) is None and first.computed == 0  # linking is not an analysis: not counted
    first.keep_links(a, '<p><a class="entity" href="../kim/">Kim</a> tiba.</p>')
    first.keep_links(b, "<p>Putin.</p>")
    first.save()
    assert stored(folder, "links") == [a, b]

    second = AnalysisCache(folder)  # b's article is gone: its linked HTML goes with it
    assert second.cached_links(a) == '<p><a class="entity" href="../kim/">Kim</a> tiba.</p>'
    second.save()
    assert stored(folder, "links") == [a]

    data = json.loads((folder / "a1.json").read_text(encoding="utf-8"))
    data["links"][a] = ["not", "html"]
    (folder / "a1.json").write_text(json.dumps(data), encoding="utf-8")
    third = AnalysisCache(folder)
    assert third.cached_links(a) is None and third.warning.startswith(f"{folder / 'a1.json'}: analysis cache ignored")


def test_the_cache_key_s_code_digest_covers_the_model_and_its_word_list_but_not_bytecode(tmp_path):
    from warta.aggregate.enrich import code_version, tree_digest

    core = Path(__file__).parents[2] / "plugins" / "warta"
    assert tree_digest(core) == code_version()
    (tmp_path / "entities" / "models").mkdir(parents=True)
    (tmp_path / "entities" / "linking.py").write_text("RULE = 1\n")
    model = tmp_path / "entities" / "models" / "names-v1.crfsuite"
    model.write_bytes(b"weights")
    before = tree_digest(tmp_path)
    (tmp_path / "entities" / "__pycache__").mkdir()
    (tmp_path / "entities" / "__pycache__" / "linking.cpython-311.pyc").write_bytes(b"\0")
    assert tree_digest(tmp_path) == before
    model.write_bytes(b"weights retrained")  # same file name, other behaviour
    assert tree_digest(tmp_path) != before


def test_an_article_s_enrichment_is_made_again_when_the_site_s_prior_for_its_shared_forms_changes(tmp_path):
    """'Georgia' alone is settled by nothing in article a: its candidates are ranked by how the other articles
    name them. Editing b (which names the country, then the state, then neither) reorders them in a's review entry,
    so a's cached enrichment must not outlive the edit; an edit that leaves the prior alone keeps it."""
    from datetime import datetime, timezone

    from warta.aggregate.enrich import Document, enrich_corpus
    from warta.entities.registry import Entity, make_registry

    registry = make_registry([Entity("georgia", "Georgia", "place", aliases=("Republik Georgia",)),
                              Entity("georgia-us", "Negara Bagian Georgia", "place", aliases=("Georgia",))])
    when = datetime(2024, 5, 1, tzinfo=timezone.utc)

    def build(b: str):
        docs = [Document("a", "Cuaca", "", "<p>Hujan deras melanda Georgia pekan ini.</p>", "id", when),
                Document("b", "Kunjungan", "", f"<p>{b}</p>", "id", when),
                Document("c", "Atlanta", "", "<p>Atlanta, ibu kota Georgia, diguyur hujan.</p>", "id", when,
                         links=(("Georgia", "georgia-us"),))]  # settled by its front-matter: a new Mention
        cache = AnalysisCache(tmp_path / "analysis")
        result = enrich_corpus(docs, registry, 0.5, cache)
        assert result == enrich_corpus(docs, registry, 0.5)
        cache.save()
        return result[0].ambiguous[0].candidates, cache.enrich_hits

    assert build("Presiden Republik Georgia berkunjung ke Jakarta.") == (("georgia", "georgia-us"), 0)
    assert build("Presiden Republik Georgia tiba di Jakarta.") == (("georgia", "georgia-us"), 2)  # a's, c's kept
    assert build("Gubernur Negara Bagian Georgia tiba di Jakarta.") == (("georgia-us", "georgia"), 0)
