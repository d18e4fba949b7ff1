"""Real builds of tests/data/feeds, every feed read back with lxml and feedparser and checked against the
W3C feed validator's rules (the validator itself is not on PyPI)."""

import re
import shutil
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from lxml import etree, html

from tests.conftest import REPO, run_build

FIXTURE = REPO / "tests" / "data" / "feeds"
DEV = "http://localhost:8000"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC = "{http://purl.org/dc/elements/1.1/}creator"
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
                    r"\d\d:\d\d:\d\d [+-]\d{4}$")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
ABSOLUTE = re.compile(r"^https?://[^/\s]+/\S*$")

KIM, LAVROV, TALKS, BI = ("2023/09/kim-putin-bertemu/", "2023/10/lavrov-ke-pyongyang/",
                          "2023/11/north-korea-russia-talks/", "2024/01/bi-tahan-suku-bunga/")


def build(tmp_path: Path, *extra: str) -> Path:
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(FIXTURE, content)
    output = tmp_path / f"output{len(list(tmp_path.glob('output*')))}"
    result = run_build(content, output, *extra)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("feeds"))


def feeds(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.xml"))}


def links(output: Path, path: str) -> list[str]:
    """Item links of a feed, in document order, as site-relative paths."""
    root = etree.fromstring((output / path).read_bytes())
    if root.tag == "rss":
        found = [item.findtext("link") for item in root.iter("item")]
    else:
        found = [e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")]
    return [link.removeprefix(DEV + "/") for link in found]


def check_rss(root, url: str) -> None:
    channel = root.find("channel")
    assert root.get("version") == "2.0"
    for name in ("title", "link", "description", "language", "lastBuildDate"):
        assert (channel.findtext(name) or "").strip(), name
    assert ABSOLUTE.match(channel.findtext("link"))
    selfs = channel.findall(f"{ATOM}link[@rel='self']")
    assert [s.get("href") for s in selfs] == [url]
    assert selfs[0].get("type") == "application/rss+xml"
    assert RFC822.match(channel.findtext("lastBuildDate"))
    items = channel.findall("item")
    assert items
    guids, dates = [], []
    for item in items:
        assert item.findtext("title")
        assert ABSOLUTE.match(item.findtext("link"))
        guid = item.find("guid")
        if guid.get("isPermaLink", "true") == "true":  # the RSS default: then it must be the URL
            assert ABSOLUTE.match(guid.text) and guid.text == item.findtext("link")
        else:
            assert guid.get("isPermaLink") == "false"
        guids.append(guid.text)
        assert RFC822.match(item.findtext("pubDate")), item.findtext("pubDate")
        dates.append(parsedate_to_datetime(item.findtext("pubDate")))
        assert item.find("author") is None  # RSS <author> must be an e-mail address: we use dc:creator
        assert item.findall(DC)
        for category in item.findall("category"):
            assert category.text and ABSOLUTE.match(category.get("domain"))
        for enclosure in item.findall("enclosure"):
            assert ABSOLUTE.match(enclosure.get("url"))
            assert enclosure.get("length").isdigit()
            assert re.match(r"^image/[a-z+.-]+$", enclosure.get("type"))
        assert len(item.findall("enclosure")) <= 1
        for source in item.findall("source"):
            assert ABSOLUTE.match(source.get("url")) and source.text
        for encoded in item.findall(CONTENT):
            for attr in html.fromstring(encoded.text).xpath("//@href | //@src"):
                assert ABSOLUTE.match(attr), attr
    assert len(set(guids)) == len(guids)
    assert dates == sorted(dates, reverse=True)
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) >= dates[0]


def check_atom(root, url: str) -> None:
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") and root.findtext(f"{ATOM}id")
    selfs = root.findall(f"{ATOM}link[@rel='self']")
    assert [s.get("href") for s in selfs] == [url]
    assert root.find(f"{ATOM}author/{ATOM}name").text
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    entries = root.findall(f"{ATOM}entry")
    assert entries
    ids, published, updated = [], [], []
    for entry in entries:
        ids.append(entry.findtext(f"{ATOM}id"))
        assert re.match(r"^tag:[a-z0-9.-]+,\d{4}-\d\d-\d\d:/\S+$", ids[-1])
        assert entry.findtext(f"{ATOM}title")
        for name, into in (("published", published), ("updated", updated)):
            value = entry.findtext(f"{ATOM}{name}")
            assert RFC3339.match(value), value
            into.append(datetime.fromisoformat(value))
        alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and ABSOLUTE.match(alternates[0].get("href"))
        for link in entry.findall(f"{ATOM}link"):
            assert ABSOLUTE.match(link.get("href"))
            if link.get("rel") == "enclosure":
                assert link.get("type", "").startswith("image/")
                assert link.get("length") is None or link.get("length").isdigit()
        content = entry.find(f"{ATOM}content")
        assert content.get("type") == "html"
        for attr in html.fromstring(content.text).xpath("//@href | //@src"):
            assert ABSOLUTE.match(attr), attr
        for category in entry.findall(f"{ATOM}category"):
            assert category.get("term") and ABSOLUTE.match(category.get("scheme"))
    assert len(set(ids)) == len(ids)
    assert published == sorted(published, reverse=True)
    assert datetime.fromisoformat(root.findtext(f"{ATOM}updated")) == max(updated)


def check_all(output: Path, base: str) -> int:
    written = feeds(output)
    assert written
    for path, data in written.items():
        text = data.decode("utf-8")
        assert not NOT_XML.search(text), path
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries
        root = etree.fromstring(data)  # well-formed, or this raises
        url = f"{base}/{path}"
        check_rss(root, url) if path.endswith("rss.xml") else check_atom(root, url)
    return len(written)


def test_every_feed_is_valid(output):
    assert check_all(output, DEV) == 20  # (site + 2 languages + 2 categories + 2 stories + 3 entities) x 2


def test_the_repository_site_feeds_are_valid(site):
    assert check_all(site, DEV) > 20


def test_site_feed_lists_everything_newest_first(output):
    assert links(output, "feeds/rss.xml") == [BI, TALKS, LAVROV, KIM]
    assert links(output, "feeds/atom.xml") == [BI, TALKS, LAVROV, KIM]


def test_kind_feeds_list_exactly_their_articles(output):
    assert links(output, "cerita/korut-rusia/rss.xml") == [TALKS, LAVROV, KIM]
    assert links(output, "cerita/suku-bunga/atom.xml") == [BI]
    assert links(output, "kategori/internasional/rss.xml") == [TALKS, LAVROV, KIM]
    assert links(output, "kategori/ekonomi/atom.xml") == [BI]
    assert links(output, "feeds/en/rss.xml") == [TALKS]
    assert links(output, "feeds/id/atom.xml") == [BI, LAVROV, KIM]


def test_entity_feeds_list_the_articles_that_name_the_entity(output):
    # Kim Jong Un is named in three articles, Putin only in the first, Bank Indonesia in the last.
    assert links(output, "entitas/kim-jong-un/rss.xml") == [TALKS, LAVROV, KIM]
    assert links(output, "entitas/vladimir-putin/atom.xml") == [KIM]
    assert links(output, "entitas/bank-indonesia/rss.xml") == [BI]


def test_rss_item_fields(output):
    channel = etree.parse(str(output / "cerita/korut-rusia/rss.xml")).getroot().find("channel")
    assert channel.findtext("title") == "Warta: Korea Utara dan Rusia"
    assert channel.findtext("link") == f"{DEV}/cerita/korut-rusia/"
    assert channel.findtext("description") == "Hubungan Pyongyang dan Moskow sejak pertemuan di Timur Jauh."
    assert channel.findtext("lastBuildDate") == "Thu, 02 Nov 2023 14:00:00 +0700"
    assert channel.findtext("generator") == "Warta"
    kim = channel.findall("item")[2]
    assert kim.findtext("title") == "Kim Jong Un dan Vladimir Putin bertemu di Vostochny"
    assert kim.findtext("link") == f"{DEV}/{KIM}"
    assert kim.find("guid").text == "tag:localhost,2023-09-13:/2023/09/kim-putin-bertemu"
    assert kim.find("guid").get("isPermaLink") == "false"
    assert kim.findtext("pubDate") == "Wed, 13 Sep 2023 20:10:00 +0700"
    assert kim.findtext("description") == "Pemimpin Korea Utara dan Presiden Rusia bertemu di kosmodrom Vostochny."
    assert [c.text for c in kim.findall(DC)] == ["Ani Wijaya", "Budi Santoso"]
    assert [(c.text, c.get("domain")) for c in kim.findall("category")] == [
        ("Internasional", f"{DEV}/kategori/internasional/"), ("diplomasi", f"{DEV}/tag/diplomasi/"),
        ("korea-utara", f"{DEV}/tag/korea-utara/"), ("Kim Jong Un", f"{DEV}/entitas/kim-jong-un/"),
        ("Vladimir Putin", f"{DEV}/entitas/vladimir-putin/")]
    enclosure = kim.find("enclosure")
    assert dict(enclosure.attrib) == {"url": f"{DEV}/images/peta.png", "length": "67", "type": "image/png"}
    assert (kim.find("source").get("url"), kim.find("source").text) == (
        "https://news.example.com/2023/09/13/kim-putin", "Contoh Harian")
    body = html.fromstring(kim.findtext(CONTENT))
    hrefs = body.xpath("//a/@href")  # the entity plugin may link first mentions too
    assert {f"{DEV}/tentang/", f"{DEV}/{LAVROV}"} <= set(hrefs)
    assert all(href.startswith(f"{DEV}/") for href in hrefs)
    assert body.xpath("//img/@src") == [f"{DEV}/images/peta.png"]
    remote = channel.findall("item")[1].find("enclosure")  # a remote image: size unknown, so length 0
    assert dict(remote.attrib) == {"url": "https://img.example.com/foto/lavrov.webp", "length": "0",
                                   "type": "image/webp"}


def test_atom_entry_fields(output):
    root = etree.parse(str(output / "cerita/korut-rusia/atom.xml")).getroot()
    assert root.findtext(f"{ATOM}updated") == "2023-11-02T14:00:00+07:00"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "id"
    lavrov = root.findall(f"{ATOM}entry")[1]
    assert lavrov.findtext(f"{ATOM}published") == "2023-10-19T09:00:00+07:00"
    assert lavrov.findtext(f"{ATOM}updated") == "2023-10-20T10:30:00+07:00"  # front-matter `modified`
    assert [a.text for a in lavrov.findall(f"{ATOM}author/{ATOM}name")] == ["Ani Wijaya"]
    enclosure = lavrov.find(f"{ATOM}link[@rel='enclosure']")
    assert dict(enclosure.attrib) == {"rel": "enclosure", "href": "https://img.example.com/foto/lavrov.webp",
                                      "type": "image/webp"}  # no length when it is not known
    kim = root.findall(f"{ATOM}entry")[2]
    via = kim.find(f"{ATOM}link[@rel='via']")
    assert (via.get("href"), via.get("title")) == ("https://news.example.com/2023/09/13/kim-putin", "Contoh Harian")
    assert kim.find(f"{ATOM}link[@rel='enclosure']").get("length") == "67"


def test_article_without_summary_and_with_control_characters(output):
    data = (output / "feeds/en/rss.xml").read_bytes()
    item = etree.fromstring(data).find("channel/item")
    assert item.find(CONTENT) is None  # no lede: the full text is the description
    assert html.fromstring(item.findtext("description")).text_content() == (
        "Kim Jong Un said the talks with Moscow were useful and would go on.")
    assert item.find("enclosure") is None  # the image URL has no extension, so no type to give
    entry = feedparser.parse((output / "feeds/en/atom.xml").read_bytes()).entries[0]
    assert "summary_detail" not in entry or entry.summary_detail.type == "text/html"
    assert entry.title == "North Korea and Russia keep talking"


def test_autodiscovery_and_follow_link(output):
    home = html.fromstring((output / "index.html").read_bytes())
    found = [(link.get("type"), link.get("title"), link.get("href")) for link in home.xpath("//head/link[@rel='alternate']")]
    assert found == [("application/rss+xml", "Warta (RSS)", "./feeds/rss.xml"),
                     ("application/atom+xml", "Warta (Atom)", "./feeds/atom.xml")]
    page = html.fromstring((output / "kategori/ekonomi/index.html").read_bytes())
    hrefs = page.xpath("//head/link[@rel='alternate']/@href")
    assert hrefs == ["../../kategori/ekonomi/rss.xml", "../../kategori/ekonomi/atom.xml",
                     "../../feeds/rss.xml", "../../feeds/atom.xml"]
    assert page.xpath("//head/link[@rel='alternate']/@title")[0] == "Warta: Ekonomi (RSS)"
    follow = page.xpath("//p[@class='follow']/a")
    assert [(a.text, a.get("href")) for a in follow] == [("Ikuti lewat RSS", "../../kategori/ekonomi/rss.xml"),
                                                         ("Umpan Atom", "../../kategori/ekonomi/atom.xml")]
    for href in hrefs:  # every advertised feed exists
        assert (output / "kategori/ekonomi" / href).resolve().is_file()


def test_two_builds_write_byte_identical_feeds(output, tmp_path):
    again = build(tmp_path)
    assert feeds(again) == feeds(output)


def test_limits_and_production_urls(tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom publishconf import *\n"
                    "SITEURL = 'https://warta.example.org'\nWARTA_FEEDS = {'limit': 2, 'site_limit': 3, "
                    "'entity_rss': '', 'lang_atom': ''}\n")
    output = build(tmp_path, "--conf", str(conf))
    assert check_all(output, "https://warta.example.org") == 15  # 20 less 3 entity RSS and 2 language Atom feeds
    assert not (output / "entitas/kim-jong-un/rss.xml").exists()
    assert (output / "entitas/kim-jong-un/atom.xml").is_file()
    prod = "https://warta.example.org/"
    site = etree.parse(str(output / "feeds/rss.xml")).getroot()
    assert [i.findtext("link").removeprefix(prod) for i in site.iter("item")] == [BI, TALKS, LAVROV]
    assert site.find("channel/item/guid").text == "tag:warta.example.org,2024-01-17:/2024/01/bi-tahan-suku-bunga"
    story = etree.parse(str(output / "cerita/korut-rusia/atom.xml")).getroot()
    assert [e.find(f"{ATOM}link").get("href").removeprefix(prod) for e in story.iter(f"{ATOM}entry")] == [TALKS, LAVROV]


@pytest.mark.parametrize("setting, message", [
    ("{'limt': 5}", "conf.py:4: WARTA_FEEDS.limt: unknown setting (did you mean 'limit'?)"),
    ("{'limit': -1}", "conf.py:4: WARTA_FEEDS.limit: must be at least 0, got -1"),
    ("{'story_rss': 'cerita/{slug}/rss.xml'}", "conf.py:4: WARTA_FEEDS.story_rss: must be a file name ending in '.xml'"),
])
def test_bad_settings_fail_the_build_in_one_line(tmp_path, setting, message):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\nWARTA_FEEDS = {setting}\n")
    result = run_build(content, tmp_path / "output", "--conf", str(conf))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()
