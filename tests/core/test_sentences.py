"""warta.sentences.split: spans, abbreviations, decimals, paragraph breaks."""

import pytest

from warta.sentences import split


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
