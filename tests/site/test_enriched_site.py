"""The newsroom fixture built for real: entity, story and timeline pages, JSON export, TimelineJS."""

import json

from lxml import html

SEED = "2023/09/korut-klaim-hasilkan-kesepakatan-yang-memuaskan-dengan-rusia/"


def load(site, path):
    return html.fromstring((site / path).read_bytes())


def api(site, name):
    return json.loads((site / "api" / name).read_text(encoding="utf-8"))


def seed_record(site):
    return next(a for a in api(site, "articles.json")["articles"] if a["url"] == "/" + SEED)


def test_seed_article_is_tagged_with_its_people_and_places(site):
    record = seed_record(site)
    ids = [e["id"] for e in record["entities"] if e["registered"]]
    for expected in ("kim-jong-un", "vladimir-putin", "north-korea", "russia", "kcna", "kremlin"):
        assert expected in ids, expected
    saliences = [e["salience"] for e in record["entities"]]
    assert saliences == sorted(saliences, reverse=True)
    assert all(0 <= s <= 1 for s in saliences)
    kim = next(e for e in record["entities"] if e["id"] == "kim-jong-un")
    assert kim["role"] == "about" and kim["mentions"] >= 5


def test_seed_discovers_names_missing_from_the_registry(site):
    discovered = {e["name"]: e for e in seed_record(site)["entities"] if not e["registered"]}
    assert "Dmitry Peskov" in discovered
    assert discovered["Dmitry Peskov"]["type"] == "person"


def test_seed_timeline_holds_the_three_reported_dates(site):
    events = {(e["date"], e["precision"]) for e in seed_record(site)["events"] if not e["publication"]}
    assert {("2023-09-13", "day"), ("2023-09-14", "day"), ("2023-09-04", "day")} <= events
    publication = [e for e in seed_record(site)["events"] if e["publication"]]
    assert [e["date"] for e in publication] == ["2023-09-14"]


def test_article_page_shows_entity_chips_by_salience_and_story_neighbours(site):
    doc = load(site, SEED + "index.html")
    chips = doc.xpath("//nav[@class='entities']//a")
    saliences = [float(a.get("data-salience")) for a in chips]
    assert len(chips) >= 5 and saliences == sorted(saliences, reverse=True)
    assert "../../../entitas/kim-jong-un/" in [a.get("href") for a in chips]
    story = sorted((a for a in api(site, "articles.json")["articles"] if a["story"] == "korut-rusia"),
                   key=lambda a: a["date"])
    assert story[0]["url"] == "/" + SEED  # the seed opens the story
    nav = doc.xpath("//nav[@class='in-story']")[0]
    assert nav.xpath("string(.//p/a)") == "Korea Utara dan Rusia"
    assert nav.xpath(".//a[@rel='prev']") == []
    assert nav.xpath("string(.//a[@rel='next'])") == story[1]["title"]


def test_entity_page_lists_articles_newest_first_with_timeline(site):
    doc = load(site, "entitas/kim-jong-un/index.html")
    assert doc.xpath("string(//h1)") == "Kim Jong Un"
    assert "Q56226" in doc.xpath("string(//p[@class='wikidata']/a/@href)")
    dates = [t.get("datetime") for t in doc.xpath("//ol[@class='articles']//time")]
    assert dates and dates == sorted(dates, reverse=True)
    events = doc.xpath("//section[@id='timeline']//ol[@class='events']/li/time/@datetime")
    assert len(events) >= 5
    related = [a.get("href") for a in doc.xpath("//section[@aria-labelledby='related-h']//a")]
    assert any("vladimir-putin" in href for href in related)


def test_entity_export_matches_entity_pages(site):
    entities = {e["id"]: e for e in api(site, "entities.json")["entities"]}
    assert len(entities) >= 60
    kim = entities["kim-jong-un"]
    assert kim["type"] == "person" and kim["wikidata"] == "Q56226" and kim["url"] == "/entitas/kim-jong-un/"
    page_articles = load(site, "entitas/kim-jong-un/index.html").xpath("//ol[@class='articles']//h2/a/@href")
    assert kim["article_count"] >= len(page_articles) > 0
    tagged = [a["url"] for a in api(site, "articles.json")["articles"]
              if any(e["id"] == "kim-jong-un" for e in a["entities"])]
    assert sorted(kim["articles"]) == sorted(tagged)


