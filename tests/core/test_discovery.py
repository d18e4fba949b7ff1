from pathlib import Path

import yaml
from babel.dates import get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st
from warta.entities.discovery import (
    RUN,
    CorpusStats,
    _merged,
    _runs,
    calendar_words,
    discover,
    rule_discover,
)
from warta.entities.matcher import Matcher
from warta.entities.registry import load_registry
from warta.entities.review import accept
from warta.entities.text import clean

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seeds" / "republika-2023-09-14-kim-putin.txt"
FIXTURE = ROOT / "tests" / "data" / "entities" / "registry"


def names(text, lang="id", stats=None, mentions=(), threshold=0.5, find=rule_discover):
    """What the hand-written rules (an input of the model of names) find; ``find=discover`` for the model."""
    stats = stats or CorpusStats.from_texts([(text, lang)])
    return {c.name: c.type_guess for c in find(text, lang, list(mentions), stats, threshold)}


def test_seed_article_yields_peskov_and_the_cosmodrome():
    text = "\n\n".join(clean(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip())
    registry, _ = load_registry(FIXTURE)
    found = names(text, mentions=Matcher(registry).match(text, "id"), find=discover)
    assert found["Dmitry Peskov"] == "person"
    assert found["Vostochny Cosmodrome"] == "place"
    assert found["Khabarovsk"] == "place"
    assert found["Komsomolsk-on-Amur"] == "place"
    for not_a_name in ("Kamis", "Rabu", "Foto", "Baca Juga", "Advertisement", "Berita Lainnya", "REPUBLIKA.CO.ID",
                       "Kim", "Kim Jong Un", "Rusia", "Presiden", "September"):
        assert not_a_name not in found, not_a_name


def test_titles_are_trimmed_and_give_the_type():
    assert names("Kemarin Presiden Joko Widodo dan Menteri Sri Mulyani hadir.") == {
        "Joko Widodo": "person", "Sri Mulyani": "person"}


def test_cue_words_give_types():
    found = names("Ia kuliah di Universitas Gadjah Mada lalu terbang ke Surabaya, kata Budi Santoso. "
                  "The agency said Acme Corp paid, according to spokesman John Kirby in Geneva.", "en")
    assert found == {"Universitas Gadjah Mada": "organization", "Surabaya": "place", "Budi Santoso": "person",
                     "Acme Corp": "organization", "John Kirby": "person", "Geneva": "place"}


def test_connectors_and_prefixes_stay_inside_names():
    found = names("Mereka bertemu Mohammed bin Salman dan Ursula von der Leyen serta Bashar al-Assad.")
    assert set(found) == {"Mohammed bin Salman", "Ursula von der Leyen", "Bashar al-Assad"}


def test_words_seen_lowercase_elsewhere_are_not_names_alone():
    text = "Pertemuan itu singkat. Sebuah pertemuan lain digelar bersama Widodo. Widodo hadir."
    assert names(text) == {"Widodo": "person"}


def test_calendar_words_come_from_babel():
    words = calendar_words()
    assert {"kamis", "sep", "september", "agustus", "monday", "jan"} <= words
    assert get_month_names("wide", locale="id")[8].lower() in words


def test_corpus_splits_a_run_it_knows_as_two_names():
    corpus = ("Partai Demokrat menang. Kader Partai Demokrat senang. Ketua Partai Demokrat Anas Urbaningrum "
              "hadir. Menurut Anas Urbaningrum semua lancar.")
    found = names(corpus)
    assert found["Partai Demokrat"] == "organization"
    assert "Anas Urbaningrum" in found and "Partai Demokrat Anas Urbaningrum" not in found


def test_an_accepted_entry_is_a_valid_registry_entry(tmp_path):
    text = "Juru bicara Kremlin Dmitry Peskov mengatakan hal itu."
    registry, _ = load_registry(FIXTURE)  # knows the Kremlin
    mentions = Matcher(registry).match(text, "id")
    [candidate] = discover(text, "id", mentions, CorpusStats.from_texts([(text, "id")]), 0.5)
    assert candidate.sentence == text and candidate.type_guess == "person"
    (tmp_path / "people.yml").write_text("# people\n", encoding="utf-8")
    path, problems = accept(tmp_path, candidate.name, candidate.type_guess)
    assert problems == [] and path == tmp_path / "people.yml"
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == [
        {"id": "dmitry-peskov", "name": "Dmitry Peskov", "type": "person"}]
    assert path.read_text(encoding="utf-8").startswith("# people\n")


def test_amounts_codes_and_english_demonyms_are_not_names():
    assert names("Kurs mencapai Rp16.200 dan DP4 diperbarui, kata Budi Santoso.") == {"Budi Santoso": "person"}
    text = "The Russian leader met Brian Russell, Chinese officials and a Malaysian envoy in Malaysia."
    assert set(names(text, "en")) == {"Brian Russell", "Malaysia"}


def test_corpus_types_map_voted_runs_in_sorted_order():
    corpus = [("Kemarin Presiden Budi Santoso hadir di Surabaya. Partai Golkar menang.", "id")]
    stats = CorpusStats.from_texts(corpus)
    # 'di Surabaya' votes place; 'Partai Golkar' votes organisation for 'Golkar'; the others have no cue.
    assert dict(stats.types) == {"Golkar": "organization", "Surabaya": "place"}
    assert list(stats.types) == ["Golkar", "Surabaya"] and len(stats.types) == 2
    assert "Partai Golkar" not in stats.types and stats.types.get("Kemarin Presiden Budi Santoso") is None
    assert stats.runs["Presiden Budi Santoso"] == 1  # the sentence's first word dropped
    assert stats == CorpusStats.from_texts(corpus)


def test_texts_outside_the_corpus_are_discovered_alike():
    corpus = [("Ketua Partai Demokrat Anas Urbaningrum hadir di Jakarta.", "id"),
              ("Menurut Anas Urbaningrum semua lancar.", "id")]
    stats = CorpusStats.from_texts(corpus)
    fresh = CorpusStats(stats.lower, stats.capital, stats.runs, stats.types)  # has not seen the texts
    for text, lang in corpus:
        assert discover(text, lang, [], stats, 0.0) == discover(text, lang, [], fresh, 0.0) != []
        assert rule_discover(text, lang, [], stats, 0.0) == rule_discover(text, lang, [], fresh, 0.0) != []


def test_possessives_and_registry_short_forms_are_not_new_names():
    from warta.entities.discovery import CorpusStats, rule_discover as discover

    text = "Officials said the leader Kim had no plans. An aide of Heru Budi's team met Dmitry Peskov's deputy."
    stats = CorpusStats.from_texts([(text, "en")])
    names = [c.name for c in discover(text, "en", [], stats, 0.5, known=frozenset({"Kim"}))]
    assert names == ["Heru Budi", "Dmitry Peskov"]
    with_kim = [c.name for c in discover(text, "en", [], stats, 0.5)]
    assert "Kim" in with_kim


RUN_PIECES = ["Kim", "Jong", "Un", "bin", "van", "der", "of the", "al-Assad", "el-Sisi", "St.Petersburg", "O'Neil",
              "Élodie", "éa", "Ärzte", "dan", "a", "e", "-", "Rusia-Korut", "2024", "X_", "’s", "DPR"]
RUN_GLUE = [" ", "  ", ". ", ", ", "\n", "(", "\"", "-", "", "’"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(RUN_PIECES), st.sampled_from(RUN_GLUE)), max_size=20))
def test_runs_are_the_run_pattern_matches(parts):
    text = "".join(a + b for a, b in parts)
    starts, found = _runs(text)
    assert list(zip(starts, found)) == [(m.start(), m.group()) for m in RUN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=8))
