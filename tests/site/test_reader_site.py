"""The reader's site, built for real from tests/data/reader and read back with lxml: the front page digest,
daily editions, related articles, Open Graph and JSON-LD, sitemaps, robots.txt, the 404 page and the search index."""

import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from tests.conftest import READER, run_build

FIXTURE = READER
DEV = "http://localhost:8000"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
W3C_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


@pytest.fixture(scope="module")
def output(reader_site) -> Path:
    return reader_site


def page(output: Path, path: str):
    return html.fromstring((output / path).read_bytes())


def test_front_page_leads_with_the_featured_article_then_sections_and_stories(output):
    home = page(output, "index.html")
    assert home.xpath("string(//article[@class='lead']//h2)") == "KPU mulai rekapitulasi suara di Jakarta"
    sections = [(s.xpath("string(h2)"), s.xpath(".//h2/a/text()")) for s in home.xpath("//section[@class='section']")]
    assert sections == [("Ekonomi", ["Bank Indonesia menahan suku bunga"]),
                        ("Nasional", ["Search on Mount Marapi ends as last climbers found"])]
    story = home.xpath("//section[@class='running']//li")[0]
    assert story.xpath("string(a)") == "Erupsi Gunung Marapi" and "3 artikel" in story.text_content()
    assert home.xpath("//nav[@class='earlier']//a/@href") == [
        "./edisi/2024/05/13/", "./edisi/2024/05/12/", "./edisi/2023/09/14/", "./edisi/"]
    assert len(home.xpath("//h1")) == 1


def test_editions_per_day_with_previous_and_next(output):
    middle = page(output, "edisi/2024/05/13/index.html")
    assert middle.xpath("string(//h1)") == "Edisi Senin, 13 Mei 2024"
    assert [s.xpath("string(h2)") for s in middle.xpath("//section[@class='section']")] == ["Nasional", "Politik"]
    assert middle.xpath("//a[@rel='prev']/@href") == ["../../../../edisi/2024/05/12/"]
    assert middle.xpath("//a[@rel='next']/@href") == ["../../../../edisi/2024/05/14/"]
    first = page(output, "edisi/2023/09/14/index.html")
    assert not first.xpath("//a[@rel='prev']") and first.xpath("//a[@rel='next']/@href") == [
        "../../../../edisi/2024/05/12/"]
    first = page(output, "edisi/2024/05/12/index.html")
    chips = first.xpath("//section[@class='section']//ul[contains(@class, 'chips')]//a/text()")
    assert "Gunung Marapi" in chips
    archive = page(output, "edisi/index.html")
    assert archive.xpath("//h2/text()") == ["Mei 2024", "September 2023"]
    assert [len(ol.xpath("li")) for ol in archive.xpath("//ol[@class='archive']")] == [3, 1]


@pytest.mark.parametrize("path, expected", [
    ("2024/05/kpu-rekapitulasi", ["KPU umumkan jadwal pleno berikutnya"]),
    ("2024/05/marapi-meletus", ["Pencarian pendaki Marapi berlanjut",
                                "Search on Mount Marapi ends as last climbers found"]),
    ("2024/05/cuaca-cerah", []),  # shares nothing: no related list at all
])
def test_related_articles(output, path, expected):
    article = page(output, path + "/index.html")
    assert article.xpath("//nav[@class='related']//a/text()") == expected
    assert bool(article.xpath("//nav[@class='related']")) == bool(expected)


def meta(doc, name):
    found = doc.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    return found[0] if len(found) == 1 else found


@pytest.mark.parametrize("path, canonical", [
    ("index.html", f"{DEV}/"), ("2024/05/marapi-rescue-ends/index.html", f"{DEV}/2024/05/marapi-rescue-ends/"),
    ("edisi/2024/05/14/index.html", f"{DEV}/edisi/2024/05/14/"), ("entitas/kpu/index.html", f"{DEV}/entitas/kpu/"),
    ("cerita/erupsi-marapi/index.html", f"{DEV}/cerita/erupsi-marapi/"), ("tentang/index.html", f"{DEV}/tentang/"),
    ("linimasa/index.html", f"{DEV}/linimasa/"), ("cari/index.html", f"{DEV}/cari/"),
])
def test_every_page_type_has_open_graph_and_a_canonical_url(output, path, canonical):
    doc = page(output, path)
    assert doc.xpath("string(//link[@rel='canonical']/@href)") == canonical == meta(doc, "og:url")
    assert meta(doc, "og:title") and meta(doc, "og:description") and meta(doc, "twitter:card")
    assert meta(doc, "og:site_name") == "Warta"
    assert meta(doc, "og:locale") == ("en_US" if "rescue" in path else "id_ID")


def test_article_metadata(output):
    doc = page(output, "2024/05/marapi-rescue-ends/index.html")
    assert doc.get("lang") == "en"
    assert meta(doc, "og:type") == "article"
    assert meta(doc, "og:title") == "Search on Mount Marapi ends as last climbers found"
    assert meta(doc, "article:published_time") == "2024-05-14T16:00:00+07:00"
    assert meta(doc, "article:section") == "Nasional"


def jsonld(doc):
    return [json.loads(s.text) for s in doc.xpath("//script[@type='application/ld+json']")]


