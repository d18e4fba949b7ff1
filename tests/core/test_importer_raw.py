"""Raw text copied from news pages: the seed and five more outlets and shapes."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import markdown
import pytest
import yaml
from warta.importer import Draft, parse_raw_text, render_markdown
from warta.importer.outlets import match_dateline
from warta.importer.render import markdown_text
from warta.importer.timestamps import parse_stamp
from warta.source.frontmatter import parse_article

REPO = Path(__file__).resolve().parents[2]
RAW = REPO / "tests" / "data" / "importer" / "raw"
SEED = REPO / "tests" / "data" / "seeds" / "republika-2023-09-14-kim-putin.txt"


def draft_of(path: Path) -> Draft:
    draft = parse_raw_text(path.read_text(encoding="utf-8"), str(path))
    assert isinstance(draft, Draft), draft
    return draft


def front(text: str) -> dict:
    """The front-matter with every scalar as the text written (YAML BaseLoader)."""
    assert text.startswith("---\n")
    return yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)


def body_paragraphs(text: str) -> list[str]:
    return text.split("---\n", 2)[2].strip().split("\n\n")


SEED_CAPTION = ("Korea Utara pada Kamis (14/9/2023) mengatakan bahwa pemimpinnya Kim Jong Un dan Presiden Rusia "
                "Vladimir Putin mencapai “kesepakatan yang memuaskan dan kesamaan pandangan”")


def test_seed_front_matter():
    text = render_markdown(draft_of(SEED))
    assert front(text) == {
        "title": "Korut Klaim Hasilkan Kesepakatan yang Memuaskan dengan Rusia",
        "date": "2023-09-14T15:56:00+07:00",
        "lang": "id",
        "summary": "Perjanjian antara Korut dan Rusia diyakini mencakup dukungan militer timbal balik",
        "dateline": {"city": "Beijing"},
        "source": {"name": "Republika", "agency": "Antara"},
        "image": {"caption": SEED_CAPTION, "credit": "AP Photo/Mikhail Metzel"},
        "status": "draft",
    }
    assert list(front(text)) == ["title", "date", "lang", "summary", "dateline", "source", "image", "status"]
    assert "\ndate: 2023-09-14T15:56:00+07:00\n" in text   # plain, like hand-written files


def test_seed_body_has_eleven_intact_paragraphs():
    paragraphs = body_paragraphs(render_markdown(draft_of(SEED)))
    assert len(paragraphs) == 11
    assert paragraphs[0] == (
        "Korea Utara pada Kamis (14/9/2023) mengatakan, pemimpinnya Kim Jong Un dan Presiden Rusia Vladimir Putin "
        "mencapai “kesepakatan yang memuaskan dan kesamaan pandangan” ketika keduanya bertemu di Timur Jauh Rusia.")
    assert paragraphs[2] == "Perjanjian keduanya diyakini mencakup dukungan militer timbal balik."
    assert paragraphs[4].startswith("Namun, juru bicara Kremlin --sebutan untuk pemerintah Rusia-- Dmitry Peskov")
    assert paragraphs[5].startswith("KCNA melaporkan, kedua pemimpin")     # NBSP + space folded to one space
    assert paragraphs[-1].endswith("armada militer Pasifik Rusia di Vladivostok")
    joined = "\n".join(paragraphs)
    for gone in ("Baca Juga", "Advertisement", "Berita Lainnya", "sumber", "Foto:", "REPUBLIKA", "\xa0\n"):
        assert gone not in joined
    assert SEED_CAPTION not in joined


def test_seed_report_names_each_dropped_line():
    report = draft_of(SEED).report
    assert "line 9: dropped repeated photo caption" in report
    assert "line 15: dropped page furniture 'Baca Juga'" in report
    assert "line 35: dropped a line of invisible spaces" in report
    assert "line 39: dropped page furniture 'Berita Lainnya'" in report
    assert sum("'Advertisement'" in note for note in report) == 4
    assert not any("time zone" in note for note in report)


WIB, WITA, WIT = (timezone(timedelta(hours=h)) for h in (7, 8, 9))

PAGES = {
    "antara-2023-10-02-whoosh.txt": (
        {"title": 'Presiden Jokowi resmikan kereta cepat Jakarta-Bandung "Whoosh"',
         "date": "2023-10-02T10:15:00+07:00", "lang": "id", "dateline": {"city": "Jakarta"},
         "source": {"name": "Antara"},
         "image": {"caption": "Presiden Joko Widodo meninjau rangkaian kereta cepat di Stasiun Halim, Jakarta, "
                              "Senin (2/10/2023).", "credit": "ANTARA FOTO/Rina Wulandari/abc"},
         "authors": ["Rina Wulandari"], "status": "draft"},
        4, "Presiden Joko Widodo pada Senin meresmikan"),
    "kompas-2023-09-07-asean.txt": (
        {"title": "KTT ASEAN ke-43 Ditutup, Keketuaan Diserahkan kepada Laos",
         "date": "2023-09-07T18:30:00+07:00", "lang": "id", "dateline": {"city": "Jakarta"},
         "source": {"name": "Kompas"},
         "image": {"caption": "Presiden Joko Widodo menyerahkan palu keketuaan ASEAN kepada Perdana Menteri Laos "
                              "Sonexay Siphandone di Jakarta, Kamis (7/9/2023).", "credit": "KOMPAS.com/DIAN PRATIWI"},
         "authors": ["Dian Pratiwi"], "status": "draft"},
        4, "Konferensi Tingkat Tinggi (KTT) ke-43 ASEAN"),
    "reuters-2023-09-13-missiles.txt": (
        {"title": "North Korea fires two ballistic missiles as Kim visits Russia",
         "date": "2023-09-13T08:10:00+00:00", "lang": "en",
         "summary": "The launch came hours before the Kim-Putin summit, Seoul says",
         "dateline": {"city": "Seoul"}, "source": {"name": "Reuters"},
         "image": {"caption": "A television screen at a Seoul railway station shows a news report on the missile "
                              "launch.", "credit": "REUTERS/Lee Min-jun"},
         "status": "draft"},
        4, "North Korea fired two short-range"),
    "tempo-2024-02-14-bali-levy.txt": (
        {"title": "Bali Mulai Pungut Retribusi Wisatawan Asing Rp150.000",
         "date": "2024-02-14T09:00:00+08:00", "lang": "id",
         "summary": "Pungutan dibayar sekali untuk setiap kedatangan ke Pulau Dewata",
         "dateline": {"city": "Denpasar"}, "source": {"name": "Tempo"},
         "image": {"caption": "Wisatawan mancanegara tiba di Bandara I Gusti Ngurah Rai, Badung, Bali.",
                   "credit": "TEMPO/Ketut Arsana"},
         "status": "draft"},
        4, "Pemerintah Provinsi Bali mulai Rabu"),
    "republika-2021-10-02-pon-papua.txt": (
        {"title": "Presiden Jokowi Buka PON XX Papua di Stadion Lukas Enembe",
         "date": "2021-10-02T21:40:00+09:00", "lang": "id", "dateline": {"city": "Jayapura"},
         "source": {"name": "Republika"}, "authors": ["Andi Saputra"], "status": "draft"},
        4, "Presiden Joko Widodo membuka Pekan Olahraga Nasional"),
    "no-zone-2023-10-10-beras.txt": (
        {"title": "Harga Beras Medium Naik di Sejumlah Pasar", "date": "2023-10-10T07:30:00+07:00",
         "lang": "id", "status": "draft"},
        3, "Harga beras medium di sejumlah pasar"),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_raw_pages(name):
    expected, count, opening = PAGES[name]
    text = render_markdown(draft_of(RAW / name))
    assert front(text) == expected
    paragraphs = body_paragraphs(text)
    assert len(paragraphs) == count
    assert paragraphs[0].startswith(opening)
    for furniture in ("Baca", "Advertisement", "SCROLL", "Copyright", "Pewarta", "Editor", "Rep:", "Foto:", "Photo:"):
        assert furniture not in text.split("---\n", 2)[2]


@pytest.mark.parametrize("path", [SEED, *sorted(RAW.glob("*.txt"))], ids=lambda p: p.name)
def test_drafts_round_trip_through_front_matter_schema(path):
    draft = draft_of(path)
    matter, body, problems = parse_article(f"{path.stem}.md", render_markdown(draft))
    assert problems == []
    assert (matter.title, matter.date, matter.lang, matter.status) == (draft.title, draft.date, draft.lang, "draft")
    assert matter.dateline == (draft.dateline or None)
    assert body.strip().split("\n\n") == [markdown_text(p) for p in draft.body]


def test_zone_assumed_when_missing_is_reported_not_refused():
    draft = draft_of(RAW / "no-zone-2023-10-10-beras.txt")
    assert draft.date == datetime(2023, 10, 10, 7, 30, tzinfo=WIB)
    assert "line 1: no time zone given: assumed WIB (+07:00)" in draft.report
    assert "line 3: no dateline found: body starts at line 5" in draft.report


STAMPS = [
    ("Kamis 14 Sep 2023 15:56 WIB", datetime(2023, 9, 14, 15, 56, tzinfo=WIB)),
    ("Thursday 14 Sep 2023 15:56 WIB", datetime(2023, 9, 14, 15, 56, tzinfo=WIB)),
    ("Senin, 2 Oktober 2023 | 10:15 WIB", datetime(2023, 10, 2, 10, 15, tzinfo=WIB)),
    ("14/09/2023, 15:56 WIB", datetime(2023, 9, 14, 15, 56, tzinfo=WIB)),
    ("Kompas.com - 14/09/2023, 15:56 WIB", datetime(2023, 9, 14, 15, 56, tzinfo=WIB)),
    ("Rabu, 13 Sep 2023 - 20:14 WITA", datetime(2023, 9, 13, 20, 14, tzinfo=WITA)),
    ("Sabtu, 2 Oktober 2021 | 21.40 WIT", datetime(2021, 10, 2, 21, 40, tzinfo=WIT)),
    ("Jumat, 6 Agu 2021 pukul 09.05 WIB", datetime(2021, 8, 6, 9, 5, tzinfo=WIB)),
    ("Wednesday, September 13, 2023 8:10 AM GMT", datetime(2023, 9, 13, 8, 10, tzinfo=timezone.utc)),
    ("Sep 13, 2023 12:05 PM GMT+7", datetime(2023, 9, 13, 12, 5, tzinfo=WIB)),
    ("Sep 13, 2023 12:05 AM UTC", datetime(2023, 9, 13, 0, 5, tzinfo=timezone.utc)),
    ("Minggu, 31 Desember 2023 23:59 WIT", datetime(2023, 12, 31, 23, 59, tzinfo=WIT)),
]


@pytest.mark.parametrize("line, expected", STAMPS)
def test_date_lines(line, expected):
    stamp = parse_stamp(line)
    assert stamp.when == expected and stamp.when.utcoffset() == expected.utcoffset()
    assert stamp.notes == ()


@pytest.mark.parametrize("line", ["Korut Klaim Hasilkan Kesepakatan", "Kim 14 tahun", "14 Sep 2023",
                                  "REPUBLIKA.CO.ID, BEIJING -- Korea Utara pada Kamis (14/9/2023) mengatakan"])
def test_not_date_lines(line):
    assert parse_stamp(line) is None


def test_wrong_weekday_is_noted_and_impossible_date_refused():
    assert parse_stamp("Jumat 14 Sep 2023 15:56 WIB").notes == (
        "weekday 'Jumat' does not match 2023-09-14: kept the date",)
    assert "impossible date" in parse_stamp("30/02/2023 10:00 WIB")
    assert "impossible" in parse_stamp("Sep 13, 2023 13:05 PM WIB")


DATELINES = [
    ("REPUBLIKA.CO.ID, BEIJING -- Korea", "Beijing", "Republika", "Korea"),
    ("REPUBLIKA.CO.ID,\xa0BEIJING -- Korea", "Beijing", "Republika", "Korea"),
    ("ANTARANEWS.COM, Jakarta - Pemerintah", "Jakarta", "Antara", "Pemerintah"),
    ("KOMPAS.com - Pemerintah", "", "Kompas", "Pemerintah"),
    ("JAKARTA, KOMPAS.com – Pemerintah", "Jakarta", "Kompas", "Pemerintah"),
    ("Jakarta (ANTARA) - Pemerintah", "Jakarta", "Antara", "Pemerintah"),
    ("KUALA LUMPUR (AP) — The", "Kuala Lumpur", "Associated Press", "The"),
    ("SEOUL, Sept 13 (Reuters) - North", "Seoul", "Reuters", "North"),
    ("TEMPO.CO, Denpasar - Pemerintah", "Denpasar", "Tempo", "Pemerintah"),
]


@pytest.mark.parametrize("paragraph, city, outlet, rest", DATELINES)
def test_datelines(paragraph, city, outlet, rest):
    found = match_dateline(paragraph)
    assert (found.city, found.outlet, found.known) == (city, outlet, True)
    assert paragraph[len(found.text):] == rest


@pytest.mark.parametrize("paragraph", [
    "Presiden Joko Widodo (Jokowi) - yang hadir - mengatakan",   # a parenthesis that is not an agency
    "Kim dan Putin berbicara tentang kerja sama",
    "Namun, juru bicara Kremlin --sebutan untuk pemerintah Rusia-- Dmitry Peskov",
])
def test_not_datelines(paragraph):
    assert match_dateline(paragraph) is None


def test_unknown_outlet_is_kept_as_written_and_reported():
    text = "Kamis 14 Sep 2023 15:56 WIB\nJudul Berita Contoh\nBERITAKU.ID, Medan - Isi berita yang pertama di sini.\n"
    draft = parse_raw_text(text, "x.txt")
    assert (draft.source_name, draft.dateline) == ("BERITAKU.ID", "Medan")
    assert "line 3: outlet 'BERITAKU.ID' is not in the outlet table: name kept as written" in draft.report


def test_agency_equal_to_source_is_left_out():
    text = "Kamis 14 Sep 2023 15:56 WIB\nJudul\nJakarta (ANTARA) - Isi berita yang pertama.\nsumber: ANTARA\n"
    draft = parse_raw_text(text, "x.txt")
    assert (draft.source_name, draft.source_agency) == ("Antara", "")


def test_markdown_block_markers_at_paragraph_start_are_escaped():
    text = "Kamis 14 Sep 2023 15:56 WIB\nJudul\n- satu dua\n1. tiga\n# empat\nlima - enam\n"
    body = render_markdown(parse_raw_text(text, "x.txt")).split("---\n", 2)[2]
    assert body.strip().split("\n\n") == ["\\- satu dua", "1\\. tiga", "\\# empat", "lima - enam"]
    assert markdown.markdown(body) == "<p>- satu dua</p>\n<p>1. tiga</p>\n<p># empat</p>\n<p>lima - enam</p>"


@pytest.mark.parametrize("text, lang", [
    ("Kamis 14 Sep 2023 15:56 WIB\nJudul\nIni adalah berita yang ditulis dalam bahasa Indonesia di Jakarta.\n", "id"),
    ("Kamis 14 Sep 2023 15:56 WIB\nTitle\nThis is a story that was written in English for the readers.\n", "en"),
])
def test_language_detection(text, lang):
    assert parse_raw_text(text, "x.txt").lang == lang
