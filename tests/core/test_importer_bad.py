"""Bad input: one clear problem per file, never a traceback, nothing written."""

import codecs

import pytest
from warta.importer import import_paths, read_input

LONG_TITLE = " ".join(["Sangat"] * 50)   # 50 * 6 letters + 49 spaces = 349 characters


CASES = [
    ("empty.txt", b"", None, "empty file"),
    ("blank.txt", b"  \n\xc2\xa0\n\n", None, "empty file"),
    ("furniture.txt", b"Advertisement\nBaca Juga\n\nSCROLL TO CONTINUE WITH CONTENT\n", None,
     "only page boilerplate (Advertisement, Baca Juga, ...), no article text"),
    ("no-date.txt", b"\nKorut Klaim Hasilkan Kesepakatan\nIsi berita.\n", 2,
     "expected a date line such as 'Kamis 14 Sep 2023 15:56 WIB', 'Senin, 2 Oktober 2023 | 10:15 WIB' or "
     "'14/09/2023, 15:56 WIB', got 'Korut Klaim Hasilkan Kesepakatan'"),
    ("bad-date.txt", b"Kamis 31 Sep 2023 15:56 WIB\nJudul\nIsi.\n", 1,
     "impossible date or time in 'Kamis 31 Sep 2023 15:56 WIB' (day is out of range for month)"),
    ("only-date.txt", b"Kamis 14 Sep 2023 15:56 WIB\n", 1, "expected the title after the date line"),
    ("no-body.txt", b"Kamis 14 Sep 2023 15:56 WIB\nJudul Saja\nAdvertisement\n", 2, "no article text after the title"),
    ("long-title.txt", f"Kamis 14 Sep 2023 15:56 WIB\n{LONG_TITLE}\nIsi berita.\n".encode(), 2,
     "title is 349 characters long (at most 300)"),
    ("two-subtitles.txt", "Kamis 14 Sep 2023 15:56 WIB\nJudul\nSub satu\nSub dua\nFoto: AP Photo/X\nKeterangan\n"
     "REPUBLIKA.CO.ID, BEIJING -- Isi.\n".encode(), 4,
     "expected the body (opening with a dateline such as 'REPUBLIKA.CO.ID, BEIJING -- ') after the title, "
     "subtitle and photo caption, got another line 'Sub dua'"),
    ("cp1252.txt", "Kamis 14 Sep 2023 15:56 WIB\nJudul\nCaf\u00e9 baru.\n".encode("cp1252"), 3,
     "not UTF-8 text (byte 0xe9) and no charset declared"),
    ("nul.txt", b"Kamis 14 Sep 2023\n\x00\x01", 2,
     "contains NUL bytes: a binary file, or UTF-16 without a byte-order mark"),
    ("sitemap.xml", b"<?xml version='1.0'?>\n<urlset><url><loc>https://a.example/</loc></url></urlset>", 1,
     "markup that is neither a feed nor an HTML page"),
    ("broken.xml", b"<rss version='2.0'><channel>\n<item><title>A</title>\n</channel></rss>", 3,
     "not a well-formed feed: mismatched tag"),
    ("no-text.html", b"<!DOCTYPE html><html><head><title>T</title></head><body></body></html>", None,
     "no article text found in the HTML page"),
    ("no-date.html", b"<html><head><title>Judul</title></head><body><article><p>Pemerintah mengumumkan kebijakan "
     b"baru pada hari ini di Jakarta dan para pejabat menjelaskan rinciannya kepada wartawan.</p><p>Kebijakan itu "
     b"akan mulai berlaku pada bulan depan untuk seluruh wilayah.</p></article></body></html>", None,
     "no publication date found (article:published_time, JSON-LD datePublished, <time>)"),
]


@pytest.mark.parametrize("name, data, line, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_clear_problem_and_writes_nothing(tmp_path, name, data, line, message):
    path = tmp_path / name
    path.write_bytes(data)
    dest = tmp_path / "articles"
    result = import_paths([path], dest)
    assert [(p.path, p.line, p.message) for p in result.problems] == [(str(path), line, message)]
    assert result.written == () and not dest.exists()


def test_missing_file_is_a_problem(tmp_path):
    result = import_paths([tmp_path / "nope.txt"], tmp_path / "articles")
    assert [p.message for p in result.problems] == ["cannot read the file (No such file or directory)"]


SEED_TEXT = "Kamis 14 Sep 2023 15:56 WIB\n\nJudul Berita Uji\n\nJAKARTA, KOMPAS.com - Isi berita yang pertama.\n"


@pytest.mark.parametrize("encoded", [
    SEED_TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"),
], ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"])
def test_certain_encodings_are_decoded(tmp_path, encoded):
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    kind, (draft,) = read_input(path)
    assert (kind, draft.title, draft.body) == ("raw", "Judul Berita Uji", ("Isi berita yang pertama.",))


def test_html_declaring_latin1_is_decoded(tmp_path):
    page = ("<html lang='id'><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
            "<title>Kafe</title><meta property='article:published_time' content='2023-10-02T10:00:00+07:00'></head>"
            "<body><article><h1>Kafe</h1><p>Sebuah kafé baru dibuka di Bandung dan menarik banyak pengunjung "
            "yang datang dari berbagai kota di Jawa Barat pada akhir pekan.</p><p>Pemiliknya berharap usaha itu "
            "dapat bertahan lama dan membuka lapangan kerja bagi warga sekitar.</p></article></body></html>")
    path = tmp_path / "a.html"
    path.write_bytes(page.encode("latin-1"))
    kind, (draft,) = read_input(path)
    assert kind == "html" and draft.body[0].startswith("Sebuah kafé baru")
