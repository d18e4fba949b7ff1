"""Real-shaped saved pages from different CMSs (tests/data/importer/pages, written for Warta): titles without
the outlet's name, structured authors over credit lines, the publication date and its source, the language."""

from pathlib import Path

import pytest
from warta.importer import read_input, render_markdown
from warta.importer.files import import_paths
from warta.importer.lang import detect_lang, foreign_lang
from warta.importer.pagemeta import clean_title

PAGES = Path(__file__).resolve().parents[1] / "data" / "importer" / "pages"

# file: (title, date, date source, lang, authors, source, first words of the body)
EXPECTED = {
    "dw-2020-01-19-colonial-past.html": (
        "Berlin confronts Germany's colonial past with new initiative", "2020-01-19T14:05:00+00:00",
        "JSON-LD datePublished", "en", ("Lena Hartmann",), "DW", "Berlin's city government has approved"),
    "wordpress-2023-05-04-letters.html": (
        "Letters: Coddling criminals | Undermining road safety | Library hours", "2023-05-04T06:00:00+00:00",
        "meta article:published_time", "en", (), "The Harbour Star", "Re: Judge frees repeat offender"),
    "arc-2024-02-08-wire-credits.html": (
        "Indonesia's rice imports to rise as dry spell hits harvest", "2024-02-08T04:21:10+00:00",
        "meta article:published_time", "en", ("Bernadette Kusuma",), "Reuters", "Indonesia expects to import"),
    "kompas-2024-03-16-banjir-demak.html": (
        "Banjir Rendam Ribuan Rumah di Demak, Warga Mengungsi ke Masjid", "2024-03-16T10:15:00+07:00",
        "meta article:published_time", "id", ("Aditya Pratama",), "Kompas", "Banjir merendam ribuan rumah"),
    "detik-2024-05-20-several-dates.html": (
        "Harga Cabai di Pasar Induk Turun Jelang Panen Raya", "2024-05-20T16:05:12+07:00",
        "meta pubdate", "id", ("Rina Wulandari",), "detikcom", "Harga cabai rawit di Pasar Induk"),
    "techblog-2023-08-30-markup-as-text.html": (
        "Why a stray <iframe> tag broke a ministry's website", "2023-08-30T12:00:00+07:00",
        "meta article:published_time", "en", ("Nadia Putri", "Arif Setiawan"), "The Byte Ledger",
        "Visitors to a ministry's public portal"),
    "drupal-2022-09-12-itemprop-date.html": (
        "Port authority approves new ferry terminal", "2022-09-12T17:45:00+00:00", "itemprop datePublished", "en",
        ("Tomas Reyes",), "Coastline Gazette", "The port authority on Monday approved"),
    "antara-2023-12-01-title-prefix.html": (
        "Kereta cepat layani sejuta penumpang dalam dua bulan", "2023-12-01T19:30:00+07:00",
        "JSON-LD datePublished", "id", ("Fajar Nugroho",), "Antara", "Kereta cepat Jakarta-Bandung"),
    "jakartapost-2024-04-22-em-dash.html": (
        "Jakarta extends odd-even traffic rule to ten more roads", "2024-04-22T10:20:00+07:00",
        "JSON-LD datePublished", "en", ("Dian Septiari", "Yerica Lai"), "The Jakarta Post",
        "The Jakarta administration will extend"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_shaped_pages(name):
    title, date, source, lang, authors, outlet, opening = EXPECTED[name]
    kind, result = read_input(PAGES / name)
    assert kind == "html" and isinstance(result, tuple), result
    (draft,) = result
    assert (draft.title, draft.date.isoformat(), draft.lang, draft.authors, draft.source_name) == (
        title, date, lang, authors, outlet)
    assert f"date from {source}: " in " ".join(draft.report)
    assert draft.body[0].startswith(opening)
    assert len(draft.body) == (3 if name.startswith("arc-") else 4)  # the wire story's credits line is not text
    assert render_markdown(draft).count("\n---\n") <= 1  # one front-matter block, whatever the text holds


def test_markup_quoted_in_a_page_stays_text():
    (draft,) = read_input(PAGES / "techblog-2023-08-30-markup-as-text.html")[1]
    assert "an unclosed <iframe src=\"https://maps.example/embed\"> tag" in draft.body[0]
    assert draft.body[3].endswith("such as <script> and <iframe> in news items.")
    assert "turning the angle brackets into &lt; and &gt; so that readers" in draft.body[2]  # as readers saw it


def test_credit_lines_are_not_authors_when_the_page_names_its_byline():
    (draft,) = read_input(PAGES / "arc-2024-02-08-wire-credits.html")[1]
    assert "Stefanno Reinard" not in draft.authors and "Martin Petty" not in draft.authors
    assert not any("Editing by" in p for p in draft.body)


@pytest.mark.parametrize("name, language", [("spiegel-2023-11-02-german.html", "German (de)"),
                                            ("lemonde-2024-01-10-french.html", "French (fr)")])
def test_languages_the_site_does_not_publish_are_refused_in_one_line(name, language, tmp_path):
    result = import_paths([PAGES / name], tmp_path)
    assert result.written == () and len(result.problems) == 1
    assert str(result.problems[0]) == (f"{PAGES / name}: the text is in {language}; the site publishes id and en "
                                       "(import with --lang id|en to override)")
    forced = import_paths([PAGES / name], tmp_path, lang="en")
    assert forced.problems == () and len(forced.written) == 1
    assert "lang: en" in forced.written[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("title, sites, kept", [
    ("Berlin confronts Germany's colonial past with new initiative | DW | 19.01.2020", ["DW"],
     "Berlin confronts Germany's colonial past with new initiative"),
    ("Letters: Coddling criminals | Undermining road | Library hours", ["Toronto Star"],
     "Letters: Coddling criminals | Undermining road | Library hours"),
    ("ANTARA News - Kereta cepat layani sejuta penumpang", ["ANTARA News"], "Kereta cepat layani sejuta penumpang"),
    ("Banjir di Demak - Kompas.com", ["KOMPAS.com"], "Banjir di Demak"),
    ("Pound slips - as markets wobble - The Guardian", ["The Guardian"], "Pound slips - as markets wobble"),
    ("DW", ["DW"], "DW"),  # never cut to nothing
    ("Harga cabai turun", [], "Harga cabai turun"),
])
def test_outlet_names_and_dates_leave_titles(title, sites, kept):
    assert clean_title(title, sites)[0] == kept


@pytest.mark.parametrize("text, lang, foreign", [
    ("Kim tiba di Vladivostok. Kunjungan singkat.", "id", ""),  # short Indonesian ties with Javanese
    ("Warga desa panen padi bersama.", "id", ""),
    ("Opposition leader Peter Dutton criticised the budget.", "en", ""),
    ("Die Stadt will Straßen umbenennen, die nach Kolonialherren benannt sind.", None, "de"),
    ("El presidente anunció una reforma de las pensiones el martes.", None, "es"),
    ("De minister heeft dinsdag een nieuw plan gepresenteerd.", None, "nl"),
    ("ok", None, ""),
])
def test_language_detection(text, lang, foreign):
    """``lang``: the site language it is filed under (None: not checked); ``foreign``: what refuses it."""
    assert foreign_lang(text) == foreign
    if lang:
        assert detect_lang(text) == lang
    if text == "ok":
        assert detect_lang(text) is None
