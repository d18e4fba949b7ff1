"""warta.temporal.sentences: spans, abbreviations, decimals, paragraph breaks; Paragraphs agrees with split."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warta.temporal.sentences import Paragraphs, split


def pieces(text, lang="id"):
    return [text[s:e] for s, e in split(text, lang)]


def test_simple_sentences_and_offsets():
    text = "Kim tiba di Rusia. Putin menyambutnya! Apa hasilnya? "
    assert pieces(text) == ["Kim tiba di Rusia.", "Putin menyambutnya!", "Apa hasilnya?"]
    assert split(text)[0] == (0, 18)


@pytest.mark.parametrize("text", [
    "Rapat digelar 14 Sept. 2023 di Jakarta.",
    "Kantornya di Jl. Sudirman nomor 5.",
    "Ia diperiksa dr. Andi di rumah sakit.",
    "Dr. Andi memeriksa pasien itu.",
    "Aturan No. 7 berlaku sejak lama.",
    "Officials from the U.S. State Department arrived.",
    "President J. Biden spoke briefly.",
    "Suku bunga naik menjadi 6,25 persen pada pekan itu.",
    "Growth was 3.5 percent last year.",
    "Prof. Mahfud MD hadir.",
    "Gelar S.H. diraihnya pada 2001.",
])
def test_abbreviations_and_numbers_do_not_end_a_sentence(text):
    assert pieces(text) == [text]


def test_paragraph_break_ends_a_sentence_without_punctuation():
    text = "Judul tanpa titik\n\nKim tiba di Rusia. Putin menyambutnya\n  \nParagraf ketiga"
    assert pieces(text) == ["Judul tanpa titik", "Kim tiba di Rusia.", "Putin menyambutnya", "Paragraf ketiga"]


def test_single_newline_does_not_end_a_sentence():
    assert pieces("Kim tiba\ndi Rusia. Lalu pulang.") == ["Kim tiba\ndi Rusia.", "Lalu pulang."]


def test_closing_quote_stays_with_its_sentence():
    text = "“Kami puas,” kata Kim. “Kerja sama diperkuat.” Putin setuju."
    assert pieces(text) == ["“Kami puas,” kata Kim.", "“Kerja sama diperkuat.”", "Putin setuju."]


def test_lowercase_after_a_full_stop_continues_the_sentence():
    assert pieces("Ia tiba pk. delapan pagi. Semua senang.") == ["Ia tiba pk. delapan pagi.", "Semua senang."]


def test_empty_and_blank_text():
    assert split("") == []
    assert split("  \n\n \t") == []


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab Kc.!?”)\n\t(Jl.U.S", max_size=120))
def test_paragraphs_give_the_sentence_split_gives(text):
    spans = split(text)
    paragraphs = Paragraphs(text)
    for pos, char in enumerate(text):
        if not char.isspace():
            assert paragraphs.sentence(pos) == next(s for s in spans if s[0] <= pos < s[1])


def test_paragraphs_split_only_on_demand_and_agree_with_split():
    text = "Kim tiba. Putin menyambut.\n\nDr. Andi hadir. Semua senang"
    paragraphs = Paragraphs(text)
    assert paragraphs.sentence(text.index("Putin")) == (10, 26)
    assert text[slice(*paragraphs.sentence(text.index("Andi")))] == "Dr. Andi hadir."
    assert text[slice(*paragraphs.sentence(len(text) - 1))] == "Semua senang"
