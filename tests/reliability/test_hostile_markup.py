"""Hostile text in every field of articles, the registry and stories, hostile Markdown bodies and hostile
imported pages: one real build, read back with lxml. Wherever the text lands (pages, JSON-LD, every RSS and
Atom feed, the JSON export, TimelineJS files) it is text: no <script> we did not write, no on* attribute, no
javascript:/data: URL, and no payload runs in headless Chromium. Each case also checks the text arrived, so a
page that silently dropped it fails too.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml
from lxml import etree, html
from playwright.sync_api import sync_playwright
from warta.importer import import_paths

from tests.conftest import REPO, run_build
from tests.static_host import ARGS, CHROMIUM

IMPORTED = REPO / "tests" / "data" / "importer"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"

# One payload per field, so that each case can find its own text where it lands.
P = {
    "title": 'Kim Jong Un "><img src=x onerror=alert(101)><script>alert(102)</script>',
    "summary": "Lede <script>alert(103)</script> & <b onmouseover=alert(104)>bold</b>",
    "tag": "Pyongyang <svg onload=alert(105)>",
    "category": "Kat </title><script>alert(106)</script>",
    "author": "Penulis \"' onfocus=alert(107) autofocus='",
    "source_name": "Sumber <iframe src=javascript:alert(108)>",
    "source_url": 'https://example.org/a?b="><script>alert(109)</script>',
    "image_url": 'https://example.org/x.jpg?"onerror="alert(110)',
    "caption": "Keterangan ]]><script>alert(111)</script>",
    "credit": "Kredit </script><script>alert(112)</script>",
    "alt": 'Alt" onload="alert(113)',
    "city": "Kota <style>*{display:none}</style>",
    "entity_name": "Kim Jong Un",
    "entity_en": "Kim </a><a href=javascript:alert(114)>x</a>",
    "alias": "Marsekal <img src=x onerror=alert(115)>",
    "description": "Deskripsi --><script>alert(116)</script><!--",
    "entity_credit": '"}]</script><script>alert(117)</script>',
    "place_name": "Vostochny </h1><script>alert(121)</script>",
    "draft_title": "Draf <img src=x onerror=alert(122)>",
    "story_title": "Cerita <script>alert(118)</script>",
    "story_summary": "Ringkasan &lt;script&gt;alert(119)&lt;/script&gt; <img src=x onerror=alert(120)>",
}
HOSTILE_BODY = """Catatan: baris pertama tetap teks, bukan metadata.

Kim Jong Un bertemu Vladimir Putin pada Rabu (13/9/2023) <script>alert(201)</script> di kosmodrom.