def test_entity_indexes_by_type_and_a_to_z(site):
    people = load(site, "entitas/tokoh/index.html")
    names = people.xpath("//ul[@class='index']/li/a/text()")
    assert "Kim Jong Un" in names and "Rusia" not in names
    counts = [int(c) for c in people.xpath("//ul[@class='index']/li/span[@class='count']/text()")]
    assert counts == sorted(counts, reverse=True)
    letters = load(site, "entitas/index.html").xpath("//main//h2/text()")
    assert letters == sorted(letters) and "K" in letters


def test_story_page_lists_its_articles_and_timeline(site):
    doc = load(site, "cerita/korut-rusia/index.html")
    assert doc.xpath("string(//h1)")
    story_urls = {a["url"] for a in api(site, "articles.json")["articles"] if a["story"] == "korut-rusia"}
    listed = {"/" + h.split("../../", 1)[-1] for h in doc.xpath("//ol[@class='articles']//h2/a/@href")}
    assert listed == story_urls
    assert doc.xpath("//ol[@class='events']/li/time")


def test_timelinejs_files_follow_timelinejs_rules(site):
    files = sorted(site.glob("cerita/*/timeline.json")) + sorted(site.glob("entitas/*/timeline.json"))
    assert len(files) >= 10
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["title"]["text"]["headline"]
        assert data["events"], path
        ids = [e["unique_id"] for e in data["events"]]
        assert len(ids) == len(set(ids)), path
        for event in data["events"]:
            date = event["start_date"]
            assert isinstance(date["year"], int)
            assert all(isinstance(date[k], int) for k in ("month", "day") if k in date)
            assert "day" not in date or "month" in date
            assert event["text"]["headline"]
    story = json.loads((site / "cerita/korut-rusia/timeline.json").read_text(encoding="utf-8"))
    assert {"year": 2023, "month": 9, "day": 13} in [e["start_date"] for e in story["events"]]
    link = load(site, "cerita/korut-rusia/index.html").xpath("//p[@class='data']/a/@href")
    assert link and link[0].endswith("timeline.json")


def test_site_timeline_page_is_an_ordered_list_of_times(site):
    doc = load(site, "linimasa/index.html")
    times = doc.xpath("//ol[@class='events']/li/time/@datetime")
    assert len(times) >= 20
    headings = doc.xpath("//section[@class='period']/h3/text()")
    assert headings[0] != headings[-1]


def test_first_body_mention_links_to_the_entity_page(site):
    doc = load(site, SEED + "index.html")
    links = doc.xpath("//div[@class='body']//a[@class='entity']")
    targets = [a.get("href") for a in links]
    assert len(targets) == len(set(targets)) >= 5
    kim = [a for a in links if a.get("href") == "../../../entitas/kim-jong-un/"]
    assert [a.text for a in kim] == ["Kim Jong Un"]
    first_paragraph = doc.xpath("//div[@class='body']/p")[0]
    assert "../../../entitas/kim-jong-un/" in first_paragraph.xpath(".//a/@href")


def test_article_json_ld_names_what_it_is_about(site):
    doc = load(site, SEED + "index.html")
    scripts = doc.xpath("//script[@type='application/ld+json']/text()")
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@type"] == "NewsArticle" and data["headline"] == doc.xpath("string(//h1)")
    assert data["datePublished"] == "2023-09-14T15:56:00+07:00" and data["inLanguage"] == "id"
    about = {item["name"]: item for item in data["about"]}
    assert about["Kim Jong Un"]["@type"] == "Person"
    assert about["Kim Jong Un"]["sameAs"] == "https://www.wikidata.org/wiki/Q56226"
    assert {m["name"] for m in data["mentions"]}.isdisjoint(about)


def test_rebuilding_the_same_content_gives_byte_identical_files(site, tmp_path):
    from tests.conftest import NEWSROOM, run_build

    again = tmp_path / "again"
    assert run_build(NEWSROOM, again).returncode == 0

    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    first, second = files(site), files(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
