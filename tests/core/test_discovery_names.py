"""The model of names and its exact rules on the cases issue 13 names (warta.entities.names, discover)."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.entities.discovery import CorpusStats, discover
from warta.entities.matcher import Matcher
from warta.entities.names import name_spans
from warta.entities.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]


def spans(text, lang="id", floor=0.0):
    return {text[n.start:n.end]: n.type for n in name_spans(text, lang) if n.confidence >= floor}


def found(text, lang="id", mentions=(), threshold=0.0, others=True):
    stats = CorpusStats.from_texts([(text, lang)])
    return {c.name: c for c in discover(text, lang, list(mentions), stats, threshold, others=others)}


def test_titles_stay_out_of_names_and_countries_come_apart():
    assert spans("Presiden Rusia Vladimir Putin tiba di Vladivostok.") == {
        "Rusia": "place", "Vladimir Putin": "person", "Vladivostok": "place"}
    assert "Pratikno" in spans("Menteri Sekretaris Negara Pratikno tiba di Istana.")
    text = "Menteri Pekerjaan Umum dan Perumahan Rakyat Basuki Hadimuljono meninjau bendungan."
    assert set(spans(text)) == {"Basuki Hadimuljono"}
    text = "French President Emmanuel Macron met Indonesian Foreign Minister Retno Marsudi."
    assert set(spans(text, "en")) == {"Emmanuel Macron", "Retno Marsudi"}  # an office named by a demonym


def test_coordinated_official_names_are_one_name():
    text = "Pejabat Kementerian Pekerjaan Umum dan Perumahan Rakyat meninjau bendungan di Bogor."
    assert spans(text)["Kementerian Pekerjaan Umum dan Perumahan Rakyat"] == "organization"


def test_an_acronym_opening_a_persons_name_is_the_body_they_lead():
    assert spans("Ketua MKMK Jimly Asshiddiqie membacakan putusan.") == {
        "MKMK": "organization", "Jimly Asshiddiqie": "person"}


def test_an_expansion_before_its_acronym_is_one_name_with_an_alias():
    text = "Dana itu berasal dari Anggaran Pendapatan dan Belanja Negara (APBN) tahun ini."
    names = found(text)
    assert names["Anggaran Pendapatan dan Belanja Negara"].aliases == ("APBN",)
    assert names["Anggaran Pendapatan dan Belanja Negara"].type_guess is None  # a budget: not shown to readers
    assert "Anggaran Pendapatan" not in names
    text = "Jaksa Komisi Pemberantasan Korupsi (KPK) membacakan tuntutan."
    assert found(text)["Komisi Pemberantasan Korupsi"].aliases == ("KPK",)


def test_the_head_of_an_apposition_says_what_a_name_is():
    text = "Pemohonnya adalah Almas Tsaqibbirru, mahasiswa Universitas Surakarta, yang mengagumi Gibran."
    assert spans(text)["Almas Tsaqibbirru"] == "person"  # the model alone reads an organisation
    assert found(text)["Almas Tsaqibbirru"].type_guess == "person"


def test_events_and_documents_are_not_people_organisations_or_places():
    texts = [("Konferensi Tingkat Tinggi ASEAN digelar di Labuan Bajo pekan depan.", "id"),
             ("The Comprehensive Strategic Partnership was signed by Joko Widodo and Anthony Albanese.", "en")]
    for text, lang in texts:
        shown = found(text, lang, others=False)
        assert all(c.type_guess for c in shown.values())
        assert not {"Konferensi Tingkat Tinggi ASEAN", "Tingkat Tinggi", "Comprehensive Strategic Partnership"} & set(shown)
    assert found(*texts[1])["Comprehensive Strategic Partnership"].type_guess is None  # listed for review only


def test_a_registered_short_form_does_not_cut_a_longer_unregistered_name():
    registry, _ = load_registry(ROOT / "content" / "entities")
    kim_jong_il = registry.entities.pop("kim-jong-il")  # only Kim Jong Un is registered
    assert kim_jong_il.name == "Kim Jong Il"
    text = "Kemarin Kim Jong Un memimpin upacara untuk mengenang Kim Jong Il di Pyongyang."
    mentions = Matcher(registry).match(text, "id")
    assert [(m.surface, m.via) for m in mentions][:2] == [("Kim Jong Un", "name"), ("Kim", "short")]
    names = found(text, mentions=mentions)
    assert "Kim Jong Il" in names and "Jong Il" not in names


def test_spans_are_ordered_apart_and_deterministic():
    text = "Presiden Joko Widodo bertemu Perdana Menteri Anthony Albanese di Sydney. Keduanya makan siang."
    first = name_spans(text, "id")
    assert first == name_spans(text, "id")
    assert all(a.end <= b.start for a, b in zip(first, first[1:]))
    assert {text[n.start:n.end] for n in first} >= {"Joko Widodo", "Anthony Albanese", "Sydney"}


def test_discover_takes_a_registry_in_place_of_its_mentions():
    registry, _ = load_registry(ROOT / "content" / "entities")
    text = "Presiden Rusia Vladimir Putin bertemu Dmitry Peskov di Moskow."
    stats = CorpusStats.from_texts([(text, "id")])
    by_registry = discover(text, "id", registry, stats, 0.0)
    assert by_registry == discover(text, "id", Matcher(registry).match(text, "id"), stats, 0.0)
    assert {c.name for c in by_registry} == {"Dmitry Peskov"}


def test_names_do_not_run_over_ordinary_words_or_possessives():
    text = ("Quick counts after Wednesday's election show Defence Minister Prabowo Subianto ahead, according to "
            "the Russian news agency TASS. It is Putin's first visit since the war began.")
    found_spans = spans(text, "en")
    assert "Prabowo Subianto" in found_spans and "TASS" in found_spans
    assert not [s for s in found_spans if " " in s and any(w.islower() for w in s.split())]
    assert not [s for s in found_spans if s.endswith(("'s", "’s"))]


PIECES = ["Presiden", "Joko", "Widodo", "dan", "Kementerian", "Luar", "Negeri", "(KLN)", "Rusia", "the", "Red",
          "Cross", "Kim's", "bin", "al-Assad", "KTT", "ASEAN", "(APBN)", "Anggaran", "Negara", "di", "said",
          "2024", "Rp16.200", "Menteri", "Ibu", "Kota", "’s", "«", "Ärzte", "O'Neil", "-", "x"]
GLUE = [" ", "  ", ". ", ", ", "\n", "\n\n", " (", ") ", "-", "\""]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=25),
       st.sampled_from(["id", "en"]))
def test_spans_are_inside_the_text_in_order_and_apart(parts, lang):
    text = "".join(a + b for a, b in parts)
    found = name_spans(text, lang)
    assert found == name_spans(text, lang)
    for name in found:
        assert 0 <= name.start < name.end <= len(text)
        assert text[name.start:name.end] == text[name.start:name.end].strip()
        assert 0.0 <= name.confidence <= 1.0 and name.type in (None, "person", "organization", "place")
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), [(text[n.start:n.end], n) for n in found]
