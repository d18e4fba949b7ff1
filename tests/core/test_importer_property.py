"""Whatever the input (raw text, a saved page, a feed), the importer returns problems or a draft that the
front-matter schema accepts, never an exception; and the draft's Markdown renders back to its own text as
plain paragraphs: nothing in it becomes a tag, an attribute, a link or an image."""

import re
import runpy
import tempfile
from html import escape
from pathlib import Path

import lxml.html
import markdown
from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from warta.importer import Draft, parse_feed, parse_html, parse_raw_text, read_input, render_markdown
from warta.importer.lines import tidy
from warta.importer.render import markdown_text
from warta.problems import Problem
from warta.source.frontmatter import parse_article

from tests.conftest import REPO

_CONF = runpy.run_path(str(REPO / "pelicanconf.py"))["MARKDOWN"]
# The site's Markdown (warta_content turns on every configured extension: extra's attribute lists, footnotes,
# tables, fenced code, abbreviations, definition lists, raw HTML in Markdown).
MARKDOWN = dict(_CONF, extensions=list(_CONF["extension_configs"]))

HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;script&gt;alert(2)&lt;/script&gt;",
    "&amp;lt;b&amp;gt;", "&#60;script&#62;", "<!-- komentar -->", "<http://evil.example/>", "<a@b.example>",
    "[klik](javascript:alert(1))", "![x](https://evil.example/t.gif)", "[^1]: catatan", "[ref]: http://x.example",
    "Teks {: onclick=alert(1) }", "{#id .kelas onmouseover=alert(1)}", "*miring* dan __tebal__", "`kode`",
    "~~~", "```", ": definisi", "*[HTML]: Hyper", "| a | b |", "<div markdown=1>*x*</div>", "\\<script>",
    "a\\", "AT&T & co", "&copy; 2023", "<svg/onload=alert(1)>", "javascript:alert(1)", "1. satu", "# judul",
    "> kutip", "- daftar", "+ daftar", "---", "***", "=====", "    kode", "<style>p{}</style>", "<<>>", "]]>",
]
TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
LINES = st.one_of(
    st.sampled_from([
        "Kamis 14 Sep 2023 15:56 WIB", "14/09/2023, 15:56", "Foto: AP Photo/X", "Advertisement", "Baca juga: x",
        "REPUBLIKA.CO.ID, BEIJING -- Isi", "sumber : Antara", "Penulis: A | Editor: B", "", "\xa0",
        "- daftar", "1. satu", "# judul", "title: x", "'kutip'", "yes", "2023-09-14", "null", "a: b", "&anchor",
    ]),
    TEXT,
)
FILLER = ("Pemerintah menyatakan bahwa rencana itu akan dibahas bersama para menteri dan kepala daerah dalam "
          "rapat koordinasi pekan depan, sebelum diputuskan oleh presiden.")


def assert_valid_and_inert(draft: Draft) -> None:
    """The draft's file passes the schema, and its body renders to plain paragraphs of exactly its text."""
    matter, body, problems = parse_article("x.md", render_markdown(draft))
    assert problems == []
    assert (matter.title, matter.date, matter.summary or "") == (draft.title, draft.date, draft.summary)
    root = lxml.html.fragment_fromstring(markdown.Markdown(**MARKDOWN).convert(body), create_parent="div")
    paragraphs = list(root)
    assert all(p.tag == "p" and not p.attrib for p in paragraphs), lxml.html.tostring(root)
    links = [e for p in paragraphs for e in p.iterdescendants()]
    if draft.link_back:   # the one piece of Markdown the importer writes: a link to the original
        assert [(a.tag, dict(a.attrib)) for a in links] == [("a", {"href": draft.source_url})]
        assert draft.source_url.startswith(("http://", "https://"))
    else:
        assert links == []
    assert [p.text_content() for p in paragraphs[:len(draft.body)]] == list(draft.body)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=12), st.booleans())
def test_raw_parser_never_raises_and_drafts_round_trip(lines, dated):
    text = "\n".join((["Kamis 14 Sep 2023 15:56 WIB"] if dated else []) + lines)
    result = parse_raw_text(text, "x.txt")
    event("problems" if isinstance(result, list) else "draft")
    if isinstance(result, list):
        assert result and all(isinstance(p, Problem) for p in result)
        return
    assert isinstance(result, Draft)
    assert_valid_and_inert(result)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_paragraph_renders_back_to_itself(text):
    paragraph = tidy(text)   # the parsers hand over tidied, one-line paragraphs (no control characters)
    if not paragraph:
        return
    html = markdown.Markdown(**MARKDOWN).convert(markdown_text(paragraph))
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [(e.tag, dict(e.attrib)) for e in root.iterdescendants()] == [("p", {})], html
    assert root.text_content() == paragraph


