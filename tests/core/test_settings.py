"""warta.settings: one declared schema, every problem at once at its line, every URL derived from one place."""

import sys
import textwrap
from pathlib import Path

import pytest
from warta.settings import Entities, Settings, Urls, markdown, read, setting_lines

REPO = Path(__file__).resolve().parents[2]


def messages(values: dict) -> list[str]:
    return [str(p) for p in read(values)[1]]


def test_defaults_are_valid_and_a_partial_dict_keeps_the_other_defaults():
    settings, problems = read({"WARTA_URLS": {"entity": "tokoh/{id}/"}, "WARTA_ENTITIES": {"related_limit": 3}})
    assert problems == []
    assert settings.urls == Urls(entity="tokoh/{id}/")
    assert settings.urls.stories == "cerita/"
    assert settings.entities == Entities(related_limit=3)


def test_the_pelicanconf_values_are_the_declared_defaults():
    sys.path.insert(0, str(REPO))
    import pelicanconf

    settings, problems = read(vars(pelicanconf))
    assert problems == []
    assert settings == Settings()


def test_every_url_follows_the_page_patterns():
    settings = read({"WARTA_URLS": {"entity": "tokoh/{id}/", "story": "kisah/{slug}/", "api": "data/"},
                     "CATEGORY_URL": "rubrik/{slug}/"})[0]
    assert settings.urls.entity_page("kim") == "tokoh/kim/"
    assert settings.urls.timeline_json(settings.urls.story_page("korut")) == "kisah/korut/timeline.json"
    assert settings.urls.api_file("articles.json") == "data/articles.json"
    assert settings.feed_path("entity", "rss", "kim") == "tokoh/kim/rss.xml"
    assert settings.feed_path("story", "atom", "korut") == "kisah/korut/atom.xml"
    assert settings.feed_path("category", "rss", "ekonomi") == "rubrik/ekonomi/rss.xml"
    assert settings.feed_path("site", "rss") == "feeds/rss.xml"
    assert settings.feed_path("lang", "atom", "en") == "feeds/en/atom.xml"


def test_an_empty_feed_name_turns_one_format_off():
    settings, problems = read({"WARTA_FEEDS": {"story_atom": ""}})
    assert problems == []
    assert settings.feed_path("story", "atom", "x") == ""
    assert settings.feed_path("story", "rss", "x") == "cerita/x/rss.xml"


