"""Raw pages in shapes beyond the seed's: bare and wire datelines, inline photo credits, trailers, date lines."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from warta.importer import Draft, parse_raw_text, render_markdown
from warta.importer.lines import (
    author_outlet_of,
    byline_of,
    caption_of,
    credit_of,
    is_boilerplate,
)
from warta.importer.outlets import match_dateline
from warta.importer.timestamps import parse_stamp

RAW = Path(__file__).resolve().parents[2] / "tests" / "data" / "importer" / "raw"
WIB, WITA = timezone(timedelta(hours=7)), timezone(timedelta(hours=8))


def rendered(name: str) -> tuple[dict, list[str], tuple[str, ...]]:
    draft = parse_raw_text((RAW / name).read_text(encoding="utf-8"), name)
    assert isinstance(draft, Draft), draft
    text = render_markdown(draft)
    head, body = text.split("---\n", 2)[1:]
    return yaml.load(head, Loader=yaml.BaseLoader), body.strip().split("\n\n"), draft.report


PAGES = {
    "detik-2023-10-02-whoosh-bare-dateline.txt": (
        {"title": "Jokowi Resmikan Kereta Cepat Whoosh di Stasiun Halim", "date": "2023-10-02T10:15:00+07:00",
         "lang": "id", "summary": "Kereta cepat pertama di Asia Tenggara itu mulai beroperasi komersial",
         "dateline": {"city": "Jakarta"},
         "image": {"caption": "Presiden Joko Widodo meresmikan kereta cepat Jakarta-Bandung.",
                   "credit": "Rusman/Biro Pers Sekretariat Presiden"},
         "status": "draft"},
        4, "Presiden Joko Widodo (Jokowi) meresmikan",
        "Proyek ini dikerjakan oleh PT Kereta Cepat Indonesia China (KCIC)."),
    "reuters-2023-09-13-kim-cosmodrome-inline-credit.txt": (
        {"title": "Kim arrives at Russian spaceport for summit with Putin", "date": "2023-09-13T03:45:00+07:00",
         "lang": "en", "summary": "North Korean leader travelled by armoured train",
         "dateline": {"city": "Vostochny Cosmodrome"}, "source": {"name": "Reuters"},
         "image": {"caption": "Kim Jong Un and Vladimir Putin shake hands at the Vostochny Cosmodrome.",
                   "credit": "Reuters/Sputnik"},
         "status": "draft"},
        2, "North Korean leader Kim Jong Un arrived", "Putin showed Kim around the facility before talks."),
    "cnnindonesia-2023-09-21-bi-rate.txt": (
        {"title": "BI Tahan Suku Bunga Acuan di Level 5,75 Persen", "date": "2023-09-21T15:30:00+07:00",
         "lang": "id", "dateline": {"city": "Jakarta"}, "source": {"name": "CNN Indonesia"},
         "image": {"caption": "Gubernur Bank Indonesia Perry Warjiyo memberikan keterangan pers di Jakarta.",
                   "credit": "CNN Indonesia/Andi Pratama"},
         "status": "draft"},
        4, "Bank Indonesia (BI) memutuskan", "tetap longgar untuk mendorong penyaluran kredit."),
    "tempo-en-2023-09-26-social-commerce.txt": (
        {"title": "Government Bans Goods Transactions on Social Media Platforms",
         "date": "2023-09-26T18:20:00+07:00", "lang": "en",
         "summary": "The new trade regulation separates social commerce from e-commerce",
         "dateline": {"city": "Jakarta"}, "source": {"name": "Tempo"},
         "image": {"caption": "A seller livestreams clothing products from a shop in Tanah Abang market, Jakarta.",
                   "credit": "TEMPO/Rizki Hidayat"},
         "status": "draft"},
        4, "The Trade Ministry has issued", "Platforms were given one week to comply with the regulation."),
    "ap-2023-09-23-asian-games-title-first.txt": (
        {"title": "Hangzhou Asian Games open with a digital torchbearer and no fireworks",
         "date": "2023-09-23T21:12:00+07:00", "lang": "en", "dateline": {"city": "Hangzhou"},
         "source": {"name": "Associated Press"},
         "image": {"caption": "Performers dance during the opening ceremony of the 19th Asian Games at the Hangzhou "
                              "Olympic Sports Centre Stadium in Hangzhou, China, Saturday, Sept. 23, 2023.",
                   "credit": "AP Photo/Marco Reyes"},
         "authors": ["Lena Ortiz"], "status": "draft"},
        5, "The Asian Games opened on Saturday",
        "Associated Press writer Tom Nguyen in Beijing contributed to this report."),
    "jakartapost-2023-10-02-inflation-no-dateline.txt": (
        {"title": "Inflation eases to 2.28 percent in September", "date": "2023-10-02T13:45:00+07:00", "lang": "en",
         "summary": "Lower prices for chili and transport kept consumer prices in check despite rising rice costs",
         "source": {"name": "The Jakarta Post"},
         "image": {"caption": "Shoppers buy vegetables at a traditional market in Jakarta on Sept. 30, 2023.",
                   "credit": "JP/Dedi Santoso"},
         "status": "draft"},
        4, "Annual inflation in Indonesia slowed", "through the end of the year."),
    "liputan6-2023-12-04-marapi.txt": (
        {"title": "Gunung Marapi Erupsi, Tim SAR Evakuasi Pendaki", "date": "2023-12-04T09:00:00+07:00",
         "lang": "id", "dateline": {"city": "Padang"}, "source": {"name": "Liputan6"},
         "image": {"caption": "Kolom abu membubung dari puncak Gunung Marapi, Sumatera Barat, Minggu (3/12/2023).",
                   "credit": "Dok. BPBD Sumbar"},
         "authors": ["Rahmat Hidayat"], "status": "draft"},
        4, "Gunung Marapi di Sumatera Barat meletus", "dalam radius tiga kilometer dari kawah."),
    "bbc-indonesia-2023-09-13-kim-putin-labels.txt": (
        {"title": "Kim Jong Un dan Vladimir Putin bertemu di kosmodrom Vostochny", "date": "2023-09-13T20:10:00+07:00",
         "lang": "id", "source": {"name": "BBC News Indonesia"},
         "image": {"caption": "Kim Jong Un dan Vladimir Putin berjabat tangan sebelum memulai pembicaraan.",
                   "credit": "Getty Images"},
         "status": "draft"},
        4, "Pemimpin Korea Utara Kim Jong Un bertemu", "amunisi untuk perang Rusia di Ukraina."),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_in_new_shapes(name):
    expected, count, opening, ending = PAGES[name]
    matter, paragraphs, _ = rendered(name)
    assert matter == expected
    assert len(paragraphs) == count
    assert paragraphs[0].startswith(opening) and paragraphs[-1].endswith(ending)
    body = "\n".join(paragraphs)
    for gone in ("Foto", "Photo:", "Reporting by", "(abc/def)", "Google News", "Gambas", "Simak", "Share",
                 "Topics:", "Editor's Choice", "___", "Keterangan gambar", "Sumber gambar", "ADVERTISEMENT"):
        assert gone not in body
    assert expected["title"] not in body and expected.get("summary", "\0") not in body
    assert expected["image"]["caption"] not in body


def test_trailers_and_top_lines_are_reported():
    report = rendered("detik-2023-10-02-whoosh-bare-dateline.txt")[2]
    assert "line 9: dateline 'Jakarta -' -> city 'Jakarta', source '(none)'" in report
    assert "line 22: dropped editor initials '(abc/def)'" in report
    report = rendered("reuters-2023-09-13-kim-cosmodrome-inline-credit.txt")[2]
    assert "line 13: dropped byline 'Reporting by Staff; Editing by Desk'" in report   # 'Staff' is no name
    report = rendered("cnnindonesia-2023-09-21-bi-rate.txt")[2]
    assert "line 3: outlet line 'CNN Indonesia' -> source 'CNN Indonesia'" in report
    assert "line 17: dropped editor initials '(abc/def)' at the end" in report
    report = rendered("jakartapost-2023-10-02-inflation-no-dateline.txt")[2]
    assert "line 3: no dateline found: body starts at line 11" in report
    assert "line 7: no time zone given: assumed WIB (+07:00)" in report


STAMPS = [
    ("Senin, 02 Okt 2023 10:15 WIB", datetime(2023, 10, 2, 10, 15, tzinfo=WIB)),
    ("02/10/2023, 10:15 WIB", datetime(2023, 10, 2, 10, 15, tzinfo=WIB)),
    ("September 13, 2023 3:45 AM GMT+7", datetime(2023, 9, 13, 3, 45, tzinfo=WIB)),
    ("Updated 13 Sep 2023, 03:45 WIB", datetime(2023, 9, 13, 3, 45, tzinfo=WIB)),
    ("Rabu, 13 September 2023 - 20:10 WIB", datetime(2023, 9, 13, 20, 10, tzinfo=WIB)),
    ("13 September 2023 | 20.10 WIB", datetime(2023, 9, 13, 20, 10, tzinfo=WIB)),
    ("Updated 9:12 PM GMT+7, September 23, 2023", datetime(2023, 9, 23, 21, 12, tzinfo=WIB)),
    ("Diterbitkan 04 Des 2023, 09:00 WITA", datetime(2023, 12, 4, 9, 0, tzinfo=WITA)),
    ("Sept. 13, 2023 10:00 PM GMT+07:00", datetime(2023, 9, 13, 22, 0, tzinfo=WIB)),
    ("2023-09-13 20:10 UTC", datetime(2023, 9, 13, 20, 10, tzinfo=timezone.utc)),
    ("13-09-2023 20:10 WIB", datetime(2023, 9, 13, 20, 10, tzinfo=WIB)),
    ("Published 13 Sep 2023 10:00 WIB | Updated 13 Sep 2023 12:30 WIB", datetime(2023, 9, 13, 10, 0, tzinfo=WIB)),
    ("02 Okt 23 | 10:15 WIB", datetime(2023, 10, 2, 10, 15, tzinfo=WIB)),
    ("Monday, 2nd October 2023 / 10:15:30 WIB", datetime(2023, 10, 2, 10, 15, tzinfo=WIB)),
]


@pytest.mark.parametrize("line, expected", STAMPS)
def test_more_date_lines(line, expected):
    stamp = parse_stamp(line)
    assert stamp.when == expected and stamp.when.utcoffset() == expected.utcoffset()
    assert stamp.notes == ()


def test_outlet_before_date_line_is_kept():
    assert parse_stamp("CNN Indonesia | Rabu, 13 Sep 2023 20:10 WIB").outlet == "CNN Indonesia"


DATELINES = [
    ("Jakarta - Presiden", "Jakarta", "", "Presiden"),
    ("VOSTOCHNY COSMODROME, Russia, Sept 13 (Reuters) - North", "Vostochny Cosmodrome", "Reuters", "North"),
    ("WASHINGTON, Sept. 13, 2023 (Reuters) - The", "Washington", "Reuters", "The"),
    ("HANGZHOU, China (AP) — The", "Hangzhou", "Associated Press", "The"),
    ("Jakarta, CNN Indonesia -- Bank", "Jakarta", "CNN Indonesia", "Bank"),
    ("Liputan6.com, Padang - Gunung", "Padang", "Liputan6", "Gunung"),
    ("Rio de Janeiro (AFP) - Police", "Rio de Janeiro", "AFP", "Police"),
    ("JAKARTA—The", "Jakarta", "", "The"),
]


@pytest.mark.parametrize("paragraph, city, outlet, rest", DATELINES)
def test_general_datelines(paragraph, city, outlet, rest):
    found = match_dateline(paragraph)
    assert (found.city, found.outlet) == (city, outlet)
    assert paragraph[len(found.text):] == rest


@pytest.mark.parametrize("paragraph", [
    "Jokowi - yang hadir di sana",                   # a bare place must be followed by a capital
    "Jakarta-Bandung ditempuh dalam 40 menit",        # a hyphen inside a word is no dash
    "Presiden Joko Widodo (Jokowi) - Presiden",       # an agency must be known or in capitals
    "Harga beras naik, kata pedagang - Pemerintah",   # lower-case words are no place
])
def test_not_general_datelines(paragraph):
    assert match_dateline(paragraph) is None


@pytest.mark.parametrize("line, credit, caption", [
    ("Presiden meresmikan kereta cepat. (Foto: Rusman/Biro Pers)", "Rusman/Biro Pers",
     "Presiden meresmikan kereta cepat."),
    ("Kim and Putin shake hands. Photo: Reuters/Sputnik", "Reuters/Sputnik", "Kim and Putin shake hands."),
    ("Warga antre di pasar. REUTERS/Ajeng Dinar", "REUTERS/Ajeng Dinar", "Warga antre di pasar."),
    ("Ilustrasi. (CNN Indonesia/Safir Makki)", "CNN Indonesia/Safir Makki", "Ilustrasi."),
    ("REUTERS/Lee Min-jun", "REUTERS/Lee Min-jun", ""),
    ("Sumber gambar, Getty Images", "Getty Images", ""),
])
def test_photo_credits(line, credit, caption):
    assert credit_of(line) == (credit, caption)


def test_caption_label_and_sentences_that_are_no_credit():
    assert caption_of("Image caption, Putin and Kim at the launch site") == "Putin and Kim at the launch site"
    assert credit_of("Presiden Jokowi (kanan) berbicara di Jakarta, Senin (2/10/2023).") is None
    assert credit_of("Warga antre di pasar. REUTERS/Ajeng Dinar", tail=False) is None


@pytest.mark.parametrize("line, authors, others", [
    ("Reporting by Ana Putri and Joko Susilo in Jakarta; Additional reporting by Lee Min; Editing by Sam Hart.",
     ["Ana Putri", "Joko Susilo", "Lee Min"], ["Sam Hart"]),
    ("By LENA ORTIZ and TOM NGUYEN", ["Lena Ortiz", "Tom Nguyen"], []),
    ("Oleh: Tim Redaksi", [], ["Tim Redaksi"]),
    ("Kontributor: Made Wirawan | Penyunting: Sari Dewi", ["Made Wirawan"], ["Sari Dewi"]),
])
def test_bylines_and_credits_lines(line, authors, others):
    assert byline_of(line) == (authors, others)


def test_author_and_outlet_line():
    assert author_outlet_of("Rina Wulandari - detikNews") == (["Rina Wulandari"], "detikcom")
    assert author_outlet_of("Nadia Putri (The Jakarta Post)") == (["Nadia Putri"], "The Jakarta Post")
    assert author_outlet_of("Presiden Joko Widodo (Jokowi) - yang hadir") is None
    assert byline_of("Oleh karena itu, harga naik") is None


@pytest.mark.parametrize("line", [
    "Ikuti berita terkini dari detikcom di Google News", "Simak berita lainnya di sini", "Share", "Bagikan",
    "12 Komentar", "[Gambas:Video CNN]", "Pilihan Editor: Harga Naik", "Tags: inflasi", "___",
    "Artikel ini telah tayang di Kompas.com dengan judul X", "3 menit membaca", "Halaman 2/3",
])
def test_more_page_furniture(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["Share prices rose on Monday after the announcement.",
                                  "Follow-up talks are planned for the app developers' channel next week.",
                                  "Simak mengatakan bahwa harga naik.", "Topik utama pertemuan adalah pangan."])
def test_sentences_are_not_furniture(line):
    assert not is_boilerplate(line)


def test_title_and_byline_above_the_date_line():
    text = ("Banjir Rendam Ribuan Rumah di Demak\nRina Wulandari - detikNews\nSenin, 18 Mar 2024 08:00 WIB\n"
            "Air masih menggenangi jalan utama\nDemak - Banjir merendam ribuan rumah di Kabupaten Demak.\n"
            "Warga mengungsi ke balai desa.\n")
    draft = parse_raw_text(text, "x.txt")
    assert (draft.title, draft.summary, draft.dateline, draft.source_name, draft.authors) == (
        "Banjir Rendam Ribuan Rumah di Demak", "Air masih menggenangi jalan utama", "Demak", "detikcom",
        ("Rina Wulandari",))
    assert draft.body == ("Banjir merendam ribuan rumah di Kabupaten Demak.", "Warga mengungsi ke balai desa.")


def test_section_label_then_title_then_date_line():
    text = ("NASIONAL\nBanjir Rendam Ribuan Rumah di Demak\nSenin, 18 Mar 2024 08:00 WIB\n"
            "Banjir merendam ribuan rumah di Kabupaten Demak.\n")
    draft = parse_raw_text(text, "x.txt")
    assert (draft.title, draft.body) == ("Banjir Rendam Ribuan Rumah di Demak",
                                         ("Banjir merendam ribuan rumah di Kabupaten Demak.",))
    assert "line 1: dropped section label 'NASIONAL'" in draft.report


def test_subtitle_without_dateline_and_trailing_initials_in_the_text():
    text = ("Senin, 18 Mar 2024 08:00 WIB\nBanjir Rendam Ribuan Rumah di Demak\nAir masih menggenangi jalan utama\n"
            "Banjir merendam ribuan rumah di Kabupaten Demak.\nWarga mengungsi ke balai desa. (ant/rdk)\n")
    draft = parse_raw_text(text, "x.txt")
    assert draft.summary == "Air masih menggenangi jalan utama"
    assert draft.body == ("Banjir merendam ribuan rumah di Kabupaten Demak.", "Warga mengungsi ke balai desa.")


def test_a_bare_place_far_into_the_text_is_no_dateline():
    lines = ["Senin, 18 Mar 2024 08:00 WIB", "Judul Berita"] + [f"Paragraf nomor {n} berisi kabar." for n in range(5)]
    draft = parse_raw_text("\n".join(lines + ["Demak - Warga mengungsi."]), "x.txt")
    assert draft.dateline == "" and draft.body[-1] == "Demak - Warga mengungsi."


def test_outlet_before_the_date_is_the_source_without_a_dateline():
    body = "\nJudul Berita Uji\nIsi berita yang pertama di sini.\n"
    assert parse_raw_text("Kompas.com - 14/09/2023, 15:56 WIB" + body, "x.txt").source_name == "Kompas"
    assert parse_raw_text("Suara.id - 14/09/2023, 15:56 WIB" + body, "x.txt").source_name == "Suara.id"
    assert parse_raw_text("Kamis - 14/09/2023, 15:56 WIB" + body, "x.txt").source_name == ""
