"""Hostile pages, raw text and feeds (tests/data/importer/*/hostile-*): escaped text stays text, markup never
becomes live, and javascript:/data: URLs never reach a draft."""

from pathlib import Path

import lxml.html
import markdown
from warta.importer import read_input, render_markdown
from warta.source.frontmatter import parse_article

from tests.core.test_importer_property import MARKDOWN

DATA = Path(__file__).resolve().parents[1] / "data" / "importer"


def drafts(path: Path):
    kind, result = read_input(path)
    assert isinstance(result, tuple), result
    return result


def shown(draft) -> list[str]:
    """The body paragraphs as a reader would see them on the built page (and what elements carry them)."""
    _, body, problems = parse_article("x.md", render_markdown(draft))
    assert problems == []
    root = lxml.html.fragment_fromstring(markdown.Markdown(**MARKDOWN).convert(body), create_parent="div")
    assert {e.tag for e in root.iterdescendants()} <= {"p", "a"}
    assert all(not e.attrib for e in root.iterdescendants("p"))
    return [p.text_content() for p in root]


def test_saved_page_escaped_markup_stays_text():
    (draft,) = drafts(DATA / "html" / "hostile-2023-11-01-markup-as-text.html")
    assert draft.title == "Pakar Keamanan: Tulisan <script> di Kolom Komentar Bukan Ancaman"
    assert draft.summary == "Kode <img src=x onerror=alert(1)> yang ditampilkan sebagai teks tidak berbahaya."
    assert draft.image_caption == "Tangkapan layar <script>alert(3)</script>"
    assert (draft.source_url, draft.image_url) == ("", "")          # javascript: and data: URLs refused
    paragraphs = shown(draft)
    assert paragraphs[0].startswith("Seorang peneliti keamanan menjelaskan bahwa tulisan <script>alert(1)</script> ")
    assert "tag <img src=x onerror=alert(2)> yang" in paragraphs[1]
    assert "Markdown seperti [klik di sini](javascript:alert(8)) yang" in paragraphs[1]
    # "&amp;lt;" on the page shows "&lt;": it must not come out as "<" (trafilatura's text output unescapes twice)
    assert "entitas seperti &lt; dan &amp; kembali" in paragraphs[2]
    assert "atribut seperti {: onclick=alert(10) } dan simbol *bintang* atau _garis bawah_ apa" in paragraphs[3]
    assert not any("alert(11)" in p or "ini kode sungguhan" in p or "tracker" in p for p in paragraphs)


def test_raw_text_markup_is_written_as_text():
    (draft,) = drafts(DATA / "raw" / "hostile-2023-11-02-markup-in-text.txt")
    assert draft.title == "Tulisan <script> dan Gambar <img onerror> Beredar di Grup Percakapan"
    assert draft.summary == "Pesan berisi <b>kode</b> HTML ternyata tidak berbahaya bila ditampilkan sebagai teks"
    assert shown(draft) == [
        "Sebuah pesan berisi <script>alert(document.cookie)</script> beredar di sejumlah grup percakapan pada "
        "Rabu malam.",
        "Pesan lain memuat <img src=x onerror=alert(1)> dan tautan [hadiah](javascript:alert(2)) serta gambar "
        "![pelacak](https://pelacak.example/p.gif) yang mengaku dari bank.",
        "Petugas menyebut teks &lt;script&gt; dan &amp;lt;b&amp;gt; yang tertulis apa adanya hanyalah huruf, "
        "bukan perintah.",
        "<!-- komentar tersembunyi -->",
        '{: onclick="alert(3)" }',
        ": bukan definisi",
        "Warga diminta tidak membuka tautan <https://penipu.example/hadiah> dari pengirim yang tidak dikenal.",
    ]


def test_rss_feed_escaped_markup_stays_text_and_links_are_checked():
    escaped, cdata = drafts(DATA / "feeds" / "hostile-rss.xml")
    assert escaped.title == "Tanda <script> dalam Judul Tetap Teks"
    assert escaped.summary == "Ringkasan yang menyebut <script>alert(1)</script> sebagai teks."
    assert escaped.image_url == ""                                  # media:content url="javascript:..."
    assert shown(escaped) == [
        "Penulis umpan ini menyebut <script>alert(2)</script> sebagai contoh teks yang harus tetap menjadi teks "
        "ketika artikel diimpor.",
        "Paragraf kedua memuat gambar dengan atribut onerror yang tidak boleh ikut terbawa ke artikel.",
        "Tautan javascript di paragraf ketiga juga hanya boleh tinggal sebagai teks."]
    # a CDATA title feedparser reads as plain text stays exactly that text; a javascript: link is no source
    assert cdata.title == "Judul <img src=x onerror=alert(7)> dalam CDATA"
    assert (cdata.source_url, cdata.link_back) == ("", False)
    assert shown(cdata) == ["Ringkasan saja, dengan tebal dan serta <script> yang ditulis sebagai entitas."]


def test_atom_text_title_is_text_and_xhtml_content_loses_its_script():
    (draft,) = drafts(DATA / "feeds" / "hostile-atom.xml")
    assert draft.title == "Researchers show why <script> in a headline stays text"   # type="text"
    assert draft.summary == "The summary quotes <img src=x onerror=alert(1)> as plain text."
    paragraphs = shown(draft)
    assert paragraphs[0].endswith("a headline quoting <script>alert(2)</script> is harmless when every system "
                                  "along the way treats it as text.")
    assert len(paragraphs) == 2 and not any("alert(3)" in p for p in paragraphs)
