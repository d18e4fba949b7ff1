"""Saved HTML pages and RSS/Atom feeds."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from warta.importer import Draft, parse_feed, parse_html, read_input, render_markdown
from warta.importer.feed import paragraphs
from warta.source.frontmatter import parse_article

DATA = Path(__file__).resolve().parents[1] / "data" / "importer"


def front(text: str) -> dict:
    return yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)


def drafts(path: Path) -> tuple[Draft, ...]:
    kind, result = read_input(path)
    assert isinstance(result, tuple), result
    return result


def test_indonesian_page_with_json_ld_and_og_tags():
    (draft,) = drafts(DATA / "html" / "kompas-2023-10-16-mk.html")
    assert front(render_markdown(draft)) == {
        "title": "MK Putuskan Syarat Usia Capres-Cawapres",
        "date": "2023-10-16T15:42:00+07:00",     # JSON-LD datePublished (the page has no article:published_time)
        "lang": "id",
        "summary": "Kepala daerah di bawah 40 tahun kini bisa maju sebagai calon presiden atau wakil presiden.",
        "dateline": {"city": "Jakarta"},
        "source": {"name": "Kompas", "url": "https://nasional.kompas.com/read/2023/10/16/mk-putuskan-syarat-usia"},
        "image": {"url": "https://asset.kompas.com/contoh/gedung-mk.jpg",
                  "caption": "Gedung Mahkamah Konstitusi di Jakarta Pusat."},
        "authors": ["Dewi Anggraini"],
        "status": "draft",
    }
    assert len(draft.body) == 4
    assert draft.body[0].startswith("Mahkamah Konstitusi (MK) pada Senin mengabulkan")
    assert draft.body[-1].startswith("Sejumlah hakim konstitusi")
    assert not any("Baca juga" in p or "Beranda" in p or "Hak cipta" in p for p in draft.body)


def test_english_page_with_published_time_meta():
    (draft,) = drafts(DATA / "html" / "apnews-2023-11-21-satellite.html")
    assert front(render_markdown(draft)) == {
        "title": "North Korea says it put a spy satellite into orbit",
        "date": "2023-11-21T23:30:00+09:00",
        "lang": "en",
        "summary": "Pyongyang claims its third attempt this year succeeded, a launch condemned by its neighbours.",
        "dateline": {"city": "Seoul"},
        "source": {"name": "Associated Press",
                   "url": "https://apnews.com/article/north-korea-satellite-launch-example"},
        "image": {"url": "https://apnews.com/images/example-launch.jpg"},
        "authors": ["Sam Example"],
        "status": "draft",
    }
    assert len(draft.body) == 4
    assert draft.body[0].startswith("North Korea said on Wednesday")
    assert not any("World" == p or "Read more" in p for p in draft.body)


def test_page_with_a_date_only_is_placed_at_midnight_wib_with_a_note():
    html = ("<html lang='id'><head><title>Judul</title><meta property='article:published_time' content='2023-10-02'>"
            "</head><body><article><h1>Judul</h1><p>Pemerintah mengumumkan kebijakan baru pada hari ini di "
            "Jakarta dan para pejabat menjelaskan rinciannya kepada wartawan yang hadir.</p>"
            "<p>Kebijakan itu akan mulai berlaku pada bulan depan untuk seluruh wilayah Indonesia.</p></article>"
            "</body></html>")
    draft = parse_html(html, "x.html")
    assert draft.date == datetime(2023, 10, 2, 0, 0, tzinfo=timezone(timedelta(hours=7)))
    assert "date '2023-10-02' has no time of day: set 00:00, check it" in draft.report


def test_rss_items():
    items = drafts(DATA / "feeds" / "republika-rss.xml")
    assert [d.title for d in items] == ["Korut Luncurkan Satelit Mata-Mata Malligyong-1",
                                        "Lavrov Bertemu Kim Jong Un di Pyongyang", "Harga Minyak Dunia Naik Tipis"]
    full, short, plain = items
    assert front(render_markdown(full)) == {
        "title": "Korut Luncurkan Satelit Mata-Mata Malligyong-1",
        "date": "2023-11-22T18:30:00+07:00",
        "lang": "id",
        "summary": "Korea Utara mengeklaim berhasil menempatkan satelit pengintai di orbit.",
        "dateline": {"city": "Seoul"},
        "source": {"name": "Republika", "url": "https://www.republika.co.id/berita/contoh-korut-satelit",
                   "agency": "Antara"},
        "status": "draft",
    }
    assert full.body == (
        "Korea Utara mengatakan pada Rabu bahwa pihaknya berhasil menempatkan satelit pengintai militer di orbit "
        "setelah dua kali gagal tahun ini.",
        "Peluncuran itu dikecam oleh Korea Selatan dan Jepang karena menggunakan teknologi rudal balistik.")
    assert full.authors == ()      # an e-mail address is not a name
    assert short.summary == ("Menteri Luar Negeri Rusia Sergey Lavrov bertemu Kim Jong Un dalam kunjungan dua hari "
                             "ke Pyongyang.")        # HTML stripped
    assert short.body == (short.summary,) and short.link_back
    assert render_markdown(short).endswith(
        "\n\nSumber: <https://www.republika.co.id/berita/contoh-lavrov-pyongyang>\n")
    assert short.image_url == "https://www.republika.co.id/img/contoh-lavrov.jpg"
    assert plain.date == datetime(2023, 10, 20, 7, 5, tzinfo=timezone(timedelta(hours=7)))
    assert render_markdown(plain).endswith("\n\nSumber: <https://www.republika.co.id/berita/contoh-harga-minyak>\n")


def test_atom_entries():
    full, short = drafts(DATA / "feeds" / "wire-atom.xml")
    assert front(render_markdown(full)) == {
        "title": "White House says North Korea sent munitions to Russia",
        "date": "2023-10-14T00:30:00+00:00",       # published wins over updated
        "lang": "en",
        "summary": "More than a thousand containers of equipment and munitions were delivered, officials said.",
        "dateline": {"city": "Washington"},
        "source": {"name": "Reuters", "url": "https://www.reuters.com/world/example-munitions"},
        "authors": ["Alex Example"],
        "status": "draft",
    }
    assert len(full.body) == 3 and full.body[0].startswith("North Korea has delivered")
    assert short.date == datetime(2024, 12, 4, 21, 20, tzinfo=timezone(timedelta(hours=-5)))
    assert short.lang == "en"
    assert render_markdown(short).endswith("\n\nSource: <https://www.reuters.com/world/example-treaty>\n")


@pytest.mark.parametrize("path", sorted((DATA / "html").glob("*.html")) + sorted((DATA / "feeds").glob("*.xml")),
                         ids=lambda p: p.name)
def test_html_and_feed_drafts_round_trip(path):
    for draft in drafts(path):
        matter, body, problems = parse_article("x.md", render_markdown(draft))
        assert problems == []
        assert (matter.title, matter.date, matter.status) == (draft.title, draft.date, "draft")
        assert (matter.source.url or "") == draft.source_url


def test_feed_item_without_date_is_a_problem_at_its_line():
    feed = ("<rss version='2.0'><channel><title>T</title>\n<item><title>Satu</title>"
            "<link>https://a.example/1</link><pubDate>Fri, 20 Oct 2023 07:05:00 +0700</pubDate>"
            "<description>Isi berita yang pertama.</description></item>\n"
            "<item><title>Dua</title><link>https://a.example/2</link><description>Isi.</description></item>\n"
            "</channel></rss>")
    problems = parse_feed(feed, "f.xml")
    assert [str(p) for p in problems] == [
        "f.xml:3: item 2 ('Dua'): no publication date (pubDate, published or updated)"]


def test_malformed_feed_and_empty_feed():
    (broken,) = parse_feed("<rss version='2.0'><channel>\n<title>T</title>\n<item><title>A</item>", "f.xml")
    assert broken.message.startswith("not a well-formed feed: ") and broken.line == 3
    (empty,) = parse_feed("<rss version='2.0'><channel><title>T</title></channel></rss>", "f.xml")
    assert empty.message == "the feed has no items"


def test_html_fragment_paragraphs():
    assert paragraphs("<p>Satu <b>dua</b></p><p>tiga<br>empat</p>") == ["Satu dua", "tiga", "empat"]
    assert paragraphs("teks biasa & lain") == ["teks biasa & lain"]
    assert paragraphs("  ") == []
