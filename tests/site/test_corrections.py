"""A corrected article, built for real: the note at its end, JSON-LD, the feeds' updated time, listings."""

import json
import shutil

import feedparser
import lxml.html
import pytest

from tests.conftest import REPO, run_build

ARTICLE = "articles/2023/09/ktt-asean-ke-43-jakarta-ditutup.md"
URL = "2023/09/ktt-asean-ke-43-jakarta-ditutup/"
CORRECTIONS = """corrections:
  - date: 2023-09-08T10:15:00+07:00
    text: Tahun keketuaan Laos semula tertulis 2025; yang benar 2024.
  - {date: 2023-09-07T21:00:00+07:00, text: "Nama <b>kota</b> dibetulkan."}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("corrected")
    shutil.copytree(REPO / "content", root / "content")
    path = root / "content" / ARTICLE
    path.write_text(path.read_text().replace("status: published\n", "status: published\n" + CORRECTIONS, 1))
    result = run_build(root / "content", root / "output")
    assert result.returncode == 0, result.stderr
    return root / "output"


def test_the_corrections_are_at_the_end_of_the_article_with_their_time(built):
    doc = lxml.html.parse(str(built / URL / "index.html")).getroot()
    story = doc.xpath("//article[@class='story']")[0]
    aside = story.xpath("aside[@class='corrections']")[0]
    assert aside.getprevious().get("class") == "body"
    assert aside.xpath("h2/text()") == ["Koreksi"]
    items = aside.xpath(".//li")
    assert [li.xpath("time/@datetime")[0] for li in items] == ["2023-09-07T21:00:00+07:00", "2023-09-08T10:15:00+07:00"]
    assert items[1].xpath("time/text()") == ["Jumat, 8 September 2023 10.15 WIB"]
    assert items[0].text_content().endswith("Nama <b>kota</b> dibetulkan.")  # escaped, not markup
    updated = story.xpath(".//p[@class='byline']/time")[1]
    assert updated.get("datetime") == "2023-09-08T10:15:00+07:00"


def test_json_ld_carries_the_corrections_and_the_new_modified_date(built):
    doc = lxml.html.parse(str(built / URL / "index.html")).getroot()
    data = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])
    assert data["dateModified"] == "2023-09-08T10:15:00+07:00"
    assert data["correction"] == [
        {"@type": "CorrectionComment", "text": "Nama <b>kota</b> dibetulkan.",
         "datePublished": "2023-09-07T21:00:00+07:00"},
        {"@type": "CorrectionComment", "text": "Tahun keketuaan Laos semula tertulis 2025; yang benar 2024.",
         "datePublished": "2023-09-08T10:15:00+07:00"}]


def test_feed_entries_are_updated(built):
    feed = feedparser.parse((built / "feeds" / "atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith(URL))
    assert entry.updated == "2023-09-08T10:15:00+07:00"
    assert entry.published == "2023-09-07T19:20:00+07:00"
    others = [e for e in feed.entries if not e.link.endswith(URL)]
    assert others and all(e.updated == e.published for e in others)


def test_listings_mark_the_article_updated(built):
    doc = lxml.html.parse(str(built / "kategori" / "internasional" / "index.html")).getroot()
    marked = doc.xpath("//li[@class='item'][.//span[@class='updated']]")
    assert [li.xpath(".//h2/a/@href")[0].endswith(URL) for li in marked] == [True]
    assert marked[0].xpath(".//span[@class='updated']/time/@datetime") == ["2023-09-08T10:15:00+07:00"]