def _page(title, lede, paragraphs, date) -> str:
    body = "".join(f"<p>{escape(text) if escaped else text}</p>" for text, escaped in paragraphs)
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta property="og:title" content="{escape(title)}">'
            f'<meta name="description" content="{escape(lede)}">'
            f'<meta property="article:published_time" content="{date}">'
            f'<meta property="og:url" content="{escape(lede)}"><meta property="og:image" content="{escape(title)}">'
            f"</head><body><article><h1>{escape(title)}</h1><p>{FILLER}</p>{body}<p>{FILLER}</p>"
            f"</article></body></html>").replace("\x00", "")   # read_input refuses NUL before parsing


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT, st.lists(st.tuples(TEXT, st.booleans()), max_size=6),
       st.sampled_from(["2023-10-16T09:00:00+07:00", "2023-10-16", "", "bukan tanggal", "<b>"]))
@example("x", "y", [("0<\x1fA", False)], "2023-10-16")  # a control character dropped once made '<A' a tag
def test_html_pages_give_problems_or_inert_drafts(title, lede, paragraphs, date):
    page = _page(title, lede, paragraphs, date)
    result = parse_html(page, "x.html")
    event("problems" if isinstance(result, list) else "draft")
    if isinstance(result, list):
        assert result and all(isinstance(p, Problem) for p in result)
        return
    assert_valid_and_inert(result)
    # Every paragraph is text the page shows: nothing unescaped once more ("&amp;lt;" shows "&lt;", not "<").
    shown = _letters(lxml.html.fromstring(page).find("body").text_content())
    assert all(_letters(paragraph) in shown for paragraph in result.body), (result.body, shown)


def _letters(text: str) -> str:
    """Text without spaces and control characters (parsers differ on those)."""
    return re.sub(r"[\s\x00-\x1f\x7f-\x9f\u200b\ufeff]+", "", text)


def _feed(items) -> str:
    def text(value, how):   # as the feed's author may have written it: plain, HTML-escaped, or raw in CDATA
        return {"plain": escape(value), "html": escape(escape(value)), "cdata": f"<![CDATA[{value}]]>"}[how]
    entries = "".join(
        f"<item><title>{text(title, how)}</title><link>{escape(link)}</link>"
        f"<pubDate>Wed, 22 Nov 2023 18:30:00 +0700</pubDate><description>{text(summary, how)}</description>"
        + (f"<content:encoded>{text(FILLER + ' ' + content, how)}</content:encoded>" if content else "")
        + "</item>"
        for title, link, summary, content, how in items)
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Contoh</title>'
            f"<link>https://contoh.example/</link><description>x</description>{entries}</channel></rss>")


LINK = st.one_of(st.sampled_from(["https://contoh.example/a", "javascript:alert(1)", "http://[x", "",
                                  'https://x.example/"><script>', "data:text/html,x"]), TEXT)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TEXT, LINK, TEXT, TEXT, st.sampled_from(["plain", "html", "cdata"])),
                min_size=1, max_size=3))
def test_feeds_give_problems_or_inert_drafts(items):
    if any(item[4] == "cdata" and "]]>" in "".join(item[:4]) for item in items):
        return   # cannot be written in CDATA
    result = parse_feed(_feed(items), "x.xml")
    event("problems" if isinstance(result, list) else "drafts")
    if isinstance(result, list):
        assert result and all(isinstance(p, Problem) for p in result)
        return
    for draft in result:
        assert_valid_and_inert(draft)


def test_control_characters_and_odd_line_breaks_are_cleaned():
    text = "Kamis 14 Sep 2023 15:56 WIB\rJudul\x85satu\u2028dua\tdan\x1btiga\r\nIsi\x0cberita\n"
    draft = parse_raw_text(text, "x.txt")
    assert (draft.title, draft.body) == ("Judul satu dua dan tiga", ("Isi berita",))


MARKUP = st.lists(st.one_of(st.sampled_from(list("<>/=\"'&;#!?[]-: \nabcpxmltiefd01")), st.sampled_from(
    ["<p>", "</p>", "<item>", "</item>", "<entry>", "<title>", "</title>", "<pubDate>", "<![CDATA[", "]]>",
     "<script>", "<meta property='article:published_time' content='2023-10-16T09:00:00+07:00'>",
     "Kamis 14 Sep 2023 15:56 WIB", FILLER, "&lt;", "&amp;", "<!--", "-->", "<?xml version='1.0'?>"])),
    max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["", "<!doctype html><html><body>", "<rss version='2.0'><channel>",
                        "<feed xmlns='http://www.w3.org/2005/Atom'>", "<?xml version='1.0'?>", "\ufeff", "<x>"]),
       MARKUP, st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_any_file_gives_problems_or_valid_inert_drafts(start, rest, encoding):
    """Arbitrary bytes through read_input (decoding, kind detection, the parser): never an exception."""
    try:
        data = (start + rest).encode(encoding)
    except UnicodeEncodeError:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(data)
        kind, result = read_input(path)
    event(f"{kind}: {'problems' if isinstance(result, list) else 'drafts'}")
    if isinstance(result, list):
        assert result and all(isinstance(p, Problem) for p in result)
        return
    for draft in result:
        assert_valid_and_inert(draft)