def test_entity_and_story_json_ld(output):
    (kpu,) = jsonld(page(output, "entitas/kpu/index.html"))
    assert kpu["@type"] == "Organization" and kpu["name"] == "Komisi Pemilihan Umum"
    assert kpu["sameAs"] == ["https://www.wikidata.org/wiki/Q3115738"] and kpu["alternateName"] == ["KPU"]
    (place,) = jsonld(page(output, "entitas/gunung-marapi/index.html"))
    assert place["@type"] == "Place" and "sameAs" not in place
    (story,) = jsonld(page(output, "cerita/erupsi-marapi/index.html"))
    assert story["@type"] == "ItemList" and story["numberOfItems"] == 3
    assert [i["position"] for i in story["itemListElement"]] == [1, 2, 3]
    assert story["itemListElement"][0]["url"] == f"{DEV}/2024/05/marapi-meletus/"


def test_sitemap_index_and_sitemaps_follow_the_protocol(output):
    index = etree.parse(str(output / "sitemap.xml")).getroot()
    assert index.tag == f"{SM}sitemapindex"
    locations = index.xpath("s:sitemap/s:loc/text()", namespaces={"s": SM[1:-1]})
    assert locations == [f"{DEV}/sitemaps/1.xml"]
    urlset = etree.parse(str(output / "sitemaps/1.xml")).getroot()
    assert urlset.tag == f"{SM}urlset"
    entries = {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in urlset}
    assert len(entries) == len(urlset) <= 50_000
    for loc, lastmod in entries.items():
        assert loc.startswith(DEV + "/") and len(loc) <= 2048
        assert lastmod is None or W3C_DATETIME.match(lastmod), lastmod
        assert [child.tag for child in urlset if child.findtext(f"{SM}loc") == loc][0] == f"{SM}url"
    assert entries[f"{DEV}/2024/05/marapi-meletus/"] == "2024-05-12T07:30:00+07:00"
    for path in ("", "edisi/2024/05/12/", "entitas/kpu/", "cerita/erupsi-marapi/", "tentang/", "kategori/politik/"):
        assert f"{DEV}/{path}" in entries, path
    assert f"{DEV}/cari/" not in entries  # the search page is not a page to index


def test_news_sitemap_holds_the_last_two_days(output):
    root = etree.parse(str(output / "news-sitemap.xml")).getroot()
    urls = root.findall(f"{SM}url")
    locs = [u.findtext(f"{SM}loc") for u in urls]
    assert f"{DEV}/2024/05/marapi-rescue-ends/" == locs[0]  # newest first
    assert f"{DEV}/2024/05/marapi-meletus/" not in locs and f"{DEV}/2024/05/cuaca-cerah/" not in locs
    assert f"{DEV}/2024/05/pencarian-pendaki-marapi/" in locs
    for url in urls:
        news = url.find(f"{NEWS}news")
        assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Warta"
        assert news.findtext(f"{NEWS}publication/{NEWS}language") in ("id", "en")
        assert W3C_DATETIME.match(news.findtext(f"{NEWS}publication_date"))
        assert news.findtext(f"{NEWS}title")
    assert urls[0].findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") == "en"


def test_robots_points_to_the_sitemaps(output):
    robots = (output / "robots.txt").read_text().splitlines()
    assert robots[0] == "User-agent: *" and "Disallow: /cari/" in robots
    assert f"Sitemap: {DEV}/sitemap.xml" in robots and f"Sitemap: {DEV}/news-sitemap.xml" in robots


def test_404_page_works_at_any_path(output):
    doc = page(output, "404.html")
    assert doc.xpath("string(//h1)") == "Halaman tidak ditemukan"
    assert doc.xpath("//section[@lang='en']//h2/text()") == ["Page not found"]
    assert doc.xpath("//link[@rel='stylesheet']/@href") == ["/theme/css/warta.css"]  # not relative to 404.html
    assert meta(doc, "robots") == "noindex"


def test_search_index_holds_both_languages_and_only_articles(output):
    """One index per year the articles are filed under, listed by the search page that merges them."""
    shards = page(output, "cari/index.html").xpath("//form[@role='search']/@data-shards")
    assert shards == ["2023 2024"]
    counts = {}
    for year in ("2023", "2024"):
        entry = json.loads((output / "pagefind" / year / "pagefind-entry.json").read_text())
        counts[year] = {lang: v["page_count"] for lang, v in entry["languages"].items()}
    assert counts == {"2023": {"id": 1}, "2024": {"id": 6, "en": 1}}
    assert not (output / "pagefind" / "pagefind-entry.json").exists()
    article = page(output, "2024/05/kpu-rekapitulasi/index.html")
    assert article.xpath("//*[@data-pagefind-body]") and article.xpath("//h1/@data-pagefind-weight") == ["10"]
    assert article.xpath("string(//*[@data-pagefind-meta='language'])") == "id"
    assert article.xpath("string(//*[@data-pagefind-meta='types'])") == "organization place"
    assert not page(output, "index.html").xpath("//*[@data-pagefind-body]")


def test_search_page_degrades_without_javascript(output):
    doc = page(output, "cari/index.html")
    assert "JavaScript" in doc.xpath("string(//noscript)")
    assert doc.xpath("//form[@role='search']//input[@type='search']/@name") == ["q"]
    assert doc.xpath("//select[@name='category']/option/text()")[1:] == ["Ekonomi", "Internasional", "Nasional", "Politik"]


def test_featured_must_be_true_or_false(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "articles/2024/05/cuaca-cerah.md"
    path.write_text(path.read_text().replace("category: Nasional", "category: Nasional\nfeatured: yes"))
    result = run_build(content, tmp_path / "output")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cuaca-cerah.md:6: 'featured' must be true or false, not 'yes'" in result.stderr