def test_merged_spans_join_those_that_meet(raw):
    spans = [(start, start + size) for start, size in raw]
    merged = _merged(spans)
    covered = {i for start, end in spans for i in range(start, end)}
    assert {i for start, end in merged for i in range(start, end)} == covered
    assert all(a_end < b_start for (_, a_end), (b_start, _) in zip(merged, merged[1:]))  # apart, in order
    assert all(any(s <= start and end <= e for s, e in merged) for start, end in spans)


def test_one_cue_word_lifts_a_lone_name_over_the_threshold():
    text = "Kemarin tim tiba di Surabaya lalu bertemu warga Bandung kemarin."
    # Each is named once mid-sentence: 0.5, plus 0.2 for 'di Surabaya'; 'Bandung' has no cue word around it.
    assert names(text, threshold=0.7) == {"Surabaya": "place"}
    assert names(text, threshold=0.5) == {"Surabaya": "place", "Bandung": "person"}
    assert names(text, threshold=0.71) == {}


def test_law_words_time_zones_and_compass_demonyms_are_not_names():
    from warta.entities.discovery import CorpusStats, rule_discover as discover

    texts = [("Gugatan menyasar Pasal 169 UU Nomor 7 Tahun 2017, kata Anwar Hidayat pukul 10.00 WIB di KTT itu.", "id"),
             ("North Korean leader Kim met South African officials and Amara Okafor.", "en")]
    stats = CorpusStats.from_texts(texts)
    found = [[c.name for c in discover(text, lang, [], stats, 0.5)] for text, lang in texts]
    assert found == [["Anwar Hidayat"], ["Kim", "Amara Okafor"]]