@pytest.mark.parametrize("values, expected", [
    ({"WARTA_URLS": {"entty": "x/{id}/"}}, "pelicanconf.py: WARTA_URLS.entty: unknown setting (did you mean 'entity'?)"),
    ({"WARTA_URL": {}}, "pelicanconf.py: WARTA_URL: unknown setting (did you mean 'WARTA_URLS'?)"),
    ({"WARTA_TIMELINE_LIMIT": "lots"}, "pelicanconf.py: WARTA_TIMELINE_LIMIT: must be a whole number, got str 'lots'"),
    ({"WARTA_FEEDS": {"limit": True}}, "pelicanconf.py: WARTA_FEEDS.limit: must be a whole number, got bool True"),
    ({"WARTA_FEEDS": {"site_limit": -1}}, "pelicanconf.py: WARTA_FEEDS.site_limit: must be at least 0, got -1"),
    ({"WARTA_ENTITIES": {"discovery_threshold": 2}},
     "pelicanconf.py: WARTA_ENTITIES.discovery_threshold: must be between 0 and 1, got 2.0"),
    ({"WARTA_ENTITIES": {"link_first_mention": "yes"}},
     "pelicanconf.py: WARTA_ENTITIES.link_first_mention: must be True or False, got str 'yes'"),
    ({"WARTA_ENTITIES": ["x"]}, "pelicanconf.py: WARTA_ENTITIES: must be a dict, got list"),
    ({"WARTA_URLS": {"story": "cerita/"}},
     "pelicanconf.py: WARTA_URLS.story: must contain {slug} and nothing else in braces, got 'cerita/'"),
    ({"WARTA_URLS": {"timeline": "linimasa"}},
     "pelicanconf.py: WARTA_URLS.timeline: must be a site-relative folder ending in '/', got 'linimasa'"),
    ({"WARTA_FEEDS": {"site_url": "localhost:8000"}},
     "pelicanconf.py: WARTA_FEEDS.site_url: must be an absolute http(s) URL, got 'localhost:8000'"),
    ({"WARTA_FEEDS": {"entity_rss": "entitas/{id}/rss.xml"}},
     "pelicanconf.py: WARTA_FEEDS.entity_rss: must be a file name ending in '.xml' (the folder is the entity's "
     "page), got 'entitas/{id}/rss.xml'"),
    ({"WARTA_FEEDS": {"site_rss": "feeds/{lang}/rss.xml"}},
     "pelicanconf.py: WARTA_FEEDS.site_rss: must contain no placeholder and nothing else in braces, "
     "got 'feeds/{lang}/rss.xml'"),
    ({"WARTA_FEEDS": {"lang_rss": "/feeds/{lang}.xml"}},
     "pelicanconf.py: WARTA_FEEDS.lang_rss: must be a site-relative path ending in '.xml', got '/feeds/{lang}.xml'"),
    ({"WARTA_FEEDS": {"site_atom": "feeds/rss.xml"}},
     "pelicanconf.py: WARTA_FEEDS.site_atom: is the same path as site_rss"),
    ({"WARTA_FEEDS": {"entity_atom": "rss.xml"}},
     "pelicanconf.py: WARTA_FEEDS.entity_atom: collides with another file in the entity folder"),
    ({"CATEGORY_URL": "category/{slug}.html"},
     "pelicanconf.py: WARTA_FEEDS.category_rss: category feeds need a folder-style CATEGORY_URL (ending in '/'), "
     "got 'category/{slug}.html' (set it to '' to turn category feeds off)"),
    ({"DEFAULT_LANG": "fr"}, "pelicanconf.py: DEFAULT_LANG: must be one of id, en, got 'fr'"),
    ({"TIMEZONE": "Asia/Jakrta"}, "pelicanconf.py: TIMEZONE: unknown time zone 'Asia/Jakrta' (e.g. 'Asia/Jakarta')"),
])
def test_bad_settings_are_problems(values, expected):
    assert messages(values) == [expected]


def test_every_problem_is_reported_at_once_at_its_line(tmp_path):
    base = tmp_path / "base.py"
    base.write_text("WARTA_ENTITIES = {'related_limit': 3}\nWARTA_TIMELINE_LIMIT = 5\n")
    conf = tmp_path / "conf.py"
    conf.write_text(textwrap.dedent("""\
        from base import *
        WARTA_URLS = {
            "entty": "x/{id}/",
            "story": "cerita/",
        }
        WARTA_TIMELINE_LIMIT = "lots"
    """))
    values = {"WARTA_URLS": {"entty": "x/{id}/", "story": "cerita/"}, "WARTA_TIMELINE_LIMIT": "lots",
              "WARTA_ENTITIES": {"related_limit": -3}}
    lines = setting_lines(conf)
    assert lines["WARTA_ENTITIES.related_limit"][1] == 1 and lines["WARTA_ENTITIES"][0].endswith("base.py")
    found = [(Path(p.path).name, p.line, p.message) for p in read(values, lines)[1]]
    assert found == [
        ("base.py", 1, "WARTA_ENTITIES.related_limit: must be at least 0, got -3"),
        ("conf.py", 3, "WARTA_URLS.entty: unknown setting"),
        ("conf.py", 4, "WARTA_URLS.story: must contain {slug} and nothing else in braces, got 'cerita/'"),
        ("conf.py", 6, "WARTA_TIMELINE_LIMIT: must be a whole number, got str 'lots'"),
    ]


def test_docs_settings_md_is_generated_from_the_schema():
    """Run `invoke settings-doc` after changing plugins/warta/settings.py."""
    text = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    assert markdown() in text
    for name in ("WARTA_URLS", "WARTA_ENTITIES", "WARTA_FEEDS", "WARTA_TIMELINE_LIMIT", "TIMEZONE"):
        assert f"`{name}`" in markdown()


def test_settings_doc_task_rewrites_only_the_generated_part(tmp_path):
    from tasks import write_settings_doc

    doc = tmp_path / "settings.md"
    doc.write_text("# Intro\n\n<!-- settings:begin -->\nstale text\n<!-- settings:end -->\n\nafter\n", encoding="utf-8")
    write_settings_doc(doc)
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Intro\n") and text.endswith("\nafter\n") and "stale text" not in text
    assert markdown() in text
