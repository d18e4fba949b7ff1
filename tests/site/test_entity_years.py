"""An entity named in more articles than its page lists gets a page per year (WARTA_ENTITY_ARCHIVE): built for
real from the newsroom fixture with small limits, read back with lxml, checked by the Nu HTML Checker."""

import json
import subprocess

import pytest
from lxml import html

from tests.conftest import NEWSROOM, REPO, VNU, run_build

ENTITY = "entitas/kim-jong-un/"


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    folder = tmp_path_factory.mktemp("years")
    conf = folder / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
                    "WARTA_ENTITY_ARTICLES = 1\nWARTA_ENTITY_ARCHIVE = 1\n")
    result = run_build(NEWSROOM, folder / "output", "--conf", str(conf))
    assert result.returncode == 0, result.stderr
    return folder / "output"


def naming(output, entity_id):
    """(url, year) of every article naming the entity, from the JSON export."""
    articles = json.loads((output / "api" / "articles.json").read_text(encoding="utf-8"))["articles"]
    return {(a["url"], a["date"][:4]) for a in articles if entity_id in {e["id"] for e in a["entities"]}}


def page(output, path):
    return html.fromstring((output / path).read_bytes())


def test_an_entity_page_lists_what_its_limits_allow_and_links_a_page_per_year(output):
    expected = naming(output, "kim-jong-un")
    assert len(expected) > 2  # more than the page lists: one in full, one by month
    entity = page(output, ENTITY + "index.html")
    assert len(entity.xpath("//ol[@class='articles']/li")) == 1
    assert len(entity.xpath("//section[@class='archive']/ul/li")) == 1
    years = entity.xpath("//section[@class='archive']/nav[@class='years']//li")
    links = [(li.xpath("string(a/@href)"), li.xpath("string(a/text())").strip(), int(li.xpath("string(a/span)")))
             for li in years]
    assert [year for _, year, _ in links] == sorted({year for _, year in expected}, reverse=True)
    assert sum(count for *_, count in links) == len(expected)
    for href, year, count in links:
        assert href.endswith(f"{ENTITY}{year}/")
        doc = page(output, f"{ENTITY}{year}/index.html")
        listed = ["/" + a.get("href").split("../")[-1] for a in doc.xpath("//section[@class='archive']//li/a")]
        assert sorted(listed) == sorted(url for url, y in expected if y == year) and len(listed) == count
        assert doc.xpath("string(//h1)") == f"Kim Jong Un pada {year}"


def test_year_pages_link_each_other_newest_first_and_pass_the_nu_html_checker(output):
    pages = sorted((output / ENTITY).glob("*/index.html"))
    years = [p.parent.name for p in pages]
    assert years == sorted({year for _, year in naming(output, "kim-jong-un")}) and len(years) >= 2
    for newer, older in zip(reversed(years), list(reversed(years))[1:]):
        assert page(output, f"{ENTITY}{newer}/index.html").xpath("string(//a[@rel='next'])") == older
        assert page(output, f"{ENTITY}{older}/index.html").xpath("string(//a[@rel='prev'])") == newer
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                             str(output / ENTITY / "index.html"), *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    assert json.loads(result.stderr or '{"messages": []}')["messages"] == [] and result.returncode == 0


def test_with_the_default_limits_a_small_site_has_no_year_pages(site):
    assert not list((site / ENTITY).glob("*/index.html"))
    assert page(site, ENTITY + "index.html").xpath("//nav[@class='years']") == []