[tautan](javascript:alert(202)) [entitas](jav&#x09;ascript:alert(203)) [ref][r] <javascript:alert(204)>
![gambar](data:text/html;base64,PHNjcmlwdD5hbGVydCgyMDUpPC9zY3JpcHQ+) <img src="x" onerror="alert(206)">

Paragraf dengan atribut {: onclick="alert(207)" }

<svg onload="alert(208)"><circle r="1"/></svg>
<form action="javascript:alert(209)"><input name="q" autofocus onfocus="alert(210)"></form>
<style>body{display:none}</style>
<meta http-equiv="refresh" content="0;url=javascript:alert(211)">
<base href="javascript:alert(212)//">
<object data="javascript:alert(213)"></object>
<iframe src="https://evil.example/frame" onload="alert(214)"></iframe>
<a href="vbscript:msgbox(215)" style="position:fixed;top:0">vb</a>
<!-- <script>alert(216)</script> -->

<figure><img src="/images/peta.png" alt="Peta"><figcaption>Peta yang sah</figcaption></figure>

| kolom | nilai |
|:--|--:|
| satu | 1 |

<iframe src="https://www.youtube-nocookie.com/embed/contoh" title="Video sah" allowfullscreen></iframe>

Catatan kaki yang sah[^1].

[r]: javascript:alert(217)
[^1]: Isi catatan kaki.
"""
BAD_SCHEME = re.compile(r"^(?:javascript|data|vbscript):", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "cite", "background", "srcset", "xlink:href")
ALLOWED_FRAMES = ("https://www.youtube.com/", "https://www.youtube-nocookie.com/", "https://player.vimeo.com/")


def _scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)   # a JSON string is a YAML 1.2 double-quoted scalar


def _write_content(content: Path) -> None:
    shutil.copytree(REPO / "tests" / "data" / "site", content)
    (content / "images").mkdir()
    shutil.copy(REPO / "tests" / "data" / "feeds" / "images" / "peta.png", content / "images")
    (content / "entities").mkdir()
    (content / "entities" / "people.yml").write_text(
        f"- id: kim-jong-un\n  name: {_scalar(P['entity_name'])}\n  type: person\n"
        f"  names: {{en: {_scalar(P['entity_en'])}}}\n  aliases: [{_scalar(P['alias'])}]\n"
        f"  description: {_scalar(P['description'])}\n  wikidata: Q56226\n"
        f"  image: {{url: {_scalar(P['image_url'])}, credit: {_scalar(P['entity_credit'])}}}\n"
        "- id: vladimir-putin\n  name: Vladimir Putin\n  type: person\n"
        f"- id: vostochny\n  name: {_scalar(P['place_name'])}\n  type: place\n  aliases: [Vostochny]\n",
        encoding="utf-8")
    (content / "stories").mkdir()
    (content / "stories" / "jahat.yml").write_text(
        f"title: {_scalar(P['story_title'])}\nsummary: {_scalar(P['story_summary'])}\n"
        "entities: [kim-jong-un]\n", encoding="utf-8")
    (content / "articles" / "jahat.md").write_text(
        f"---\ntitle: {_scalar(P['title'])}\ndate: 2023-09-20T10:00:00+07:00\nsummary: {_scalar(P['summary'])}\n"
        f"category: {_scalar(P['category'])}\ntags: [{_scalar(P['tag'])}]\nstory: jahat\n"
        f"source: {{name: {_scalar(P['source_name'])}, url: {_scalar(P['source_url'])}}}\n"
        f"image: {{url: {_scalar(P['image_url'])}, caption: {_scalar(P['caption'])}, "
        f"credit: {_scalar(P['credit'])}, alt: {_scalar(P['alt'])}}}\n"
        f"dateline: {{city: {_scalar(P['city'])}}}\nauthors: [{_scalar(P['author'])}]\n---\n"
        "Kim Jong Un bertemu Putin pada Rabu (13/9/2023) di Vostochny. Vostochny adalah kosmodrom.\n",
        encoding="utf-8")
    (content / "articles" / "draf-jahat.md").write_text(
        f"---\ntitle: {_scalar(P['draft_title'])}\ndate: 2023-09-22T10:00:00+07:00\nstatus: draft\n"
        f"summary: {_scalar(P['summary'])}\n---\nDraf tentang Kim Jong Un.\n", encoding="utf-8")
    (content / "articles" / "badan-jahat.md").write_text(
        "---\ntitle: Badan artikel yang jahat\ndate: 2023-09-21T10:00:00+07:00\nstory: jahat\n---\n"
        + HOSTILE_BODY, encoding="utf-8")
    # Cleaning leaves the <form>'s text bare at the top of the body, where the first mention gets its link.
    (content / "articles" / "form-jahat.md").write_text(
        "---\ntitle: Formulir jahat\ndate: 2023-09-21T11:00:00+07:00\n---\n"
        "<form>&lt;script&gt;alert(218)&lt;/script&gt; Kim Jong Un di awal, tanpa paragraf</form>\n\n"
        "Kim Jong Un bertemu Vladimir Putin.\n", encoding="utf-8")
    (content / "pages" / "jahat.md").write_text(
        "---\ntitle: Halaman jahat\ndate: 2023-09-21T10:00:00+07:00\n---\n" + HOSTILE_BODY, encoding="utf-8")
    # Hostile pages, raw text and feeds through the importer, then published as an editor would.
    imported = content / "articles" / "impor"
    result = import_paths(sorted(IMPORTED.glob("*/hostile-*")), dest=imported)
    assert not result.problems and len(result.written) == 5, result.problems
    for path in result.written:
        path.write_text(path.read_text(encoding="utf-8").replace("\nstatus: draft\n", "\nstory: jahat\n"),
                        encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    _write_content(root / "content")
    result = run_build(root / "content", root / "output")
    assert result.returncode == 0, result.stderr
    return root / "output", result.stderr


def _page(output: Path, path: str):
    return html.fromstring((output / path).read_bytes())


def _article_path(output: Path, title_start: str) -> Path:
    for path in sorted(output.glob("20*/*/*/index.html")):
        if html.fromstring(path.read_bytes()).findtext(".//h1", "").startswith(title_start):
            return path
    raise AssertionError(f"no article page titled {title_start!r}")


def _article(output: Path, title_start: str):
    return html.fromstring(_article_path(output, title_start).read_bytes())


def _jsonld(doc) -> dict:
    (script,) = doc.xpath("//script[@type='application/ld+json']")
    return json.loads(script.text)


def _xml(output: Path, path: str):
    return etree.fromstring((output / path).read_bytes())


def _rss_item(output: Path, path: str, title: str):
    found = [i for i in _xml(output, path).iter("item") if i.findtext("title") == title]
    assert len(found) == 1, (path, title)
    return found[0]


def _atom_entry(output: Path, path: str, title: str):
    found = [e for e in _xml(output, path).iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == title]
    assert len(found) == 1, (path, title)
    return found[0]


def _fragment(markup: str):
    return html.fragment_fromstring(markup, create_parent="div")


def _text(markup: str) -> str:
    return _fragment(markup).text_content()


# --- every field lands as text ----------------------------------------------------------------------------

def test_article_title_on_its_page_in_json_ld_feeds_and_export(built):
    output, _ = built
    doc = _article(output, "Kim Jong Un \"><img")
    assert doc.findtext(".//h1") == P["title"]
    assert _jsonld(doc)["headline"] == P["title"][:110]
    assert _rss_item(output, "feeds/rss.xml", P["title"]) is not None
    assert _atom_entry(output, "feeds/atom.xml", P["title"]) is not None
    articles = json.loads((output / "api" / "articles.json").read_text(encoding="utf-8"))["articles"]
    assert P["title"] in [a["title"] for a in articles]


def test_summary_is_escaped_html_in_rss_description_and_text_in_atom(built):
    output, _ = built
    item = _rss_item(output, "feeds/rss.xml", P["title"])
    description = item.findtext("description")
    assert "<script>" not in description and "&lt;script&gt;" in description
    assert _text(description) == P["summary"]         # a feed reader shows the lede as written
    entry = _atom_entry(output, "feeds/atom.xml", P["title"])
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") in (None, "text") and summary.text == P["summary"]
    doc = _article(output, "Kim Jong Un \"><img")
    assert doc.find_class("lede")[0].text_content() == P["summary"]
    assert doc.xpath("//meta[@name='description']/@content") == [P["summary"]]
    assert _jsonld(doc)["description"] == P["summary"]


@pytest.mark.parametrize("field", ["city", "caption", "credit"])
def test_dateline_caption_and_credit_on_the_page(built, field):
    output, _ = built
    doc = _article(output, "Kim Jong Un \"><img")
    assert P[field] in doc.xpath("string(//main)")


def test_image_url_and_alt_stay_inside_their_attributes(built):
    output, _ = built
    doc = _article(output, "Kim Jong Un \"><img")
    (img,) = [i for i in doc.iter("img") if i.get("src", "").startswith("https://example.org/x.jpg")]
    assert (img.get("src"), img.get("alt")) == (P["image_url"], P["alt"])
    assert "onerror" not in img.attrib and "onload" not in img.attrib


def test_source_name_and_url(built):
    output, _ = built
    doc = _article(output, "Kim Jong Un \"><img")
    (link,) = [a for a in doc.iter("a") if a.get("href") == P["source_url"]]
    assert link.text_content() == P["source_name"]
    assert _jsonld(doc)["isBasedOn"] == P["source_url"]
    source = _rss_item(output, "feeds/rss.xml", P["title"]).find("source")
    assert (source.text, source.get("url")) == (P["source_name"], P["source_url"])


def test_tag_category_and_author_pages(built):
    output, _ = built
    doc = _article(output, "Kim Jong Un \"><img")
    assert P["tag"] in [a.text_content() for a in doc.xpath("//ul[@class='tags']//a")]
    assert doc.find_class("kicker")[0].text_content() == P["category"]
    assert P["author"] in doc.find_class("authors")[0].text_content()
    assert P["tag"] in _page(output, "tag/index.html").text_content()
    assert P["category"] in _page(output, "kategori/index.html").text_content()
    assert P["author"] in _page(output, "penulis/index.html").text_content()
    categories = [c.text for c in _rss_item(output, "feeds/rss.xml", P["title"]).iter("category")]
    assert P["category"] in categories and P["tag"] in categories


def test_registry_name_aliases_and_description_on_the_entity_page(built):
    output, _ = built
    doc = _page(output, "entitas/kim-jong-un/index.html")
    assert doc.findtext(".//h1") == P["entity_name"]
    assert doc.find_class("lede")[0].text_content() == P["description"]
    assert P["alias"] in doc.find_class("aliases")[0].text_content()
    assert doc.xpath("//meta[@name='description']/@content") == [P["description"]]
    entities = json.loads((output / "api" / "entities.json").read_text(encoding="utf-8"))["entities"]
    (kim,) = [e for e in entities if e["id"] == "kim-jong-un"]
    assert (kim["aliases"], kim["names"]["en"], kim["wikidata"]) == ([P["alias"]], P["entity_en"], "Q56226")


def test_registry_name_on_its_page_in_json_ld_and_in_its_feeds(built):
    output, _ = built
    assert _page(output, "entitas/vostochny/index.html").findtext(".//h1") == P["place_name"]
    data = _jsonld(_article(output, "Kim Jong Un \"><img"))
    assert P["place_name"] in [t["name"] for t in data["about"] + data["mentions"]]
    assert _xml(output, "entitas/vostochny/rss.xml").find("channel").findtext("title").endswith(P["place_name"])
    assert _xml(output, "entitas/vostochny/atom.xml").findtext(f"{ATOM}title").endswith(P["place_name"])


def test_draft_is_written_nowhere(built):
    output, _ = built
    assert not (output / "draf").exists()   # drafts are seen with `invoke preview` only
    written = [p for p in output.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json")]
    assert len(written) > 20 and not [p for p in written if "alert(122)" in p.read_text(encoding="utf-8")]


def test_story_title_and_summary_on_its_page_and_in_its_feeds(built):
    output, _ = built
    doc = _page(output, "cerita/jahat/index.html")
    assert doc.findtext(".//h1") == P["story_title"]
    assert doc.find_class("lede")[0].text_content() == P["story_summary"]
    channel = _xml(output, "cerita/jahat/rss.xml").find("channel")
    assert channel.findtext("title").endswith(P["story_title"])
    assert _xml(output, "cerita/jahat/atom.xml").findtext(f"{ATOM}title").endswith(P["story_title"])
    assert P["story_title"] in _page(output, "cerita/index.html").text_content()


def test_timelinejs_text_is_escaped_html(built):
    output, _ = built
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in output.rglob("timeline.json")]
    story = [d for d in documents if _text(d["title"]["text"]["headline"]) == P["story_title"]]
    assert story, "the story's TimelineJS file"
    headlines = [_text(e["text"]["headline"]) for d in documents for e in d["events"]]
    assert P["title"] in headlines


def test_hostile_body_keeps_what_editors_use(built):
    output, _ = built
    doc = _article(output, "Badan artikel yang jahat")
    (body,) = doc.find_class("body")
    text = body.text_content()
    assert "Catatan: baris pertama tetap teks, bukan metadata." in text    # not eaten as Markdown metadata
    assert "di kosmodrom" in text and "Paragraf dengan atribut" in text
    assert doc.xpath("//figure/img[@src]") and doc.xpath("//figure/figcaption[text()='Peta yang sah']")
    assert [td.get("style") for td in doc.iter("td")] == ["text-align:left", "text-align:right"]
    (frame,) = doc.xpath("//iframe[@src]")
    assert frame.get("src") == "https://www.youtube-nocookie.com/embed/contoh" and frame.get("sandbox")
    assert doc.xpath("//sup/a[@href='#fn:1']") and doc.xpath("//li[@id='fn:1']")
    assert [a.text_content() for a in body.xpath(".//a[not(@href)]")] == ["tautan", "entitas", "ref", "vb"]


def test_bare_text_at_the_top_of_a_cleaned_body_stays_text_around_its_mention_link(built):
    output, _ = built
    (body,) = _article(output, "Formulir jahat").find_class("body")
    assert body.text_content().split() == (
        "<script>alert(218)</script> Kim Jong Un di awal, tanpa paragraf Kim Jong Un bertemu Vladimir Putin.").split()
    assert [a.text for a in body.iter("a")][:1] == ["Kim Jong Un"]


def test_build_names_the_file_and_what_was_removed(built):
    _, log = built
    lines = [line for line in log.splitlines() if "badan-jahat.md: removed from the body" in line]
    assert len(lines) == 1
    for removed in ("<script>", "<svg>", "<form>", "<style>", "<object>", "<base>", "<meta>",
                    "onerror on <img>", "href on <a>", "src on <img>", "onload on <iframe>"):
        assert removed in lines[0], removed
    assert "pages/jahat.md: removed from the body" in log


@pytest.mark.parametrize("title, shown", [
    ("Pakar Keamanan: Tulisan <script> di Kolom Komentar Bukan Ancaman", "tulisan <script>alert(1)</script> yang"),
    ("Tulisan <script> dan Gambar <img onerror> Beredar di Grup Percakapan",
     "memuat <img src=x onerror=alert(1)> dan tautan [hadiah](javascript:alert(2))"),
    ("Tanda <script> dalam Judul Tetap Teks", "menyebut <script>alert(2)</script> sebagai"),
    ("Judul <img src=x onerror=alert(7)> dalam CDATA", "serta <script> yang ditulis"),
    ("Researchers show why <script> in a headline stays text", "quoting <script>alert(2)</script> is harmless"),
])
def test_imported_hostile_pages_and_feeds_are_text_on_the_site(built, title, shown):
    output, _ = built
    doc = _article(output, title)
    assert doc.findtext(".//h1") == title
    assert shown in doc.text_content()
    assert title in [i.findtext("title") for i in _xml(output, "cerita/jahat/rss.xml").iter("item")]


# --- nothing anywhere is live ---------------------------------------------------------------------------------

def _our_search(script) -> bool:
    """The theme's search script: a file of ours, nothing inline."""
    return script.get("src", "").endswith("/theme/js/search.js") and not (script.text or "").strip()


def _live_markup(root, where: str) -> list[str]:
    """Scripts other than JSON-LD, on* attributes, bad URL schemes, frames off the list, tags that style or
    submit, anywhere under ``root``."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag == "script" and _our_search(element):
            continue
        if tag == "form" and element.get("role") == "search" and element.get("action", "").endswith("/cari/"):
            continue  # the theme's own search box: a GET to our search page
        if tag == "script":
            if element.get("type") != "application/ld+json":
                found.append(f"{where}: <script>")
            else:
                json.loads(element.text)
        if tag == "style" and where.endswith(".xml"):
            found.append(f"{where}: <{tag}>")
        if tag in ("object", "embed", "form", "base", "svg", "math", "applet"):
            found.append(f"{where}: <{tag}>")
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{where}: <meta http-equiv=refresh>")
        if tag == "iframe" and not (element.get("src", "").startswith(ALLOWED_FRAMES) and element.get("sandbox")):
            if element.get("src"):
                found.append(f"{where}: <iframe src={element.get('src')!r}>")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                found.append(f"{where}: {local} on <{tag}>")
            if local in URL_ATTRIBUTES and BAD_SCHEME.match(re.sub(r"[\s\x00-\x1f]", "", value)):
                found.append(f"{where}: {local}={value!r}")
    return found


def test_no_page_has_live_markup(built):
    output, _ = built
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 20
    found = [f for page in pages for f in _live_markup(html.fromstring(page.read_bytes()),
                                                       page.relative_to(output).as_posix())]
    assert found == []
    assert not any(html.fromstring(p.read_bytes()).xpath("//body//style") for p in pages)   # none from content
    assert all(output in p.resolve().parents for p in output.rglob("*"))   # every path stays inside the output


def _html_fields(root):
    """(where, markup) for every feed field a reader renders as HTML."""
    for item in root.iter("item"):
        for child in (item.find("description"), item.find(CONTENT)):
            if child is not None and child.text:
                yield child.tag, child.text
    for element in root.iter(f"{ATOM}summary", f"{ATOM}content", f"{ATOM}title", f"{ATOM}subtitle"):
        if element.get("type") == "html" and element.text:
            yield element.tag, element.text
        elif element.get("type") == "xhtml":
            yield element.tag, etree.tostring(element, encoding="unicode")


def test_no_feed_has_live_markup(built):
    output, _ = built
    feeds = sorted(p for p in output.rglob("*.xml") if p.name in ("rss.xml", "atom.xml"))
    kinds = {p.relative_to(output).parts[0] for p in feeds}
    assert {"feeds", "kategori", "cerita", "entitas"} <= kinds and len(feeds) >= 14
    found = []
    for path in feeds:
        where = path.relative_to(output).as_posix()
        root = etree.fromstring(path.read_bytes())
        assert not feedparser.parse(path.read_bytes()).bozo, where
        found += _live_markup(root, where)
        for link in root.iter("link", "guid", "comments", "docs", "url"):
            if link.text and BAD_SCHEME.match(link.text.strip()):
                found.append(f"{where}: <{link.tag}>{link.text}")
        for tag, markup in _html_fields(root):
            found += _live_markup(_fragment(markup), f"{where} {tag}")
    assert found == []


@pytest.mark.parametrize("feed", ["feeds", "feeds/id", "cerita/jahat"])   # WARTA_FEEDS.full_text's default kinds
def test_cleaned_body_is_the_full_text_in_every_full_text_feed(built, feed):
    output, _ = built
    rss = _rss_item(output, f"{feed}/rss.xml", "Badan artikel yang jahat")
    atom = _atom_entry(output, f"{feed}/atom.xml", "Badan artikel yang jahat")
    assert atom.find(f"{ATOM}content").get("type") == "html"
    for markup in (rss.findtext(CONTENT) or rss.findtext("description"), atom.findtext(f"{ATOM}content")):
        body = _fragment(markup)
        assert body.xpath("//figure/figcaption[text()='Peta yang sah']") and body.xpath("//table")
        assert "http://localhost:8000/images/peta.png" in body.xpath("//img/@src")   # made absolute
        assert "Catatan: baris pertama" in body.text_content()
        assert _live_markup(body, feed) == []


@pytest.mark.parametrize("feed", ["kategori/berita", "entitas/kim-jong-un"])
def test_summary_feeds_carry_the_summary_without_live_markup(built, feed):
    output, _ = built
    rss = _rss_item(output, f"{feed}/rss.xml", "Badan artikel yang jahat")
    atom = _atom_entry(output, f"{feed}/atom.xml", "Badan artikel yang jahat")
    for markup in (rss.findtext(CONTENT) or rss.findtext("description"),
                   atom.findtext(f"{ATOM}content") or atom.findtext(f"{ATOM}summary")):
        body = _fragment(markup)
        assert body.text_content().strip() and not body.xpath("//table")   # the summary, not the body
        assert _live_markup(body, feed) == []


def _strings(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)
    elif isinstance(value, str):
        yield key, value


URL_KEYS = {"url", "href", "image", "sameAs", "isBasedOn", "articles", "src"}
HTML_KEYS = {"headline", "text", "caption", "credit"}   # TimelineJS renders these as HTML


def test_no_json_file_has_a_bad_url_or_live_timeline_html(built):
    output, _ = built
    files = sorted(output.rglob("*.json"))
    assert any(p.name == "articles.json" for p in files) and any(p.name == "timeline.json" for p in files)
    found = []
    for path in files:
        where = path.relative_to(output).as_posix()
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, value in _strings(data):
            if key in URL_KEYS and (BAD_SCHEME.match(value) or not (value.startswith("/") or urlsplit(value).scheme
                                                                     in ("http", "https"))):
                found.append(f"{where}: {key}={value!r}")
            if path.name == "timeline.json" and key in HTML_KEYS:
                found += _live_markup(_fragment(value or "<p></p>"), f"{where} {key}")
    assert found == []


def test_json_ld_cannot_end_its_script_early(built):
    output, _ = built
    path = _article_path(output, "Kim Jong Un \"><img")
    doc, raw = html.fromstring(path.read_bytes()), path.read_text(encoding="utf-8")
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block.replace("\\u0026", "")
    data = _jsonld(doc)
    assert [a["name"] for a in data["author"]] == [P["author"]]
    assert data["dateline"] == P["city"] and data["image"] == P["image_url"]


def test_hostile_wikidata_and_registry_image_url_are_refused_with_file_and_line(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "data" / "site", content)
    (content / "entities").mkdir()
    (content / "entities" / "people.yml").write_text(
        "- id: kim-jong-un\n  name: Kim Jong Un\n  type: person\n"
        "  wikidata: 'Q1\"><script>alert(1)</script>'\n  image: {url: 'javascript:alert(2)'}\n", encoding="utf-8")
    result = run_build(content, tmp_path / "output")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "people.yml:4: wikidata 'Q1\"><script>alert(1)</script>' is not a QID" in result.stderr
    assert "people.yml:5: image url is not an http(s) URL: 'javascript:alert(2)'" in result.stderr
    assert not (tmp_path / "output").exists()


def test_content_reaching_yaml_stays_a_string():
    """The registry writer of this test writes JSON strings; YAML reads them back unchanged (a guard on the test)."""
    assert yaml.safe_load(f"x: {_scalar(P['story_summary'])}")["x"] == P["story_summary"]


def test_no_payload_runs_in_a_real_browser(built):
    """Every page of the hostile site in headless Chromium: no payload opens a dialog."""
    output, _ = built
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    dialogs, pages = [], sorted(p.relative_to(output).as_posix() for p in output.rglob("index.html"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                       else route.abort())   # nothing leaves the machine (the embeds' hosts included)
            page.on("dialog", lambda dialog: (dialogs.append((page.url, dialog.message)), dialog.dismiss()))
            for path in pages:
                page.goto(f"{base}/{path}", wait_until="load")
                page.keyboard.press("Tab")   # focus handlers too
            browser.close()
    finally:
        httpd.shutdown()
    assert len(pages) > 20 and dialogs == []
